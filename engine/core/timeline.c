/* timeline: the breathing plan of a session and what is true at any microsecond of it.
 *
 * ebb_timeline_init walks the session once and writes the start of every cycle into a
 * table; each phase's length is rounded to the microsecond from its seconds, the pace
 * and the cycle's ramp factor, so every boundary is a whole microsecond and the same
 * on every call. ebb_timeline_at is then a binary search over the cycle starts and a
 * short walk through one cycle's phases: no state, no allocation, no drift. */
#include "timeline.h"

#include "cue_sound.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const double PI = 3.14159265358979323846;

/* 4 hours, including prepare, in microseconds. */
static const uint64_t SESSION_US_MAX = (uint64_t)(EBB_SESSION_S_MAX * 1e6);

void ebb_timeline_options_default(struct ebb_timeline_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->pace = 1.0;
}

double ebb_ease_apply(enum ebb_ease ease, double a, double b, double p)
{
    if (!(p > 0.0))
        p = 0.0;
    else if (p > 1.0)
        p = 1.0;
    double e;
    switch (ease) {
    case EBB_EASE_LINEAR:
        e = p;
        break;
    case EBB_EASE_SINE:
        e = 0.5 - 0.5 * cos(PI * p);
        break;
    case EBB_EASE_SMOOTH:
    default:
        e = p * p * (3.0 - 2.0 * p);
        break;
    }
    return a + (b - a) * e;
}

static const struct ebb_phase *kept(const struct ebb_timeline *tl, int phase)
{
    return &tl->ex->phases[tl->phase_index[phase]];
}

/* The ramp factor of a cycle starting at session time start_us. */
static double ramp_at(const struct ebb_timeline *tl, uint64_t start_us)
{
    const struct ebb_exercise *ex = tl->ex;
    if (!ex->ramp)
        return 1.0;
    double t_s = (double)(start_us - tl->prepare_us) / 1e6;
    /* At and after `over` the factor is to_scale itself, not 1 + (to_scale - 1). */
    if (!(ex->ramp_over_s > 0.0) || t_s >= ex->ramp_over_s)
        return ex->ramp_to_scale;
    return 1.0 + (ex->ramp_to_scale - 1.0) * (t_s / ex->ramp_over_s);
}

/* The one rounding of a phase's length: seconds x pace x ramp, to the microsecond. */
static uint64_t length_us(double seconds, double pace, double ramp)
{
    return (uint64_t)llround(seconds * pace * ramp * 1e6);
}

static uint64_t cycle_len_us(const struct ebb_timeline *tl, double ramp)
{
    uint64_t sum = 0;
    for (int i = 0; i < tl->phase_count; i++)
        sum += length_us(kept(tl, i)->seconds, tl->opt.pace, ramp);
    return sum;
}

uint64_t ebb_timeline_phase_us(const struct ebb_timeline *tl, int cycle, int phase)
{
    if (!tl || !tl->cycle_start_us || cycle < 0 || cycle >= tl->cycle_count || phase < 0 ||
        phase >= tl->phase_count)
        return 0;
    if (cycle >= tl->steady_from)
        return tl->steady_phase_us[phase];
    return length_us(kept(tl, phase)->seconds, tl->opt.pace,
                     ramp_at(tl, tl->cycle_start_us[cycle]));
}

/* Kept phases and the level each starts and ends at. Returns 0, or -1 when no phase
 * is left. A hold keeps its level, so dropping holds keeps the level continuous. */
