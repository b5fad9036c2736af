/* Tests of engine/core/timeline.c: exact boundaries, a continuous breath level, lengths
 * (cycles, durations, ramps, pace, no holds), the 4-hour limit and no drift. Exercises
 * are filled by hand, so these tests do not depend on the script loader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "timeline.h"

static const double PI = 3.14159265358979323846;

/* A breathing exercise built in the test: up to 8 phases. */
struct fixture {
    struct ebb_exercise ex;
    struct ebb_phase phases[8];
};

static void start(struct fixture *f, double prepare_s, int cycles, double duration_s)
{
    memset(f, 0, sizeof *f);
    f->ex.id = "test";
    f->ex.title = "Test";
    f->ex.kind = EBB_KIND_BREATHING;
    f->ex.prepare_s = prepare_s;
    f->ex.cycles = cycles;
    f->ex.duration_s = duration_s;
    f->ex.audio.volume = 1.0;
    f->ex.phases = f->phases;
}

static struct ebb_phase *add(struct fixture *f, enum ebb_phase_kind kind, double seconds,
                             enum ebb_ease ease)
{
    struct ebb_phase *p = &f->phases[f->ex.phase_count++];
    p->kind = kind;
    p->seconds = seconds;
    p->ease = ease;
    p->text = kind == EBB_PHASE_INHALE   ? "Breathe in"
              : kind == EBB_PHASE_EXHALE ? "Breathe out"
                                         : "Hold";
    return p;
}

static void box(struct fixture *f, double prepare_s, int cycles, enum ebb_ease ease)
{
    start(f, prepare_s, cycles, 0.0);
    add(f, EBB_PHASE_INHALE, 4.0, ease);
    add(f, EBB_PHASE_HOLD, 4.0, ease);
    add(f, EBB_PHASE_EXHALE, 4.0, ease);
    add(f, EBB_PHASE_HOLD, 4.0, ease);
}

/* A cyclic sigh: a long inhale to 0.8, a short top-up to 1.0, a long exhale to 0. */
static void sigh(struct fixture *f, int cycles, enum ebb_ease ease)
{
    start(f, 2.0, cycles, 0.0);
    struct ebb_phase *p = add(f, EBB_PHASE_INHALE, 2.5, ease);
    p->to = 0.8;
    p->to_given = true;
    p = add(f, EBB_PHASE_INHALE, 1.0, ease);
    p->to = 1.0;
    p->to_given = true;
    p = add(f, EBB_PHASE_EXHALE, 6.0, ease);
    p->to = 0.0;
    p->to_given = true;
}

static struct ebb_timeline_options options(double pace, bool no_holds)
{
    struct ebb_timeline_options o;
    ebb_timeline_options_default(&o);
    o.pace = pace;
    o.no_holds = no_holds;
    return o;
}

static void plan(struct ebb_timeline *tl, const struct fixture *f,
                 const struct ebb_timeline_options *o)
{
    struct ebb_diags d;
    ebb_diags_clear(&d);
    assert_int_equal(ebb_timeline_init(tl, &f->ex, o, &d), 0);
    assert_int_equal(d.errors, 0);
}

/* The ramp factor of a cycle starting t_s after prepare, as DESIGN.md defines it. */
static double ramp_factor(const struct ebb_exercise *ex, double t_s)
{
    if (!ex->ramp)
        return 1.0;
    if (t_s >= ex->ramp_over_s)
        return ex->ramp_to_scale;
    return 1.0 + (ex->ramp_to_scale - 1.0) * (t_s / ex->ramp_over_s);
}

/* Walks every phase boundary computed independently from the rule and checks the frames
 * one microsecond before it and at it. Returns the number of boundaries checked. */
