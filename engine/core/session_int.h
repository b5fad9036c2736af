/* session_int: what the session's files share. session.c runs the stages and owns the
 * event queue and the breathing plans; session_steps.c runs grounding steps;
 * session_items.c a sequence's items and the transitions between them;
 * session_reload.c live reload. Not part of the public API. */
#ifndef EBB_SESSION_INT_H
#define EBB_SESSION_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "session.h"

struct ebb_session {
    const struct ebb_exercise *ex;           /* what was started (after a reload: its version) */
    const struct ebb_exercise *const *items; /* a sequence's items, borrowed; NULL otherwise */
    int item_count;                          /* 1 unless a sequence */
    struct ebb_timeline *plans;              /* owned; item_count, zeroed for non-breathing */
    bool *has_plan;                          /* owned; item_count */
    struct ebb_timeline_options opt;         /* the options the plans were built with */

    enum ebb_session_stage stage;    /* where the session is; changed by session_set_stage only */
    bool paused;                     /* orthogonal to the stage: time stands still */
    int item;                        /* 0-based; in a transition, the item that ended */
    enum ebb_session_stage ended_in; /* the stage the last item ended in: a finished
                                        session is shown as it ended */

    uint64_t start_us;     /* the caller's clock at ebb_session_new: event time 0 */
    uint64_t last_us;      /* the clock at the previous call */
    uint64_t origin_us;    /* the clock at which the current item's (or transition's) t 0
                              stands; moved forward by pauses */
    uint64_t paused_at_us; /* the clock at which the pause began */

    /* breathing: item time up to which events are queued (exclusive) */
    uint64_t done_us;

    /* live reload (a single exercise only). Plan time = item time + plan_offset_us. A
     * plan once handed out is never freed before the session: the audio may read it. */
    struct ebb_timeline *live;             /* owned; the reloaded plan now running, or NULL */
    uint64_t plan_offset_us;               /* plan time at item time 0 (after a reload) */
    uint64_t rebase_us;                    /* how far reloads moved the item's origin, in all */
    struct ebb_timeline *pending;          /* owned; the plan waiting for its boundary, or NULL */
    const struct ebb_exercise *pending_ex; /* the version waiting (breathing or grounding) */
    uint64_t pending_at_us;                /* item time of the boundary */
    uint64_t pending_offset_us;            /* plan time of the new plan at that boundary */
    int pending_mark;                      /* the new plan's cycle at that boundary */
    struct ebb_timeline **retired;         /* owned; plans replaced, kept while the sound may
                                              read them (ebb_session_drop_retired) */
    size_t retired_count;
    size_t retired_cap;
    int reloads;           /* reloads applied */
    uint64_t reload_at_us; /* event time (from start) of the last one */
    int reload_mark;       /* cycle (breathing) or step (grounding) it began at */

    /* grounding; times are item time (clock - origin) */
    int step;
    uint64_t step_start_us;
    int presses;
    uint64_t complete_us;       /* when the quiet pause after the step began (STEP_GAP) */
    int next_tap;               /* next tap to sound in a taps step */
    int pressed[EBB_STEPS_MAX]; /* presses each step had when it was left, for UNDO */

    /* events, a ring */
    struct ebb_event queue[EBB_SESSION_QUEUE_MAX];
    size_t q_head;
    size_t q_len;
};

/* ---- session.c ---- */

/* The exercise running now: a sequence's item, or what was started. */
const struct ebb_exercise *session_current(const struct ebb_session *s);
/* Whole microseconds of a length in seconds (0 for none). */
uint64_t session_us_of(double seconds);
/* Item time at clock time now_us (held while paused). */
uint64_t session_local_at(const struct ebb_session *s, uint64_t now_us);
bool session_last_item(const struct ebb_session *s);
/* Moves to `to`; asserts ebb_session_stage_allowed (a wrong transition is our bug). */
void session_set_stage(struct ebb_session *s, enum ebb_session_stage to);
/* Queues an event at item time at_us (text borrowed), or a cue (none: nothing). */
void session_emit(struct ebb_session *s, uint64_t at_us, enum ebb_event_kind kind,
                  enum ebb_side side, const char *text);
void session_emit_cue(struct ebb_session *s, uint64_t at_us, enum ebb_sound sound,
                      const struct ebb_cue *cue, enum ebb_side side);

/* ---- session_steps.c ---- */

/* Begins step i of the current item at item time at_us (STEP). */
void session_step_start(struct ebb_session *s, int i, uint64_t at_us);
/* Leaves the current step at item time at_us: the next step, or the item's end. */
void session_step_leave(struct ebb_session *s, uint64_t at_us);
/* Runs the current step up to item time loc: what happens by itself. Returns true when
 * something happened (call again), false when the step waits for loc to pass. */
bool session_step_advance(struct ebb_session *s, uint64_t loc);
/* PRESS, UNDO or SKIP in a step, at item time loc. */
void session_step_act(struct ebb_session *s, enum ebb_action a, uint64_t loc);
/* The step's part of the view at item time loc. */
void session_step_view(const struct ebb_session *s, uint64_t loc, struct ebb_session_view *out);
/* A manual step that waits for the person. */
bool session_step_waiting(const struct ebb_session *s);

/* ---- session_items.c ---- */

/* Checks a sequence's resolved items (0, or -1 with an error). */
int session_items_check(const struct ebb_exercise *ex, const struct ebb_exercise *const *items,
                        int count, struct ebb_diags *diags);
/* The options the items' plans are built with. */
void session_items_options(const struct ebb_exercise *ex, const struct ebb_timeline_options *opt,
                           struct ebb_timeline_options *out);
/* Begins item `index` at clock time at_clock_us (BREATHING or STEP; an empty grounding
 * item ends at once). */
void session_item_start(struct ebb_session *s, int index, uint64_t at_clock_us);
/* The current item ended at item time at_us: a TRANSITION to the next, or FINISHED. */
void session_item_end(struct ebb_session *s, uint64_t at_us);
/* In a TRANSITION at item time loc: moves on when its pause is over. Returns true when
 * it moved on. */
bool session_transition_advance(struct ebb_session *s, uint64_t loc);
/* PRESS or SKIP moves a transition on at clock time now_us; returns true when it did. */
bool session_transition_act(struct ebb_session *s, enum ebb_action a, uint64_t now_us);
/* The transition's part of the view at time loc within it. */
void session_transition_view(const struct ebb_session *s, uint64_t loc,
                             struct ebb_session_view *out);
/* A transition with pause = 0 waits for a key. */
bool session_transition_waiting(const struct ebb_session *s);

/* ---- session_reload.c ---- */

/* The breathing plan running now: a reloaded one, or the item's own. */
const struct ebb_timeline *session_plan(const struct ebb_session *s);
/* Breathing at item time loc: when a waiting version's boundary is reached, queues the
 * old plan's events up to it and switches (returns true: the item's time restarted). */
bool session_reload_breath(struct ebb_session *s, uint64_t loc);
/* Grounding: leaving a step at item time at_us, a waiting version takes over. */
void session_reload_step(struct ebb_session *s, uint64_t at_us);
/* Frees every plan a reload made. */
void session_reload_free(struct ebb_session *s);

/* ---- back in session.c ---- */

/* Queues a breathing item's events with item time in [done_us, upto_us]. */
void session_breath_until(struct ebb_session *s, uint64_t upto_us);

#endif
