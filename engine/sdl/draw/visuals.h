/* visuals: the shapes that follow the breath (circle, box, wave, bar, none). Each draws
 * one frame of the timeline inside an area; none of them keeps state. */
#ifndef EBB_VISUALS_H
#define EBB_VISUALS_H

#include <SDL.h>
#include <stdbool.h>

#include "theme.h"
#include "timeline.h"

/* Fractions the tests measure from the pixels (tests/integration/export_circle.sh). */
#define VISUAL_CIRCLE_RADIUS 0.30f /* full-breath radius, of min(width, height) */
#define VISUAL_CIRCLE_EMPTY 0.35f  /* radius at level 0, of the full radius */
#define VISUAL_CENTER_Y 0.44f      /* the shape's centre, of the height */

struct visual_ctx {
    SDL_Renderer *ren;
    const struct theme *th;
    int w, h;            /* output size in pixels */
    bool reduced_motion; /* brightness and opacity instead of size and movement */
    float opacity;       /* 0..1: 1 normally, lower when paused or fading */
};

/* Draws visual v for frame fr of plan tl (tl may be NULL for a static shape). */
void visual_draw(int v, const struct visual_ctx *vc, const struct ebb_timeline *tl,
                 const struct ebb_frame *fr);

/* The centre and full size of the shape, shared with the text layout. */
void visual_geometry(int w, int h, float *cx, float *cy, float *full_radius);

#endif
