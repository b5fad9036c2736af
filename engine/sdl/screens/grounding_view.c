/* grounding_view: the figure and the words of a grounding step, and a sequence's
 * transition screen. Calm and large: the figure moves slowly or not at all, colours
 * come from the theme only, and numbers are quiet and hidden with H. */
#include "grounding_view.h"

#include <math.h>
#include <stdio.h>

#include "render.h"
#include "scene.h"

#define ARC_POINTS 200       /* a full ring of the timed step; fewer as it empties */
#define TAP_HALO 1.7f        /* a lit mark's glow, of its radius */
#define SHAPE_REST_SOFT 0.45f /* the shape's softness at rest (start of tense, end of release) */
#define SHAPE_QUIET_SOFT 0.60f /* the same with reduced motion, where colour is all that moves */
#define SHAPE_STILL 0.85f    /* the shape's size with reduced motion, of the shape at rest */

static SDL_FPoint arc_pts[ARC_POINTS];
static SDL_FPoint dot_pts[GV_DOTS_MAX];

static float clampf(float x, float lo, float hi)
{
    return x < lo ? lo : x > hi ? hi : x;
}

void gv_layout(int w, int h, struct gv_layout *out)
{
    float m = (float)(w < h ? w : h);
    out->unit = m / 720.0f;
    out->cx = w / 2.0f;
    out->fig_y = h * GV_FIGURE_Y;
    out->ring_r = m * GV_RING_R;
    out->ring_w = 5.0f * out->unit;
    out->text_y = h * GV_TEXT_Y;
    out->text_w = fminf(w * GV_TEXT_W, h * GV_TEXT_W_MAX);
    out->detail_w = out->text_w * 0.85f;
    float spread = fminf(m * GV_TAP_SPREAD, w * GV_TAP_SPREAD_W);
    out->tap_lx = out->cx - spread;
    out->tap_rx = out->cx + spread;
    out->tap_r = m * GV_TAP_R;
    out->dot_r = m * GV_DOT_R;
    out->fig_top = out->fig_y - out->ring_r * 1.25f;
    out->fig_bottom = out->fig_y + out->ring_r * 1.25f;
}

int gv_dots(const struct gv_layout *l, int w, int count, SDL_FPoint *out, int max,
            float *radius)
{
    int n = count < 1 ? 1 : count > GV_DOTS_MAX ? GV_DOTS_MAX : count;
    int per_row = n < GV_DOTS_PER_ROW ? n : GV_DOTS_PER_ROW;
    int rows = (n + GV_DOTS_PER_ROW - 1) / GV_DOTS_PER_ROW;
    /* the gap shrinks until every row fits the width and every row fits the zone */
    float gap = l->dot_r * GV_DOT_GAP;
    gap = fminf(gap, w * 0.7f / per_row);
    gap = fminf(gap, (l->fig_bottom - l->fig_top) / rows);
    *radius = gap / GV_DOT_GAP;
    for (int i = 0; i < n && i < max; i++) {
        int row = i / GV_DOTS_PER_ROW, col = i % GV_DOTS_PER_ROW;
        int in_row = row == rows - 1 ? n - row * GV_DOTS_PER_ROW : per_row;
        out[i].x = l->cx + (col - (in_row - 1) / 2.0f) * gap;
        out[i].y = l->fig_y + (row - (rows - 1) / 2.0f) * gap;
    }
    return n;
}

/* Eases out: quick at first, settling at the end. */
static double ease_out(double p)
{
    p = p < 0 ? 0 : p > 1 ? 1 : p;
    return 1.0 - (1.0 - p) * (1.0 - p) * (1.0 - p);
}

float gv_action_scale(enum ebb_step_action a, double progress, bool reduced_motion)
{
    if (reduced_motion)
        return SHAPE_STILL;
    if (a == EBB_STEP_ACTION_TENSE) /* tightens over the first half, then holds */
        return (float)(1.0 - (1.0 - GV_SHAPE_TIGHT) * ease_out(progress * 2.0));
    if (a == EBB_STEP_ACTION_RELEASE) /* lets go over the whole step */
        return (float)(GV_SHAPE_TIGHT + (1.0 - GV_SHAPE_TIGHT) * ease_out(progress));
    return 1.0f;
}

float gv_action_soft(enum ebb_step_action a, double progress, bool reduced_motion)
{
    float rest = reduced_motion ? SHAPE_QUIET_SOFT : SHAPE_REST_SOFT;
    if (a == EBB_STEP_ACTION_TENSE)
        return (float)(rest * (1.0 - ease_out(progress * 2.0)));
    if (a == EBB_STEP_ACTION_RELEASE)
        return (float)(rest * ease_out(progress));
    return rest;
}

