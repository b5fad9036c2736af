/* picker_draw: how the list looks. Rows on the left grouped under quiet headings, then
 * the History row; the selected exercise's about text, length and pace on the right. A
 * quiet ♪ marks the exercises that sound alone can carry (eyes.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "lang.h"
#include "picker.h"
#include "render.h"

static const char *const kind_titles[EBB_KIND_COUNT] = {N_("Breathing"), N_("Grounding"),
                                                        N_("Sequences")};
static const char history_title[] = N_("History");
static const char history_summary[] = N_("Ratings before and after, minutes each week  ·  J");
static const char eyes_mark[] = "♪";

#define EBB_ABOUT_TEXT_MAX 8192 /* summary (500) and about (4000 characters, UTF-8) */

struct layout {
    float u;
    float x, w;      /* the list column */
    float top, bottom;
    float row_h, head_h;
};

static void layout_of(const struct scene *sc, struct layout *l)
{
    l->u = (float)(sc->w < sc->h ? sc->w : sc->h) / 720.0f;
    l->x = sc->w * 0.05f;
    l->w = sc->w * 0.50f;
    l->top = sc->h * 0.17f;
    l->bottom = sc->h * 0.92f;
    l->row_h = text_line_height(sc->text, TEXT_BODY) + text_line_height(sc->text, TEXT_SMALL) +
               16 * l->u;
    l->head_h = text_line_height(sc->text, TEXT_SMALL) + 14 * l->u;
}

/* The History row is a group of its own, after the kinds (a gap, no heading). */
static int kind_of(const struct picker *p, int row)
{
    if (row >= p->count)
        return EBB_KIND_COUNT;
    return (int)p->lib->entries[p->rows[row]].ex->kind;
}

/* Walks the rows from p->scroll (the History row, index count, last); fills rect of
 * `row` and returns true when it shows. */
static bool row_rect(const struct picker *p, const struct layout *l, int row, SDL_FRect *r)
{
    float y = l->top;
    for (int i = p->scroll; i <= p->count; i++) {
        if (i == p->scroll || kind_of(p, i) != kind_of(p, i - 1))
            y += l->head_h;
        if (i == 0 && p->count == 0)
            y += l->row_h; /* room for "Nothing matches the filter" */
        if (y + l->row_h > l->bottom)
            return false;
        if (i == row) {
            r->x = l->x;
            r->y = y;
            r->w = l->w;
            r->h = l->row_h - 6 * l->u;
            return true;
        }
        y += l->row_h;
    }
    return false;
}

/* Scrolls so the selected row shows, and fills the view: when the rows from scroll on
 * leave room at the bottom (a filter shortened the list), earlier rows come back into
 * view, so matches are never scrolled away above a short list. */
static void keep_visible(struct picker *p, const struct layout *l)
{
    SDL_FRect r;
    if (p->selected < 0)
        return;
    if (p->scroll > p->count)
        p->scroll = p->count;
    if (p->scroll > p->selected)
        p->scroll = p->selected;
    while (p->scroll < p->selected && !row_rect(p, l, p->selected, &r))
        p->scroll++;
    while (p->scroll > 0) {
        p->scroll--;
        if (!row_rect(p, l, p->count, &r) || !row_rect(p, l, p->selected, &r)) {
            p->scroll++;
            break;
        }
    }
    p->page = 0;
    for (int i = p->scroll; i <= p->count && row_rect(p, l, i, &r); i++)
        p->page++;
}

int picker_hit(const struct picker *p, const struct scene *sc, int x, int y)
{
    struct layout l;
    SDL_FRect r;
    layout_of(sc, &l);
    for (int i = p->scroll; i <= p->count; i++) {
        if (!row_rect(p, &l, i, &r))
            break;
        if (x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h)
            return i;
    }
    return -1;
}

static void draw_selection(struct scene *sc, const struct layout *l, SDL_FRect r)
{
    render_round_rect(sc->ren, r, 10 * l->u, sc->th.panel);
    SDL_FRect mark = {r.x, r.y + 8 * l->u, 4 * l->u, r.h - 16 * l->u};
    render_round_rect(sc->ren, mark, 2 * l->u, sc->th.accent);
}

/* The History row: quieter than an exercise, with no length. */
static void draw_history_row(struct picker *p, struct scene *sc, const struct layout *l,
                             SDL_FRect r)
{
    bool sel = picker_on_history(p);
    float pad = 14 * l->u;
    if (sel)
        draw_selection(sc, l, r);
    text_draw(sc->text, TEXT_BODY, _(history_title), r.x + pad, r.y + 6 * l->u, TEXT_LEFT,
              sel ? sc->th.text : theme_mix(sc->th.text, sc->th.bg, 0.35f));
    text_draw(sc->text, TEXT_SMALL, _(history_summary), r.x + pad,
              r.y + 6 * l->u + text_line_height(sc->text, TEXT_BODY), TEXT_LEFT, sc->th.muted);
}

