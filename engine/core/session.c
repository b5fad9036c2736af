/* session: the state machine of one session. Every instant is computed from an origin
 * (the caller's clock time at which the current item's t = 0 stands); pausing moves the
 * origin forward by the time spent paused, so nothing is summed frame by frame.
 *
 * An item is a breathing exercise (its own timeline plan) or a grounding exercise
 * (steps that wait for presses, timed steps, taps). A sequence runs its items one after
 * another with a transition between them. Events are queued in time order, stamped on
 * the caller's clock from the first now_us (t 0 of timeline.tsv).
 *
 * Actions: PRESS counts one in a manual step, moves a waiting transition on, resumes a
 * paused session, and in breathing pauses and resumes (Space in DESIGN.md's key table).
 * UNDO takes one press back (at 0 presses: back to the previous step). SKIP skips a step
 * or a transition. PAUSE pauses and resumes everything. */
#include "session.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum step_mode { MODE_MANUAL, MODE_TIMED, MODE_TAPS };

struct ebb_session {
    const struct ebb_exercise *ex;           /* what was started */
    const struct ebb_exercise *const *items; /* a sequence's items, borrowed; NULL otherwise */
    int item_count;                          /* 1 unless a sequence */
    struct ebb_timeline *plans;              /* owned; item_count, zeroed for non-breathing */
    bool *has_plan;                          /* owned; item_count */
    struct ebb_timeline_options opt;         /* the options the plans were built with */

    uint64_t start_us;     /* the caller's clock at ebb_session_new: event time 0 */
    uint64_t last_us;      /* the clock at the previous call */
    uint64_t origin_us;    /* the clock at which the current item's (or transition's) t 0
                              stands; moved forward by pauses */
    uint64_t paused_at_us; /* the clock at which the pause began */
    bool paused;
    bool finished;
    bool in_transition; /* between item and item + 1 */
    int item;

    /* breathing: plan time up to which events are queued (exclusive) */
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
    bool complete;              /* the quiet pause after a step */
    uint64_t complete_us;       /* when it began */
    int next_tap;               /* next tap to sound in a taps step */
    int pressed[EBB_STEPS_MAX]; /* presses each step had when it was left, for UNDO */

    /* events, a ring */
    struct ebb_event queue[EBB_SESSION_QUEUE_MAX];
    size_t q_head;
    size_t q_len;
};

/* ---- small helpers ---- */

static const struct ebb_exercise *current(const struct ebb_session *s)
{
    return s->items ? s->items[s->item] : s->ex;
}

/* The breathing plan running now: a reloaded one, or the item's own. */
static const struct ebb_timeline *plan_of(const struct ebb_session *s)
{
    return s->live ? s->live : &s->plans[s->item];
}

static uint64_t us_of(double seconds)
{
    return seconds > 0.0 ? (uint64_t)llround(seconds * 1e6) : 0u;
}

static uint64_t local_at(const struct ebb_session *s, uint64_t now_us)
{
    uint64_t at = s->paused ? s->paused_at_us : now_us;
    return at > s->origin_us ? at - s->origin_us : 0u;
}

static bool last_item(const struct ebb_session *s)
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

/* Queues an event at item time `at_us`. */
static void emit(struct ebb_session *s, uint64_t at_us, enum ebb_event_kind kind,
                 enum ebb_side side, const char *text)
{
    struct ebb_event ev = event_at(s, at_us, kind, side);
    ev.text = text;
    push(s, &ev);
}

