/* visuals: circle, box, wave, bar. Sizes come from the output size only, so the picture
 * is the same at any resolution and reads from across a room in full screen. */
#include "visuals.h"

#include <math.h>

#include "render.h"
#include "script.h"

#define WAVE_POINTS 160
#define WAVE_PAST_S 4.0  /* seconds of breath shown behind the "now" marker */
#define WAVE_AHEAD_S 8.0 /* and ahead of it, so the next turn is seen coming */

void visual_geometry(int w, int h, float *cx, float *cy, float *full_radius)
{
    float m = (float)(w < h ? w : h);
    *cx = w / 2.0f;
    *cy = h * VISUAL_CENTER_Y;
    *full_radius = m * VISUAL_CIRCLE_RADIUS;
}

static float unit(const struct visual_ctx *vc)
{
    float m = (float)(vc->w < vc->h ? vc->w : vc->h);
    return m / 720.0f;
}

static void circle(const struct visual_ctx *vc, const struct ebb_frame *fr)
{
    float cx, cy, full;
    visual_geometry(vc->w, vc->h, &cx, &cy, &full);
    float u = unit(vc);
    double level = fr ? fr->level : 0;
    render_ring(vc->ren, cx, cy, full, 1.5f * u, theme_alpha(vc->th->guide, vc->opacity));
    if (vc->reduced_motion) {
        /* a still disc whose light follows the breath */
        float r = full * (VISUAL_CIRCLE_EMPTY + (1 - VISUAL_CIRCLE_EMPTY) * 0.5f);
        SDL_Color c = theme_mix(vc->th->accent, vc->th->bg, (float)(0.75 - 0.75 * level));
        render_disc(vc->ren, cx, cy, r, 2.0f * u, theme_alpha(c, vc->opacity));
        return;
    }
    float r = full * (float)(VISUAL_CIRCLE_EMPTY + (1 - VISUAL_CIRCLE_EMPTY) * level);
    /* a faint halo, then the disc itself */
    SDL_Color halo = theme_mix(vc->th->accent, vc->th->bg, 0.82f);
    render_disc(vc->ren, cx, cy, r + 10 * u, 14 * u, theme_alpha(halo, vc->opacity));
    render_disc(vc->ren, cx, cy, r, 2.0f * u, theme_alpha(vc->th->accent, vc->opacity));
}

/* Where the dot is on the square's perimeter, 0..1, starting at the bottom-left corner
 * and going up the left side: one side per phase when there are four. */
static double box_position(const struct ebb_timeline *tl, const struct ebb_frame *fr)
{
    if (!fr || fr->stage == EBB_STAGE_PREPARE || !tl || tl->phase_count <= 0)
        return 0;
    if (fr->stage == EBB_STAGE_DONE)
        return 0;
    return (fr->phase + fr->progress) / tl->phase_count;
}

static void perimeter_point(float x0, float y0, float side, double pos, float *x, float *y)
{
    pos -= floor(pos);
    double d = pos * 4;
    int edge = (int)d;
    float f = (float)(d - edge);
    switch (edge) {
    case 0: *x = x0; *y = y0 + side * (1 - f); break;         /* left, going up */
    case 1: *x = x0 + side * f; *y = y0; break;               /* top, going right */
    case 2: *x = x0 + side; *y = y0 + side * f; break;        /* right, going down */
    default: *x = x0 + side * (1 - f); *y = y0 + side; break; /* bottom, going left */
    }
}