static int check_boundaries(const struct fixture *f, double pace)
{
    struct ebb_timeline_options o = options(pace, false);
    struct ebb_timeline tl;
    plan(&tl, f, &o);
    const struct ebb_exercise *ex = &f->ex;
    uint64_t prepare_us = (uint64_t)llround(ex->prepare_s * 1e6);
    uint64_t t = prepare_us;
    int checked = 0;
    for (int k = 0; k < tl.cycle_count; k++) {
        double ramp = ramp_factor(ex, (double)(t - prepare_us) / 1e6);
        assert_int_equal(tl.cycle_start_us[k], t);
        for (int i = 0; i < ex->phase_count; i++) {
            struct ebb_frame before, at;
            ebb_timeline_at(&tl, t - 1, &before);
            ebb_timeline_at(&tl, t, &at);
            assert_int_equal(at.stage, EBB_STAGE_BREATHE);
            assert_int_equal(at.cycle, k);
            assert_int_equal(at.phase, i);
            assert_int_equal(at.phase_start_us, t);
            assert_true(at.progress == 0.0);
            if (k == 0 && i == 0) {
                assert_int_equal(before.stage, EBB_STAGE_PREPARE);
            } else {
                assert_int_equal(before.stage, EBB_STAGE_BREATHE);
                assert_int_equal(before.phase, i == 0 ? ex->phase_count - 1 : i - 1);
                assert_int_equal(before.cycle, i == 0 ? k - 1 : k);
                assert_int_equal(before.phase_end_us, t);
            }
            uint64_t len = (uint64_t)llround(ex->phases[i].seconds * pace * ramp * 1e6);
            assert_int_equal(ebb_timeline_phase_us(&tl, k, i), len);
            t += len;
            checked++;
        }
    }
    assert_int_equal(tl.end_us, t);
    struct ebb_frame last, end;
    ebb_timeline_at(&tl, t - 1, &last);
    ebb_timeline_at(&tl, t, &end);
    assert_int_equal(last.stage, EBB_STAGE_BREATHE);
    assert_false(last.done);
    assert_int_equal(end.stage, EBB_STAGE_DONE);
    assert_true(end.done);
    ebb_timeline_deinit(&tl);
    return checked;
}

static void phase_boundaries_are_exact_to_the_microsecond_in_a_plain_plan(void **state)
{
    (void)state;
    struct fixture f;
    box(&f, 3.0, 5, EBB_EASE_SMOOTH);
    assert_int_equal(check_boundaries(&f, 1.0), 20);
}

static void phase_boundaries_are_exact_to_the_microsecond_at_pace_1_3(void **state)
{
    (void)state;
    struct fixture f;
    start(&f, 2.5, 7, 0.0);
    add(&f, EBB_PHASE_INHALE, 4.3, EBB_EASE_SINE);
    add(&f, EBB_PHASE_HOLD, 1.7, EBB_EASE_SMOOTH);
    add(&f, EBB_PHASE_EXHALE, 6.1, EBB_EASE_LINEAR);
    assert_int_equal(check_boundaries(&f, 1.3), 21);
}

static void phase_boundaries_are_exact_to_the_microsecond_in_a_ramped_plan(void **state)
{
    (void)state;
    struct fixture f;
    start(&f, 3.0, 30, 0.0);
    add(&f, EBB_PHASE_INHALE, 4.6, EBB_EASE_SINE);
    add(&f, EBB_PHASE_EXHALE, 4.63, EBB_EASE_SINE);
    f.ex.ramp = true;
    f.ex.ramp_to_scale = 1.44;
    f.ex.ramp_over_s = 120.0;
    assert_int_equal(check_boundaries(&f, 1.0), 60);
    assert_int_equal(check_boundaries(&f, 0.7), 60);
}

/* Level at every boundary vs one microsecond before; returns boundaries seen. */
static int check_continuity(const struct fixture *f, bool no_holds)
{
    struct ebb_timeline_options o = options(1.0, no_holds);
    struct ebb_timeline tl;
    plan(&tl, f, &o);
    struct ebb_boundary b;
    uint64_t from = 0;
    int seen = 0;
    while (ebb_timeline_next_boundary(&tl, from, &b) == 0) {
        struct ebb_frame before, at;
        ebb_timeline_at(&tl, b.t_us - 1, &before);
        ebb_timeline_at(&tl, b.t_us, &at);
        assert_true(fabs(at.level - before.level) < 1e-5);
        assert_true(at.level >= 0.0 && at.level <= 1.0);
        if (b.phase >= 0)
            assert_true(at.level == tl.phase_from[b.phase]);
        seen++;
        from = b.t_us + 1;
    }
    ebb_timeline_deinit(&tl);
    return seen;
}

