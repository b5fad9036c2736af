/* session: the state machine of one session (prepare, run, pause, steps, finish) for
 * every kind, and for a sequence the items one after another with a transition
 * between them. The caller passes a monotonic clock in microseconds (real or virtual)
 * to every call; the session never reads a clock. Pause shifts the origin; nothing is
 * accumulated frame by frame. */
#ifndef EBB_SESSION_H
#define EBB_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "events.h"
#include "script.h"
#include "timeline.h"

/* What the person asked for, already mapped from keys, clicks, taps and gamepad. */
enum ebb_action {
    EBB_ACTION_PRESS, /* Space, Enter, click, tap, gamepad A */
    EBB_ACTION_UNDO,  /* Backspace: one back */
    EBB_ACTION_SKIP,  /* N or ->: skips the step */
    EBB_ACTION_PAUSE, /* P, gamepad Start */
    EBB_ACTION_COUNT
};

enum ebb_session_state {
    EBB_SESSION_RUNNING,
    EBB_SESSION_PAUSED,
    EBB_SESSION_TRANSITION, /* a sequence between two items */
    EBB_SESSION_FINISHED,
    EBB_SESSION_STATE_COUNT
};

/* Where a session is. Pause is not a stage: a session pauses in any stage but FINISHED
 * and resumes in the same one. */
enum ebb_session_stage {
    EBB_SESSION_STAGE_BREATHING,  /* a breathing item runs its plan */
    EBB_SESSION_STAGE_STEP,       /* a grounding step: waits for presses, or runs by itself */
    EBB_SESSION_STAGE_STEP_GAP,   /* the quiet pause after a step (its count reached, or its end) */
    EBB_SESSION_STAGE_TRANSITION, /* a sequence between two items */
    EBB_SESSION_STAGE_FINISHED,   /* every item has ended */
    EBB_SESSION_STAGE_COUNT
};

/* True when a session may go from stage `from` to stage `to` (the same stage again is a
 * move too: the next step). What the session checks on every change. */
bool ebb_session_stage_allowed(enum ebb_session_stage from, enum ebb_session_stage to);

/* A clock jump larger than this while running (the machine slept) pauses the session
 * at the moment it left. */
#define EBB_SESSION_JUMP_US 2000000u

/* Grounding rhythm (docs/grounding.md). When a step's count is reached (or a timed or
 * tapped step ends) a quiet pause of STEP_GAP follows, then the next step fades in over
 * STEP_FADE. Taps begin TAP_LEAD after their step starts, so the step's own cue and the
 * first tap never sound together. A timed step without `seconds` (advance = "timed")
 * lasts STEP_DEFAULT. */
#define EBB_SESSION_STEP_GAP_US 1200000u
#define EBB_SESSION_STEP_FADE_US 600000u
#define EBB_SESSION_TAP_LEAD_US 1000000u
#define EBB_SESSION_STEP_DEFAULT_US 30000000u

/* Events queued between two reads of ebb_session_next_event; past this the oldest are
 * dropped (a caller that reads every frame never comes near it). */
#define EBB_SESSION_QUEUE_MAX 1024

/* Everything the SDL layer needs to draw one instant. Pointers are borrowed. */
struct ebb_session_view {
    enum ebb_session_state state;
    const struct ebb_exercise *ex; /* the exercise now running (a sequence's item) */
    const struct ebb_exercise *sequence; /* the sequence being run, NULL for one exercise */
    int item;                      /* 0-based item of a sequence; 0 otherwise */
    int item_count;                /* items of a sequence; 1 otherwise */
    uint64_t item_elapsed_us;      /* session time within the current item (not paused) */

    /* breathing */
    struct ebb_frame frame;

    /* grounding */
    int step; /* 0-based */
    int step_count;
    int presses;            /* presses counted toward the step's count */
    int count;              /* presses that complete it */
    bool step_complete;     /* count reached: the quiet pause before the next step */
    double step_fade;       /* 0..1: the step fading in (1 = fully shown) */
    double step_progress;   /* timed or tapped step: 0..1 */
    double step_left_s;     /* timed or tapped step: seconds left */
    int tap;                /* 0-based tap in the step, -1 before the first */
    enum ebb_side tap_side; /* side of the latest tap (none for middle taps) */
    double tap_glow;        /* 1 at a tap, fading to 0 before the next */
    bool tap_resting;       /* between two sets */

    /* transition */
    const struct ebb_exercise *next; /* what comes next */
    double transition_left_s;        /* seconds left, or 0 when it waits for a key */
    bool in_transition;              /* between two items, paused or not (state is TRANSITION, or
                                        PAUSED during one); ex and item stay on the item that ended */
};

struct ebb_session; /* opaque */

/* Starts a session of `ex` at clock time now_us. For a sequence, `items` holds its
 * resolved exercises in order (ex->item_count of them, borrowed, outliving the
 * session); NULL otherwise. Returns NULL with an error in `diags` when it cannot
 * start. Free with ebb_session_free. */
struct ebb_session *ebb_session_new(const struct ebb_exercise *ex,
                                    const struct ebb_exercise *const *items,
                                    const struct ebb_timeline_options *opt, uint64_t now_us,
                                    struct ebb_diags *diags);