static void emit_cue(struct ebb_session *s, uint64_t at_us, enum ebb_sound sound,
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

/* The text of the n-th press in a step ("1", "2"...); NULL ("-") past the table. */
static const char *press_text(int n)
{
    static const char *const numbers[] = {
        "1",  "2",  "3",  "4",  "5",  "6",  "7",  "8",  "9",  "10", "11", "12", "13", "14", "15",
        "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30",
        "31", "32", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44", "45",
        "46", "47", "48", "49", "50", "51", "52", "53", "54", "55", "56", "57", "58", "59", "60",
        "61", "62", "63", "64", "65", "66", "67", "68", "69", "70", "71", "72", "73", "74", "75",
        "76", "77", "78", "79", "80", "81", "82", "83", "84", "85", "86", "87", "88", "89", "90",
        "91", "92", "93", "94", "95", "96", "97", "98", "99"};
    int size = (int)(sizeof numbers / sizeof numbers[0]);
    return n >= 1 && n <= size ? numbers[n - 1] : NULL;
}

/* ---- grounding steps ---- */

static const struct ebb_step *step_of(const struct ebb_session *s)
{
    return &current(s)->steps[s->step];
}

static enum step_mode mode_of(const struct ebb_exercise *ex, const struct ebb_step *st)
{
    const struct ebb_taps *tp = &st->taps;
    if (tp->present && tp->rate > 0.0 && tp->per_set > 0 && tp->sets > 0)
        return MODE_TAPS;
    if (st->seconds > 0.0 || ex->advance == EBB_ADVANCE_TIMED)
        return MODE_TIMED;
    return MODE_MANUAL;
}

static int press_count(const struct ebb_step *st)
{
    return st->count > 0 ? st->count : 1;
}

static uint64_t timed_us(const struct ebb_step *st)
{
    return st->seconds > 0.0 ? us_of(st->seconds) : EBB_SESSION_STEP_DEFAULT_US;
}

static int taps_total(const struct ebb_taps *tp)
{
    return tp->per_set * tp->sets;
}

/* Time of tap k from the start of the taps (after the lead), to the microsecond. */
static uint64_t tap_offset_us(const struct ebb_taps *tp, int k)
{
    int set = k / tp->per_set;
    int in_set = k % tp->per_set;
    double interval = 1.0 / tp->rate;
    return us_of((double)set * ((double)tp->per_set * interval + tp->rest_s) +
                 (double)in_set * interval);
}

/* Length of the taps themselves: every set, the rests between them, not after the last. */
static uint64_t taps_us(const struct ebb_taps *tp)
{
    double interval = 1.0 / tp->rate;
    return us_of((double)tp->sets * (double)tp->per_set * interval +
                 (double)(tp->sets - 1) * tp->rest_s);
}

/* Length of a timed or tapped step, from its start; 0 for a manual step. */
static uint64_t step_length_us(const struct ebb_exercise *ex, const struct ebb_step *st)
{
    switch (mode_of(ex, st)) {
    case MODE_TAPS:
        return EBB_SESSION_TAP_LEAD_US + taps_us(&st->taps);
    case MODE_TIMED:
        return timed_us(st);
    default:
        return 0;
    }
}

static enum ebb_sound step_sound(const struct ebb_exercise *ex, const struct ebb_step *st)
{
    return ebb_sound_for(ex, &st->cue, 1, EBB_PHASE_HOLD);
}

static void start_step(struct ebb_session *s, int i, uint64_t at_us)
{
    s->step = i;
    s->step_start_us = at_us;
    s->presses = 0;
    s->complete = false;
    s->complete_us = 0;
    s->next_tap = 0;
    const struct ebb_step *st = step_of(s);
    emit(s, at_us, EBB_EVENT_STEP, st->side, st->prompt);
    emit_cue(s, at_us, step_sound(current(s), st), &st->cue, st->side);
}

static void end_item(struct ebb_session *s, uint64_t at_us);

/* Leaves the current step at item time at_us: the next one, or the item's end. */
static void next_step(struct ebb_session *s, uint64_t at_us)
{
    s->pressed[s->step] = s->presses;
    if (s->pending_ex && !s->items) { /* a saved edit: its steps from the next one on */
        s->ex = s->pending_ex;
        s->pending_ex = NULL;
        s->reloads++;
        s->reload_at_us = s->origin_us + at_us - s->start_us;
        s->reload_mark = s->step + 1;
    }
    if (s->step + 1 < current(s)->step_count)
        start_step(s, s->step + 1, at_us);
    else
        end_item(s, at_us);
}

static void complete_step(struct ebb_session *s, uint64_t at_us)
{
    s->complete = true;
    s->complete_us = at_us;
}

/* The next thing that happens by itself in the current step (item time); false when
 * the step waits for the person. */
static bool step_boundary(const struct ebb_session *s, uint64_t *out)
{
    const struct ebb_exercise *ex = current(s);
    const struct ebb_step *st = step_of(s);
    if (s->complete) {
        *out = s->complete_us + EBB_SESSION_STEP_GAP_US;
        return true;
    }
    switch (mode_of(ex, st)) {
    case MODE_TAPS:
        if (s->next_tap < taps_total(&st->taps))
            *out =
                s->step_start_us + EBB_SESSION_TAP_LEAD_US + tap_offset_us(&st->taps, s->next_tap);
        else
            *out = s->step_start_us + step_length_us(ex, st);
        return true;
    case MODE_TIMED:
        *out = s->step_start_us + timed_us(st);
        return true;
    default:
        return false;
    }
}

static void step_reach(struct ebb_session *s, uint64_t at_us)
{
    const struct ebb_exercise *ex = current(s);
    const struct ebb_step *st = step_of(s);
    if (s->complete) {
        next_step(s, at_us);
        return;
    }
    enum step_mode mode = mode_of(ex, st);
    if (mode == MODE_TAPS && s->next_tap < taps_total(&st->taps)) {
        enum ebb_side side = EBB_SIDE_NONE;
        if (st->taps.alternate)
            side = s->next_tap % 2 == 0 ? EBB_SIDE_LEFT : EBB_SIDE_RIGHT;
        if (ex->audio.cues != EBB_CUES_NONE)
            emit_cue(s, at_us, EBB_SOUND_TICK, NULL, side);
        s->next_tap++;
        return;
    }
    if (mode == MODE_TIMED) /* a timed step's cue sounds at its start and its end */
        emit_cue(s, at_us, step_sound(ex, st), &st->cue, st->side);
    complete_step(s, at_us);
}

/* ---- items and transitions ---- */

static void start_item(struct ebb_session *s, int index, uint64_t at_clock_us)
{
    s->in_transition = false;
    s->item = index;
    s->origin_us = at_clock_us;
    s->done_us = 0;
    s->step = 0;
    s->presses = 0;
    s->complete = false;
    s->next_tap = 0;
    memset(s->pressed, 0, sizeof s->pressed);
    const struct ebb_exercise *ex = current(s);
    if (ex->kind == EBB_KIND_GROUNDING) {
        if (ex->step_count > 0)
            start_step(s, 0, 0);
        else
            end_item(s, 0);
    }
}

/* The current item ended at item time at_us: the next transition, or the end. Breathing
 * items queue their own END and bell from the plan; in a sequence only the last END is
 * kept, so timeline.tsv has one `end` row. */
static void end_item(struct ebb_session *s, uint64_t at_us)
{
    const struct ebb_exercise *ex = current(s);
    uint64_t at_clock = s->origin_us + at_us;
    if (ex->kind != EBB_KIND_BREATHING) {
        if (last_item(s))
            emit(s, at_us, EBB_EVENT_END, EBB_SIDE_NONE, NULL);
        if (ex->audio.cues != EBB_CUES_NONE)
            emit_cue(s, at_us, EBB_SOUND_BELL, NULL, EBB_SIDE_NONE);
    }
    if (last_item(s)) {
        s->finished = true;
        return;
    }
    s->in_transition = true;
    s->origin_us = at_clock;
    emit(s, 0, EBB_EVENT_TRANSITION, EBB_SIDE_NONE, s->items[s->item + 1]->title);
}

/* A reloaded plan starts mid-way: its prepare row and bell at plan time 0 are not
 * heard again (the sound's source skips them the same way). */
static bool reload_edge(const struct ebb_session *s, const struct ebb_event *ev)
{
    return s->live && ev->t_us == 0 &&
           (ev->kind == EBB_EVENT_PREPARE ||
            (ev->kind == EBB_EVENT_CUE && !ev->has_phase && ev->sound == EBB_SOUND_BELL));
}

/* Queues a breathing item's events with plan time in [done_us, upto_us]. */
static void breath_until(struct ebb_session *s, const struct ebb_timeline *tl, uint64_t upto_us)
{
    enum { CHUNK = 32 };
    struct ebb_event buf[CHUNK];
    while (s->done_us <= upto_us) {
        size_t n = ebb_breath_events(tl, s->done_us, upto_us + 1, buf, CHUNK);
        size_t keep = n < CHUNK ? n : CHUNK;
        uint64_t next = upto_us + 1;
        if (n > CHUNK) {
            /* more than fit: keep whole instants only, and go on from the cut */
            uint64_t cut = buf[CHUNK - 1].t_us;
            keep = 0;
            while (keep < CHUNK && buf[keep].t_us < cut)
                keep++;
            next = cut;
            if (keep == 0) {
                keep = CHUNK;
                next = cut + 1;
            }
        }
        for (size_t i = 0; i < keep; i++) {
            struct ebb_event ev = buf[i];
            if ((ev.kind == EBB_EVENT_END && !last_item(s)) || reload_edge(s, &ev))
                continue;
            ev.t_us = s->origin_us + ev.t_us - s->plan_offset_us - s->start_us;
            push(s, &ev);
        }
        s->done_us = next;
    }
}

/* Keeps a replaced plan until the session ends (the audio may still read it); room
 * was reserved by ebb_session_reload, so this cannot fail. */
static void retire(struct ebb_session *s, struct ebb_timeline *tl)
{
    if (tl)
        s->retired[s->retired_count++] = tl;
}

/* The breathing boundary of a pending reload is reached: the item's origin moves
 * there and the new plan runs on from its own time pending_offset_us. */
static void apply_reload(struct ebb_session *s)
{
    uint64_t at = s->pending_at_us;
    retire(s, s->live);
    s->live = s->pending;
    s->pending = NULL;
    s->origin_us += at;
    s->rebase_us += at;
    s->plan_offset_us = s->pending_offset_us;
    s->done_us = s->plan_offset_us;
    s->ex = s->pending_ex;
    s->pending_ex = NULL;
    s->reloads++;
    s->reload_at_us = s->origin_us - s->start_us;
    s->reload_mark = s->pending_mark;
}

/* Moves everything forward to the clock time now_us (not paused). */
static void advance(struct ebb_session *s, uint64_t now_us)
{
    while (!s->finished) {
        uint64_t loc = now_us > s->origin_us ? now_us - s->origin_us : 0u;
        if (s->in_transition) {
            uint64_t wait = us_of(s->ex->pause_s);
            if (wait > 0 && loc >= wait) {
                start_item(s, s->item + 1, s->origin_us + wait);
                continue;
            }
            return;
        }
        const struct ebb_exercise *ex = current(s);
        if (ex->kind == EBB_KIND_BREATHING) {
            const struct ebb_timeline *tl = plan_of(s);
            if (s->pending && loc >= s->pending_at_us) {
                uint64_t b = s->pending_at_us + s->plan_offset_us;
                if (b > 0)
                    breath_until(s, tl, b - 1); /* the old version up to its boundary */
                apply_reload(s);
                continue;
            }
            uint64_t pt = loc + s->plan_offset_us;
            breath_until(s, tl, pt < tl->end_us ? pt : tl->end_us);
            if (pt >= tl->end_us) {
                end_item(s, tl->end_us - s->plan_offset_us);
                continue;
            }
            return;
        }
        uint64_t b;
        if (!step_boundary(s, &b) || b > loc)
            return;
        step_reach(s, b);
    }
}

/* ---- the public interface ---- */

static int check_items(const struct ebb_exercise *ex, const struct ebb_exercise *const *items,
                       int count, struct ebb_diags *diags)
{
    const char *file = ex->path ? ex->path : ex->id;
    if (ex->kind != EBB_KIND_SEQUENCE)
        return 0;
    if (!items || count < 1) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, 0,
                      "the sequence \"%s\" has no resolved items to run", ex->id);
        return -1;
    }
    for (int i = 0; i < count; i++) {
        if (!items[i] || items[i]->kind == EBB_KIND_SEQUENCE) {
            int line = ex->item_lines && i < ex->item_count ? ex->item_lines[i] : 0;
            ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, line,
                          "item %d of the sequence \"%s\" must be a breathing or grounding "
                          "exercise, not %s",
                          i + 1, ex->id, items[i] ? "another sequence" : "missing");
            return -1;
        }
    }
    return 0;
}