static void the_level_is_continuous_across_every_boundary_for_every_ease(void **state)
{
    (void)state;
    struct fixture f;
    for (int e = 0; e < EBB_EASE_COUNT; e++) {
        box(&f, 3.0, 3, (enum ebb_ease)e);
        assert_int_equal(check_continuity(&f, false), 3 * 4 + 1);
        assert_int_equal(check_continuity(&f, true), 3 * 2 + 1);
        sigh(&f, 4, (enum ebb_ease)e);
        assert_int_equal(check_continuity(&f, false), 4 * 3 + 1);
    }
}

static void a_cyclic_sigh_starts_each_phase_where_the_previous_one_ended(void **state)
{
    (void)state;
    struct fixture f;
    sigh(&f, 2, EBB_EASE_SMOOTH);
    struct ebb_timeline tl;
    plan(&tl, &f, NULL);
    assert_true(tl.phase_from[0] == 0.0);
    assert_true(tl.phase_from[1] == 0.8);
    assert_true(tl.phase_from[2] == 1.0);
    struct ebb_frame fr;
    /* Half way through the top-up inhale (smoothstep at 0.5 is 0.5): 0.9. */
    ebb_timeline_at(&tl, 2000000 + 2500000 + 500000, &fr);
    assert_int_equal(fr.phase, 1);
    assert_true(fabs(fr.level - 0.9) < 1e-12);
    ebb_timeline_deinit(&tl);
}

static void dropping_holds_keeps_the_level_a_hold_would_have_kept(void **state)
{
    (void)state;
    struct fixture f;
    start(&f, 0.0, 2, 0.0);
    add(&f, EBB_PHASE_INHALE, 4.0, EBB_EASE_LINEAR);
    add(&f, EBB_PHASE_HOLD, 7.0, EBB_EASE_LINEAR);
    struct ebb_phase *p = add(&f, EBB_PHASE_EXHALE, 4.0, EBB_EASE_LINEAR);
    p->to = 0.25;
    p->to_given = true;
    add(&f, EBB_PHASE_HOLD, 2.0, EBB_EASE_LINEAR);
    struct ebb_timeline_options o = options(1.0, true);
    struct ebb_timeline tl;
    plan(&tl, &f, &o);
    assert_int_equal(tl.phase_count, 2);
    assert_int_equal(tl.phase_index[0], 0);
    assert_int_equal(tl.phase_index[1], 2);
    assert_true(tl.phase_from[0] == 0.25);
    assert_true(tl.phase_from[1] == 1.0);
    assert_int_equal(tl.end_us, 2 * 8000000);
    ebb_timeline_deinit(&tl);
    assert_int_equal(check_continuity(&f, true), 2 * 2 + 1);
}

static void a_hold_stays_flat(void **state)
{
    (void)state;
    struct fixture f;
    box(&f, 0.0, 1, EBB_EASE_SINE);
    struct ebb_timeline tl;
    plan(&tl, &f, NULL);
    struct ebb_frame a, b;
    ebb_timeline_at(&tl, 4000000, &a);
    ebb_timeline_at(&tl, 7999999, &b);
    assert_int_equal(a.kind, EBB_PHASE_HOLD);
    assert_int_equal(b.kind, EBB_PHASE_HOLD);
    assert_true(a.level == 1.0 && b.level == 1.0);
    ebb_timeline_deinit(&tl);
}

static void the_eases_follow_their_curves(void **state)
{
    (void)state;
    assert_true(fabs(ebb_ease_apply(EBB_EASE_LINEAR, 0.0, 1.0, 0.25) - 0.25) < 1e-15);
    assert_true(fabs(ebb_ease_apply(EBB_EASE_SINE, 0.0, 1.0, 0.25) - (0.5 - 0.5 * cos(PI * 0.25))) <
                1e-15);
    assert_true(fabs(ebb_ease_apply(EBB_EASE_SMOOTH, 0.0, 1.0, 0.25) - 0.15625) < 1e-15);
    assert_true(fabs(ebb_ease_apply(EBB_EASE_SMOOTH, 1.0, 0.0, 0.25) - 0.84375) < 1e-15);
    for (int e = 0; e < EBB_EASE_COUNT; e++) {
        assert_true(ebb_ease_apply((enum ebb_ease)e, 0.2, 0.9, 0.0) == 0.2);
        assert_true(fabs(ebb_ease_apply((enum ebb_ease)e, 0.2, 0.9, 1.0) - 0.9) < 1e-15);
        assert_true(fabs(ebb_ease_apply((enum ebb_ease)e, 0.2, 0.9, 0.5) - 0.55) < 1e-15);
        /* Out-of-range progress is clamped. */
        assert_true(ebb_ease_apply((enum ebb_ease)e, 0.2, 0.9, -1.0) == 0.2);
        assert_true(fabs(ebb_ease_apply((enum ebb_ease)e, 0.2, 0.9, 2.0) - 0.9) < 1e-15);
    }
}

