/* journal_hook: what the window program adds around a session for the journal
 * (docs/checkin.md): the check-in before (and the once-only offer of grounding), the
 * check-in after, the session's record written at its end or when it is left early,
 * and the history screen. Export and --screenshot never come here: only interactive
 * sessions ask and record (nor does a benchmark run, with $EBB_BENCH set). An unusable journal path
 * is one warning on stderr; the session runs all the same.
 *
 * Two layers. struct journal_rec is the record of one session (pure: no window, no
 * clock read). struct journal_flow and the journal_flow_* calls are the glue the app
 * calls at a few points (app.c, app_run.c, app_input.c); each is one line there. */
#ifndef EBB_JOURNAL_HOOK_H
#define EBB_JOURNAL_HOOK_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "checkin.h"
#include "diag.h"
#include "history_view.h"
#include "journal.h"
#include "suggest.h"

#define JOURNAL_PATH_MAX 4096

/* ---- the record of one session ---- */

struct journal_rec {
    bool open;  /* a session started and its record is not written yet */
    bool ended; /* the session ended (completed or left); only the after rating is left */
    struct ebb_journal_record rec;
    uint64_t start_us; /* the app clock when the session started */
};

/* Opens the record of a session of `id` started at wall-clock `when` (app clock
 * now_us), planned to last planned_s seconds (0 or less: self-paced), rated `before`
 * (0..10, or EBB_JOURNAL_RATING_NONE). */
void journal_rec_begin(struct journal_rec *r, const char *id, double planned_s, int before,
                       time_t when, uint64_t now_us);

/* The session ended after actual_s seconds of practice (pauses not counted). */
void journal_rec_end(struct journal_rec *r, double actual_s, bool completed);

/* Writes the open record to the journal at path (nothing when none is open or path is
 * empty) and closes it. Returns 0, or -1 with the one-line warning in diags. */
int journal_rec_write(struct journal_rec *r, const char *path, struct ebb_diags *diags);

/* ---- the glue the app calls ---- */

struct app;

struct journal_flow {
    bool ready;                  /* set up (lazily, on the first call) */
    bool checkin_on;             /* ask before and after (not --no-checkin, --screenshot, bench) */
    bool record_on;              /* write records (not --screenshot, not $EBB_BENCH) */
    bool warned;                 /* the unusable journal's warning was printed once */
    bool passing;                /* the next app_start_session was asked for by the check-in */
    char path[JOURNAL_PATH_MAX]; /* the journal, "" when there is none */
    char pending[JOURNAL_PATH_MAX]; /* what the person asked to start */
    int rating_before; /* given in the check-in before, for the session about to start */
    struct checkin checkin;
    struct suggest suggest;
    struct history_view history;
    struct journal_rec rec;
};

/* In app_start_session once `name` resolved into a->launch: true when the check-in
 * before is shown instead (the session starts when it is answered or skipped). */
bool journal_flow_before(struct app *a, const char *name);

/* In app_start_session once a->session runs: opens its record. */
void journal_flow_started(struct app *a);

/* In end_session before the session is freed: closes its record; a session left early
 * is written now. */
void journal_flow_session_end(struct app *a);

/* In app_finish after end_session: true when the check-in after is shown (the end
 * screen follows it). */
bool journal_flow_after(struct app *a);

/* In shut_down before the session is freed: writes whatever is still open. */
void journal_flow_quit(struct app *a);

/* In the event loop before input_translate: true when the check-in or the offer took
 * the event. */
bool journal_flow_event(struct app *a, const SDL_Event *e);

/* J: from the picker, the history; from the history, back. */
void journal_flow_history_key(struct app *a);

/* Input on the history screen (Escape, Enter: back to the picker). */
struct input;
void journal_flow_history_input(struct app *a, const struct input *in);

/* In app_draw: draws the check-in, the offer or the history when one is on screen. */
void journal_flow_draw(struct app *a);

#endif
