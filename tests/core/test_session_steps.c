/* Tests of engine/core/session.c: timed steps and bilateral taps on a virtual clock. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "session.h"
#include "test_session_fixture.h"

#define T0 7000000000ull
#define S(x) ((uint64_t)((x)*1000000.0 + 0.5))

/* ---- timed steps ---- */

static void a_timed_step_sounds_its_cue_at_its_start_and_its_end(void **state)
{
    (void)state;
    struct fixture f;
    fixture_grounding(&f, 2, EBB_ADVANCE_TIMED); /* 10 s each */
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    assert_false(ebb_session_waiting(s));
    uint64_t second = S(10) + EBB_SESSION_STEP_GAP_US;
    uint64_t end = second + S(10) + EBB_SESSION_STEP_GAP_US;
    run_to(s, T0, T0 + end - 1);
    assert_false(ebb_session_finished(s));
    ebb_session_update(s, T0 + end);
    assert_true(ebb_session_finished(s));

    struct recorded r;
    record(s, &r);
    assert_in_order(&r);
    assert_int_equal(nth_kind(&r, EBB_EVENT_STEP, 0)->t_us, 0);
    assert_int_equal(nth_sound(&r, EBB_SOUND_TICK, 0)->t_us, 0);
    assert_int_equal(nth_sound(&r, EBB_SOUND_TICK, 1)->t_us, S(10));
    assert_int_equal(nth_kind(&r, EBB_EVENT_STEP, 1)->t_us, second);
    assert_int_equal(nth_sound(&r, EBB_SOUND_TICK, 2)->t_us, second);
    assert_int_equal(nth_sound(&r, EBB_SOUND_TICK, 3)->t_us, second + S(10));
    assert_null(nth_sound(&r, EBB_SOUND_TICK, 4));
    assert_int_equal(nth_kind(&r, EBB_EVENT_END, 0)->t_us, end);
    assert_int_equal(count_kind(&r, EBB_EVENT_PRESS), 0);
    ebb_session_free(s);
}

static void a_timed_step_shows_its_progress_and_seconds_left(void **state)
{
    (void)state;
    struct fixture f;
    fixture_grounding(&f, 2, EBB_ADVANCE_TIMED);
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    run_to(s, T0, T0 + S(2.5));
    struct ebb_session_view v;
    ebb_session_view(s, T0 + S(2.5), &v);
    assert_float_equal(v.step_progress, 0.25, 1e-9);
    assert_float_equal(v.step_left_s, 7.5, 1e-9);
    assert_float_equal(v.step_fade, 1.0, 1e-9);
    run_to(s, T0 + S(2.5), T0 + S(10.5));
    ebb_session_view(s, T0 + S(10.5), &v);
    assert_int_equal(v.step, 0);
    assert_true(v.step_complete);
    assert_float_equal(v.step_progress, 1.0, 1e-9);
    assert_float_equal(v.step_left_s, 0.0, 1e-9);
    ebb_session_free(s);
}

static void a_press_does_not_cut_a_timed_step_short(void **state)
{
    (void)state;
    struct fixture f;
    fixture_grounding(&f, 2, EBB_ADVANCE_TIMED);
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(1));
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(2));
    struct ebb_session_view v;
    ebb_session_view(s, T0 + S(2), &v);
    assert_int_equal(v.step, 0);
    assert_false(v.step_complete);
    struct recorded r;
    record(s, &r);
    assert_int_equal(count_kind(&r, EBB_EVENT_PRESS), 0);
    ebb_session_free(s);
}

static void pausing_a_timed_step_moves_its_end_by_the_time_paused(void **state)
{
    (void)state;
    struct fixture f;
    fixture_grounding(&f, 1, EBB_ADVANCE_TIMED);
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    run_to(s, T0, T0 + S(3));
    ebb_session_act(s, EBB_ACTION_PAUSE, T0 + S(3));
    run_to(s, T0 + S(3), T0 + S(7));
    struct ebb_session_view v;
    ebb_session_view(s, T0 + S(7), &v);
    assert_int_equal(v.state, EBB_SESSION_PAUSED);
    assert_float_equal(v.step_left_s, 7.0, 1e-9);
    ebb_session_act(s, EBB_ACTION_PAUSE, T0 + S(7));
    run_to(s, T0 + S(7), T0 + S(15));
    struct recorded r;
    record(s, &r);
    assert_int_equal(nth_sound(&r, EBB_SOUND_TICK, 1)->t_us, S(14));
    ebb_session_free(s);
}