static void prepare_counts_down_at_the_level_the_first_phase_starts_at(void **state)
{
    (void)state;
    struct fixture f;
    sigh(&f, 2, EBB_EASE_SMOOTH);
    f.phases[2].to = 0.1;
    struct ebb_timeline tl;
    plan(&tl, &f, NULL);
    struct ebb_frame fr;
    ebb_timeline_at(&tl, 500000, &fr);
    assert_int_equal(fr.stage, EBB_STAGE_PREPARE);
    assert_false(fr.done);
    assert_int_equal(fr.phase, 0);
    assert_int_equal(fr.cycle, 0);
    assert_int_equal(fr.cycle_count, 2);
    assert_true(fabs(fr.progress - 0.25) < 1e-12);
    assert_true(fr.level == 0.1);
    assert_true(fabs(fr.prepare_left_s - 1.5) < 1e-12);
    assert_true(fabs(fr.phase_left_s - 1.5) < 1e-12);
    assert_true(fabs(fr.session_left_s - (2.0 + 2 * 9.5 - 0.5)) < 1e-9);
    assert_int_equal(fr.phase_end_us, 2000000);
    ebb_timeline_deinit(&tl);
}

static void after_the_end_the_frame_is_done_at_the_final_level(void **state)
{
    (void)state;
    struct fixture f;
    sigh(&f, 2, EBB_EASE_SMOOTH);
    f.phases[2].to = 0.1;
    struct ebb_timeline tl;
    plan(&tl, &f, NULL);
    assert_int_equal(tl.end_us, 2000000 + 2 * 9500000);
    uint64_t ts[2] = {tl.end_us, tl.end_us + 5000000};
    for (int j = 0; j < 2; j++) {
        struct ebb_frame fr;
        ebb_timeline_at(&tl, ts[j], &fr);
        assert_int_equal(fr.stage, EBB_STAGE_DONE);
        assert_true(fr.done);
        assert_int_equal(fr.cycle, 1);
        assert_int_equal(fr.phase, 2);
        assert_true(fr.progress == 1.0);
        assert_true(fr.level == 0.1);
        assert_true(fr.session_left_s == 0.0);
        assert_int_equal(fr.phase_end_us, tl.end_us);
        assert_int_equal(fr.phase_start_us, tl.end_us - 6000000);
    }
    ebb_timeline_deinit(&tl);
}

/* Number of cycles of a duration session and its end, with cycles of 8 s and prepare 3. */
static int duration_cycles(double duration_s, double minutes, uint64_t *end_us)
{
    struct fixture f;
    start(&f, 3.0, 0, duration_s);
    add(&f, EBB_PHASE_INHALE, 3.0, EBB_EASE_SMOOTH);
    add(&f, EBB_PHASE_EXHALE, 5.0, EBB_EASE_SMOOTH);
    struct ebb_timeline_options o = options(1.0, false);
    o.minutes = minutes;
    struct ebb_timeline tl;
    plan(&tl, &f, &o);
    int n = tl.cycle_count;
    *end_us = tl.end_us;
    assert_int_equal(tl.end_us, tl.cycle_start_us[n]);
    ebb_timeline_deinit(&tl);
    return n;
}