enum gv_step_kind gv_step_kind(const struct ebb_exercise *ex, int step)
{
    if (!ex || step < 0 || step >= ex->step_count)
        return GV_STEP_MANUAL;
    const struct ebb_step *st = &ex->steps[step];
    if (st->taps.present)
        return GV_STEP_TAPPED;
    if (st->seconds > 0 || ex->advance == EBB_ADVANCE_TIMED)
        return GV_STEP_TIMED;
    return GV_STEP_MANUAL;
}

/* The ring of a timed step: a faint full circle, and over it the time left as an arc
 * from twelve o'clock that empties clockwise, with a soft bead at its moving end. */
static void ring(struct scene *sc, const struct gv_layout *l, double progress, float op)
{
    double left = 1.0 - (progress < 0 ? 0 : progress > 1 ? 1 : progress);
    render_ring(sc->ren, l->cx, l->fig_y, l->ring_r, l->ring_w * 0.5f,
                theme_alpha(sc->th.guide, op));
    int n = 2 + (int)((ARC_POINTS - 2) * left);
    if (left <= 0.001)
        return;
    SDL_Color c = theme_alpha(theme_mix(sc->th.accent, sc->th.bg, 0.2f), op);
    for (int i = 0; i < n; i++) {
        double a = -EBB_PI / 2 + 2 * EBB_PI * (1.0 - left + left * i / (n - 1));
        arc_pts[i].x = l->cx + (float)cos(a) * l->ring_r;
        arc_pts[i].y = l->fig_y + (float)sin(a) * l->ring_r;
    }
    render_polyline(sc->ren, arc_pts, n, l->ring_w, c);
    render_disc(sc->ren, arc_pts[0].x, arc_pts[0].y, l->ring_w * 0.9f, 2 * l->unit, c);
}

/* The tense/release shape inside the ring: smaller and denser while tensing, larger
 * and softer while letting go. */
static void shape(struct scene *sc, const struct gv_layout *l, enum ebb_step_action a,
                  double progress, float op)
{
    float r = l->ring_r * GV_SHAPE_R * gv_action_scale(a, progress, sc->reduced_motion);
    float soft = gv_action_soft(a, progress, sc->reduced_motion);
    SDL_Color halo = theme_mix(sc->th.accent, sc->th.bg, 0.78f + 0.12f * soft);
    float spread = (6.0f + 14.0f * soft) * l->unit; /* a tight glow when tense */
    render_disc(sc->ren, l->cx, l->fig_y, r + spread * 0.6f, spread, theme_alpha(halo, op));
    render_disc(sc->ren, l->cx, l->fig_y, r, 2 * l->unit,
                theme_alpha(theme_mix(sc->th.accent, sc->th.bg, soft), op));
}

/* Two marks, left and right; the latest tap's side glows and fades before the next. */
static void taps(struct scene *sc, const struct gv_layout *l, const struct ebb_session_view *v,
                 float op)
{
    float xs[2] = {l->tap_lx, l->tap_rx};
    SDL_Color quiet = theme_mix(sc->th.guide, sc->th.bg, 0.35f);
    SDL_Color halo = theme_mix(sc->th.accent, sc->th.bg, 0.75f);
    for (int i = 0; i < 2; i++) {
        bool lit = v->tap >= 0 && !v->tap_resting &&
                   (v->tap_side == EBB_SIDE_NONE ||
                    v->tap_side == (i == 0 ? EBB_SIDE_LEFT : EBB_SIDE_RIGHT));
        /* the glow stays bright a little longer than it fades, so the side reads at a glance */
        float g = lit ? clampf((float)v->tap_glow, 0, 1) : 0;
        g = 1 - (1 - g) * (1 - g);
        render_disc(sc->ren, xs[i], l->fig_y, l->tap_r, 2 * l->unit, theme_alpha(quiet, op));
        render_ring(sc->ren, xs[i], l->fig_y, l->tap_r, 1.5f * l->unit,
                    theme_alpha(sc->th.guide, op));
        if (g <= 0)
            continue;
        render_disc(sc->ren, xs[i], l->fig_y, l->tap_r * TAP_HALO, l->tap_r * 0.9f,
                    theme_alpha(halo, op * g));
        render_disc(sc->ren, xs[i], l->fig_y, l->tap_r, 2 * l->unit,
                    theme_alpha(sc->th.accent, op * g));
    }
    if (v->tap_resting) {
        int lh = text_line_height(sc->text, TEXT_BODY);
        text_draw(sc->text, TEXT_BODY, _("rest"), l->cx, l->fig_y - lh / 2.0f, TEXT_CENTER,
                  theme_alpha(sc->th.muted, op));
    }
}