static void skip_leaves_a_timed_step_at_once(void **state)
{
    (void)state;
    struct fixture f;
    fixture_grounding(&f, 2, EBB_ADVANCE_TIMED);
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    run_to(s, T0, T0 + S(4));
    ebb_session_act(s, EBB_ACTION_SKIP, T0 + S(4));
    struct ebb_session_view v;
    ebb_session_view(s, T0 + S(4), &v);
    assert_int_equal(v.step, 1);
    struct recorded r;
    record(s, &r);
    assert_int_equal(nth_kind(&r, EBB_EVENT_STEP, 1)->t_us, S(4));
    /* the skipped step's end cue never sounds */
    assert_int_equal(nth_sound(&r, EBB_SOUND_TICK, 1)->t_us, S(4));
    assert_null(nth_sound(&r, EBB_SOUND_TICK, 2));
    ebb_session_free(s);
}

static void a_step_with_seconds_is_timed_in_a_manual_exercise(void **state)
{
    (void)state;
    struct fixture f;
    fixture_grounding(&f, 2, EBB_ADVANCE_MANUAL);
    f.steps[1].seconds = 3.0;
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    assert_true(ebb_session_waiting(s));
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(1));
    uint64_t second = S(1) + EBB_SESSION_STEP_GAP_US;
    run_to(s, T0 + S(1), T0 + second);
    assert_false(ebb_session_waiting(s));
    run_to(s, T0 + second, T0 + second + S(3) + EBB_SESSION_STEP_GAP_US);
    assert_true(ebb_session_finished(s));
    ebb_session_free(s);
}

static void a_timed_step_without_seconds_lasts_the_default(void **state)
{
    (void)state;
    struct fixture f;
    fixture_grounding(&f, 1, EBB_ADVANCE_TIMED);
    f.steps[0].seconds = 0.0;
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    run_to(s, T0, T0 + EBB_SESSION_STEP_DEFAULT_US);
    struct recorded r;
    record(s, &r);
    assert_int_equal(nth_sound(&r, EBB_SOUND_TICK, 1)->t_us, EBB_SESSION_STEP_DEFAULT_US);
    ebb_session_free(s);
}

/* ---- taps ---- */

/* One taps step: 2 taps a second, 2 sets of 3, 1.5 s rest; then a manual step. */
static void fixture_taps(struct fixture *f, bool alternate)
{
    fixture_grounding(f, 2, EBB_ADVANCE_MANUAL);
    f->steps[0].taps.present = true;
    f->steps[0].taps.rate = 2.0;
    f->steps[0].taps.per_set = 3;
    f->steps[0].taps.sets = 2;
    f->steps[0].taps.rest_s = 1.5;
    f->steps[0].taps.alternate = alternate;
}

static void taps_sound_at_their_exact_times_with_a_rest_between_sets(void **state)
{
    (void)state;
    struct fixture f;
    fixture_taps(&f, true);
    f.steps[0].cue.kind = EBB_CUE_BELL; /* the step's own cue, apart from the taps */
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    run_to(s, T0, T0 + S(20));
    struct recorded r;
    record(s, &r);
    assert_in_order(&r);
    const uint64_t lead = EBB_SESSION_TAP_LEAD_US;
    const uint64_t want[6] = {0, S(0.5), S(1.0), S(3.0), S(3.5), S(4.0)};
    const enum ebb_side side[6] = {EBB_SIDE_LEFT,  EBB_SIDE_RIGHT, EBB_SIDE_LEFT,
                                   EBB_SIDE_RIGHT, EBB_SIDE_LEFT,  EBB_SIDE_RIGHT};
    for (int k = 0; k < 6; k++) {
        const struct ebb_event *e = nth_sound(&r, EBB_SOUND_TICK, k);
        assert_non_null(e);
        assert_int_equal(e->t_us, lead + want[k]);
        assert_int_equal(e->side, side[k]);
    }
    /* taps end the step by themselves: no tick for a press, the next step after the
     * last tap's beat and the quiet pause */
    uint64_t taps_end = lead + S(4.5);
    const struct ebb_event *next = nth_kind(&r, EBB_EVENT_STEP, 1);
    assert_non_null(next);
    assert_int_equal(next->t_us, taps_end + EBB_SESSION_STEP_GAP_US);
    assert_null(nth_sound(&r, EBB_SOUND_TICK, 7)); /* 6 taps + the next step's tick */
    assert_int_equal(nth_sound(&r, EBB_SOUND_BELL, 0)->t_us, 0);
    ebb_session_free(s);
}