static void a_duration_session_ends_on_the_whole_cycle_nearest_its_length(void **state)
{
    (void)state;
    uint64_t end;
    /* prepare 3 + 61 = 64: cycle ends 59 (5 away) and 67 (3 away). */
    assert_int_equal(duration_cycles(61.0, 0.0, &end), 8);
    assert_int_equal(end, 67000000);
    /* 3 + 58 = 61: 59 is 2 away, 67 is 6 away. */
    assert_int_equal(duration_cycles(58.0, 0.0, &end), 7);
    assert_int_equal(end, 59000000);
    /* 3 + 60 = 63: a tie between 59 and 67 goes to the longer. */
    assert_int_equal(duration_cycles(60.0, 0.0, &end), 8);
    /* --minutes overrides the script's duration. */
    assert_int_equal(duration_cycles(600.0, 1.0, &end), 8);
    assert_int_equal(duration_cycles(600.0, 0.5, &end), 4);
    assert_int_equal(end, 35000000);
}

static void a_duration_session_runs_at_least_one_cycle(void **state)
{
    (void)state;
    uint64_t end;
    assert_int_equal(duration_cycles(0.5, 0.0, &end), 1);
    assert_int_equal(end, 11000000);
}

static void a_ramped_duration_session_ends_on_the_nearest_cycle(void **state)
{
    (void)state;
    struct fixture f;
    start(&f, 3.0, 0, 300.0);
    add(&f, EBB_PHASE_INHALE, 4.0, EBB_EASE_SINE);
    add(&f, EBB_PHASE_EXHALE, 5.23, EBB_EASE_SINE);
    f.ex.ramp = true;
    f.ex.ramp_to_scale = 1.44;
    f.ex.ramp_over_s = 200.0;
    struct ebb_timeline tl;
    plan(&tl, &f, NULL);
    uint64_t target = 303000000;
    int n = tl.cycle_count;
    uint64_t end = tl.cycle_start_us[n];
    uint64_t prev = tl.cycle_start_us[n - 1];
    assert_true(end >= target);
    assert_true(prev < target);
    assert_true(end - target <= target - prev);
    ebb_timeline_deinit(&tl);
}

static void every_cycle_after_the_ramp_runs_exactly_at_to_scale(void **state)
{
    (void)state;
    const double paces[3] = {1.0, 1.3, 0.55};
    for (int p = 0; p < 3; p++) {
        struct fixture f;
        start(&f, 3.0, 40, 0.0);
        add(&f, EBB_PHASE_INHALE, 4.6, EBB_EASE_SINE);
        add(&f, EBB_PHASE_HOLD, 0.7, EBB_EASE_SINE);
        add(&f, EBB_PHASE_EXHALE, 4.63, EBB_EASE_SINE);
        f.ex.ramp = true;
        f.ex.ramp_to_scale = 1.44;
        f.ex.ramp_over_s = 150.0;
        struct ebb_timeline_options o = options(paces[p], false);
        struct ebb_timeline tl;
        plan(&tl, &f, &o);
        int after = 0, before = 0;
        for (int k = 0; k < tl.cycle_count; k++) {
            uint64_t t_k = tl.cycle_start_us[k] - tl.prepare_us;
            for (int i = 0; i < 3; i++) {
                uint64_t len = ebb_timeline_phase_us(&tl, k, i);
                uint64_t at_target = (uint64_t)llround(f.phases[i].seconds * paces[p] * 1.44 * 1e6);
                uint64_t at_one = (uint64_t)llround(f.phases[i].seconds * paces[p] * 1e6);
                if (t_k >= 150000000) {
                    assert_int_equal(len, at_target);
                } else if (k > 0) {
                    assert_true(len > at_one && len < at_target);
                } else {
                    assert_int_equal(len, at_one);
                }
            }
            if (t_k >= 150000000)
                after++;
            else
                before++;
        }
        assert_true(after > 5 && before > 5);
        ebb_timeline_deinit(&tl);
    }
}

