/* Tests of engine/core/session.c: breathing (pause, clock jumps, events on the caller's
 * clock) and grounding steps (counts, undo, skip, finishing). Timed steps, taps and
 * sequences are in test_session_steps.c. Exercises are filled in by hand, so these
 * tests do not depend on the script loader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "session.h"
#include "test_session_fixture.h"

/* A clock far from 0, so a mix-up of clock time and session time shows. */
#define T0 5000000000ull
#define S(x) ((uint64_t)((x)*1000000.0 + 0.5))

/* ---- breathing ---- */

static void a_breathing_session_finishes_exactly_at_the_end_of_its_plan(void **state)
{
    (void)state;
    struct fixture f;
    fixture_breathing(&f, 2.0, 2); /* prepare 2 s, 2 cycles of 4 in + 6 out: ends at 22 s */
    struct ebb_diags d = {0};
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, &d);
    assert_non_null(s);
    const struct ebb_timeline *tl = ebb_session_timeline(s);
    assert_non_null(tl);
    assert_int_equal(tl->end_us, S(22));
    assert_int_equal(ebb_session_origin_us(s), T0);

    run_to(s, T0, T0 + S(22) - 1);
    assert_false(ebb_session_finished(s));
    ebb_session_update(s, T0 + S(22));
    assert_true(ebb_session_finished(s));

    struct ebb_session_view v;
    ebb_session_view(s, T0 + S(23), &v);
    assert_int_equal(v.state, EBB_SESSION_FINISHED);
    assert_true(v.frame.done);
    ebb_session_free(s);
}

static void breathing_events_are_the_plans_own_on_the_callers_clock_from_zero(void **state)
{
    (void)state;
    struct fixture f;
    fixture_breathing(&f, 2.0, 2);
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    assert_non_null(s);
    for (uint64_t t = 0; t <= S(23); t += S(0.25))
        ebb_session_update(s, T0 + t);
    struct recorded r;
    record(s, &r);
    /* PREPARE+bell, 4 phases x (PHASE+CUE), END+bell */
    assert_int_equal(r.n, 2 + 8 + 2);
    assert_int_equal(r.ev[0].kind, EBB_EVENT_PREPARE);
    assert_int_equal(r.ev[0].t_us, 0);
    assert_int_equal(r.ev[2].kind, EBB_EVENT_PHASE);
    assert_int_equal(r.ev[2].t_us, S(2));
    assert_int_equal(r.ev[4].kind, EBB_EVENT_PHASE);
    assert_int_equal(r.ev[4].phase, EBB_PHASE_EXHALE);
    assert_int_equal(r.ev[4].t_us, S(6));
    assert_int_equal(r.ev[10].kind, EBB_EVENT_END);
    assert_int_equal(r.ev[10].t_us, S(22));
    assert_in_order(&r);
    ebb_session_free(s);
}

static void pausing_a_breathing_session_shifts_the_origin_by_the_time_paused(void **state)
{
    (void)state;
    struct fixture f;
    fixture_breathing(&f, 2.0, 2);
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    run_to(s, T0, T0 + S(3));
    ebb_session_act(s, EBB_ACTION_PAUSE, T0 + S(3));

    struct ebb_session_view v;
    for (uint64_t t = S(3); t <= S(10); t += S(0.5)) {
        ebb_session_update(s, T0 + t);
        ebb_session_view(s, T0 + t, &v);
        assert_int_equal(v.state, EBB_SESSION_PAUSED);
        assert_int_equal(v.frame.t_us, S(3));
    }
    ebb_session_act(s, EBB_ACTION_PAUSE, T0 + S(10) + 7);
    assert_int_equal(ebb_session_origin_us(s), T0 + S(7) + 7);
    ebb_session_view(s, T0 + S(11) + 7, &v);
    assert_int_equal(v.state, EBB_SESSION_RUNNING);
    assert_int_equal(v.frame.t_us, S(4));

    /* the exhale at session time 6 s happens at clock time 13 s + 7 us */
    struct recorded r;
    record(s, &r);
    for (uint64_t t = S(11); t <= S(14); t += S(0.5))
        ebb_session_update(s, T0 + t);
    record(s, &r);
    assert_int_equal(r.n, 2);
    assert_int_equal(r.ev[0].kind, EBB_EVENT_PHASE);
    assert_int_equal(r.ev[0].t_us, S(13) + 7);
    ebb_session_free(s);
}