static void the_view_follows_taps_sides_glow_and_rests(void **state)
{
    (void)state;
    struct fixture f;
    fixture_taps(&f, true);
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    const uint64_t lead = EBB_SESSION_TAP_LEAD_US;
    struct ebb_session_view v;

    ebb_session_view(s, T0 + lead / 2, &v);
    assert_int_equal(v.tap, -1);
    assert_false(v.tap_resting);

    run_to(s, T0, T0 + lead + S(0.25));
    ebb_session_view(s, T0 + lead + S(0.25), &v);
    assert_int_equal(v.tap, 0);
    assert_int_equal(v.tap_side, EBB_SIDE_LEFT);
    assert_float_equal(v.tap_glow, 0.5, 1e-9);
    assert_false(v.tap_resting);
    assert_float_equal(v.step_left_s, 4.25, 1e-9);

    run_to(s, T0 + lead + S(0.25), T0 + lead + S(0.5));
    ebb_session_view(s, T0 + lead + S(0.5), &v);
    assert_int_equal(v.tap, 1);
    assert_int_equal(v.tap_side, EBB_SIDE_RIGHT);
    assert_float_equal(v.tap_glow, 1.0, 1e-9);

    /* between the sets */
    run_to(s, T0 + lead + S(0.5), T0 + lead + S(2.0));
    ebb_session_view(s, T0 + lead + S(2.0), &v);
    assert_int_equal(v.tap, 2);
    assert_true(v.tap_resting);
    assert_float_equal(v.tap_glow, 0.0, 1e-9);

    run_to(s, T0 + lead + S(2.0), T0 + lead + S(3.0));
    ebb_session_view(s, T0 + lead + S(3.0), &v);
    assert_int_equal(v.tap, 3);
    assert_false(v.tap_resting);

    /* after the last tap there is no rest: the step ends */
    run_to(s, T0 + lead + S(3.0), T0 + lead + S(4.6));
    ebb_session_view(s, T0 + lead + S(4.6), &v);
    assert_int_equal(v.step, 0);
    assert_int_equal(v.tap, 5);
    assert_false(v.tap_resting);
    assert_true(v.step_complete);
    assert_float_equal(v.step_progress, 1.0, 1e-9);
    ebb_session_free(s);
}

static void taps_that_do_not_alternate_sound_in_the_middle(void **state)
{
    (void)state;
    struct fixture f;
    fixture_taps(&f, false);
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    run_to(s, T0, T0 + S(6));
    struct recorded r;
    record(s, &r);
    for (int k = 0; k < 6; k++)
        assert_int_equal(nth_sound(&r, EBB_SOUND_TICK, k + 1)->side, EBB_SIDE_NONE);
    struct ebb_session_view v;
    ebb_session_view(s, T0 + EBB_SESSION_TAP_LEAD_US + S(0.5), &v);
    assert_int_equal(v.tap_side, EBB_SIDE_NONE);
    ebb_session_free(s);
}

static void taps_at_an_uneven_rate_fall_on_the_nearest_microsecond(void **state)
{
    (void)state;
    struct fixture f;
    fixture_taps(&f, true);
    f.steps[0].taps.rate = 3.0;
    f.steps[0].taps.per_set = 4;
    f.steps[0].taps.sets = 1;
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    run_to(s, T0, T0 + S(4));
    struct recorded r;
    record(s, &r);
    const uint64_t lead = EBB_SESSION_TAP_LEAD_US;
    assert_int_equal(nth_sound(&r, EBB_SOUND_TICK, 2)->t_us, lead + 333333);
    assert_int_equal(nth_sound(&r, EBB_SOUND_TICK, 3)->t_us, lead + 666667);
    assert_int_equal(nth_sound(&r, EBB_SOUND_TICK, 4)->t_us, lead + 1000000);
    /* one set: the step ends after the last beat, no rest */
    assert_int_equal(nth_kind(&r, EBB_EVENT_STEP, 1)->t_us,
                     lead + 1333333 + EBB_SESSION_STEP_GAP_US);
    ebb_session_free(s);
}