/* The options a sequence's items get: pace and holds carry over, lengths do not (each
 * item keeps its own). */
static void item_options(const struct ebb_exercise *ex, const struct ebb_timeline_options *opt,
                         struct ebb_timeline_options *out)
{
    if (opt)
        *out = *opt;
    else
        ebb_timeline_options_default(out);
    if (ex->kind == EBB_KIND_SEQUENCE) {
        out->cycles = 0;
        out->minutes = 0.0;
    }
}

struct ebb_session *ebb_session_new(const struct ebb_exercise *ex,
                                    const struct ebb_exercise *const *items,
                                    const struct ebb_timeline_options *opt, uint64_t now_us,
                                    struct ebb_diags *diags)
{
    return ebb_session_new_items(ex, items, ex ? ex->item_count : 0, opt, now_us, diags);
}

struct ebb_session *ebb_session_new_items(const struct ebb_exercise *ex,
                                          const struct ebb_exercise *const *items,
                                          int item_count, const struct ebb_timeline_options *opt,
                                          uint64_t now_us, struct ebb_diags *diags)
{
    if (!ex || check_items(ex, items, item_count, diags) != 0)
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
    item_options(ex, opt, &o);
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
    start_item(s, 0, now_us);
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
    struct ebb_timeline *own[] = {s->live, s->pending};
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
        ebb_timeline_deinit(own[i]);
        free(own[i]);
    }
    for (size_t i = 0; i < s->retired_count; i++) {
        ebb_timeline_deinit(s->retired[i]);
        free(s->retired[i]);
    }
    free(s->retired);
    free(s->plans);
    free(s->has_plan);
    free(s);
}