/* ebb_session_new for a sequence whose items are `item_count` exercises, none of them a
 * sequence (what ebb_library_expand gives: nested sequences opened in place; the outer
 * sequence's pause comes between every two). */
struct ebb_session *ebb_session_new_items(const struct ebb_exercise *ex,
                                          const struct ebb_exercise *const *items,
                                          int item_count, const struct ebb_timeline_options *opt,
                                          uint64_t now_us, struct ebb_diags *diags);

/* Accepts NULL. */
void ebb_session_free(struct ebb_session *s);

/* Advances to now_us: breathing boundaries, timed steps, taps, transitions. A jump of
 * more than EBB_SESSION_JUMP_US since the previous call pauses the session at the
 * previous time, unless the session was waiting for the person (ebb_session_waiting),
 * where nothing runs by itself and the caller may sleep until the next input. Events
 * that happened are queued for ebb_session_next_event. */
void ebb_session_update(struct ebb_session *s, uint64_t now_us);

/* One action at now_us (calls ebb_session_update first). */
void ebb_session_act(struct ebb_session *s, enum ebb_action a, uint64_t now_us);

/* The picture at now_us, without changing anything. */
void ebb_session_view(const struct ebb_session *s, uint64_t now_us, struct ebb_session_view *out);

/* Takes the oldest queued event; returns 0, or -1 when there is none. Event times are
 * on the caller's clock, from the session's first now_us (= t 0 of timeline.tsv). */
int ebb_session_next_event(struct ebb_session *s, struct ebb_event *out);

/* The breathing plan of the current item (NULL when it is not breathing), and the clock
 * time its t = 0 stands at now (moved by pauses): what the audio mixer needs to place
 * cues by itself. */
const struct ebb_timeline *ebb_session_timeline(const struct ebb_session *s);
uint64_t ebb_session_origin_us(const struct ebb_session *s);

/* True once every item has finished. */
bool ebb_session_finished(const struct ebb_session *s);

/* The stage (FINISHED for NULL), and whether the session is paused. */
enum ebb_session_stage ebb_session_stage(const struct ebb_session *s);
bool ebb_session_paused(const struct ebb_session *s);

/* The length of a grounding exercise that runs by itself (every step timed or tapped)
 * as the session runs it: each step, the lead before taps, and the quiet pause after
 * every step, in seconds; -1 when a step waits for the person (or ex is not grounding).
 * What --list and the picker should show. */
double ebb_session_grounding_length_s(const struct ebb_exercise *ex);

/* True when the session waits for the person: a manual step not yet complete, or a
 * sequence's transition with pause = 0 (what export's --press-every presses). False
 * while paused, in breathing (where PRESS toggles pause), in timed and tapped steps. */
bool ebb_session_waiting(const struct ebb_session *s);

/* Live reload: a new version `ex` of the running exercise (its file was saved). It
 * takes effect at the next boundary: for breathing, the start of the next cycle (or the
 * end of prepare), where the item's origin moves and a new plan of `ex` runs on from its
 * own start of that cycle (cycle numbers go on; a version with fewer cycles than are
 * done ends there); for grounding, the next step. Until then the old version runs.
 * Saving again before the boundary replaces the waiting version. `ex` is borrowed and
 * must outlive the session. Returns 0 (scheduled), 1 (the session has finished: nothing
 * to do) or -1 with an error in diags (a sequence, a changed kind, a plan that cannot be
 * built); the running version is untouched then. Plans are kept until the session is
 * freed, so a pointer from ebb_session_timeline stays valid as long as the session. */
int ebb_session_reload(struct ebb_session *s, const struct ebb_exercise *ex, uint64_t now_us,
                       struct ebb_diags *diags);

/* True while the session may still read `ex`: what was started, what runs, what waits
 * for its boundary, and the exercise of every plan it keeps. A version of a reloaded
 * script for which this (and every other reader) says false may be freed. */
bool ebb_session_uses(const struct ebb_session *s, const struct ebb_exercise *ex);

/* Frees the plans that reloads replaced and that `read(plan, ctx)` says nobody reads
 * any more (the sound may go on reading a replaced plan for a while). */
void ebb_session_drop_retired(struct ebb_session *s,
                              bool (*read)(const struct ebb_timeline *plan, void *ctx), void *ctx);

struct ebb_session_reload_info {
    int applied;            /* reloads applied so far */
    uint64_t applied_at_us; /* event time (from the first now_us) of the last one */
    int applied_mark;       /* the cycle (breathing, 0-based) or step it took over at */
    uint64_t rebase_us;     /* how far reloads moved the origin: the sound's own session
                               time is clock - (ebb_session_origin_us - rebase_us) */
    bool pending;           /* a version waits for its boundary */
    uint64_t pending_at_us; /* breathing: event time of that boundary (pauses move it) */
    /* breathing, for the audio: the waiting plan starts at the sound's session time
     * pending_sound_us, where its own time is pending_offset_us (borrowed; NULL when none) */
    const struct ebb_timeline *pending_plan;
    uint64_t pending_sound_us;
    uint64_t pending_offset_us;
};

void ebb_session_reload_info(const struct ebb_session *s, struct ebb_session_reload_info *out);

#endif
