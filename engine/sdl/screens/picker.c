/* picker: model and drawing of the exercise list. Redrawn only when something changes,
 * so an idle picker costs nothing. */
#include "picker.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "eyes.h"
#include "fold.h"
#include "i18n.h"
#include "launch.h"
#include "render.h"


void picker_format_length(double seconds, char *buf, size_t size)
{
    if (seconds < 0) {
        snprintf(buf, size, "%s", _("self-paced"));
        return;
    }
    long s = lround(seconds);
    snprintf(buf, size, "%ld:%02ld", s / 60, s % 60);
}

static double length_of(const struct ebb_library *lib, const struct ebb_exercise *ex,
                        const struct ebb_options *opt, const struct ebb_state *st)
{
    if (ex->kind != EBB_KIND_BREATHING)
        return ebb_exercise_length_s(lib, ex);
    struct ebb_timeline_options o;
    struct ebb_timeline tl;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    launch_timeline_options(opt, st, ex, &o);
    memset(&tl, 0, sizeof tl);
    if (ebb_timeline_init(&tl, ex, &o, &d) != 0)
        return ebb_exercise_length_s(lib, ex);
    double s = (double)tl.end_us / 1e6;
    ebb_timeline_deinit(&tl);
    return s;
}

/* The filter is a substring of the title, id, summary or a tag, with case folded
 * for every script (fold.h): "дых" finds "Дыхание". */
static bool matches(const struct ebb_exercise *ex, const char *filter)
{
    if (fold_contains(ex->title, filter) || fold_contains(ex->id, filter) ||
        fold_contains(ex->summary, filter))
        return true;
    for (int i = 0; i < ex->tag_count; i++)
        if (fold_contains(ex->tags[i], filter))
            return true;
    return false;
}

void picker_refilter(struct picker *p)
{
    int keep = p->selected >= 0 && p->selected < p->count ? p->rows[p->selected] : -1;
    bool on_history = p->selected >= 0 && p->selected == p->count;
    p->count = 0;
    p->selected = -1;
    /* grouped by kind, then in the library's order (by title) */
    for (int k = 0; k < EBB_KIND_COUNT; k++) {
        for (int i = 0; i < p->lib->count; i++) {
            const struct ebb_exercise *ex = p->lib->entries[i].ex;
            if (!ex || (int)ex->kind != k || !matches(ex, p->filter))
                continue;
            if (i == keep)
                p->selected = p->count;
            p->rows[p->count++] = i;
        }
    }
    if (on_history || (p->selected < 0 && p->count == 0))
        p->selected = p->count; /* the History row stays, and is all an empty list has */
    if (p->selected < 0)
        p->selected = 0;
    if (p->scroll > p->selected)
        p->scroll = p->selected < 0 ? 0 : p->selected;
}

void picker_init(struct picker *p, const struct ebb_library *lib, const char *select_id,
                 const struct ebb_options *opt, const struct ebb_state *st)
{
    memset(p, 0, sizeof *p);
    p->lib = lib;
    p->selected = -1;
    p->eyes_closed = opt && opt->eyes_closed;
    for (int i = 0; i < lib->count && i < EBB_LIBRARY_MAX; i++) {
        p->length_s[i] = lib->entries[i].ex ? length_of(lib, lib->entries[i].ex, opt, st) : -1;
        p->eyes[i] = ebb_eyes_closed_suits(lib, lib->entries[i].ex);
    }
    picker_refilter(p);
    /* the chosen exercise, else the one to suggest first (issue 7), else the first row */
    const char *want[] = {select_id, PICKER_FIRST_ID};
    for (size_t w = 0; w < sizeof want / sizeof want[0]; w++) {
        for (int i = 0; want[w] && i < p->count; i++) {
            if (strcmp(lib->entries[p->rows[i]].id, want[w]) == 0) {
                p->selected = i;
                return;
            }
        }
    }
}

void picker_move(struct picker *p, int delta)
{
    if (p->selected < 0)
        p->selected = 0;
    int s = p->selected + delta;
    if (s < 0)
        s = 0;
    if (s > p->count) /* the History row is the last */
        s = p->count;
    p->selected = s;
}

