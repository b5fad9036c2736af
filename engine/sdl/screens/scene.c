/* scene: layout and words of the session screens. Text sits below the shape; numbers
 * are muted and can be hidden (H); nothing here commands or judges. */
#include "scene.h"

#include <math.h>
#include <stdio.h>

#include "damage.h"
#include "grounding_view.h"
#include "keymap.h"
#include "render.h"
#include "visuals.h"

static float unit(const struct scene *sc)
{
    return (float)(sc->w < sc->h ? sc->w : sc->h) / 720.0f;
}

void scene_clear(struct scene *sc)
{
    uint32_t h = damage_hash_color(DAMAGE_HASH_SEED, sc->th.bg);
    if (damage_note(sc->ren, 0, 0, (float)sc->w, (float)sc->h, h))
        return; /* the recording pass of damage.h */
    SDL_SetRenderDrawBlendMode(sc->ren, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(sc->ren, sc->th.bg.r, sc->th.bg.g, sc->th.bg.b, 255);
    /* a fill, not SDL_RenderClear: it keeps to the clip rectangle, so the window can
     * redraw only what changed (damage.h) */
    SDL_RenderFillRect(sc->ren, NULL);
    SDL_SetRenderDrawBlendMode(sc->ren, SDL_BLENDMODE_BLEND);
}

static int visual_of(const struct scene *sc, const struct ebb_exercise *ex)
{
    if (sc->visual >= 0 && sc->visual < EBB_VISUAL_COUNT)
        return sc->visual;
    return ex ? (int)ex->visual : EBB_VISUAL_CIRCLE;
}

static void header(struct scene *sc, const struct ebb_session_view *v, float op)
{
    float u = unit(sc);
    char buf[160];
    if (v->in_transition && v->item_count > 1) /* between items: the sequence, and what is next */
        /* TRANSLATORS: a sequence's title, then which of its exercises comes next */
        snprintf(buf, sizeof buf, _("%s  ·  next: %d of %d"),
                 v->sequence ? v->sequence->title : v->next ? v->next->title : "", v->item + 2,
                 v->item_count);
    else if (v->item_count > 1)
        snprintf(buf, sizeof buf, _("%s  ·  %d of %d"), v->ex->title, v->item + 1, v->item_count);
    else
        snprintf(buf, sizeof buf, "%s", v->ex->title);
    text_draw(sc->text, TEXT_SMALL, buf, 24 * u, 18 * u, TEXT_LEFT, theme_alpha(sc->th.muted, op));
}

static void breathing(struct scene *sc, const struct ebb_session_view *v,
                      const struct ebb_timeline *tl, float op)
{
    bool paused = v->state == EBB_SESSION_PAUSED;
    const struct ebb_frame *fr = &v->frame;
    const struct ebb_exercise *ex = v->ex;
    float u = unit(sc);
    float cx, cy, full;
    visual_geometry(sc->w, sc->h, &cx, &cy, &full);
    struct visual_ctx vc = {sc->ren, &sc->th, sc->w, sc->h, sc->reduced_motion, op};
    int visual = visual_of(sc, ex);
    visual_draw(visual, &vc, tl, fr);

    /* under the shape; with no shape, the words and the seconds are the middle */
    float ty = cy + full + 40 * u;
    if (visual == EBB_VISUAL_NONE)
        ty = (sc->h - text_line_height(sc->text, TEXT_LARGE) -
              text_line_height(sc->text, TEXT_BODY)) / 2.0f;
    char buf[64];
    const char *words;
    const struct ebb_phase *ph = NULL;
    if (fr->stage == EBB_STAGE_BREATHE && ex->phases && fr->phase_source >= 0 &&
        fr->phase_source < ex->phase_count)
        ph = &ex->phases[fr->phase_source];
    if (paused)
        words = _("Paused");
    else if (fr->stage == EBB_STAGE_PREPARE)
        words = _("Settle in");
    else if (fr->stage == EBB_STAGE_DONE)
        words = "";
    else
        words = ph ? ph->text : "";
    /* the words under the shape, and (paused) what goes on: in the words' own place, so
     * nothing is drawn across the shape */
    float ny = ty + scene_words(sc, TEXT_LARGE, words, cx, ty, sc->w * 0.9f, 2,
                                theme_alpha(sc->th.text, paused ? 1.0f : op));
    if (paused) {
        text_draw(sc->text, TEXT_BODY, _(SCENE_PAUSED_HOW), cx, ny, TEXT_CENTER, sc->th.muted);
    } else if (!sc->hide_numbers && fr->stage != EBB_STAGE_DONE) {
        double left = fr->stage == EBB_STAGE_PREPARE ? fr->prepare_left_s : fr->phase_left_s;
        int secs = (int)ceil(left - 1e-6);
        if (secs < 1)
            secs = 1;
        /* seconds, said as seconds: a bare number reads as a count of breaths */
        if (fr->stage == EBB_STAGE_PREPARE)
            snprintf(buf, sizeof buf, _("starting in %d s"), secs);
        else
            /* TRANSLATORS: seconds left in this phase */
            snprintf(buf, sizeof buf, _("%d s"), secs);
        text_draw(sc->text, TEXT_BODY, buf, cx, ny, TEXT_CENTER, theme_alpha(sc->th.muted, op));
        if (fr->stage == EBB_STAGE_BREATHE) {
            snprintf(buf, sizeof buf, _("breath %d of %d"), fr->cycle + 1, fr->cycle_count);
            text_draw(sc->text, TEXT_SMALL, buf, sc->w - 24 * u, 18 * u, TEXT_RIGHT,
                      theme_alpha(sc->th.muted, op));
        }
    }
    if (ph && ph->side != EBB_SIDE_NONE) {
        /* the side, beside the shape on that side */
        bool left_side = ph->side == EBB_SIDE_LEFT;
        float sx = left_side ? cx - full * 1.25f : cx + full * 1.25f;
        text_draw(sc->text, TEXT_BODY, left_side ? _("← left side") : _("right side →"), sx, cy,
                  left_side ? TEXT_RIGHT : TEXT_LEFT, theme_alpha(sc->th.text, op));
    }
    if (tl && tl->end_us > 0) {
        /* the thin overall progress line */
        float p = (float)((double)fr->t_us / (double)tl->end_us);
        if (p > 1)
            p = 1;
        float y = sc->h - 4 * u;
        /* its end in whole pixels: it grows a few pixels a second, and a sub-pixel end
         * would make the whole line a changed rectangle in every frame (damage.h) */
        float end = roundf(sc->w * p);
        render_line(sc->ren, 0, y, (float)sc->w, y, 2 * u, theme_alpha(sc->th.panel, op));
        render_line(sc->ren, 0, y, end, y, 2 * u, theme_alpha(sc->th.guide, op));
    }
}

void scene_session(struct scene *sc, const struct ebb_session_view *v,
                   const struct ebb_timeline *tl)
{
    bool paused = v->state == EBB_SESSION_PAUSED;
    float op = paused ? 0.3f : 1.0f;
    if (!v->ex)
        return;
    header(sc, v, op);
    if (v->in_transition)
        grounding_view_transition(sc, v, op);
    else if (v->ex->kind == EBB_KIND_BREATHING)
        breathing(sc, v, tl, op);
    else
        grounding_view_step(sc, v, op);
    if (sc->first_time && !sc->hide_numbers) {
        /* a new person's first session: how to stop, always in the corner */
        float u = unit(sc);
        text_draw(sc->text, TEXT_SMALL, _(SCENE_STOP_CORNER), sc->w - 24 * u,
                  sc->h - 20 * u - text_line_height(sc->text, TEXT_SMALL), TEXT_RIGHT,
                  theme_alpha(sc->th.muted, 0.8f));
    }
}

float scene_words(struct scene *sc, enum text_size size, const char *s, float cx, float y,
                  float max_w, int max_lines, SDL_Color c)
{
    if (!s || !s[0])
        return (float)text_line_height(sc->text, size);
    return (float)text_draw_fit(sc->text, size, s, cx, y, max_w, max_lines, TEXT_CENTER, c);
}

static const char *finish_words[FINISH_COUNT] = {N_("Again"), N_("Back to the list"),
                                                 N_("Close ebb")};

static SDL_FRect finish_row(const struct scene *sc, int i)
{
    float u = unit(sc);
    SDL_FRect r = {sc->w / 2.0f - 200 * u, sc->h * 0.46f + i * 64 * u, 400 * u, 52 * u};
    return r;
}

void scene_finished(struct scene *sc, const struct ebb_exercise *ex, int selected)
{
    float u = unit(sc);
    text_draw(sc->text, TEXT_LARGE, _(SCENE_FINISHED_WORDS), sc->w / 2.0f, sc->h * 0.22f,
              TEXT_CENTER, sc->th.text);
    if (ex)
        text_draw(sc->text, TEXT_BODY, ex->title, sc->w / 2.0f,
                  sc->h * 0.22f + text_line_height(sc->text, TEXT_LARGE) + 8 * u, TEXT_CENTER,
                  sc->th.muted);
    for (int i = 0; i < FINISH_COUNT; i++) {
        SDL_FRect r = finish_row(sc, i);
        if (i == selected)
            render_round_rect(sc->ren, r, 12 * u, sc->th.panel);
        float ty = r.y + (r.h - text_line_height(sc->text, TEXT_BODY)) / 2;
        text_draw(sc->text, TEXT_BODY, _(finish_words[i]), r.x + r.w / 2, ty, TEXT_CENTER,
                  i == selected ? sc->th.text : sc->th.muted);
    }
}

int scene_finished_hit(struct scene *sc, int x, int y)
{
    for (int i = 0; i < FINISH_COUNT; i++) {
        SDL_FRect r = finish_row(sc, i);
        if (x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h)
            return i;
    }
    return -1;
}

static float help_rows(struct scene *sc, const struct keymap_row *rows, int n,
                       const struct keymap_row *skip, int skip_n, float y, float gap)
{
    float u = unit(sc), mid = sc->w / 2.0f;
    int lh = text_line_height(sc->text, TEXT_SMALL);
    for (int i = 0; i < n; i++) {
        bool dup = false; /* a key the screen's own rows already name */
        for (int k = 0; k < skip_n && !dup; k++)
            dup = skip[k].action == rows[i].action && rows[i].action != IN_NONE;
        if (dup)
            continue;
        /* a long description (a translation is often longer) takes a second line */
        const char *does = _(rows[i].does);
        float width = sc->w / 2.0f - 40 * u;
        int lines = text_lines(sc->text, TEXT_SMALL, does, width) > 1 ? 2 : 1;
        text_draw(sc->text, TEXT_SMALL, _(rows[i].keys), mid - 16 * u, y, TEXT_RIGHT, sc->th.text);
        text_draw_fit(sc->text, TEXT_SMALL, does, mid + 16 * u, y, width, lines, TEXT_LEFT,
                      sc->th.muted);
        y += lh * gap + (float)(lines - 1) * lh;
    }
    return y;
}

void scene_help(struct scene *sc, int screen)
{
    float u = unit(sc);
    scene_clear(sc); /* solid: the screen under help does not show through */
    int n, nc;
    const struct keymap_row *rows = keymap_rows((enum keymap_screen)screen, &n);
    const struct keymap_row *common = keymap_common(&nc);
    int lh = text_line_height(sc->text, TEXT_SMALL);
    float y = 44 * u, mid = sc->w / 2.0f;
    text_draw(sc->text, TEXT_LARGE, _("Keys"), mid, y, TEXT_CENTER, sc->th.text);
    y += text_line_height(sc->text, TEXT_LARGE) + 6 * u;
    /* the rows share what is left above the note and the closing line */
    float note_h = 3.0f * text_line_height(sc->text, TEXT_BODY) + 30 * u;
    float room = sc->h - y - note_h - 2.0f * lh - 24 * u;
    int count = n + nc;
    float gap = count > 0 ? room / (count * (float)lh) : 1.25f;
    gap = gap > 1.35f ? 1.35f : gap < 1.0f ? 1.0f : gap;
    y = help_rows(sc, rows, n, NULL, 0, y, gap);
    y += lh * 0.4f;
    y = help_rows(sc, common, nc, rows, n, y, gap);
    y += 12 * u;
    scene_words(sc, TEXT_BODY,
                _("ebb is a practice tool, not a crisis service. If you or someone near "
                  "you is in danger, please call your local emergency number."),
                mid, y, sc->w * 0.86f, 3, sc->th.text);
    const char *close = screen == KEYMAP_BREATHING || screen == KEYMAP_PAUSED || screen == KEYMAP_GROUNDING ||
                                screen == KEYMAP_TRANSITION
                            ? _("F1 or Escape to close  ·  the session waits, paused")
                            : _("F1 or Escape to close");
    text_draw(sc->text, TEXT_SMALL, close, mid, sc->h - 14 * u - lh, TEXT_CENTER, sc->th.muted);
}

void scene_hint(struct scene *sc, const char *line, float alpha)
{
    float u = unit(sc);
    if (sc->hide_numbers || alpha <= 0)
        return;
    text_draw(sc->text, TEXT_SMALL, line, 24 * u,
              sc->h - 20 * u - text_line_height(sc->text, TEXT_SMALL), TEXT_LEFT,
              theme_alpha(sc->th.muted, alpha));
}

void scene_notice(struct scene *sc, const char *line, float alpha)
{
    float u = unit(sc);
    if (alpha <= 0 || !line[0])
        return;
    /* A long notice (a refused edit's FILE:LINE: message) would run into the title and
     * the count in the top corners: it goes just below them, wrapped if need be. */
    if (text_width(sc->text, TEXT_SMALL, line) > sc->w * 0.5f) {
        float y = 18 * u + text_line_height(sc->text, TEXT_SMALL) * 1.4f;
        text_draw_wrapped(sc->text, TEXT_SMALL, line, sc->w / 2.0f, y, sc->w * 0.8f, 2, TEXT_CENTER,
                          theme_alpha(sc->th.text, alpha));
        return;
    }
    text_draw(sc->text, TEXT_SMALL, line, sc->w / 2.0f, 18 * u, TEXT_CENTER,
              theme_alpha(sc->th.text, alpha));
}

void scene_back_mark(struct scene *sc, float alpha, const char *label)
{
    float u = unit(sc);
    if (alpha <= 0)
        return;
    SDL_FRect r = {sc->w - 124 * u, sc->h - 70 * u, 110 * u, 50 * u};
    render_round_rect(sc->ren, r, 12 * u, theme_alpha(sc->th.panel, alpha));
    text_draw(sc->text, TEXT_SMALL, label, r.x + r.w / 2,
              r.y + (r.h - text_line_height(sc->text, TEXT_SMALL)) / 2, TEXT_CENTER,
              theme_alpha(sc->th.text, alpha));
}

bool scene_back_hit(const struct scene *sc, int x, int y)
{
    float u = unit(sc);
    return x >= sc->w - 124 * u && x < sc->w - 14 * u && y >= sc->h - 70 * u &&
           y < sc->h - 20 * u;
}

void scene_fade(struct scene *sc, float alpha)
{
    SDL_Color c = sc->th.bg;
    c.a = (Uint8)(255 * (alpha < 0 ? 0 : alpha > 1 ? 1 : alpha));
    render_veil(sc->ren, sc->w, sc->h, c);
}