static void a_press_pauses_and_resumes_a_breathing_session(void **state)
{
    (void)state;
    struct fixture f;
    fixture_breathing(&f, 2.0, 2);
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    struct ebb_session_view v;
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(1));
    ebb_session_view(s, T0 + S(2), &v);
    assert_int_equal(v.state, EBB_SESSION_PAUSED);
    assert_false(ebb_session_waiting(s));
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(1.5));
    ebb_session_view(s, T0 + S(2), &v);
    assert_int_equal(v.state, EBB_SESSION_RUNNING);
    assert_int_equal(v.frame.t_us, S(1.5));
    ebb_session_free(s);
}

static void a_clock_jump_pauses_the_session_at_the_last_time_seen(void **state)
{
    (void)state;
    struct fixture f;
    fixture_breathing(&f, 2.0, 2);
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    ebb_session_update(s, T0 + S(1));
    ebb_session_update(s, T0 + S(1.5));
    ebb_session_update(s, T0 + S(1.5) + EBB_SESSION_JUMP_US); /* exactly the limit: runs */
    struct ebb_session_view v;
    ebb_session_view(s, T0 + S(3.5), &v);
    assert_int_equal(v.state, EBB_SESSION_RUNNING);

    ebb_session_update(s, T0 + S(3.5) + EBB_SESSION_JUMP_US + 1); /* slept */
    ebb_session_view(s, T0 + S(60), &v);
    assert_int_equal(v.state, EBB_SESSION_PAUSED);
    assert_int_equal(v.frame.t_us, S(3.5));

    /* no events were queued for the time asleep */
    struct recorded r;
    record(s, &r);
    for (int i = 0; i < r.n; i++)
        assert_true(r.ev[i].t_us <= S(3.5));

    ebb_session_act(s, EBB_ACTION_PAUSE, T0 + S(100));
    assert_int_equal(ebb_session_origin_us(s), T0 + S(96.5));
    ebb_session_view(s, T0 + S(100), &v);
    assert_int_equal(v.frame.t_us, S(3.5));
    ebb_session_free(s);
}

/* ---- grounding, manual ---- */

static void presses_count_toward_the_step_and_the_next_step_follows_a_quiet_pause(void **state)
{
    (void)state;
    struct fixture f;
    fixture_grounding(&f, 2, EBB_ADVANCE_MANUAL);
    f.steps[0].count = 3;
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    struct ebb_session_view v;
    ebb_session_view(s, T0, &v);
    assert_int_equal(v.state, EBB_SESSION_RUNNING);
    assert_int_equal(v.step, 0);
    assert_int_equal(v.step_count, 2);
    assert_int_equal(v.count, 3);
    assert_int_equal(v.presses, 0);
    assert_true(ebb_session_waiting(s));

    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(1));
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(2));
    ebb_session_view(s, T0 + S(2), &v);
    assert_int_equal(v.presses, 2);
    assert_false(v.step_complete);
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(3));
    ebb_session_view(s, T0 + S(3), &v);
    assert_int_equal(v.presses, 3);
    assert_true(v.step_complete);
    assert_false(ebb_session_waiting(s));

    /* a press during the quiet pause counts nothing */
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(3.5));
    ebb_session_update(s, T0 + S(3) + EBB_SESSION_STEP_GAP_US - 1);
    ebb_session_view(s, T0 + S(3) + EBB_SESSION_STEP_GAP_US - 1, &v);
    assert_int_equal(v.step, 0);
    assert_int_equal(v.presses, 3);

    uint64_t next = S(3) + EBB_SESSION_STEP_GAP_US;
    ebb_session_update(s, T0 + next);
    ebb_session_view(s, T0 + next + EBB_SESSION_STEP_FADE_US / 2, &v);
    assert_int_equal(v.step, 1);
    assert_int_equal(v.presses, 0);
    assert_int_equal(v.count, 1); /* a step without count waits for one press */
    assert_false(v.step_complete);
    assert_float_equal(v.step_fade, 0.5, 1e-9);

    struct recorded r;
    record(s, &r);
    assert_in_order(&r);
    assert_int_equal(count_kind(&r, EBB_EVENT_PRESS), 3);
    const struct ebb_event *press3 = nth_kind(&r, EBB_EVENT_PRESS, 2);
    assert_int_equal(press3->t_us, S(3));
    assert_string_equal(press3->text, "3");
    const struct ebb_event *step1 = nth_kind(&r, EBB_EVENT_STEP, 1);
    assert_non_null(step1);
    assert_int_equal(step1->t_us, next);
    assert_string_equal(step1->text, f.steps[1].prompt);
    ebb_session_free(s);
}