/* One dot per press to count, filled as presses are counted. */
static void dots(struct scene *sc, const struct gv_layout *l, const struct ebb_session_view *v,
                 float op)
{
    float r;
    int n = gv_dots(l, sc->w, v->count, dot_pts, GV_DOTS_MAX, &r);
    SDL_Color empty = theme_mix(sc->th.guide, sc->th.bg, 0.45f);
    for (int i = 0; i < n; i++) {
        if (i < v->presses) {
            render_disc(sc->ren, dot_pts[i].x, dot_pts[i].y, r, 2 * l->unit,
                        theme_alpha(sc->th.accent, op));
        } else {
            render_disc(sc->ren, dot_pts[i].x, dot_pts[i].y, r, 2 * l->unit,
                        theme_alpha(empty, op));
            render_ring(sc->ren, dot_pts[i].x, dot_pts[i].y, r, 1.5f * l->unit,
                        theme_alpha(sc->th.guide, op));
        }
    }
}

/* The seconds left, small: inside the ring, or under it when a shape fills the ring. */
static void seconds_left(struct scene *sc, const struct gv_layout *l,
                         const struct ebb_session_view *v, bool under, float op)
{
    char buf[32];
    if (sc->hide_numbers || v->step_left_s <= 0 || v->state != EBB_SESSION_RUNNING)
        return;
    snprintf(buf, sizeof buf, _("%d s"), (int)ceil(v->step_left_s - 1e-6));
    enum text_size size = under ? TEXT_SMALL : TEXT_BODY;
    float y = under ? l->fig_y + l->ring_r + l->ring_w + 6 * l->unit
                    : l->fig_y - text_line_height(sc->text, size) / 2.0f;
    text_draw(sc->text, size, buf, l->cx, y, TEXT_CENTER, theme_alpha(sc->th.muted, op));
}

/* True when the step before this one also had a tense/release shape: the shape then
 * carries on without fading out and in again. */
static bool shape_continues(const struct ebb_exercise *ex, int step)
{
    return step > 0 && ex->steps[step].action != EBB_STEP_ACTION_NONE &&
           ex->steps[step - 1].action != EBB_STEP_ACTION_NONE;
}

static void figure(struct scene *sc, const struct gv_layout *l, const struct ebb_session_view *v,
                   float op, float sop)
{
    const struct ebb_step *st = &v->ex->steps[v->step];
    enum gv_step_kind kind = gv_step_kind(v->ex, v->step);
    if (kind == GV_STEP_TAPPED) {
        taps(sc, l, v, sop);
    } else if (kind == GV_STEP_TIMED) {
        ring(sc, l, v->step_progress, sop);
        if (st->action != EBB_STEP_ACTION_NONE)
            shape(sc, l, st->action, v->step_progress, shape_continues(v->ex, v->step) ? op : sop);
        seconds_left(sc, l, v, st->action != EBB_STEP_ACTION_NONE, sop);
    } else {
        dots(sc, l, v, sop);
    }
    if (st->side != EBB_SIDE_NONE && kind != GV_STEP_TAPPED) {
        /* a quiet arrow on the side the step turns to */
        bool left = st->side == EBB_SIDE_LEFT;
        float x = left ? l->cx - l->ring_r * 2.4f : l->cx + l->ring_r * 2.4f;
        int lh = text_line_height(sc->text, TEXT_LARGE);
        text_draw(sc->text, TEXT_LARGE, left ? "←" : "→", x, l->fig_y - lh / 2.0f, TEXT_CENTER,
                  theme_alpha(sc->th.muted, sop));
    }
}

/* Paused: the words in the figure's place, so nothing is drawn across it. */
static void paused(struct scene *sc, const struct gv_layout *l)
{
    int lh = text_line_height(sc->text, TEXT_LARGE);
    float y = l->fig_y - (lh + text_line_height(sc->text, TEXT_BODY)) / 2.0f;
    text_draw(sc->text, TEXT_LARGE, _("Paused"), l->cx, y, TEXT_CENTER, sc->th.text);
    text_draw(sc->text, TEXT_BODY, _(SCENE_PAUSED_HOW), l->cx, y + lh, TEXT_CENTER, sc->th.muted);
}

