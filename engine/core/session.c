/* session: the state machine of one session. Every instant is computed from an origin
 * (the caller's clock time at which the current item's t = 0 stands); pausing moves the
 * origin forward by the time spent paused, so nothing is summed frame by frame.
 *
 * The session is in one stage at a time (enum ebb_session_stage: breathing, a step, the
 * quiet pause after a step, a transition, finished), changed in one place that checks
 * the move is allowed; pause is a flag beside the stage. An item is a breathing exercise
 * (its own timeline plan, read here) or a grounding exercise (session_steps.c); a
 * sequence runs its items one after another with a transition between them
 * (session_items.c); a saved script takes over at its next boundary (session_reload.c).
 * Events are queued in time order, stamped on the caller's clock from the first now_us
 * (t 0 of timeline.tsv).
 *
 * Actions: PRESS counts one in a manual step, moves a waiting transition on, resumes a
 * paused session, and in breathing pauses and resumes (Space in DESIGN.md's key table).
 * UNDO takes one press back (at 0 presses: back to the previous step). SKIP skips a step
 * or a transition. PAUSE pauses and resumes everything. */
#include "session_int.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "segment.h"

/* Events read from a plan at a time (an instant never holds more). */
#define BREATH_BATCH 32

/* ---- stages ---- */

bool ebb_session_stage_allowed(enum ebb_session_stage from, enum ebb_session_stage to)
{
    /* rows: from; columns: BREATHING, STEP, STEP_GAP, TRANSITION, FINISHED */
    static const bool allowed[EBB_SESSION_STAGE_COUNT][EBB_SESSION_STAGE_COUNT] = {
        [EBB_SESSION_STAGE_BREATHING] = {false, false, false, true, true},
        /* the next step (or one back), its count reached, the item's end (skipped) */
        [EBB_SESSION_STAGE_STEP] = {false, true, true, true, true},
        /* the next step (or the press taken back), the item's end */
        [EBB_SESSION_STAGE_STEP_GAP] = {false, true, false, true, true},
        /* the next item begins (an empty grounding item ends at once) */
        [EBB_SESSION_STAGE_TRANSITION] = {true, true, false, true, true},
        [EBB_SESSION_STAGE_FINISHED] = {false, false, false, false, false},
    };
    if ((unsigned)from >= EBB_SESSION_STAGE_COUNT || (unsigned)to >= EBB_SESSION_STAGE_COUNT)
        return false;
    return allowed[from][to];
}

void session_set_stage(struct ebb_session *s, enum ebb_session_stage to)
{
    assert(ebb_session_stage_allowed(s->stage, to));
    s->stage = to;
}

/* ---- small helpers ---- */

const struct ebb_exercise *session_current(const struct ebb_session *s)
{
    return s->items ? s->items[s->item] : s->ex;
}

uint64_t session_us_of(double seconds)
{
    return seconds > 0.0 ? (uint64_t)llround(seconds * 1e6) : 0u;
}

uint64_t session_local_at(const struct ebb_session *s, uint64_t now_us)
{
    uint64_t at = s->paused ? s->paused_at_us : now_us;
    return at > s->origin_us ? at - s->origin_us : 0u;
}

bool session_last_item(const struct ebb_session *s)
{
    return s->item + 1 >= s->item_count;
}

static void push(struct ebb_session *s, const struct ebb_event *ev)
{
    if (s->q_len == EBB_SESSION_QUEUE_MAX) { /* nobody reads: drop the oldest */
        s->q_head = (s->q_head + 1) % EBB_SESSION_QUEUE_MAX;
        s->q_len--;
    }
    s->queue[(s->q_head + s->q_len) % EBB_SESSION_QUEUE_MAX] = *ev;
    s->q_len++;
}

/* An event at item time `at_us`, every other field zero. */
static struct ebb_event event_at(const struct ebb_session *s, uint64_t at_us,
                                 enum ebb_event_kind kind, enum ebb_side side)
{
    struct ebb_event ev;
    memset(&ev, 0, sizeof ev);
    ev.t_us = s->origin_us + at_us - s->start_us;
    ev.kind = kind;
    ev.side = side;
    return ev;
}

void session_emit(struct ebb_session *s, uint64_t at_us, enum ebb_event_kind kind,
                  enum ebb_side side, const char *text)
{
    struct ebb_event ev = event_at(s, at_us, kind, side);
    ev.text = text;
    push(s, &ev);
}

void session_emit_cue(struct ebb_session *s, uint64_t at_us, enum ebb_sound sound,
                      const struct ebb_cue *cue, enum ebb_side side)
{
    if (sound == EBB_SOUND_NONE)
        return;
    struct ebb_event ev = event_at(s, at_us, EBB_EVENT_CUE, side);
    ev.sound = sound;
    ev.cue = sound == EBB_SOUND_FILE ? cue : NULL;
    ev.text = ebb_event_cue_name(&ev);
    push(s, &ev);
}