static void the_frame_after_one_hour_equals_the_analytic_value(void **state)
{
    (void)state;
    struct fixture f;
    start(&f, 3.0, 400, 0.0);
    add(&f, EBB_PHASE_INHALE, 4.0, EBB_EASE_SINE);
    add(&f, EBB_PHASE_EXHALE, 6.0, EBB_EASE_SINE);
    struct ebb_timeline_options o = options(1.3, false);
    struct ebb_timeline tl;
    plan(&tl, &f, &o);
    /* Cycles of 5.2 + 7.8 = 13 s from t = 3 s: 3597 s = 276 cycles + 9 s, that is
     * 3.8 s into the exhale of 7.8 s. */
    struct ebb_frame fr;
    ebb_timeline_at(&tl, 3600000000u, &fr);
    assert_int_equal(fr.stage, EBB_STAGE_BREATHE);
    assert_int_equal(fr.cycle, 276);
    assert_int_equal(fr.phase, 1);
    assert_int_equal(fr.kind, EBB_PHASE_EXHALE);
    assert_int_equal(fr.phase_start_us, 3000000u + 276u * 13000000u + 5200000u);
    assert_int_equal(fr.phase_end_us, 3000000u + 277u * 13000000u);
    double p = 3.8 / 7.8;
    assert_true(fabs(fr.progress - p) < 1e-12);
    double level = 1.0 - (0.5 - 0.5 * cos(PI * p));
    assert_true(fabs(fr.level - level) < 1e-12);
    assert_true(fabs(fr.phase_left_s - 4.0) < 1e-9);
    assert_true(fabs(fr.session_left_s - (3.0 + 400 * 13.0 - 3600.0)) < 1e-6);
    ebb_timeline_deinit(&tl);
}

static void no_holds_and_pace_keep_the_cycle_count_of_a_cycles_session(void **state)
{
    (void)state;
    struct fixture f;
    box(&f, 3.0, 8, EBB_EASE_SMOOTH);
    const double paces[4] = {1.0, 0.5, 1.3, 2.0};
    for (int h = 0; h < 2; h++) {
        for (int p = 0; p < 4; p++) {
            struct ebb_timeline_options o = options(paces[p], h == 1);
            struct ebb_timeline tl;
            plan(&tl, &f, &o);
            assert_int_equal(tl.cycle_count, 8);
            assert_int_equal(tl.phase_count, h == 1 ? 2 : 4);
            uint64_t cycle = (uint64_t)llround(4.0 * paces[p] * 1e6) * (h == 1 ? 2 : 4);
            assert_int_equal(tl.end_us, 3000000 + 8 * cycle);
            ebb_timeline_deinit(&tl);
        }
    }
}

static void the_cycles_option_overrides_the_script_length(void **state)
{
    (void)state;
    struct fixture f;
    start(&f, 0.0, 0, 600.0);
    add(&f, EBB_PHASE_INHALE, 4.0, EBB_EASE_SMOOTH);
    add(&f, EBB_PHASE_EXHALE, 6.0, EBB_EASE_SMOOTH);
    struct ebb_timeline_options o = options(1.0, false);
    o.cycles = 3;
    o.minutes = 2.0; /* cycles win over minutes */
    struct ebb_timeline tl;
    plan(&tl, &f, &o);
    assert_int_equal(tl.cycle_count, 3);
    assert_int_equal(tl.end_us, 30000000);
    ebb_timeline_deinit(&tl);
}

static int init_errors(const struct fixture *f, const struct ebb_timeline_options *o,
                       const char *needle)
{
    struct ebb_diags d;
    ebb_diags_clear(&d);
    struct ebb_timeline tl;
    int rc = ebb_timeline_init(&tl, &f->ex, o, &d);
    assert_int_equal(rc, -1);
    assert_int_equal(d.errors, 1);
    assert_non_null(strstr(d.items[0].message, needle));
    assert_null(tl.cycle_start_us);
    ebb_timeline_deinit(&tl); /* harmless after a failed init */
    return rc;
}

static void a_session_longer_than_four_hours_fails_with_an_error(void **state)
{
    (void)state;
    struct fixture f;
    box(&f, 3.0, 1000, EBB_EASE_SMOOTH); /* 16 000 s */
    struct ebb_timeline_options o = options(1.0, false);
    init_errors(&f, &o, "4 hours");
    /* At pace 0.5 the same 1000 cycles take 8 000 s: fine. */
    o.pace = 0.5;
    struct ebb_timeline tl;
    plan(&tl, &f, &o);
    assert_int_equal(tl.cycle_count, 1000);
    ebb_timeline_deinit(&tl);
    /* A ramp that slows the same session down past the limit. */
    o.pace = 1.0;
    o.cycles = 850; /* 13 600 s at scale 1 */
    plan(&tl, &f, &o);
    ebb_timeline_deinit(&tl);
    f.ex.ramp = true;
    f.ex.ramp_to_scale = 1.5;
    f.ex.ramp_over_s = 600.0;
    init_errors(&f, &o, "4 hours");
    /* A duration past the limit. */
    o.cycles = 0;
    o.minutes = 240.0; /* plus prepare */
    init_errors(&f, &o, "4 hours");
}