static void the_view_shows_each_tap_from_its_exact_microsecond(void **state)
{
    (void)state;
    struct fixture f;
    fixture_taps(&f, true);
    f.steps[0].cue.kind = EBB_CUE_NONE; /* only the taps tick in this step */
    f.steps[0].taps.rate = 1.7;
    f.steps[0].taps.per_set = 5;
    f.steps[0].taps.sets = 4;
    f.steps[0].taps.rest_s = 0.9;
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    run_to(s, T0, T0 + S(20));
    struct recorded r;
    record(s, &r);
    for (int k = 0; k < 20; k++) {
        const struct ebb_event *e = nth_sound(&r, EBB_SOUND_TICK, k);
        assert_non_null(e);
        /* a fresh session, stopped one microsecond before the tap, then at it */
        struct ebb_session *p = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
        struct ebb_session_view v;
        run_to(p, T0, T0 + e->t_us - 1);
        ebb_session_view(p, T0 + e->t_us - 1, &v);
        assert_int_equal(v.tap, k - 1);
        ebb_session_update(p, T0 + e->t_us);
        ebb_session_view(p, T0 + e->t_us, &v);
        assert_int_equal(v.tap, k);
        assert_int_equal(v.tap_side, k % 2 == 0 ? EBB_SIDE_LEFT : EBB_SIDE_RIGHT);
        assert_float_equal(v.tap_glow, 1.0, 1e-9);
        assert_false(v.tap_resting);
        ebb_session_free(p);
    }
    /* the 21st tick is the next step's own, after the taps */
    const struct ebb_event *next = nth_sound(&r, EBB_SOUND_TICK, 20);
    assert_non_null(next);
    assert_int_equal(next->t_us, nth_kind(&r, EBB_EVENT_STEP, 1)->t_us);
    ebb_session_free(s);
}

static void a_paused_taps_step_holds_its_next_tap(void **state)
{
    (void)state;
    struct fixture f;
    fixture_taps(&f, true);
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    const uint64_t lead = EBB_SESSION_TAP_LEAD_US;
    run_to(s, T0, T0 + lead + S(0.2));
    ebb_session_act(s, EBB_ACTION_PAUSE, T0 + lead + S(0.2));
    run_to(s, T0 + lead + S(0.2), T0 + lead + S(5.2));
    ebb_session_act(s, EBB_ACTION_PAUSE, T0 + lead + S(5.2));
    run_to(s, T0 + lead + S(5.2), T0 + lead + S(6));
    struct recorded r;
    record(s, &r);
    assert_int_equal(nth_sound(&r, EBB_SOUND_TICK, 1)->t_us, lead);
    assert_int_equal(nth_sound(&r, EBB_SOUND_TICK, 2)->t_us, lead + S(5.5));
    ebb_session_free(s);
}

static void the_length_of_a_grounding_exercise_is_what_the_session_runs(void **state)
{
    (void)state;
    struct fixture f;
    fixture_taps(&f, true);
    f.steps[1].seconds = 7.5; /* taps, then a timed step: runs by itself */
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    run_to(s, T0, T0 + S(30));
    struct recorded r;
    record(s, &r);
    const struct ebb_event *end = nth_kind(&r, EBB_EVENT_END, 0);
    assert_non_null(end);
    uint64_t want = EBB_SESSION_TAP_LEAD_US + S(4.5) + S(7.5) + 2 * EBB_SESSION_STEP_GAP_US;
    assert_int_equal(end->t_us, want);
    assert_float_equal(ebb_session_grounding_length_s(&f.ex), (double)want / 1e6, 1e-9);
    ebb_session_free(s);

    f.steps[1].seconds = 0.0; /* now the second step waits for a press */
    assert_float_equal(ebb_session_grounding_length_s(&f.ex), -1.0, 0.0);
    f.ex.advance = EBB_ADVANCE_TIMED; /* unless the exercise is timed: 30 s */
    assert_float_equal(ebb_session_grounding_length_s(&f.ex),
                       (double)(want - S(7.5) + EBB_SESSION_STEP_DEFAULT_US) / 1e6, 1e-9);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_timed_step_sounds_its_cue_at_its_start_and_its_end),
        cmocka_unit_test(a_timed_step_shows_its_progress_and_seconds_left),
        cmocka_unit_test(a_press_does_not_cut_a_timed_step_short),
        cmocka_unit_test(pausing_a_timed_step_moves_its_end_by_the_time_paused),
        cmocka_unit_test(skip_leaves_a_timed_step_at_once),
        cmocka_unit_test(a_step_with_seconds_is_timed_in_a_manual_exercise),
        cmocka_unit_test(a_timed_step_without_seconds_lasts_the_default),
        cmocka_unit_test(taps_sound_at_their_exact_times_with_a_rest_between_sets),
        cmocka_unit_test(the_view_follows_taps_sides_glow_and_rests),
        cmocka_unit_test(taps_that_do_not_alternate_sound_in_the_middle),
        cmocka_unit_test(taps_at_an_uneven_rate_fall_on_the_nearest_microsecond),
        cmocka_unit_test(the_view_shows_each_tap_from_its_exact_microsecond),
        cmocka_unit_test(a_paused_taps_step_holds_its_next_tap),
        cmocka_unit_test(the_length_of_a_grounding_exercise_is_what_the_session_runs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
