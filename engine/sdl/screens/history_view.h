/* history_view: the history screen, reached from the picker with J. A quiet chart of
 * how the person felt before and after their sessions over the last 30 days (one column
 * a day: a ring for before, a disc for after, a thin line between them) and the minutes
 * practised in each of the last weeks. No streaks, no badges, no red; a plain line when
 * there is nothing yet. The geometry is pure so tests can check it without a window. */
#ifndef EBB_HISTORY_VIEW_H
#define EBB_HISTORY_VIEW_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "diag.h"
#include "journal.h"
#include "scene.h"

struct history_view {
    struct ebb_journal_chart chart; /* what is drawn */
    int64_t today;                  /* local day number the chart ends with */
    bool unreadable;                /* the journal exists but could not be read */
};

/* Where the two charts sit on a w x h output; pure. */
struct history_layout {
    SDL_FRect ratings; /* the plot area of the ratings (0 at the bottom, 10 at the top) */
    SDL_FRect weeks;   /* the plot area of the minutes per week */
    float col_w;       /* the width of one day's column */
};

/* Fills the view from a journal already read (pure: no file, no clock). */
void history_view_from_journal(struct history_view *hv, const struct ebb_journal *j, int64_t today);

/* Reads the journal at path (NULL or "": nothing to show) and builds the chart of the 30
 * days ending on `now`'s local day. Warnings (a torn line) and errors go to diags. */
void history_view_load(struct history_view *hv, const char *path, time_t now,
                       struct ebb_diags *diags);

/* True when nothing was practised in the 30 days (the plain line is shown). */
bool history_view_empty(const struct history_view *hv);

void history_layout(int w, int h, struct history_layout *out);

/* The centre x of day column i (0: the oldest, EBB_JOURNAL_CHART_DAYS - 1: today). */
float history_day_x(const struct history_layout *l, int i);

/* The y of a rating 0..10 in the ratings plot (0 at the bottom). */
float history_rating_y(const struct history_layout *l, double rating);

/* The height of a week's bar of `minutes` when the largest week has `max_minutes`. */
float history_bar_h(const struct history_layout *l, double minutes, double max_minutes);

/* The civil date of a local day number (days since 1970-01-01). */
void history_civil_of_day(int64_t day, int *year, int *month, int *mday);

void history_view_draw(const struct history_view *hv, struct scene *sc);

#endif