static void each_step_start_has_its_cue_and_each_press_a_quiet_tick(void **state)
{
    (void)state;
    struct fixture f;
    fixture_grounding(&f, 1, EBB_ADVANCE_MANUAL);
    f.steps[0].cue.kind = EBB_CUE_BELL;
    f.steps[0].side = EBB_SIDE_RIGHT;
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(2));
    struct recorded r;
    record(s, &r);
    assert_int_equal(r.ev[0].kind, EBB_EVENT_STEP);
    assert_int_equal(r.ev[0].side, EBB_SIDE_RIGHT);
    assert_int_equal(r.ev[1].kind, EBB_EVENT_CUE);
    assert_int_equal(r.ev[1].sound, EBB_SOUND_BELL);
    assert_int_equal(r.ev[1].t_us, 0);
    assert_int_equal(r.ev[2].kind, EBB_EVENT_PRESS);
    assert_int_equal(r.ev[3].kind, EBB_EVENT_CUE);
    assert_int_equal(r.ev[3].sound, EBB_SOUND_TICK);
    assert_int_equal(r.ev[3].t_us, S(2));
    ebb_session_free(s);
}

static void undo_takes_back_one_press(void **state)
{
    (void)state;
    struct fixture f;
    fixture_grounding(&f, 2, EBB_ADVANCE_MANUAL);
    f.steps[0].count = 3;
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    struct ebb_session_view v;
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(1));
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(2));
    ebb_session_act(s, EBB_ACTION_UNDO, T0 + S(2.5));
    ebb_session_view(s, T0 + S(2.5), &v);
    assert_int_equal(v.presses, 1);
    assert_int_equal(v.step, 0);

    /* taking back the press that completed a step cancels its quiet pause */
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(3));
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(4));
    ebb_session_act(s, EBB_ACTION_UNDO, T0 + S(4.5));
    ebb_session_update(s, T0 + S(9));
    ebb_session_view(s, T0 + S(9), &v);
    assert_int_equal(v.step, 0);
    assert_int_equal(v.presses, 2);
    assert_false(v.step_complete);

    /* at the first step with no presses, undo does nothing */
    ebb_session_act(s, EBB_ACTION_UNDO, T0 + S(9.5));
    ebb_session_act(s, EBB_ACTION_UNDO, T0 + S(10));
    ebb_session_act(s, EBB_ACTION_UNDO, T0 + S(10.5));
    ebb_session_view(s, T0 + S(10.5), &v);
    assert_int_equal(v.step, 0);
    assert_int_equal(v.presses, 0);
    ebb_session_free(s);
}

static void undo_with_no_presses_goes_back_to_the_previous_step_less_one(void **state)
{
    (void)state;
    struct fixture f;
    fixture_grounding(&f, 2, EBB_ADVANCE_MANUAL);
    f.steps[0].count = 3;
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    for (int i = 1; i <= 3; i++)
        ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(i));
    ebb_session_update(s, T0 + S(5));
    struct ebb_session_view v;
    ebb_session_view(s, T0 + S(5), &v);
    assert_int_equal(v.step, 1);
    struct recorded r;
    record(s, &r);

    ebb_session_act(s, EBB_ACTION_UNDO, T0 + S(6));
    ebb_session_view(s, T0 + S(6), &v);
    assert_int_equal(v.step, 0);
    assert_int_equal(v.presses, 2);
    assert_false(v.step_complete);
    assert_float_equal(v.step_fade, 0.0, 1e-9); /* it fades in again */
    record(s, &r);
    assert_int_equal(r.ev[0].kind, EBB_EVENT_STEP);
    assert_int_equal(r.ev[0].t_us, S(6));
    assert_string_equal(r.ev[0].text, f.steps[0].prompt);

    /* one more press completes it again */
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(7));
    ebb_session_update(s, T0 + S(7) + EBB_SESSION_STEP_GAP_US);
    ebb_session_view(s, T0 + S(9), &v);
    assert_int_equal(v.step, 1);
    ebb_session_free(s);
}

static void skip_moves_to_the_next_step_at_once(void **state)
{
    (void)state;
    struct fixture f;
    fixture_grounding(&f, 3, EBB_ADVANCE_MANUAL);
    f.steps[0].count = 5;
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(1));
    ebb_session_act(s, EBB_ACTION_SKIP, T0 + S(2));
    struct ebb_session_view v;
    ebb_session_view(s, T0 + S(2), &v);
    assert_int_equal(v.step, 1);
    assert_int_equal(v.presses, 0);
    struct recorded r;
    record(s, &r);
    const struct ebb_event *e = nth_kind(&r, EBB_EVENT_STEP, 1);
    assert_non_null(e);
    assert_int_equal(e->t_us, S(2));

    /* back from a skipped step: it shows the presses it had, less one */
    ebb_session_act(s, EBB_ACTION_UNDO, T0 + S(3));
    ebb_session_view(s, T0 + S(3), &v);
    assert_int_equal(v.step, 0);
    assert_int_equal(v.presses, 0);
    ebb_session_free(s);
}

