/* grounding_view: how a grounding session and a sequence's transition look
 * (docs/grounding-screen.md). Every step has the same two zones, so nothing jumps from
 * one step to the next: a figure above (the count's dots, a ring that empties, the
 * tense/release shape, or the two tap marks) and the words below (the prompt, large
 * and wrapped, then the detail). The band between them is left free for the paused
 * line that scene.c draws over a paused session.
 *
 * The layout is pure arithmetic on the output size (gv_layout and friends), so the
 * tests can measure it without a window; the constants below are what the integration
 * tests (tests/integration/grounding_*.sh) find in exported frames. */
#ifndef EBB_GROUNDING_VIEW_H
#define EBB_GROUNDING_VIEW_H

#include <SDL.h>
#include <stdbool.h>

#include "scene.h"
#include "script.h"
#include "session.h"

#define GV_FIGURE_Y 0.25f    /* the figure's centre, of the height */
#define GV_RING_R 0.13f      /* the timed ring's radius, of min(width, height) */
#define GV_TEXT_Y 0.50f      /* the top of the prompt, of the height */
#define GV_TEXT_W 0.80f      /* the prompt wraps at this much of the width... */
#define GV_TEXT_W_MAX 1.60f  /* ...and at most this much of the height (very wide screens) */
#define GV_TAP_SPREAD 0.50f  /* each tap mark's distance from the centre, of min(w, h)... */
#define GV_TAP_SPREAD_W 0.30f /* ...and at most this much of the width */
#define GV_TAP_R 0.07f       /* a tap mark's radius, of min(width, height) */
#define GV_DOT_R 0.03f       /* a count dot's largest radius, of min(width, height) */
#define GV_DOT_GAP 3.4f      /* centre to centre, in dot radii */
#define GV_DOTS_PER_ROW 10   /* more presses than this go on further rows */
#define GV_DOTS_MAX 100      /* a step's count is at most 100 (docs/script-format.md) */
#define GV_SHAPE_R 0.75f     /* the tense/release shape at rest, of the ring's radius */
#define GV_SHAPE_TIGHT 0.62f /* fully tensed, of the shape at rest */

/* Where everything goes at one output size, in output pixels. */
struct gv_layout {
    float unit;              /* min(w, h) / 720: line widths and gaps */
    float cx;                /* the horizontal centre */
    float fig_y;             /* the figure's centre */
    float ring_r, ring_w;    /* the timed ring: radius and line width */
    float text_y;            /* the top of the prompt */
    float text_w, detail_w;  /* wrap widths of the prompt and the detail */
    float tap_lx, tap_rx;    /* the tap marks' centres (at fig_y) */
    float tap_r;             /* their radius */
    float dot_r;             /* the largest radius of a count dot */
    float fig_top, fig_bottom; /* the figure zone: nothing of the figure outside it */
};

/* The layout for an output of w x h pixels. */
void gv_layout(int w, int h, struct gv_layout *out);

/* Centres of `count` dots (clamped to 1..GV_DOTS_MAX) in rows of at most
 * GV_DOTS_PER_ROW, centred on (cx, fig_y) and inside the figure zone and the width.
 * Writes at most `max` points to out; returns how many dots there are, and their
 * radius in *radius. */
int gv_dots(const struct gv_layout *l, int w, int count, SDL_FPoint *out, int max,
            float *radius);

/* The tense/release shape: its radius (of the shape at rest, 0..1) and how far its
 * colour has softened toward the background (0 dense and bright, 1 gone), `progress`
 * 0..1 through the step. Tense tightens early and holds; release lets go slowly. With
 * reduced motion the radius stays still and only the colour moves. */
float gv_action_scale(enum ebb_step_action a, double progress, bool reduced_motion);
float gv_action_soft(enum ebb_step_action a, double progress, bool reduced_motion);

/* How the current step moves on, from the script: tapped, timed or manual. */
enum gv_step_kind { GV_STEP_MANUAL, GV_STEP_TIMED, GV_STEP_TAPPED, GV_STEP_KIND_COUNT };
enum gv_step_kind gv_step_kind(const struct ebb_exercise *ex, int step);

/* Draws one instant of a grounding session (v->ex is grounding, v->in_transition
 * false) at opacity op (1; lower when paused). Numbers and "step 3 of 5" follow H. */
void grounding_view_step(struct scene *sc, const struct ebb_session_view *v, float op);

/* Draws a sequence's transition: what comes next (v->next), and the seconds left or
 * the invitation to press when it waits for a key. */
void grounding_view_transition(struct scene *sc, const struct ebb_session_view *v, float op);

#endif