void picker_jump(struct picker *p, int where)
{
    int rows = p->page > 1 ? p->page - 1 : 1; /* a page keeps one row in view */
    switch (where) {
    case PICKER_HOME: p->selected = 0; break;
    case PICKER_END: p->selected = p->count; break;
    case PICKER_PAGE_UP: picker_move(p, -rows); break;
    case PICKER_PAGE_DOWN: picker_move(p, rows); break;
    default: break;
    }
}

void picker_type(struct picker *p, const char *utf8)
{
    bool fresh = p->fresh;
    p->fresh = false;
    if (fresh && strcmp(utf8, "/") == 0)
        return; /* the key that began typing also arrives as text */
    size_t n = strlen(p->filter), add = strlen(utf8);
    if (n + add >= sizeof p->filter)
        return;
    memcpy(p->filter + n, utf8, add + 1);
    picker_refilter(p);
}

void picker_backspace(struct picker *p)
{
    size_t n = strlen(p->filter);
    while (n > 0) { /* drop one whole UTF-8 character */
        n--;
        if (((unsigned char)p->filter[n] & 0xC0) != 0x80)
            break;
    }
    p->filter[n] = '\0';
    picker_refilter(p);
}

void picker_clear_filter(struct picker *p)
{
    p->filter[0] = '\0';
    p->typing = false;
    picker_refilter(p);
}

const struct ebb_library_entry *picker_selected(const struct picker *p)
{
    if (p->selected < 0 || p->selected >= p->count)
        return NULL;
    return &p->lib->entries[p->rows[p->selected]];
}

bool picker_on_history(const struct picker *p)
{
    return p->selected >= 0 && p->selected == p->count;
}

double picker_pace_of(const struct ebb_state *st, const struct ebb_options *opt,
                      const struct ebb_exercise *ex)
{
    struct ebb_timeline_options o;
    launch_timeline_options(opt, st, ex, &o);
    return o.pace;
}

static void relength(struct picker *p, const struct ebb_state *st, const struct ebb_options *opt)
{
    const struct ebb_library_entry *e = picker_selected(p);
    if (e && e->ex)
        p->length_s[p->rows[p->selected]] = length_of(p->lib, e->ex, opt, st);
}

/* The remembered choice of the selected row when it is a breathing exercise (its
 * exercise in *ex), or NULL: only breathing has a length and a pace to change. */
static struct ebb_state_choice *breathing_choice(const struct picker *p, struct ebb_state *st,
                                                 const struct ebb_exercise **ex)
{
    const struct ebb_library_entry *e = picker_selected(p);
    if (!e || !e->ex || e->ex->kind != EBB_KIND_BREATHING)
        return NULL;
    *ex = e->ex;
    return ebb_state_choice_for(st, e->id);
}

bool picker_change_length(struct picker *p, struct ebb_state *st, const struct ebb_options *opt,
                          int dir)
{
    const struct ebb_exercise *ex;
    struct ebb_state_choice *c = breathing_choice(p, st, &ex);
    if (!c)
        return false;
    if (ex->cycles > 0 || c->cycles > 0) {
        int now = c->cycles > 0 ? c->cycles : ex->cycles;
        int next = now + dir;
        if (next < 1 || next > 200)
            return false;
        c->cycles = next;
        c->minutes = 0;
    } else {
        double now = c->minutes > 0 ? c->minutes : round(ex->duration_s / 60.0);
        if (now < 1)
            now = 1;
        double next = now + dir;
        if (next < 1 || next > 60)
            return false;
        c->minutes = next;
    }
    relength(p, st, opt);
    return true;
}

bool picker_change_pace(struct picker *p, struct ebb_state *st, const struct ebb_options *opt,
                        int dir)
{
    const struct ebb_exercise *ex;
    struct ebb_state_choice *c = breathing_choice(p, st, &ex);
    if (!c)
        return false;
    double now = c->pace > 0 ? c->pace : 1.0;
    /* slower (-1) means longer phases: a larger factor */
    double next = round((now - dir * PICKER_PACE_STEP) * 10.0) / 10.0;
    if (next < EBB_PACE_MIN - 1e-9 || next > EBB_PACE_MAX + 1e-9)
        return false;
    c->pace = next;
    relength(p, st, opt);
    return true;
}