static void draw_row(struct picker *p, struct scene *sc, const struct layout *l, int i,
                     SDL_FRect r)
{
    if (i >= p->count) {
        draw_history_row(p, sc, l, r);
        return;
    }
    const struct ebb_library_entry *e = &p->lib->entries[p->rows[i]];
    bool sel = i == p->selected;
    float pad = 14 * l->u;
    char len[32];
    if (sel)
        draw_selection(sc, l, r);
    picker_format_length(p->length_s[p->rows[i]], len, sizeof len);
    int lw = text_draw(sc->text, TEXT_SMALL, len, r.x + r.w - pad, r.y + 8 * l->u, TEXT_RIGHT,
                       sc->th.muted);
    if (p->eyes[p->rows[i]]) {
        /* the eyes-closed mark, left of the length; brighter with --eyes-closed */
        SDL_Color c = p->eyes_closed ? sc->th.accent : theme_mix(sc->th.muted, sc->th.bg, 0.3f);
        lw += (int)(10 * l->u) + text_draw(sc->text, TEXT_SMALL, eyes_mark,
                                           r.x + r.w - pad - lw - 10 * l->u, r.y + 8 * l->u,
                                           TEXT_RIGHT, c);
    }
    /* the title, cut short with … when it would run into the length */
    char title[160];
    snprintf(title, sizeof title, "%s", e->ex->title);
    float room = r.w - 3 * pad - lw;
    size_t n = strlen(title);
    while (n > 4 && text_width(sc->text, TEXT_BODY, title) > room) {
        do
            n--;
        while (n > 0 && ((unsigned char)title[n] & 0xC0) == 0x80);
        snprintf(title + n, sizeof title - n, "…");
    }
    text_draw(sc->text, TEXT_BODY, title, r.x + pad, r.y + 6 * l->u, TEXT_LEFT,
              sel ? sc->th.text : theme_mix(sc->th.text, sc->th.bg, 0.15f));
    text_draw_preview(sc->text, TEXT_SMALL, e->ex->summary, r.x + pad,
                      r.y + 6 * l->u + text_line_height(sc->text, TEXT_BODY), r.w - 2 * pad,
                      TEXT_LEFT, sc->th.muted);
}

/* The row's summary is one line; when it does not fit there, the about panel begins
 * with it, so it can be read whole. */
static bool summary_cut(struct scene *sc, const struct layout *l, const char *summary)
{
    return summary && summary[0] &&
           text_width(sc->text, TEXT_SMALL, summary) > l->w - 28 * l->u;
}

/* The about text from p->about_line in the room left down to the bottom; a quiet mark
 * says when more is above or below (Shift+↑ ↓ or the wheel scroll it). */
static void draw_about_text(struct picker *p, struct scene *sc, const struct layout *l,
                            const char *text, float x, float y, float w)
{
    int lh = text_line_height(sc->text, TEXT_SMALL);
    int total = text_lines(sc->text, TEXT_SMALL, text, w);
    int room = (int)((l->bottom - y) / lh);
    if (room < 1)
        room = 1;
    if (total > room)
        room = room > 2 ? room - 1 : 1; /* a line for the mark */
    int top = total - room > 0 ? total - room : 0;
    p->about_line = p->about_line < 0 ? 0 : p->about_line > top ? top : p->about_line;
    p->about_lines = total;
    p->about_room = room;
    text_draw_lines(sc->text, TEXT_SMALL, text, x, y, w, p->about_line, room, TEXT_LEFT,
                    sc->th.muted);
    if (total <= room)
        return;
    char mark[96];
    snprintf(mark, sizeof mark, _("%s  Shift+↑ ↓ or the wheel: more"),
             p->about_line >= top ? "↑" : p->about_line > 0 ? "↑ ↓" : "↓");
    text_draw(sc->text, TEXT_SMALL, mark, x, y + (float)room * lh, TEXT_LEFT, sc->th.accent);
}