static void set_paused(struct ebb_session *s, bool paused, uint64_t now_us)
{
    if (paused == s->paused)
        return;
    if (paused) {
        s->paused_at_us = now_us;
    } else {
        s->origin_us += now_us - s->paused_at_us;
    }
    s->paused = paused;
}

void ebb_session_update(struct ebb_session *s, uint64_t now_us)
{
    if (!s)
        return;
    if (now_us < s->last_us) /* a clock that went back: hold at the last time seen */
        now_us = s->last_us;
    if (s->finished || s->paused) {
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

static void undo(struct ebb_session *s, uint64_t loc)
{
    const struct ebb_exercise *ex = current(s);
    bool manual = mode_of(ex, step_of(s)) == MODE_MANUAL;
    if (manual && s->complete) { /* take back the press that completed it */
        s->complete = false;
        s->presses--;
        return;
    }
    if (manual && s->presses > 0) {
        s->presses--;
        return;
    }
    if (s->step == 0)
        return;
    /* one back: the previous step, without its last press */
    s->pressed[s->step] = s->presses;
    int prev = s->step - 1;
    int had = s->pressed[prev];
    start_step(s, prev, loc);
    if (mode_of(ex, step_of(s)) == MODE_MANUAL)
        s->presses = had > 0 ? had - 1 : 0;
}

static void press(struct ebb_session *s, uint64_t loc)
{
    const struct ebb_exercise *ex = current(s);
    const struct ebb_step *st = step_of(s);
    if (s->complete || mode_of(ex, st) != MODE_MANUAL)
        return;
    s->presses++;
    emit(s, loc, EBB_EVENT_PRESS, st->side, press_text(s->presses));
    /* a quiet tick says the press was counted, for eyes that are elsewhere */
    if (ex->audio.cues != EBB_CUES_NONE)
        emit_cue(s, loc, EBB_SOUND_TICK, NULL, st->side);
    if (s->presses >= press_count(st))
        complete_step(s, loc);
}

void ebb_session_act(struct ebb_session *s, enum ebb_action a, uint64_t now_us)
{
    if (!s)
        return;
    ebb_session_update(s, now_us);
    now_us = s->last_us;
    if (s->finished)
        return;
    if (a == EBB_ACTION_PAUSE || (s->paused && a == EBB_ACTION_PRESS)) {
        set_paused(s, !s->paused, now_us);
        advance(s, now_us);
        return;
    }
    if (s->paused)
        return;
    uint64_t loc = local_at(s, now_us);
    if (s->in_transition) {
        if (a == EBB_ACTION_PRESS || a == EBB_ACTION_SKIP) {
            start_item(s, s->item + 1, now_us);
            advance(s, now_us);
        }
        return;
    }
    if (current(s)->kind == EBB_KIND_BREATHING) {
        if (a == EBB_ACTION_PRESS) /* Space pauses and resumes a breathing session */
            set_paused(s, true, now_us);
        return;
    }
    if (a == EBB_ACTION_PRESS)
        press(s, loc);
    else if (a == EBB_ACTION_UNDO)
        undo(s, loc);
    else if (a == EBB_ACTION_SKIP)
        next_step(s, loc);
    advance(s, now_us);
}

static double clamp01(double x)
{
    return x < 0.0 ? 0.0 : x > 1.0 ? 1.0 : x;
}

/* The latest tap at or before u (from the start of the taps): found from the set and
 * the beat, then nudged so that it agrees with tap_offset_us to the microsecond. */
static int latest_tap(const struct ebb_taps *tp, uint64_t u)
{
    int total = taps_total(tp);
    double interval = 1.0 / tp->rate;
    double period = (double)tp->per_set * interval + tp->rest_s;
    double u_s = (double)u / 1e6;
    double set = floor(u_s / period);
    set = set < 0.0 ? 0.0 : set > (double)(tp->sets - 1) ? (double)(tp->sets - 1) : set;
    double beat = floor((u_s - set * period) / interval);
    beat = beat < 0.0 ? 0.0 : beat > (double)(tp->per_set - 1) ? (double)(tp->per_set - 1) : beat;
    int k = (int)set * tp->per_set + (int)beat;
    while (k > 0 && tap_offset_us(tp, k) > u)
        k--;
    while (k + 1 < total && tap_offset_us(tp, k + 1) <= u)
        k++;
    return k;
}

static void view_taps(const struct ebb_session *s, const struct ebb_step *st, uint64_t loc,
                      struct ebb_session_view *out)
{
    const struct ebb_taps *tp = &st->taps;
    uint64_t begin = s->step_start_us + EBB_SESSION_TAP_LEAD_US;
    out->tap = -1;
    out->tap_side = EBB_SIDE_NONE;
    if (loc < begin)
        return;
    uint64_t u = loc - begin;
    int total = taps_total(tp);
    int k = latest_tap(tp, u);
    uint64_t interval = us_of(1.0 / tp->rate);
    uint64_t since = u - tap_offset_us(tp, k);
    out->tap = k;
    if (tp->alternate)
        out->tap_side = k % 2 == 0 ? EBB_SIDE_LEFT : EBB_SIDE_RIGHT;
    out->tap_glow = interval > 0 ? 1.0 - clamp01((double)since / (double)interval) : 0.0;
    out->tap_resting = since >= interval && k + 1 < total && (k + 1) % tp->per_set == 0;
}

static void view_grounding(const struct ebb_session *s, uint64_t loc, struct ebb_session_view *out)
{
    const struct ebb_exercise *ex = current(s);
    out->step_count = ex->step_count;
    out->tap = -1;
    if (ex->step_count == 0)
        return;
    const struct ebb_step *st = step_of(s);
    out->step = s->step;
    out->presses = s->presses;
    out->count = press_count(st);
    out->step_complete = s->complete;
    uint64_t in_step = loc > s->step_start_us ? loc - s->step_start_us : 0u;
    out->step_fade = clamp01((double)in_step / (double)EBB_SESSION_STEP_FADE_US);
    enum step_mode mode = mode_of(ex, st);
    if (mode == MODE_MANUAL)
        return;
    uint64_t len = step_length_us(ex, st);
    out->step_progress = s->complete ? 1.0 : clamp01((double)in_step / (double)len);
    out->step_left_s = s->complete || in_step >= len ? 0.0 : (double)(len - in_step) / 1e6;
    if (mode == MODE_TAPS)
        view_taps(s, st, s->complete ? s->step_start_us + len : loc, out);
}

void ebb_session_view(const struct ebb_session *s, uint64_t now_us, struct ebb_session_view *out)
{
    memset(out, 0, sizeof *out);
    out->tap = -1;
    if (!s)
        return;
    if (now_us < s->last_us)
        now_us = s->last_us;
    const struct ebb_exercise *ex = current(s);
    uint64_t loc = local_at(s, s->finished ? s->last_us : now_us);
    out->ex = ex;
    out->sequence = s->ex->kind == EBB_KIND_SEQUENCE ? s->ex : NULL;
    out->item = s->item;
    out->item_count = s->item_count;
    out->item_elapsed_us = loc + s->rebase_us;
    out->state = s->finished        ? EBB_SESSION_FINISHED
                 : s->paused        ? EBB_SESSION_PAUSED
                 : s->in_transition ? EBB_SESSION_TRANSITION
                                    : EBB_SESSION_RUNNING;
    if (s->in_transition) {
        out->in_transition = true;
        out->next = s->items[s->item + 1];
        uint64_t wait = us_of(s->ex->pause_s);
        out->transition_left_s = wait > loc ? (double)(wait - loc) / 1e6 : 0.0;
        if (s->has_plan[s->item]) /* the item that ended, as it ended */
            ebb_timeline_at(&s->plans[s->item], s->plans[s->item].end_us, &out->frame);
        return;
    }
    if (ex->kind == EBB_KIND_BREATHING) {
        const struct ebb_timeline *tl = plan_of(s);
        uint64_t pt = loc + s->plan_offset_us;
        ebb_timeline_at(tl, pt < tl->end_us ? pt : tl->end_us, &out->frame);
        return;
    }
    view_grounding(s, loc, out);
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
    if (!s || s->in_transition || !s->has_plan[s->item])
        return NULL;
    return plan_of(s);
}

uint64_t ebb_session_origin_us(const struct ebb_session *s)
{
    return s ? s->origin_us : 0u;
}

bool ebb_session_finished(const struct ebb_session *s)
{
    return !s || s->finished;
}

bool ebb_session_waiting(const struct ebb_session *s)
{
    if (!s || s->finished || s->paused)
        return false;
    if (s->in_transition)
        return us_of(s->ex->pause_s) == 0;
    const struct ebb_exercise *ex = current(s);
    if (ex->kind != EBB_KIND_GROUNDING || ex->step_count == 0)
        return false;
    return !s->complete && mode_of(ex, step_of(s)) == MODE_MANUAL;
}

double ebb_session_grounding_length_s(const struct ebb_exercise *ex)
{
    if (!ex || ex->kind != EBB_KIND_GROUNDING)
        return -1.0;
    uint64_t total = 0;
    for (int i = 0; i < ex->step_count; i++) {
        if (mode_of(ex, &ex->steps[i]) == MODE_MANUAL)
            return -1.0;
        total += step_length_us(ex, &ex->steps[i]) + EBB_SESSION_STEP_GAP_US;
    }
    return (double)total / 1e6;
}

/* ---- live reload ---- */

/* Room for two more retired plans (the pending one replaced, the live one at apply). */
static int reserve(struct ebb_session *s)
{
    if (s->retired_count + 2 <= s->retired_cap)
        return 0;
    size_t cap = s->retired_cap ? s->retired_cap * 2 : 8;
    struct ebb_timeline **n = realloc(s->retired, cap * sizeof *n);
    if (!n)
        return -1;
    s->retired = n;
    s->retired_cap = cap;
    return 0;
}

/* The new version's plan, and the cycle of the running plan it takes over at. */
static struct ebb_timeline *reload_plan(struct ebb_session *s, const struct ebb_exercise *ex,
                                        int from_cycle, struct ebb_diags *diags)
{
    struct ebb_timeline *np = calloc(1, sizeof *np);
    if (!np)
        return NULL;
    struct ebb_timeline_options o = s->opt;
    if (ebb_timeline_init(np, ex, &o, diags) == 0 && np->cycle_count < from_cycle) {
        /* the new version is shorter than what has been done: it ends at the boundary */
        ebb_timeline_deinit(np);
        o.cycles = from_cycle;
        o.minutes = 0.0;
        if (ebb_timeline_init(np, ex, &o, diags) == 0)
            return np;
    } else if (np->cycle_start_us) {
        return np;
    }
    ebb_timeline_deinit(np);
    free(np);
    return NULL;
}

int ebb_session_reload(struct ebb_session *s, const struct ebb_exercise *ex, uint64_t now_us,
                       struct ebb_diags *diags)
{
    if (!s || !ex)
        return -1;
    const char *file = ex->path ? ex->path : ex->id;
    if (s->items) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, 0,
                      "a running sequence does not change; start it again to use the edit");
        return -1;
    }
    if (ex->kind != s->ex->kind) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, 0,
                      "the kind changed from %s to %s; start the exercise again to use the edit",
                      ebb_kind_name(s->ex->kind), ebb_kind_name(ex->kind));
        return -1;
    }
    ebb_session_update(s, now_us);
    if (s->finished)
        return 1;
    if (reserve(s) != 0) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, 0, "out of memory");
        return -1;
    }
    if (ex->kind == EBB_KIND_GROUNDING) {
        s->pending_ex = ex; /* from the next step on */
        return 0;
    }
    const struct ebb_timeline *tl = plan_of(s);
    uint64_t pt = local_at(s, s->last_us) + s->plan_offset_us;
    int next = 0; /* the cycle whose start is the next boundary */
    if (pt >= tl->prepare_us) {
        struct ebb_frame f;
        ebb_timeline_at(tl, pt, &f);
        if (f.done)
            return 1;
        next = f.cycle + 1;
    }
    struct ebb_timeline *np = reload_plan(s, ex, next, diags);
    if (!np)
        return -1;
    retire(s, s->pending);
    s->pending = np;
    s->pending_ex = ex;
    s->pending_at_us = tl->cycle_start_us[next] - s->plan_offset_us;
    s->pending_offset_us = np->cycle_start_us[next];
    s->pending_mark = next;
    return 0;
}

