/* Tests of the session's stages (engine/core/session.c): the moves the table allows, and
 * the stage a session is in after each thing that can happen, with pause beside it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "session.h"
#include "test_session_fixture.h"

#define T0 5000000000ull
#define S(x) ((uint64_t)((x)*1000000.0 + 0.5))

#define BREATHING EBB_SESSION_STAGE_BREATHING
#define STEP EBB_SESSION_STAGE_STEP
#define GAP EBB_SESSION_STAGE_STEP_GAP
#define TRANSITION EBB_SESSION_STAGE_TRANSITION
#define FINISHED EBB_SESSION_STAGE_FINISHED

static void the_table_allows_only_the_moves_a_session_makes(void **state)
{
    (void)state;
    /* every move a session makes */
    assert_true(ebb_session_stage_allowed(BREATHING, TRANSITION));
    assert_true(ebb_session_stage_allowed(BREATHING, FINISHED));
    assert_true(ebb_session_stage_allowed(STEP, STEP));
    assert_true(ebb_session_stage_allowed(STEP, GAP));
    assert_true(ebb_session_stage_allowed(STEP, FINISHED));
    assert_true(ebb_session_stage_allowed(GAP, STEP));
    assert_true(ebb_session_stage_allowed(GAP, TRANSITION));
    assert_true(ebb_session_stage_allowed(TRANSITION, BREATHING));
    assert_true(ebb_session_stage_allowed(TRANSITION, STEP));
    /* and none it must not */
    assert_false(ebb_session_stage_allowed(BREATHING, STEP));
    assert_false(ebb_session_stage_allowed(BREATHING, GAP));
    assert_false(ebb_session_stage_allowed(BREATHING, BREATHING));
    assert_false(ebb_session_stage_allowed(GAP, GAP));
    assert_false(ebb_session_stage_allowed(GAP, BREATHING));
    assert_false(ebb_session_stage_allowed(TRANSITION, GAP));
    assert_false(ebb_session_stage_allowed(STEP, BREATHING));
    for (int to = 0; to < EBB_SESSION_STAGE_COUNT; to++)
        assert_false(ebb_session_stage_allowed(FINISHED, (enum ebb_session_stage)to));
    assert_false(ebb_session_stage_allowed(EBB_SESSION_STAGE_COUNT, STEP));
    assert_false(ebb_session_stage_allowed(STEP, EBB_SESSION_STAGE_COUNT));
}

static void a_manual_step_goes_to_its_gap_at_its_count_and_back_on_undo(void **state)
{
    (void)state;
    struct fixture f;
    fixture_grounding(&f, 2, EBB_ADVANCE_MANUAL);
    f.steps[0].count = 2;
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    assert_int_equal(ebb_session_stage(s), STEP);
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(1));
    assert_int_equal(ebb_session_stage(s), STEP); /* one of two */
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(2));
    assert_int_equal(ebb_session_stage(s), GAP);
    assert_false(ebb_session_waiting(s));
    ebb_session_act(s, EBB_ACTION_UNDO, T0 + S(2.5));
    assert_int_equal(ebb_session_stage(s), STEP); /* the press taken back */
    assert_true(ebb_session_waiting(s));
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(3));
    assert_int_equal(ebb_session_stage(s), GAP);
    ebb_session_update(s, T0 + S(3) + EBB_SESSION_STEP_GAP_US - 1);
    assert_int_equal(ebb_session_stage(s), GAP);
    ebb_session_update(s, T0 + S(3) + EBB_SESSION_STEP_GAP_US);
    assert_int_equal(ebb_session_stage(s), STEP);
    struct ebb_session_view v;
    ebb_session_view(s, T0 + S(4.5), &v);
    assert_int_equal(v.step, 1);
    ebb_session_free(s);
}

static void the_last_gap_finishes_and_the_end_shows_the_step_complete(void **state)
{
    (void)state;
    struct fixture f;
    fixture_grounding(&f, 1, EBB_ADVANCE_MANUAL);
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(1));
    assert_int_equal(ebb_session_stage(s), GAP);
    ebb_session_update(s, T0 + S(1) + EBB_SESSION_STEP_GAP_US);
    assert_int_equal(ebb_session_stage(s), FINISHED);
    assert_true(ebb_session_finished(s));
    struct ebb_session_view v;
    ebb_session_view(s, T0 + S(5), &v);
    assert_int_equal(v.state, EBB_SESSION_FINISHED);
    assert_true(v.step_complete);
    ebb_session_free(s);

    /* skipped before its count: the end shows it as it was */
    s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    ebb_session_act(s, EBB_ACTION_SKIP, T0 + S(1));
    assert_int_equal(ebb_session_stage(s), FINISHED);
    ebb_session_view(s, T0 + S(5), &v);
    assert_false(v.step_complete);
    ebb_session_free(s);
}

static void a_timed_step_goes_to_its_gap_by_itself_and_skip_leaves_it(void **state)
{
    (void)state;
    struct fixture f;
    fixture_grounding(&f, 3, EBB_ADVANCE_TIMED);
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    assert_false(ebb_session_waiting(s));
    run_to(s, T0, T0 + S(9.9));
    assert_int_equal(ebb_session_stage(s), STEP);
    run_to(s, T0 + S(9.9), T0 + S(10));
    assert_int_equal(ebb_session_stage(s), GAP);
    ebb_session_act(s, EBB_ACTION_SKIP, T0 + S(10.5)); /* out of the gap: the next step */
    assert_int_equal(ebb_session_stage(s), STEP);
    ebb_session_act(s, EBB_ACTION_SKIP, T0 + S(11)); /* out of a running step */
    assert_int_equal(ebb_session_stage(s), STEP);
    ebb_session_act(s, EBB_ACTION_UNDO, T0 + S(11.5)); /* one back */
    assert_int_equal(ebb_session_stage(s), STEP);
    struct ebb_session_view v;
    ebb_session_view(s, T0 + S(11.5), &v);
    assert_int_equal(v.step, 1);
    ebb_session_free(s);
}