/* ---- breathing ---- */

static size_t segment_source(const void *ctx, uint64_t from_us, uint64_t to_us,
                             struct ebb_event *out, size_t max)
{
    return ebb_segment_events(ctx, from_us, to_us, out, max);
}

/* Queues one of a breathing item's events (item time). In a sequence only the last
 * item's END is kept, so timeline.tsv has one `end` row. */
static void queue_breath(void *ctx, const struct ebb_event *ev)
{
    struct ebb_session *s = ctx;
    if (ev->kind == EBB_EVENT_END && !session_last_item(s))
        return;
    struct ebb_event e = *ev;
    e.t_us = s->origin_us + ev->t_us - s->start_us;
    push(s, &e);
}

void session_breath_until(struct ebb_session *s, uint64_t upto_us)
{
    if (s->done_us > upto_us)
        return;
    /* the plan on item time: a reloaded one took over at item time 0 */
    struct ebb_segment g = {session_plan(s), 0, s->plan_offset_us, s->live != NULL};
    struct ebb_event buf[BREATH_BATCH];
    ebb_events_upto(segment_source, &g, s->done_us, upto_us + 1, buf, BREATH_BATCH, queue_breath,
                    s);
    s->done_us = upto_us + 1;
}

/* A breathing item up to item time loc; returns true when it moved on (a reload took
 * over, or the item ended), false when it is up to date. */
static bool breath_advance(struct ebb_session *s, uint64_t loc)
{
    if (session_reload_breath(s, loc))
        return true;
    const struct ebb_timeline *tl = session_plan(s);
    uint64_t end = tl->end_us - s->plan_offset_us; /* the item time it ends at */
    session_breath_until(s, loc < end ? loc : end);
    if (loc < end)
        return false;
    session_item_end(s, end);
    return true;
}

/* Moves everything forward to the clock time now_us (not paused). */
static void advance(struct ebb_session *s, uint64_t now_us)
{
    bool moved = true;
    while (moved && s->stage != EBB_SESSION_STAGE_FINISHED) {
        uint64_t loc = now_us > s->origin_us ? now_us - s->origin_us : 0u;
        switch (s->stage) {
        case EBB_SESSION_STAGE_TRANSITION:
            moved = session_transition_advance(s, loc);
            break;
        case EBB_SESSION_STAGE_BREATHING:
            moved = breath_advance(s, loc);
            break;
        default:
            moved = session_step_advance(s, loc);
            break;
        }
    }
}

/* ---- the public interface ---- */

struct ebb_session *ebb_session_new(const struct ebb_exercise *ex,
                                    const struct ebb_exercise *const *items,
                                    const struct ebb_timeline_options *opt, uint64_t now_us,
                                    struct ebb_diags *diags)
{
    return ebb_session_new_items(ex, items, ex ? ex->item_count : 0, opt, now_us, diags);
}

struct ebb_session *ebb_session_new_items(const struct ebb_exercise *ex,
                                          const struct ebb_exercise *const *items, int item_count,
                                          const struct ebb_timeline_options *opt, uint64_t now_us,
                                          struct ebb_diags *diags)
{
    if (!ex || session_items_check(ex, items, item_count, diags) != 0)
        return NULL;
    struct ebb_session *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->ex = ex;
    s->items = ex->kind == EBB_KIND_SEQUENCE ? items : NULL;
    s->item_count = s->items ? item_count : 1;
    s->plans = calloc((size_t)s->item_count, sizeof *s->plans);
    s->has_plan = calloc((size_t)s->item_count, sizeof *s->has_plan);
    if (!s->plans || !s->has_plan) {
        ebb_session_free(s);
        return NULL;
    }
    struct ebb_timeline_options o;
    session_items_options(ex, opt, &o);
    s->opt = o;
    for (int i = 0; i < s->item_count; i++) {
        const struct ebb_exercise *it = s->items ? s->items[i] : ex;
        if (it->kind != EBB_KIND_BREATHING)
            continue;
        if (ebb_timeline_init(&s->plans[i], it, &o, diags) != 0) {
            ebb_session_free(s);
            return NULL;
        }
        s->has_plan[i] = true;
    }
    s->start_us = now_us;
    s->last_us = now_us;
    /* before the first item the session stands as after a transition */
    s->stage = EBB_SESSION_STAGE_TRANSITION;
    session_item_start(s, 0, now_us);
    advance(s, now_us);
    return s;
}

void ebb_session_free(struct ebb_session *s)
{
    if (!s)
        return;
    if (s->plans && s->has_plan)
        for (int i = 0; i < s->item_count; i++)
            if (s->has_plan[i])
                ebb_timeline_deinit(&s->plans[i]);
    session_reload_free(s);
    free(s->plans);
    free(s->has_plan);
    free(s);
}

static void set_paused(struct ebb_session *s, bool paused, uint64_t now_us)
{
    if (paused == s->paused)
        return;
    if (paused)
        s->paused_at_us = now_us;
    else
        s->origin_us += now_us - s->paused_at_us;
    s->paused = paused;
}