static void the_last_step_finishes_the_session_with_an_end_and_a_bell(void **state)
{
    (void)state;
    struct fixture f;
    fixture_grounding(&f, 2, EBB_ADVANCE_MANUAL);
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    ebb_session_act(s, EBB_ACTION_SKIP, T0 + S(1));
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(2));
    ebb_session_update(s, T0 + S(2) + EBB_SESSION_STEP_GAP_US - 1);
    assert_false(ebb_session_finished(s));
    ebb_session_update(s, T0 + S(2) + EBB_SESSION_STEP_GAP_US);
    assert_true(ebb_session_finished(s));
    struct recorded r;
    record(s, &r);
    assert_in_order(&r);
    assert_int_equal(r.ev[r.n - 2].kind, EBB_EVENT_END);
    assert_int_equal(r.ev[r.n - 2].t_us, S(2) + EBB_SESSION_STEP_GAP_US);
    assert_int_equal(r.ev[r.n - 1].kind, EBB_EVENT_CUE);
    assert_int_equal(r.ev[r.n - 1].sound, EBB_SOUND_BELL);

    /* and nothing moves once finished */
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(9));
    ebb_session_act(s, EBB_ACTION_UNDO, T0 + S(9));
    record(s, &r);
    assert_int_equal(r.n, 0);
    struct ebb_session_view v;
    ebb_session_view(s, T0 + S(9), &v);
    assert_int_equal(v.state, EBB_SESSION_FINISHED);
    ebb_session_free(s);
}

static void skipping_the_last_step_finishes_at_once(void **state)
{
    (void)state;
    struct fixture f;
    fixture_grounding(&f, 1, EBB_ADVANCE_MANUAL);
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    ebb_session_act(s, EBB_ACTION_SKIP, T0 + S(4));
    assert_true(ebb_session_finished(s));
    struct recorded r;
    record(s, &r);
    assert_int_equal(count_kind(&r, EBB_EVENT_END), 1);
    assert_int_equal(nth_kind(&r, EBB_EVENT_END, 0)->t_us, S(4));
    ebb_session_free(s);
}

static void with_cues_none_presses_and_the_end_are_silent(void **state)
{
    (void)state;
    struct fixture f;
    fixture_grounding(&f, 1, EBB_ADVANCE_MANUAL);
    f.ex.audio.cues = EBB_CUES_NONE;
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(1));
    ebb_session_update(s, T0 + S(3));
    assert_true(ebb_session_finished(s));
    struct recorded r;
    record(s, &r);
    assert_int_equal(count_kind(&r, EBB_EVENT_CUE), 0);
    assert_int_equal(count_kind(&r, EBB_EVENT_PRESS), 1);
    assert_int_equal(count_kind(&r, EBB_EVENT_END), 1);
    ebb_session_free(s);
}

static void a_paused_grounding_session_counts_nothing_and_a_press_resumes_it(void **state)
{
    (void)state;
    struct fixture f;
    fixture_grounding(&f, 1, EBB_ADVANCE_MANUAL);
    f.steps[0].count = 2;
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    ebb_session_act(s, EBB_ACTION_PAUSE, T0 + S(1));
    assert_false(ebb_session_waiting(s));
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(2)); /* resumes, counts nothing */
    struct ebb_session_view v;
    ebb_session_view(s, T0 + S(2), &v);
    assert_int_equal(v.state, EBB_SESSION_RUNNING);
    assert_int_equal(v.presses, 0);
    assert_int_equal(v.item_elapsed_us, S(1));
    ebb_session_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_breathing_session_finishes_exactly_at_the_end_of_its_plan),
        cmocka_unit_test(breathing_events_are_the_plans_own_on_the_callers_clock_from_zero),
        cmocka_unit_test(pausing_a_breathing_session_shifts_the_origin_by_the_time_paused),
        cmocka_unit_test(a_press_pauses_and_resumes_a_breathing_session),
        cmocka_unit_test(a_clock_jump_pauses_the_session_at_the_last_time_seen),
        cmocka_unit_test(presses_count_toward_the_step_and_the_next_step_follows_a_quiet_pause),
        cmocka_unit_test(each_step_start_has_its_cue_and_each_press_a_quiet_tick),
        cmocka_unit_test(undo_takes_back_one_press),
        cmocka_unit_test(undo_with_no_presses_goes_back_to_the_previous_step_less_one),
        cmocka_unit_test(skip_moves_to_the_next_step_at_once),
        cmocka_unit_test(the_last_step_finishes_the_session_with_an_end_and_a_bell),
        cmocka_unit_test(skipping_the_last_step_finishes_at_once),
        cmocka_unit_test(with_cues_none_presses_and_the_end_are_silent),
        cmocka_unit_test(a_paused_grounding_session_counts_nothing_and_a_press_resumes_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