static void a_four_hour_duration_never_rounds_past_the_limit(void **state)
{
    (void)state;
    struct fixture f;
    start(&f, 0.0, 0, 14400.0);
    add(&f, EBB_PHASE_INHALE, 6.5, EBB_EASE_SMOOTH);
    add(&f, EBB_PHASE_EXHALE, 6.5, EBB_EASE_SMOOTH);
    struct ebb_timeline tl;
    plan(&tl, &f, NULL);
    /* 14 400 / 13 = 1107.7: 1108 cycles would be nearer but pass 4 hours. */
    assert_int_equal(tl.cycle_count, 1107);
    assert_true(tl.end_us <= 14400000000u);
    ebb_timeline_deinit(&tl);
}

static void a_pace_out_of_range_fails_with_an_error(void **state)
{
    (void)state;
    struct fixture f;
    box(&f, 3.0, 4, EBB_EASE_SMOOTH);
    struct ebb_timeline_options o = options(0.4, false);
    init_errors(&f, &o, "pace");
    o.pace = 2.1;
    init_errors(&f, &o, "pace");
    o.pace = NAN;
    init_errors(&f, &o, "pace");
}

static void holds_only_with_no_holds_fails_with_an_error(void **state)
{
    (void)state;
    struct fixture f;
    start(&f, 3.0, 4, 0.0);
    add(&f, EBB_PHASE_HOLD, 4.0, EBB_EASE_SMOOTH);
    struct ebb_timeline_options o = options(1.0, true);
    init_errors(&f, &o, "hold");
}

static void next_boundary_walks_phase_starts_and_the_end(void **state)
{
    (void)state;
    struct fixture f;
    box(&f, 3.0, 2, EBB_EASE_SMOOTH);
    struct ebb_timeline tl;
    plan(&tl, &f, NULL);
    struct ebb_boundary b;
    assert_int_equal(ebb_timeline_next_boundary(&tl, 0, &b), 0);
    assert_int_equal(b.t_us, 3000000);
    assert_int_equal(b.cycle, 0);
    assert_int_equal(b.phase, 0);
    assert_int_equal(ebb_timeline_next_boundary(&tl, 3000001, &b), 0);
    assert_int_equal(b.t_us, 7000000);
    assert_int_equal(b.phase, 1);
    assert_int_equal(ebb_timeline_next_boundary(&tl, 15000001, &b), 0);
    assert_int_equal(b.t_us, 19000000);
    assert_int_equal(b.cycle, 1);
    assert_int_equal(b.phase, 0);
    assert_int_equal(ebb_timeline_next_boundary(&tl, 31000001, &b), 0);
    assert_int_equal(b.t_us, 35000000);
    assert_int_equal(b.cycle, 1);
    assert_int_equal(b.phase, -1);
    assert_int_equal(ebb_timeline_next_boundary(&tl, 35000000, &b), 0);
    assert_int_equal(b.phase, -1);
    assert_int_equal(ebb_timeline_next_boundary(&tl, 35000001, &b), -1);
    ebb_timeline_deinit(&tl);
}

/* The frame's cycle and phase at pseudo-random instants of a long ramped session agree
 * with a plain walk from the start of the plan. */