static void box(const struct visual_ctx *vc, const struct ebb_timeline *tl,
                const struct ebb_frame *fr)
{
    float cx, cy, full;
    visual_geometry(vc->w, vc->h, &cx, &cy, &full);
    float u = unit(vc);
    float side = full * 1.6f;
    float x0 = cx - side / 2, y0 = cy - side / 2;
    SDL_Color guide = theme_alpha(vc->th->guide, vc->opacity);
    float corners[5][2] = {{x0, y0 + side}, {x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side},
                           {x0, y0 + side}};
    double pos = box_position(tl, fr);
    int now_edge = (int)(pos * 4) % 4;
    float width = (vc->reduced_motion ? 4.0f : 3.0f) * u;
    for (int i = 0; i < 4; i++) {
        SDL_Color c = guide;
        if (vc->reduced_motion && fr && fr->stage == EBB_STAGE_BREATHE && i == now_edge)
            c = theme_alpha(theme_mix(vc->th->accent, vc->th->bg, 0.2f), vc->opacity);
        /* the top and bottom sides reach half a line past each corner and the left and
         * right stop at it: the corners are square and full, and no pixel is drawn twice */
        float ext = i % 2 ? width / 2 : 0;
        float dir = corners[i + 1][0] > corners[i][0] ? 1.0f : -1.0f;
        render_line(vc->ren, corners[i][0] - dir * ext, corners[i][1],
                    corners[i + 1][0] + dir * ext, corners[i + 1][1], width, c);
    }
    if (vc->reduced_motion)
        return;
    float x, y;
    perimeter_point(x0, y0, side, pos, &x, &y);
    SDL_Color halo = theme_mix(vc->th->accent, vc->th->bg, 0.75f);
    /* the dot keeps its size: drawn from a cached picture, it costs a copy per frame */
    render_dot(vc->ren, x, y, 22 * u, 16 * u, theme_alpha(halo, vc->opacity));
    render_dot(vc->ren, x, y, 13 * u, 2 * u, theme_alpha(vc->th->accent, vc->opacity));
}

/* The breath level at session time t (seconds; before 0: the start). */
static double level_at(const struct ebb_timeline *tl, double t)
{
    struct ebb_frame f;
    if (!tl || t < 0)
        return 0;
    ebb_timeline_at(tl, (uint64_t)(t * 1e6), &f);
    return f.level;
}

/* Reduced motion: one whole cycle of the breath drawn still across the area; the part of
 * the phase under way is lit, and the whole shape's light follows the breath. Nothing
 * scrolls and nothing travels along it. */
static void wave_still(const struct visual_ctx *vc, const struct ebb_timeline *tl,
                       const struct ebb_frame *fr, SDL_FPoint *pts, float left, float right,
                       float top, float bottom)
{
    float u = unit(vc);
    int cycle = fr && fr->stage == EBB_STAGE_BREATHE ? fr->cycle : 0;
    double from = 0, len = 1;
    if (tl && tl->cycle_start_us && cycle < tl->cycle_count) {
        from = (double)tl->cycle_start_us[cycle] / 1e6;
        len = (double)(tl->cycle_start_us[cycle + 1] - tl->cycle_start_us[cycle]) / 1e6;
    }
    int lit_from = WAVE_POINTS, lit_to = -1;
    for (int i = 0; i < WAVE_POINTS; i++) {
        double t = from + len * i / (WAVE_POINTS - 1);
        pts[i].x = left + (right - left) * (float)i / (WAVE_POINTS - 1);
        double at = i == WAVE_POINTS - 1 ? t - 1e-6 : t; /* the cycle's end, not the next */
        pts[i].y = bottom - (bottom - top) * (float)level_at(tl, at);
        if (fr && fr->stage == EBB_STAGE_BREATHE && t * 1e6 >= (double)fr->phase_start_us &&
            t * 1e6 <= (double)fr->phase_end_us) {
            lit_from = i < lit_from ? i : lit_from;
            lit_to = i;
        }
    }
    float level = fr ? (float)fr->level : 0;
    SDL_Color shape = theme_mix(vc->th->accent, vc->th->bg, 0.8f - 0.45f * level);
    render_polyline(vc->ren, pts, WAVE_POINTS, 4 * u, theme_alpha(shape, vc->opacity));
    if (lit_to > lit_from) {
        SDL_Color lit = theme_mix(vc->th->accent, vc->th->bg, 0.4f - 0.4f * level);
        render_polyline(vc->ren, pts + lit_from, lit_to - lit_from + 1, 5 * u,
                        theme_alpha(lit, vc->opacity));
    }
}