static int plan_phases(struct ebb_timeline *tl)
{
    const struct ebb_exercise *ex = tl->ex;
    tl->phase_count = 0;
    for (int i = 0; i < ex->phase_count; i++) {
        if (tl->opt.no_holds && ex->phases[i].kind == EBB_PHASE_HOLD)
            continue;
        tl->phase_index[tl->phase_count++] = i;
    }
    if (tl->phase_count == 0)
        return -1;
    /* The cycle ends where its last moving phase ends (holds only: at 0). */
    double level = 0.0;
    for (int i = 0; i < tl->phase_count; i++) {
        const struct ebb_phase *ph = kept(tl, i);
        if (ph->kind == EBB_PHASE_INHALE)
            level = ph->to_given ? ph->to : 1.0;
        else if (ph->kind == EBB_PHASE_EXHALE)
            level = ph->to_given ? ph->to : 0.0;
    }
    for (int i = 0; i < tl->phase_count; i++) {
        const struct ebb_phase *ph = kept(tl, i);
        tl->phase_from[i] = level;
        if (ph->kind == EBB_PHASE_INHALE)
            level = ph->to_given ? ph->to : 1.0;
        else if (ph->kind == EBB_PHASE_EXHALE)
            level = ph->to_given ? ph->to : 0.0;
        tl->phase_to[i] = level;
    }
    return 0;
}