static void frames_anywhere_agree_with_a_plain_walk_of_the_plan(void **state)
{
    (void)state;
    struct fixture f;
    start(&f, 3.0, 1500, 0.0);
    add(&f, EBB_PHASE_INHALE, 3.1, EBB_EASE_SINE);
    add(&f, EBB_PHASE_HOLD, 0.9, EBB_EASE_SINE);
    add(&f, EBB_PHASE_EXHALE, 3.7, EBB_EASE_SINE);
    f.ex.ramp = true;
    f.ex.ramp_to_scale = 0.8;
    f.ex.ramp_over_s = 4000.0;
    struct ebb_timeline tl;
    plan(&tl, &f, NULL);
    assert_true(tl.steady_from > 100 && tl.steady_from < tl.cycle_count - 100);
    uint64_t x = 99;
    for (int n = 0; n < 3000; n++) {
        x = x * 6364136223846793005u + 1442695040888963407u;
        uint64_t t = tl.prepare_us + (x >> 20) % (tl.end_us - tl.prepare_us);
        int k = 0;
        while (tl.cycle_start_us[k + 1] <= t)
            k++;
        uint64_t s0 = tl.cycle_start_us[k];
        int i = 0;
        while (i < 2 && s0 + ebb_timeline_phase_us(&tl, k, i) <= t)
            s0 += ebb_timeline_phase_us(&tl, k, i++);
        struct ebb_frame fr;
        ebb_timeline_at(&tl, t, &fr);
        assert_int_equal(fr.cycle, k);
        assert_int_equal(fr.phase, i);
        assert_int_equal(fr.phase_start_us, s0);
        assert_int_equal(fr.phase_end_us, s0 + ebb_timeline_phase_us(&tl, k, i));
        assert_true(fr.progress >= 0.0 && fr.progress < 1.0);
    }
    ebb_timeline_deinit(&tl);
}

static void a_session_without_prepare_starts_breathing_at_zero(void **state)
{
    (void)state;
    struct fixture f;
    box(&f, 0.0, 1, EBB_EASE_SMOOTH);
    struct ebb_timeline tl;
    plan(&tl, &f, NULL);
    struct ebb_frame fr;
    ebb_timeline_at(&tl, 0, &fr);
    assert_int_equal(fr.stage, EBB_STAGE_BREATHE);
    assert_int_equal(fr.phase, 0);
    assert_true(fr.level == 0.0);
    ebb_timeline_deinit(&tl);
    ebb_timeline_deinit(&tl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(phase_boundaries_are_exact_to_the_microsecond_in_a_plain_plan),
        cmocka_unit_test(phase_boundaries_are_exact_to_the_microsecond_at_pace_1_3),
        cmocka_unit_test(phase_boundaries_are_exact_to_the_microsecond_in_a_ramped_plan),
        cmocka_unit_test(the_level_is_continuous_across_every_boundary_for_every_ease),
        cmocka_unit_test(a_cyclic_sigh_starts_each_phase_where_the_previous_one_ended),
        cmocka_unit_test(dropping_holds_keeps_the_level_a_hold_would_have_kept),
        cmocka_unit_test(a_hold_stays_flat),
        cmocka_unit_test(the_eases_follow_their_curves),
        cmocka_unit_test(prepare_counts_down_at_the_level_the_first_phase_starts_at),
        cmocka_unit_test(after_the_end_the_frame_is_done_at_the_final_level),
        cmocka_unit_test(a_duration_session_ends_on_the_whole_cycle_nearest_its_length),
        cmocka_unit_test(a_duration_session_runs_at_least_one_cycle),
        cmocka_unit_test(a_ramped_duration_session_ends_on_the_nearest_cycle),
        cmocka_unit_test(every_cycle_after_the_ramp_runs_exactly_at_to_scale),
        cmocka_unit_test(the_frame_after_one_hour_equals_the_analytic_value),
        cmocka_unit_test(no_holds_and_pace_keep_the_cycle_count_of_a_cycles_session),
        cmocka_unit_test(the_cycles_option_overrides_the_script_length),
        cmocka_unit_test(a_session_longer_than_four_hours_fails_with_an_error),
        cmocka_unit_test(a_four_hour_duration_never_rounds_past_the_limit),
        cmocka_unit_test(a_pace_out_of_range_fails_with_an_error),
        cmocka_unit_test(holds_only_with_no_holds_fails_with_an_error),
        cmocka_unit_test(next_boundary_walks_phase_starts_and_the_end),
        cmocka_unit_test(frames_anywhere_agree_with_a_plain_walk_of_the_plan),
        cmocka_unit_test(a_session_without_prepare_starts_breathing_at_zero),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