static void wave(const struct visual_ctx *vc, const struct ebb_timeline *tl,
                 const struct ebb_frame *fr)
{
    static SDL_FPoint pts[WAVE_POINTS];
    float cx, cy, full;
    visual_geometry(vc->w, vc->h, &cx, &cy, &full);
    float u = unit(vc);
    float left = vc->w * 0.08f, right = vc->w * 0.92f;
    float top = cy - full, bottom = cy + full * 0.9f;
    float now_x = left + (right - left) * (float)(WAVE_PAST_S / (WAVE_PAST_S + WAVE_AHEAD_S));
    double t_now = fr ? (double)fr->t_us / 1e6 : 0;
    render_line(vc->ren, left, bottom, right, bottom, 1.5f * u,
                theme_alpha(vc->th->guide, vc->opacity));
    if (vc->reduced_motion) {
        wave_still(vc, tl, fr, pts, left, right, top, bottom);
        return;
    }
    for (int i = 0; i < WAVE_POINTS; i++) {
        double s = -WAVE_PAST_S + (WAVE_PAST_S + WAVE_AHEAD_S) * i / (WAVE_POINTS - 1);
        pts[i].x = left + (right - left) * (float)i / (WAVE_POINTS - 1);
        pts[i].y = bottom - (bottom - top) * (float)level_at(tl, t_now + s);
    }
    /* the past and the coming breath, the coming part quieter */
    int split = (int)((WAVE_POINTS - 1) * WAVE_PAST_S / (WAVE_PAST_S + WAVE_AHEAD_S));
    SDL_Color soon = theme_mix(vc->th->accent, vc->th->bg, 0.55f);
    render_polyline(vc->ren, pts, split + 1, 4 * u, theme_alpha(soon, vc->opacity));
    render_polyline(vc->ren, pts + split, WAVE_POINTS - split, 4 * u,
                    theme_alpha(vc->th->accent, vc->opacity));
    float level = fr ? (float)fr->level : 0;
    float ny = bottom - (bottom - top) * level;
    render_line(vc->ren, now_x, top - 10 * u, now_x, bottom, 1.5f * u,
                theme_alpha(vc->th->guide, vc->opacity));
    render_disc(vc->ren, now_x, ny, 12 * u, 2 * u, theme_alpha(vc->th->accent, vc->opacity));
}

static void bar(const struct visual_ctx *vc, const struct ebb_frame *fr)
{
    float cx, cy, full;
    visual_geometry(vc->w, vc->h, &cx, &cy, &full);
    float u = unit(vc);
    float width = full * 0.5f;
    float top = cy - full, bottom = cy + full;
    float level = fr ? (float)fr->level : 0;
    SDL_FRect frame = {cx - width / 2 - 6 * u, top - 6 * u, width + 12 * u,
                       bottom - top + 12 * u};
    render_round_rect(vc->ren, frame, 14 * u, theme_alpha(vc->th->panel, vc->opacity));
    SDL_Color c = vc->th->accent;
    float fill = vc->reduced_motion ? 1.0f : (0.04f + 0.96f * level);
    if (vc->reduced_motion)
        c = theme_mix(c, vc->th->bg, 0.75f - 0.75f * level);
    float hgt = (bottom - top) * fill;
    SDL_FRect col = {cx - width / 2, bottom - hgt, width, hgt};
    render_round_rect(vc->ren, col, 10 * u, theme_alpha(c, vc->opacity));
}

void visual_draw(int v, const struct visual_ctx *vc, const struct ebb_timeline *tl,
                 const struct ebb_frame *fr)
{
    switch (v) {
    case EBB_VISUAL_CIRCLE: circle(vc, fr); break;
    case EBB_VISUAL_BOX: box(vc, tl, fr); break;
    case EBB_VISUAL_WAVE: wave(vc, tl, fr); break;
    case EBB_VISUAL_BAR: bar(vc, fr); break;
    default: break; /* none: text only */
    }
}