void grounding_view_step(struct scene *sc, const struct ebb_session_view *v, float op)
{
    if (!v->ex || v->step < 0 || v->step >= v->ex->step_count)
        return;
    struct gv_layout l;
    gv_layout(sc->w, sc->h, &l);
    const struct ebb_step *st = &v->ex->steps[v->step];
    float sop = op * clampf((float)v->step_fade, 0, 1);
    if (v->state == EBB_SESSION_PAUSED)
        paused(sc, &l);
    else
        figure(sc, &l, v, op, sop);

    /* a person's words are never cut: they wrap, and a long prompt or detail is drawn
     * smaller in the same room (text_draw_fit) */
    float y = l.text_y;
    y += text_draw_fit(sc->text, TEXT_LARGE, st->prompt, l.cx, y, l.text_w, 3, TEXT_CENTER,
                       theme_alpha(sc->th.text, sop));
    y += text_line_height(sc->text, TEXT_BODY) * 0.5f;
    float room = sc->h - 24 * l.unit - 2.0f * text_line_height(sc->text, TEXT_SMALL) - y;
    int lines = (int)(room / text_line_height(sc->text, TEXT_BODY));
    text_draw_fit(sc->text, TEXT_BODY, st->detail, l.cx, y, l.detail_w, lines < 2 ? 2 : lines,
                  TEXT_CENTER, theme_alpha(sc->th.muted, sop));

    if (!sc->hide_numbers) {
        char buf[64];
        snprintf(buf, sizeof buf, _("step %d of %d"), v->step + 1, v->step_count);
        text_draw(sc->text, TEXT_SMALL, buf, sc->w - 24 * l.unit, 18 * l.unit, TEXT_RIGHT,
                  theme_alpha(sc->th.muted, op));
    }
    /* the steps done so far, as a thin quiet line along the bottom */
    float p = v->step_count > 0
                  ? (float)(v->step + (v->step_complete ? 1 : 0)) / (float)v->step_count
                  : 0;
    float ly = sc->h - 4 * l.unit;
    render_line(sc->ren, 0, ly, (float)sc->w, ly, 2 * l.unit, theme_alpha(sc->th.panel, op));
    if (p > 0)
        render_line(sc->ren, 0, ly, sc->w * p, ly, 2 * l.unit, theme_alpha(sc->th.guide, op));
}

void grounding_view_transition(struct scene *sc, const struct ebb_session_view *v, float op)
{
    struct gv_layout l;
    gv_layout(sc->w, sc->h, &l);
    char buf[200];
    /* a still, soft point to rest the eyes on between two exercises */
    SDL_Color halo = theme_mix(sc->th.accent, sc->th.bg, 0.85f);
    if (v->state == EBB_SESSION_PAUSED) {
        paused(sc, &l);
    } else {
        render_disc(sc->ren, l.cx, l.fig_y, l.ring_r * 0.55f, 18 * l.unit, theme_alpha(halo, op));
        render_disc(sc->ren, l.cx, l.fig_y, l.ring_r * 0.35f, 2 * l.unit,
                    theme_alpha(theme_mix(sc->th.accent, sc->th.bg, 0.45f), op));
    }

    float y = l.text_y;
    snprintf(buf, sizeof buf, _("Next: %s"), v->next ? v->next->title : "");
    y += text_draw_fit(sc->text, TEXT_LARGE, buf, l.cx, y, l.text_w, 2, TEXT_CENTER,
                       theme_alpha(sc->th.text, op));
    y += text_line_height(sc->text, TEXT_BODY) * 0.5f;
    if (v->next && v->next->summary[0])
        y += text_draw_fit(sc->text, TEXT_BODY, v->next->summary, l.cx, y, l.detail_w, 3,
                           TEXT_CENTER, theme_alpha(sc->th.muted, op));
    y += text_line_height(sc->text, TEXT_BODY) * 0.8f;
    if (v->transition_left_s > 0) {
        if (sc->hide_numbers)
            return;
        snprintf(buf, sizeof buf, _("starting by itself in %d s"),
                 (int)ceil(v->transition_left_s - 1e-6));
        text_draw(sc->text, TEXT_BODY, buf, l.cx, y, TEXT_CENTER, theme_alpha(sc->th.muted, op));
    } else if (v->state != EBB_SESSION_PAUSED) { /* paused: the paused line says it */
        text_draw(sc->text, TEXT_BODY, _("Press Space when you are ready"), l.cx, y, TEXT_CENTER,
                  theme_alpha(sc->th.text, op));
    }
}