static void pause_keeps_the_stage_in_every_stage_and_press_resumes(void **state)
{
    (void)state;
    struct fixture f;
    fixture_grounding(&f, 2, EBB_ADVANCE_MANUAL);
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(1));
    assert_int_equal(ebb_session_stage(s), GAP);
    ebb_session_act(s, EBB_ACTION_PAUSE, T0 + S(1.1));
    assert_true(ebb_session_paused(s));
    assert_int_equal(ebb_session_stage(s), GAP);
    ebb_session_update(s, T0 + S(30)); /* the gap does not end while paused */
    assert_int_equal(ebb_session_stage(s), GAP);
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(31)); /* resumes; counts nothing */
    assert_false(ebb_session_paused(s));
    assert_int_equal(ebb_session_stage(s), GAP);
    ebb_session_update(s, T0 + S(31) + EBB_SESSION_STEP_GAP_US); /* 0.1 s of it was left */
    assert_int_equal(ebb_session_stage(s), STEP);
    ebb_session_free(s);

    struct fixture b;
    fixture_breathing(&b, 2.0, 1);
    s = ebb_session_new(&b.ex, NULL, NULL, T0, NULL);
    assert_int_equal(ebb_session_stage(s), BREATHING);
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(1)); /* Space pauses breathing */
    assert_true(ebb_session_paused(s));
    assert_int_equal(ebb_session_stage(s), BREATHING);
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(2));
    assert_false(ebb_session_paused(s));
    run_to(s, T0 + S(2), T0 + S(13));
    assert_int_equal(ebb_session_stage(s), FINISHED);
    ebb_session_act(s, EBB_ACTION_PAUSE, T0 + S(14)); /* nothing pauses after the end */
    assert_false(ebb_session_paused(s));
    ebb_session_free(s);
}

static void a_sequence_goes_through_a_transition_between_its_items(void **state)
{
    (void)state;
    struct fixture seq, breath, ground, empty;
    fixture_sequence(&seq, 3, 0.0); /* each transition waits for a key */
    fixture_breathing(&breath, 2.0, 1);
    fixture_grounding(&ground, 1, EBB_ADVANCE_MANUAL);
    fixture_grounding(&empty, 0, EBB_ADVANCE_MANUAL);
    const struct ebb_exercise *items[] = {&breath.ex, &empty.ex, &ground.ex};
    struct ebb_session *s = ebb_session_new(&seq.ex, items, NULL, T0, NULL);
    assert_int_equal(ebb_session_stage(s), BREATHING);
    run_to(s, T0, T0 + S(12));
    assert_int_equal(ebb_session_stage(s), TRANSITION);
    assert_true(ebb_session_waiting(s));
    assert_null(ebb_session_timeline(s));
    ebb_session_act(s, EBB_ACTION_UNDO, T0 + S(13)); /* not a way on */
    assert_int_equal(ebb_session_stage(s), TRANSITION);
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(14)); /* the empty item ends at once */
    assert_int_equal(ebb_session_stage(s), TRANSITION);
    struct ebb_session_view v;
    ebb_session_view(s, T0 + S(14), &v);
    assert_int_equal(v.item, 1);
    assert_ptr_equal(v.next, &ground.ex);
    ebb_session_act(s, EBB_ACTION_SKIP, T0 + S(15));
    assert_int_equal(ebb_session_stage(s), STEP);
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(16));
    assert_int_equal(ebb_session_stage(s), GAP);
    ebb_session_update(s, T0 + S(16) + EBB_SESSION_STEP_GAP_US);
    assert_int_equal(ebb_session_stage(s), FINISHED);
    ebb_session_free(s);
}

static void a_sleep_pauses_a_running_stage_but_not_a_waiting_step(void **state)
{
    (void)state;
    struct fixture f;
    fixture_grounding(&f, 1, EBB_ADVANCE_TIMED);
    struct ebb_session *s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    ebb_session_update(s, T0 + S(1));
    ebb_session_update(s, T0 + S(1) + EBB_SESSION_JUMP_US + 1);
    assert_true(ebb_session_paused(s));
    assert_int_equal(ebb_session_stage(s), STEP);
    ebb_session_free(s);

    fixture_grounding(&f, 1, EBB_ADVANCE_MANUAL);
    s = ebb_session_new(&f.ex, NULL, NULL, T0, NULL);
    ebb_session_update(s, T0 + S(60));
    assert_false(ebb_session_paused(s));
    assert_int_equal(ebb_session_stage(s), STEP);
    ebb_session_free(s);
}

static void a_null_session_reads_as_finished_and_not_paused(void **state)
{
    (void)state;
    assert_int_equal(ebb_session_stage(NULL), FINISHED);
    assert_false(ebb_session_paused(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_table_allows_only_the_moves_a_session_makes),
        cmocka_unit_test(a_manual_step_goes_to_its_gap_at_its_count_and_back_on_undo),
        cmocka_unit_test(the_last_gap_finishes_and_the_end_shows_the_step_complete),
        cmocka_unit_test(a_timed_step_goes_to_its_gap_by_itself_and_skip_leaves_it),
        cmocka_unit_test(pause_keeps_the_stage_in_every_stage_and_press_resumes),
        cmocka_unit_test(a_sequence_goes_through_a_transition_between_its_items),
        cmocka_unit_test(a_sleep_pauses_a_running_stage_but_not_a_waiting_step),
        cmocka_unit_test(a_null_session_reads_as_finished_and_not_paused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
