/* session_steps: a grounding item's steps. A step waits for presses (manual), lasts its
 * seconds (timed) or sounds its taps; when its count is reached or it ends, the quiet
 * pause of STEP_GAP follows (EBB_SESSION_STAGE_STEP_GAP), then the next step. Times are item
 * time (clock - origin). */
#include "session_int.h"

#include <math.h>
#include <string.h>

enum step_mode { MODE_MANUAL, MODE_TIMED, MODE_TAPS };

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

static const struct ebb_step *step_of(const struct ebb_session *s)
{
    return &session_current(s)->steps[s->step];
}

static bool in_gap(const struct ebb_session *s)
{
    return s->stage == EBB_SESSION_STAGE_STEP_GAP;
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
    return st->seconds > 0.0 ? session_us_of(st->seconds) : EBB_SESSION_STEP_DEFAULT_US;
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
    return session_us_of((double)set * ((double)tp->per_set * interval + tp->rest_s) +
                         (double)in_set * interval);
}

/* Length of the taps themselves: every set, the rests between them, not after the last. */
static uint64_t taps_us(const struct ebb_taps *tp)
{
    double interval = 1.0 / tp->rate;
    return session_us_of((double)tp->sets * (double)tp->per_set * interval +
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

void session_step_start(struct ebb_session *s, int i, uint64_t at_us)
{
    session_set_stage(s, EBB_SESSION_STAGE_STEP);
    s->step = i;
    s->step_start_us = at_us;
    s->presses = 0;
    s->complete_us = 0;
    s->next_tap = 0;
    const struct ebb_step *st = step_of(s);
    session_emit(s, at_us, EBB_EVENT_STEP, st->side, st->prompt);
    session_emit_cue(s, at_us, step_sound(session_current(s), st), &st->cue, st->side);
}

void session_step_leave(struct ebb_session *s, uint64_t at_us)
{
    s->pressed[s->step] = s->presses;
    session_reload_step(s, at_us); /* a saved edit: its steps from the next one on */
    if (s->step + 1 < session_current(s)->step_count)
        session_step_start(s, s->step + 1, at_us);
    else
        session_item_end(s, at_us);
}

/* The count is reached, or the step ended by itself: the quiet pause. */
static void complete_step(struct ebb_session *s, uint64_t at_us)
{
    session_set_stage(s, EBB_SESSION_STAGE_STEP_GAP);
    s->complete_us = at_us;
}

/* The next thing that happens by itself in the current step (item time); false when
 * the step waits for the person. */
static bool step_boundary(const struct ebb_session *s, uint64_t *out)
{
    const struct ebb_exercise *ex = session_current(s);
    const struct ebb_step *st = step_of(s);
    if (in_gap(s)) {
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
    const struct ebb_exercise *ex = session_current(s);
    const struct ebb_step *st = step_of(s);
    if (in_gap(s)) {
        session_step_leave(s, at_us);
        return;
    }
    enum step_mode mode = mode_of(ex, st);
    if (mode == MODE_TAPS && s->next_tap < taps_total(&st->taps)) {
        enum ebb_side side = EBB_SIDE_NONE;
        if (st->taps.alternate)
            side = s->next_tap % 2 == 0 ? EBB_SIDE_LEFT : EBB_SIDE_RIGHT;
        if (ex->audio.cues != EBB_CUES_NONE)
            session_emit_cue(s, at_us, EBB_SOUND_TICK, NULL, side);
        s->next_tap++;
        return;
    }
    if (mode == MODE_TIMED) /* a timed step's cue sounds at its start and its end */
        session_emit_cue(s, at_us, step_sound(ex, st), &st->cue, st->side);
    complete_step(s, at_us);
}

bool session_step_advance(struct ebb_session *s, uint64_t loc)
{
    uint64_t b;
    if (!step_boundary(s, &b) || b > loc)
        return false;
    step_reach(s, b);
    return true;
}

static void undo(struct ebb_session *s, uint64_t loc)
{
    const struct ebb_exercise *ex = session_current(s);
    bool manual = mode_of(ex, step_of(s)) == MODE_MANUAL;
    if (manual && in_gap(s)) { /* take back the press that completed it */
        session_set_stage(s, EBB_SESSION_STAGE_STEP);
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
    session_step_start(s, prev, loc);
    if (mode_of(ex, step_of(s)) == MODE_MANUAL)
        s->presses = had > 0 ? had - 1 : 0;
}

static void press(struct ebb_session *s, uint64_t loc)
{
    const struct ebb_exercise *ex = session_current(s);
    const struct ebb_step *st = step_of(s);
    if (in_gap(s) || mode_of(ex, st) != MODE_MANUAL)
        return;
    s->presses++;
    session_emit(s, loc, EBB_EVENT_PRESS, st->side, press_text(s->presses));
    /* a quiet tick says the press was counted, for eyes that are elsewhere */
    if (ex->audio.cues != EBB_CUES_NONE)
        session_emit_cue(s, loc, EBB_SOUND_TICK, NULL, st->side);
    if (s->presses >= press_count(st))
        complete_step(s, loc);
}

void session_step_act(struct ebb_session *s, enum ebb_action a, uint64_t loc)
{
    if (a == EBB_ACTION_PRESS)
        press(s, loc);
    else if (a == EBB_ACTION_UNDO)
        undo(s, loc);
    else if (a == EBB_ACTION_SKIP)
        session_step_leave(s, loc);
}

bool session_step_waiting(const struct ebb_session *s)
{
    return s->stage == EBB_SESSION_STAGE_STEP &&
           mode_of(session_current(s), step_of(s)) == MODE_MANUAL;
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
    uint64_t interval = session_us_of(1.0 / tp->rate);
    uint64_t since = u - tap_offset_us(tp, k);
    out->tap = k;
    if (tp->alternate)
        out->tap_side = k % 2 == 0 ? EBB_SIDE_LEFT : EBB_SIDE_RIGHT;
    out->tap_glow = interval > 0 ? 1.0 - clamp01((double)since / (double)interval) : 0.0;
    out->tap_resting = since >= interval && k + 1 < total && (k + 1) % tp->per_set == 0;
}

void session_step_view(const struct ebb_session *s, uint64_t loc, struct ebb_session_view *out)
{
    const struct ebb_exercise *ex = session_current(s);
    out->step_count = ex->step_count;
    out->tap = -1;
    if (ex->step_count == 0)
        return;
    const struct ebb_step *st = step_of(s);
    /* a finished session is shown as its last step ended */
    bool complete = in_gap(s) || (s->stage == EBB_SESSION_STAGE_FINISHED &&
                                  s->ended_in == EBB_SESSION_STAGE_STEP_GAP);
    out->step = s->step;
    out->presses = s->presses;
    out->count = press_count(st);
    out->step_complete = complete;
    uint64_t in_step = loc > s->step_start_us ? loc - s->step_start_us : 0u;
    out->step_fade = clamp01((double)in_step / (double)EBB_SESSION_STEP_FADE_US);
    enum step_mode mode = mode_of(ex, st);
    if (mode == MODE_MANUAL)
        return;
    uint64_t len = step_length_us(ex, st);
    out->step_progress = complete ? 1.0 : clamp01((double)in_step / (double)len);
    out->step_left_s = complete || in_step >= len ? 0.0 : (double)(len - in_step) / 1e6;
    if (mode == MODE_TAPS)
        view_taps(s, st, complete ? s->step_start_us + len : loc, out);
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