/* Adds an error naming the exercise's file (or id) and returns -1. */
static int fail(struct ebb_diags *diags, const struct ebb_exercise *ex, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static int fail(struct ebb_diags *diags, const struct ebb_exercise *ex, const char *fmt, ...)
{
    const char *file = ex && ex->path ? ex->path : (ex && ex->id ? ex->id : "ebb");
    va_list ap;
    va_start(ap, fmt);
    ebb_diags_vadd(diags, EBB_SEVERITY_ERROR, file, 0, fmt, ap);
    va_end(ap);
    return -1;
}

/* Checks what the plan depends on, so a struct filled by hand cannot make it loop or
 * overflow. */
static int check_inputs(const struct ebb_exercise *ex, const struct ebb_timeline_options *o,
                        struct ebb_diags *diags)
{
    if (ex->kind != EBB_KIND_BREATHING)
        return fail(diags, ex, "a timeline needs a breathing exercise");
    if (ex->phase_count < 1 || ex->phase_count > EBB_PHASES_MAX || !ex->phases)
        return fail(diags, ex, "a pattern needs 1 to %d phases, found %d", EBB_PHASES_MAX,
                    ex->phase_count);
    if (!(o->pace >= EBB_PACE_MIN && o->pace <= EBB_PACE_MAX))
        return fail(diags, ex, "pace must be between 0.5 and 2.0, not %g", o->pace);
    if (o->cycles < 0)
        return fail(diags, ex, "cycles must be 1 or more, not %d", o->cycles);
    if (!(o->minutes >= 0.0 && o->minutes <= EBB_SESSION_S_MAX / 60.0))
        return fail(diags, ex, "a session lasts at most 240 minutes, not %g", o->minutes);
    if (!(ex->prepare_s >= 0.0 && ex->prepare_s <= EBB_SESSION_S_MAX))
        return fail(diags, ex, "prepare must be 0 to 14400 seconds, not %g", ex->prepare_s);
    for (int i = 0; i < ex->phase_count; i++) {
        double s = ex->phases[i].seconds;
        if (!(s > 0.0 && s <= EBB_SESSION_S_MAX))
            return fail(diags, ex, "a phase lasts more than 0 and at most 14400 seconds, not %g",
                        s);
    }
    if (ex->ramp && !(ex->ramp_to_scale > 0.0 && ex->ramp_to_scale <= 100.0))
        return fail(diags, ex, "ramp to_scale must be more than 0 and at most 100, not %g",
                    ex->ramp_to_scale);
    if (ex->ramp && !(ex->ramp_over_s >= 0.0 && ex->ramp_over_s <= EBB_SESSION_S_MAX))
        return fail(diags, ex, "ramp over must be 0 to 14400 seconds, not %g", ex->ramp_over_s);
    return 0;
}

/* Walks the session's cycles from the end of prepare. With `starts` NULL it only
 * counts; otherwise it writes the count + 1 cycle starts and the scales. Cycles
 * session: want_cycles > 0. Duration session: target_us is prepare + duration; the
 * count is the one whose end is nearest (ties: the longer), at least one, and never
 * past 4 hours when a shorter count exists. Returns the count, or WALK_TOO_LONG when
 * the session would pass 4 hours, WALK_TOO_MANY when it would hold too many cycles. */
enum { WALK_TOO_LONG = -1, WALK_TOO_MANY = -2 };

static long walk(const struct ebb_timeline *tl, int want_cycles, uint64_t target_us,
                 uint64_t *starts, double *scales)
{
    uint64_t t = tl->prepare_us;
    long k = 0;
    for (;;) {
        double ramp = ramp_at(tl, t);
        uint64_t len = cycle_len_us(tl, ramp);
        if (len == 0 || k >= EBB_TIMELINE_CYCLES_MAX)
            return WALK_TOO_MANY;
        uint64_t end = t + len;
        if (want_cycles <= 0 && end >= target_us) {
            bool shorter = k >= 1 && (target_us - t < end - target_us || end > SESSION_US_MAX);
            if (shorter) {
                if (starts)
                    starts[k] = t;
                return k;
            }
        }
        if (end > SESSION_US_MAX)
            return WALK_TOO_LONG;
        if (starts) {
            starts[k] = t;
            scales[k] = tl->opt.pace * ramp;
        }
        t = end;
        k++;
        if ((want_cycles > 0 && k == want_cycles) || (want_cycles <= 0 && end >= target_us)) {
            if (starts)
                starts[k] = t;
            return k;
        }
    }
}

/* The length the options and the script ask for: cycles, or a duration. */
static void choose_length(const struct ebb_timeline *tl, int *cycles, double *duration_s)
{
    const struct ebb_exercise *ex = tl->ex;
    *cycles = 0;
    *duration_s = 0.0;
    if (tl->opt.cycles > 0)
        *cycles = tl->opt.cycles;
    else if (tl->opt.minutes > 0.0)
        *duration_s = tl->opt.minutes * 60.0;
    else if (ex->cycles > 0)
        *cycles = ex->cycles;
    else
        *duration_s = ex->duration_s;
}

int ebb_timeline_init(struct ebb_timeline *tl, const struct ebb_exercise *ex,
                      const struct ebb_timeline_options *opt, struct ebb_diags *diags)
{
    memset(tl, 0, sizeof *tl);
    if (!ex)
        return fail(diags, ex, "no exercise to plan");
    tl->ex = ex;
    if (opt)
        tl->opt = *opt;
    else
        ebb_timeline_options_default(&tl->opt);
    if (tl->opt.pace == 0.0) /* 0 means "not given", as everywhere in the options */
        tl->opt.pace = 1.0;
    if (check_inputs(ex, &tl->opt, diags) != 0)
        return -1;
    if (plan_phases(tl) != 0)
        return fail(diags, ex, "every phase is a hold: with no holds nothing is left");

    int cycles;
    double duration_s;
    choose_length(tl, &cycles, &duration_s);
    if (cycles <= 0 && !(duration_s > 0.0))
        return fail(diags, ex, "the exercise has neither cycles nor a duration");
    tl->prepare_us = (uint64_t)llround(ex->prepare_s * 1e6);
    if (cycles <= 0 && (double)tl->prepare_us + duration_s * 1e6 > (double)SESSION_US_MAX)
        return fail(diags, ex,
                    "a session lasts at most 4 hours including prepare; %g minutes is too long",
                    duration_s / 60.0);
    uint64_t target = cycles > 0 ? 0 : tl->prepare_us + (uint64_t)llround(duration_s * 1e6);

    long n = walk(tl, cycles, target, NULL, NULL);
    if (n == WALK_TOO_LONG && cycles > 0)
        return fail(diags, ex,
                    "%d cycles at pace %g would last longer than 4 hours, the limit of a "
                    "session; choose fewer cycles or a faster pace",
                    cycles, tl->opt.pace);
    if (n == WALK_TOO_LONG)
        return fail(diags, ex,
                    "one cycle at pace %g would last longer than 4 hours, the limit of a session",
                    tl->opt.pace);
    if (n < 0)
        return fail(diags, ex,
                    "this session would hold more than %d cycles, or cycles of no length",
                    EBB_TIMELINE_CYCLES_MAX);
    tl->cycle_start_us = malloc(((size_t)n + 1) * sizeof *tl->cycle_start_us);
    tl->cycle_scale = malloc((size_t)n * sizeof *tl->cycle_scale);
    if (!tl->cycle_start_us || !tl->cycle_scale) {
        ebb_timeline_deinit(tl);
        return fail(diags, ex, "out of memory for %ld cycles", n);
    }
    walk(tl, cycles, target, tl->cycle_start_us, tl->cycle_scale);
    tl->cycle_count = (int)n;
    tl->end_us = tl->cycle_start_us[n];

    /* From the first cycle at the final scale on, every cycle is the same. */
    double final_ramp = ex->ramp ? ex->ramp_to_scale : 1.0;
    tl->steady_from = 0;
    while (tl->steady_from < tl->cycle_count &&
           ramp_at(tl, tl->cycle_start_us[tl->steady_from]) != final_ramp)
        tl->steady_from++;
    tl->steady_offset_us[0] = 0;
    tl->event_rows_before[0] = 0;
    for (int i = 0; i < tl->phase_count; i++) {
        const struct ebb_phase *ph = kept(tl, i);
        tl->steady_phase_us[i] = length_us(ph->seconds, tl->opt.pace, final_ramp);
        tl->steady_offset_us[i + 1] = tl->steady_offset_us[i] + tl->steady_phase_us[i];
        bool silent = ebb_sound_for(ex, &ph->cue, 0, ph->kind) == EBB_SOUND_NONE;
        tl->event_rows_before[i + 1] = tl->event_rows_before[i] + (silent ? 1 : 2);
    }
    return 0;
}

void ebb_timeline_deinit(struct ebb_timeline *tl)
{
    if (!tl)
        return;
    free(tl->cycle_start_us);
    free(tl->cycle_scale);
    tl->cycle_start_us = NULL;
    tl->cycle_scale = NULL;
    tl->cycle_count = 0;
}

/* The last cycle k with cycle_start_us[k] <= t (t at or after the first start). Steady
 * cycles all have the same length, so one division finds them; the ramping ones before
 * are found by a branch-free binary search. */
static int find_cycle(const struct ebb_timeline *tl, uint64_t t)
{
    int ramping = tl->steady_from;
    if (ramping < tl->cycle_count && t >= tl->cycle_start_us[ramping]) {
        uint64_t k = (t - tl->cycle_start_us[ramping]) / tl->steady_offset_us[tl->phase_count];
        uint64_t last = (uint64_t)(tl->cycle_count - 1 - ramping);
        return ramping + (int)(k < last ? k : last);
    }
    const uint64_t *base = tl->cycle_start_us;
    int n = ramping;
    while (n > 1) {
        int half = n / 2;
        base = base[half] <= t ? base + half : base;
        n -= half;
    }
    return (int)(base - tl->cycle_start_us);
}

int ebb_timeline_locate(const struct ebb_timeline *tl, uint64_t t, int *cycle, uint64_t *start_us,
                        uint64_t *end_us)
{
    if (!tl->cycle_start_us || t < tl->prepare_us || t >= tl->end_us)
        return -1;
    int k = find_cycle(tl, t);
    int last = tl->phase_count - 1;
    uint64_t cycle_start = tl->cycle_start_us[k];
    int i;
    uint64_t start;
    if (k >= tl->steady_from) {
        /* Every steady cycle has the same phase starts: a binary search. */
        uint64_t off = t - cycle_start;
        int lo = 0, hi = last;
        while (lo < hi) {
            int mid = lo + (hi - lo + 1) / 2;
            if (tl->steady_offset_us[mid] <= off)
                lo = mid;
            else
                hi = mid - 1;
        }
        i = lo;
        start = cycle_start + tl->steady_offset_us[i];
        *end_us = i == last ? tl->cycle_start_us[k + 1] : start + tl->steady_phase_us[i];
    } else {
        /* A ramping cycle: its own lengths, rounded as when the table was built. */
        double ramp = ramp_at(tl, cycle_start);
        uint64_t next = tl->cycle_start_us[k + 1];
        start = cycle_start;
        for (i = 0; i < last; i++) {
            next = start + length_us(kept(tl, i)->seconds, tl->opt.pace, ramp);
            if (t < next)
                break;
            start = next;
        }
        *end_us = i == last ? tl->cycle_start_us[k + 1] : next;
    }
    *cycle = k;
    *start_us = start;
    return i;
}

static void fill_phase(const struct ebb_timeline *tl, int phase, struct ebb_frame *out)
{
    out->phase = phase;
    out->phase_source = tl->phase_index[phase];
    out->kind = kept(tl, phase)->kind;
}

void ebb_timeline_at(const struct ebb_timeline *tl, uint64_t t, struct ebb_frame *out)
{
    memset(out, 0, sizeof *out);
    out->t_us = t;
    out->cycle_count = tl->cycle_count;
    if (t < tl->prepare_us) {
        out->stage = EBB_STAGE_PREPARE;
        fill_phase(tl, 0, out);
        out->progress = (double)t / (double)tl->prepare_us;
        out->level = tl->phase_from[0];
        out->phase_end_us = tl->prepare_us;
        out->phase_left_s = (double)(tl->prepare_us - t) / 1e6;
        out->prepare_left_s = out->phase_left_s;
        out->session_left_s = (double)(tl->end_us - t) / 1e6;
        return;
    }
    if (t >= tl->end_us) {
        int last = tl->phase_count - 1;
        out->stage = EBB_STAGE_DONE;
        out->done = true;
        out->cycle = tl->cycle_count - 1;
        fill_phase(tl, last, out);
        out->progress = 1.0;
        out->level = tl->phase_to[last];
        out->phase_start_us = tl->end_us - ebb_timeline_phase_us(tl, out->cycle, last);
        out->phase_end_us = tl->end_us;
        return;
    }
    uint64_t start, end;
    int i = ebb_timeline_locate(tl, t, &out->cycle, &start, &end);
    out->stage = EBB_STAGE_BREATHE;
    fill_phase(tl, i, out);
    out->progress = (double)(t - start) / (double)(end - start);
    const struct ebb_phase *ph = kept(tl, i);
    out->level = ph->kind == EBB_PHASE_HOLD
                     ? tl->phase_from[i]
                     : ebb_ease_apply(ph->ease, tl->phase_from[i], tl->phase_to[i], out->progress);
    out->phase_start_us = start;
    out->phase_end_us = end;
    out->phase_left_s = (double)(end - t) / 1e6;
    out->session_left_s = (double)(tl->end_us - t) / 1e6;
}

int ebb_timeline_next_boundary(const struct ebb_timeline *tl, uint64_t from_us,
                               struct ebb_boundary *out)
{
    if (!tl->cycle_start_us || from_us > tl->end_us)
        return -1;
    if (from_us == tl->end_us) {
        *out = (struct ebb_boundary){tl->end_us, tl->cycle_count - 1, -1};
        return 0;
    }
    if (from_us <= tl->prepare_us) {
        *out = (struct ebb_boundary){tl->prepare_us, 0, 0};
        return 0;
    }
    /* The phase under from - 1 ends at the first boundary at or after from. */
    int k;
    uint64_t start, end;
    int i = ebb_timeline_locate(tl, from_us - 1, &k, &start, &end);
    if (i + 1 < tl->phase_count)
        *out = (struct ebb_boundary){end, k, i + 1};
    else if (k + 1 < tl->cycle_count)
        *out = (struct ebb_boundary){end, k + 1, 0};
    else
        *out = (struct ebb_boundary){end, k, -1};
    return 0;
}