static void draw_about(struct picker *p, struct scene *sc, const struct layout *l,
                       const struct ebb_state *st, const struct ebb_options *opt)
{
    static char text[EBB_ABOUT_TEXT_MAX];
    const struct ebb_library_entry *e = picker_selected(p);
    if (!e)
        return;
    const struct ebb_exercise *ex = e->ex;
    float x = sc->w * 0.60f, w = sc->w * 0.36f, y = l->top + l->head_h;
    char buf[160], len[32];
    if (p->about_of != p->rows[p->selected]) {
        p->about_of = p->rows[p->selected];
        p->about_line = 0;
    }
    y += text_draw_fit(sc->text, TEXT_BODY, ex->title, x, y, w, 2, TEXT_LEFT, sc->th.text);
    y += 8 * l->u;
    /* the length and pace first: always in view, whatever the text's length */
    int lh = text_line_height(sc->text, TEXT_SMALL);
    picker_format_length(p->length_s[p->rows[p->selected]], len, sizeof len);
    if (ex->kind == EBB_KIND_BREATHING) {
        snprintf(buf, sizeof buf, _("Length %s    ← →"), len);
        text_draw(sc->text, TEXT_SMALL, buf, x, y, TEXT_LEFT, sc->th.text);
        y += lh * 1.3f;
        double pace = picker_pace_of(st, opt, ex);
        char factor[16];
        ebb_lang_decimal(pace, 1, factor, sizeof factor);
        /* TRANSLATORS: the pace factor ("×1.2"), then " slower", " faster" or nothing */
        snprintf(buf, sizeof buf, _("Pace ×%s%s    [ ]"), factor,
                 pace > 1.001 ? _(" slower") : pace < 0.999 ? _(" faster") : "");
        text_draw(sc->text, TEXT_SMALL, buf, x, y, TEXT_LEFT, sc->th.text);
    } else {
        snprintf(buf, sizeof buf, _("Length %s"), len);
        text_draw(sc->text, TEXT_SMALL, buf, x, y, TEXT_LEFT, sc->th.text);
    }
    y += lh * 1.3f;
    if (p->eyes[p->rows[p->selected]]) {
        snprintf(buf, sizeof buf, _("%s  can be followed by sound alone, eyes closed"),
                 eyes_mark);
        y += text_draw_fit(sc->text, TEXT_SMALL, buf, x, y, w, 2, TEXT_LEFT,
                           p->eyes_closed ? sc->th.accent : sc->th.muted);
        y += lh * 0.3f;
    }
    y += 12 * l->u;
    const char *about = ex->about && ex->about[0] ? ex->about : "";
    if (summary_cut(sc, l, ex->summary) || !about[0])
        snprintf(text, sizeof text, "%s%s%s", ex->summary, about[0] ? "\n" : "", about);
    else
        snprintf(text, sizeof text, "%s", about);
    draw_about_text(p, sc, l, text, x, y, w);
}

bool picker_scroll_about(struct picker *p, int lines)
{
    int before = p->about_line;
    int top = p->about_lines - p->about_room;
    p->about_line += lines;
    p->about_line = p->about_line > top ? top : p->about_line;
    p->about_line = p->about_line < 0 ? 0 : p->about_line;
    return p->about_line != before;
}

bool picker_over_about(const struct scene *sc, int x)
{
    return x >= sc->w * 0.58f;
}

/* The about panel of the History row. */
static void draw_history_about(struct scene *sc, const struct layout *l)
{
    float x = sc->w * 0.60f, w = sc->w * 0.35f, y = l->top + l->head_h;
    y += text_draw_wrapped(sc->text, TEXT_BODY, _(history_title), x, y, w, 2, TEXT_LEFT,
                           sc->th.text);
    y += 10 * l->u;
    text_draw_wrapped(sc->text, TEXT_SMALL,
                      _("Your ratings before and after, and the minutes practised each week, "
                        "from the journal kept on this computer. Enter or J opens it."),
                      x, y, w, 6, TEXT_LEFT, sc->th.muted);
}

void picker_draw(struct picker *p, struct scene *sc, const struct ebb_state *st,
                 const struct ebb_options *opt)
{
    struct layout l;
    SDL_FRect r;
    layout_of(sc, &l);
    keep_visible(p, &l);
    text_draw(sc->text, TEXT_LARGE, "ebb", l.x, sc->h * 0.05f, TEXT_LEFT, sc->th.text);
    char buf[PICKER_FILTER_MAX + 32];
    if (p->typing || p->filter[0])
        snprintf(buf, sizeof buf, _("Filter: %s%s"), p->filter, p->typing ? "▏" : "");
    else
        snprintf(buf, sizeof buf, "%s", _("/ to filter   ·   F1 help"));
    text_draw(sc->text, TEXT_SMALL, buf, l.x + l.w, sc->h * 0.05f + 12 * l.u, TEXT_RIGHT,
              p->typing || p->filter[0] ? sc->th.text : sc->th.muted);
    if (p->count == 0)
        text_draw(sc->text, TEXT_BODY,
                  p->filter[0] ? _("Nothing matches the filter") : _("No exercises found"), l.x,
                  l.top + l.head_h, TEXT_LEFT, sc->th.muted);
    float y = l.top;
    for (int i = p->scroll; i <= p->count; i++) {
        if (!row_rect(p, &l, i, &r))
            break;
        if (i < p->count && (i == p->scroll || kind_of(p, i) != kind_of(p, i - 1))) {
            y = r.y - l.head_h;
            text_draw(sc->text, TEXT_SMALL, _(kind_titles[kind_of(p, i)]), l.x + 14 * l.u,
                      y + 4 * l.u, TEXT_LEFT, sc->th.accent);
        }
        draw_row(p, sc, &l, i, r);
    }
    if (p->scroll > 0)
        text_draw(sc->text, TEXT_SMALL, "↑", l.x + l.w, l.top, TEXT_RIGHT, sc->th.muted);
    if (!row_rect(p, &l, p->count, &r))
        text_draw(sc->text, TEXT_SMALL, "↓", l.x + l.w, l.bottom, TEXT_RIGHT, sc->th.muted);
    if (picker_on_history(p))
        draw_history_about(sc, &l);
    else
        draw_about(p, sc, &l, st, opt);
}