bool ebb_session_uses(const struct ebb_session *s, const struct ebb_exercise *ex)
{
    if (!s || !ex)
        return false;
    if (s->ex == ex || s->pending_ex == ex || (s->live && s->live->ex == ex) ||
        (s->pending && s->pending->ex == ex))
        return true;
    for (int i = 0; i < s->item_count; i++)
        if ((s->items && s->items[i] == ex) || (s->has_plan[i] && s->plans[i].ex == ex))
            return true;
    for (size_t i = 0; i < s->retired_count; i++)
        if (s->retired[i]->ex == ex)
            return true;
    return false;
}

void ebb_session_drop_retired(struct ebb_session *s,
                              bool (*read)(const struct ebb_timeline *plan, void *ctx), void *ctx)
{
    if (!s)
        return;
    size_t kept = 0;
    for (size_t i = 0; i < s->retired_count; i++) {
        struct ebb_timeline *tl = s->retired[i];
        if (read && read(tl, ctx)) {
            s->retired[kept++] = tl;
        } else {
            ebb_timeline_deinit(tl);
            free(tl);
        }
    }
    s->retired_count = kept;
}

void ebb_session_reload_info(const struct ebb_session *s, struct ebb_session_reload_info *out)
{
    memset(out, 0, sizeof *out);
    if (!s)
        return;
    out->applied = s->reloads;
    out->applied_at_us = s->reload_at_us;
    out->applied_mark = s->reload_mark;
    out->rebase_us = s->rebase_us;
    out->pending = s->pending_ex != NULL;
    if (s->pending) {
        out->pending_at_us = s->origin_us + s->pending_at_us - s->start_us;
        out->pending_plan = s->pending;
        out->pending_sound_us = s->rebase_us + s->pending_at_us;
        out->pending_offset_us = s->pending_offset_us;
    }
}
