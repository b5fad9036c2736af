/* render_span: render.c's shapes for SDL's software renderer, drawn as runs of pixels.
 *
 * The software renderer fills a blended triangle through a temporary surface of its own
 * (an allocation and a copy per triangle: a large disc took 16 ms at 1080p), but fills
 * rectangles straight into the target. So each shape is scanned row by row here: the
 * opaque inside becomes one run per row (unblended when the colour is opaque), and each
 * edge pixel gets its exact coverage, quantized to SPAN_LEVELS steps of alpha; runs of
 * one alpha are merged (across rows too) and every alpha is one SDL_RenderFillRectsF.
 * Every pixel of a shape is drawn once, so joints and overlaps never blend twice.
 * Nothing is allocated: the runs wait in static buckets. Rows and columns outside the
 * renderer's clip rectangle are not even looked at (the damage pass draws a few small
 * rectangles of a large picture). */
#ifndef EBB_RENDER_SPAN_H
#define EBB_RENDER_SPAN_H

#include <SDL.h>
#include <stdbool.h>

#define SPAN_LEVELS 64 /* steps of coverage: 4/255 apart, finer than any gradient shows */

/* True when `ren` is SDL's software renderer (the answer is remembered per renderer). */
bool span_software(SDL_Renderer *ren);

/* A disc or ring around (cx, cy) from four radii r[0] <= r[1] <= r[2] <= r[3]: the
 * coverage rises linearly from 0 at r[0] to 1 at r[1], stays 1 to r[2] and falls to 0
 * at r[3]. r[1] <= 0: a disc (no hole). */
void span_annulus(SDL_Renderer *ren, float cx, float cy, const float r[4], SDL_Color c);

/* A polyline through n points (n >= 2): opaque within `half` of the path, fading to 0
 * at half + feather; round at the joints, cut square (over one pixel) at both ends. */
void span_polyline(SDL_Renderer *ren, const SDL_FPoint *pts, int n, float half, float feather,
                   SDL_Color c);

/* A rectangle with corners of radius `radius` (at most half its sides), its edge
 * anti-aliased over one pixel centred on the exact outline. */
void span_round_rect(SDL_Renderer *ren, SDL_FRect rect, float radius, SDL_Color c);

#endif