void ebb_session_update(struct ebb_session *s, uint64_t now_us)
{
    if (!s)
        return;
    if (now_us < s->last_us) /* a clock that went back: hold at the last time seen */
        now_us = s->last_us;
    if (s->stage == EBB_SESSION_STAGE_FINISHED || s->paused) {
        s->last_us = now_us;
        return;
    }
    if (now_us - s->last_us > EBB_SESSION_JUMP_US && !ebb_session_waiting(s)) {
        /* the machine slept: pause at the moment it left (already advanced to it). A
         * step that waits for the person loses nothing to a sleep, and the SDL layer
         * may wait for input without calling, so a gap there is not a jump. */
        set_paused(s, true, s->last_us);
        s->last_us = now_us;
        return;
    }
    advance(s, now_us);
    s->last_us = now_us;
}

void ebb_session_act(struct ebb_session *s, enum ebb_action a, uint64_t now_us)
{
    if (!s)
        return;
    ebb_session_update(s, now_us);
    now_us = s->last_us;
    if (s->stage == EBB_SESSION_STAGE_FINISHED)
        return;
    if (a == EBB_ACTION_PAUSE || (s->paused && a == EBB_ACTION_PRESS)) {
        set_paused(s, !s->paused, now_us);
        advance(s, now_us);
        return;
    }
    if (s->paused)
        return;
    switch (s->stage) {
    case EBB_SESSION_STAGE_TRANSITION:
        if (session_transition_act(s, a, now_us))
            advance(s, now_us);
        return;
    case EBB_SESSION_STAGE_BREATHING:
        if (a == EBB_ACTION_PRESS) /* Space pauses and resumes a breathing session */
            set_paused(s, true, now_us);
        return;
    default:
        session_step_act(s, a, session_local_at(s, now_us));
        advance(s, now_us);
        return;
    }
}

void ebb_session_view(const struct ebb_session *s, uint64_t now_us, struct ebb_session_view *out)
{
    memset(out, 0, sizeof *out);
    out->tap = -1;
    if (!s)
        return;
    if (now_us < s->last_us)
        now_us = s->last_us;
    bool finished = s->stage == EBB_SESSION_STAGE_FINISHED;
    const struct ebb_exercise *ex = session_current(s);
    uint64_t loc = session_local_at(s, finished ? s->last_us : now_us);
    out->ex = ex;
    out->sequence = s->ex->kind == EBB_KIND_SEQUENCE ? s->ex : NULL;
    out->item = s->item;
    out->item_count = s->item_count;
    out->item_elapsed_us = loc + s->rebase_us;
    out->state = finished                                   ? EBB_SESSION_FINISHED
                 : s->paused                                ? EBB_SESSION_PAUSED
                 : s->stage == EBB_SESSION_STAGE_TRANSITION ? EBB_SESSION_TRANSITION
                                                            : EBB_SESSION_RUNNING;
    if (s->stage == EBB_SESSION_STAGE_TRANSITION) {
        session_transition_view(s, loc, out);
        return;
    }
    if (ex->kind == EBB_KIND_BREATHING) {
        const struct ebb_timeline *tl = session_plan(s);
        uint64_t pt = loc + s->plan_offset_us;
        ebb_timeline_at(tl, pt < tl->end_us ? pt : tl->end_us, &out->frame);
        return;
    }
    session_step_view(s, loc, out);
}

int ebb_session_next_event(struct ebb_session *s, struct ebb_event *out)
{
    if (!s || s->q_len == 0)
        return -1;
    *out = s->queue[s->q_head];
    s->q_head = (s->q_head + 1) % EBB_SESSION_QUEUE_MAX;
    s->q_len--;
    return 0;
}

const struct ebb_timeline *ebb_session_timeline(const struct ebb_session *s)
{
    if (!s || s->stage == EBB_SESSION_STAGE_TRANSITION || !s->has_plan[s->item])
        return NULL;
    return session_plan(s);
}

uint64_t ebb_session_origin_us(const struct ebb_session *s)
{
    return s ? s->origin_us : 0u;
}

bool ebb_session_finished(const struct ebb_session *s)
{
    return !s || s->stage == EBB_SESSION_STAGE_FINISHED;
}

enum ebb_session_stage ebb_session_stage(const struct ebb_session *s)
{
    return s ? s->stage : EBB_SESSION_STAGE_FINISHED;
}

bool ebb_session_paused(const struct ebb_session *s)
{
    return s && s->paused;
}

bool ebb_session_waiting(const struct ebb_session *s)
{
    if (!s || s->paused)
        return false;
    switch (s->stage) {
    case EBB_SESSION_STAGE_TRANSITION:
        return session_transition_waiting(s);
    case EBB_SESSION_STAGE_STEP:
        return session_step_waiting(s);
    default:
        return false;
    }
}
