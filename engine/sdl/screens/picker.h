/* picker: the list of exercises grouped by kind, a typed filter, the about panel, and
 * the selected exercise's length and pace (remembered in the state file). After the
 * exercises, one quiet "History" row opens the history screen (as J does). The model
 * (what is listed, what is selected, what a change does) is separate from drawing so
 * tests can check it without a window. */
#ifndef EBB_PICKER_H
#define EBB_PICKER_H

#include <stdbool.h>

#include "library.h"
#include "options.h"
#include "scene.h"
#include "state.h"

#define PICKER_FILTER_MAX 64
#define PICKER_PACE_STEP 0.1
#define PICKER_FIRST_ID "gentle-start" /* selected when nothing else was chosen: the
                                          built-in to suggest first (issue 7) */

struct picker {
    const struct ebb_library *lib;        /* borrowed */
    int rows[EBB_LIBRARY_MAX];            /* shown entries (indices in lib->entries) */
    int count;
    int selected;                         /* index in rows; == count: the History row;
                                             -1 when none */
    int scroll;                           /* first row drawn */
    int page;                             /* rows that showed at the last draw */
    int about_line;                       /* first line of the about text shown */
    int about_lines, about_room;          /* its lines, and how many showed (last draw) */
    int about_of;                         /* the entry about_line belongs to */
    char filter[PICKER_FILTER_MAX];       /* UTF-8, case-insensitive substring */
    bool typing;                          /* `/` was pressed: text goes to the filter */
    bool fresh;                           /* typing just began: the `/` text is not kept */
    double length_s[EBB_LIBRARY_MAX];     /* by entry: seconds with the chosen options,
                                             -1 self-paced */
    bool eyes[EBB_LIBRARY_MAX];           /* by entry: suits eyes-closed use (eyes.h) */
    bool eyes_closed;                     /* --eyes-closed: the mark is brighter */
};

/* Lists every loadable exercise (grouped breathing, grounding, sequence; by title) and
 * selects `select_id` when given and listed, else PICKER_FIRST_ID when listed, else the
 * first row. Lengths follow `opt` and the state's choices. */
void picker_init(struct picker *p, const struct ebb_library *lib, const char *select_id,
                 const struct ebb_options *opt, const struct ebb_state *st);

/* Applies the filter again, keeping the selection when it is still listed. */
void picker_refilter(struct picker *p);

void picker_move(struct picker *p, int delta);

/* Home, End (the History row), PageUp, PageDown (a page of the rows last drawn). */
enum picker_jump { PICKER_HOME, PICKER_END, PICKER_PAGE_UP, PICKER_PAGE_DOWN };
void picker_jump(struct picker *p, int where);

/* The filter: add typed text, delete the last character, clear. */
void picker_type(struct picker *p, const char *utf8);
void picker_backspace(struct picker *p);
void picker_clear_filter(struct picker *p);

/* The selected entry, or NULL (nothing, or the History row). */
const struct ebb_library_entry *picker_selected(const struct picker *p);

/* True when the History row is selected: Enter or a click opens the history. */
bool picker_on_history(const struct picker *p);

/* ← →: one cycle or one minute shorter (-1) or longer (+1), stored in st. [ ]: the
 * pace slower (-1: a larger factor, longer phases) or faster (+1). Return true when
 * something changed. The length is recomputed with `opt`. */
bool picker_change_length(struct picker *p, struct ebb_state *st, const struct ebb_options *opt,
                          int dir);
bool picker_change_pace(struct picker *p, struct ebb_state *st, const struct ebb_options *opt,
                        int dir);

/* The pace and length choices now in effect for ex (state, then script). */
double picker_pace_of(const struct ebb_state *st, const struct ebb_options *opt,
                      const struct ebb_exercise *ex);

/* Draws the picker. */
void picker_draw(struct picker *p, struct scene *sc, const struct ebb_state *st,
                 const struct ebb_options *opt);

/* Shift+↑ ↓ or the wheel over it: the about text scrolls by `lines` when it is longer
 * than its room. True when it moved. */
bool picker_scroll_about(struct picker *p, int lines);

/* True when output x is over the about panel (the wheel there scrolls it). */
bool picker_over_about(const struct scene *sc, int x);

/* The row at output pixel (x, y) (count: the History row), or -1. */
int picker_hit(const struct picker *p, const struct scene *sc, int x, int y);

/* "m:ss" or "self-paced". */
void picker_format_length(double seconds, char *buf, size_t size);

#endif
