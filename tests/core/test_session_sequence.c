/* Tests of engine/core/session.c: sequences (items one after another, transitions that
 * wait a pause or a press), and event order across a whole mixed session. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "session.h"
#include "test_session_fixture.h"

#define T0 9000000000ull
#define S(x) ((uint64_t)((x)*1000000.0 + 0.5))

/* A breathing item (prepare 2 s, one 10 s cycle: 12 s) and a one-step manual item. */
struct two {
    struct fixture seq, breath, ground;
    const struct ebb_exercise *items[2];
};

static void two_items(struct two *t, bool breathing_first, double pause_s)
{
    fixture_sequence(&t->seq, 2, pause_s);
    fixture_breathing(&t->breath, 2.0, 1);
    fixture_grounding(&t->ground, 1, EBB_ADVANCE_MANUAL);
    t->items[0] = breathing_first ? &t->breath.ex : &t->ground.ex;
    t->items[1] = breathing_first ? &t->ground.ex : &t->breath.ex;
}

/* The header between items names the sequence, not the item that just ended. */
static void the_view_names_the_sequence_between_items_and_nothing_for_one_exercise(void **state)
{
    (void)state;
    struct two t;
    two_items(&t, true, 3.0);
    struct ebb_session *s = ebb_session_new(&t.seq.ex, t.items, NULL, T0, NULL);
    struct ebb_session_view v;
    ebb_session_view(s, T0, &v);
    assert_ptr_equal(v.sequence, &t.seq.ex);
    run_to(s, T0, T0 + S(13));
    ebb_session_view(s, T0 + S(13), &v);
    assert_true(v.in_transition);
    assert_ptr_equal(v.sequence, &t.seq.ex);
    ebb_session_free(s);

    struct ebb_session *one = ebb_session_new(&t.breath.ex, NULL, NULL, T0, NULL);
    ebb_session_view(one, T0, &v);
    assert_null(v.sequence);
    ebb_session_free(one);
}

static void a_sequence_moves_on_after_its_pause(void **state)
{
    (void)state;
    struct two t;
    two_items(&t, true, 3.0);
    struct ebb_session *s = ebb_session_new(&t.seq.ex, t.items, NULL, T0, NULL);
    assert_non_null(s);
    struct ebb_session_view v;
    ebb_session_view(s, T0, &v);
    assert_int_equal(v.item, 0);
    assert_int_equal(v.item_count, 2);
    assert_ptr_equal(v.ex, &t.breath.ex);

    run_to(s, T0, T0 + S(13));
    ebb_session_view(s, T0 + S(13), &v);
    assert_int_equal(v.state, EBB_SESSION_TRANSITION);
    assert_true(v.in_transition);
    assert_ptr_equal(v.next, &t.ground.ex);
    assert_float_equal(v.transition_left_s, 2.0, 1e-9);
    assert_true(v.frame.done); /* the breathing item that ended, as it ended */
    assert_null(ebb_session_timeline(s));
    assert_false(ebb_session_waiting(s));

    run_to(s, T0 + S(13), T0 + S(15) - 1);
    ebb_session_view(s, T0 + S(15) - 1, &v);
    assert_int_equal(v.state, EBB_SESSION_TRANSITION);
    ebb_session_update(s, T0 + S(15));
    ebb_session_view(s, T0 + S(15), &v);
    assert_int_equal(v.state, EBB_SESSION_RUNNING);
    assert_false(v.in_transition);
    assert_int_equal(v.item, 1);
    assert_ptr_equal(v.ex, &t.ground.ex);
    assert_int_equal(v.item_elapsed_us, 0);

    struct recorded r;
    record(s, &r);
    assert_in_order(&r);
    const struct ebb_event *tr = nth_kind(&r, EBB_EVENT_TRANSITION, 0);
    assert_non_null(tr);
    assert_int_equal(tr->t_us, S(12));
    assert_string_equal(tr->text, t.ground.ex.title);
    assert_int_equal(count_kind(&r, EBB_EVENT_END), 0); /* one end, at the very end */
    assert_int_equal(nth_kind(&r, EBB_EVENT_STEP, 0)->t_us, S(15));

    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(16));
    run_to(s, T0 + S(16), T0 + S(16) + EBB_SESSION_STEP_GAP_US);
    assert_true(ebb_session_finished(s));
    record(s, &r);
    assert_int_equal(count_kind(&r, EBB_EVENT_END), 1);
    assert_int_equal(nth_kind(&r, EBB_EVENT_END, 0)->t_us, S(16) + EBB_SESSION_STEP_GAP_US);
    ebb_session_free(s);
}

static void a_sequence_with_no_pause_waits_for_a_press(void **state)
{
    (void)state;
    struct two t;
    two_items(&t, false, 0.0);
    struct ebb_session *s = ebb_session_new(&t.seq.ex, t.items, NULL, T0, NULL);
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(1));
    uint64_t tr = S(1) + EBB_SESSION_STEP_GAP_US;
    run_to(s, T0 + S(1), T0 + tr);
    assert_true(ebb_session_waiting(s));

    /* it waits as long as it takes, and a long wait is no sleep */
    ebb_session_update(s, T0 + S(60));
    struct ebb_session_view v;
    ebb_session_view(s, T0 + S(60), &v);
    assert_int_equal(v.state, EBB_SESSION_TRANSITION);
    assert_float_equal(v.transition_left_s, 0.0, 1e-9);

    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(61));
    ebb_session_view(s, T0 + S(61), &v);
    assert_int_equal(v.state, EBB_SESSION_RUNNING);
    assert_int_equal(v.item, 1);
    struct recorded r;
    record(s, &r);
    assert_int_equal(nth_kind(&r, EBB_EVENT_TRANSITION, 0)->t_us, tr);
    assert_string_equal(nth_kind(&r, EBB_EVENT_TRANSITION, 0)->text, t.breath.ex.title);
    assert_int_equal(nth_kind(&r, EBB_EVENT_PREPARE, 0)->t_us, S(61));
    ebb_session_free(s);
}

static void a_breathing_item_inside_a_sequence_runs_its_own_plan(void **state)
{
    (void)state;
    struct two t;
    two_items(&t, false, 0.0);
    struct ebb_timeline_options opt;
    ebb_timeline_options_default(&opt);
    opt.cycles = 5; /* a length is for one exercise: the item keeps its own */
    struct ebb_session *s = ebb_session_new(&t.seq.ex, t.items, &opt, T0, NULL);
    assert_null(ebb_session_timeline(s));
    ebb_session_act(s, EBB_ACTION_SKIP, T0 + S(1));
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(2));

    const struct ebb_timeline *tl = ebb_session_timeline(s);
    assert_non_null(tl);
    assert_ptr_equal(tl->ex, &t.breath.ex);
    assert_int_equal(tl->cycle_count, 1);
    assert_int_equal(ebb_session_origin_us(s), T0 + S(2));

    run_to(s, T0 + S(2), T0 + S(8));
    struct ebb_session_view v;
    ebb_session_view(s, T0 + S(8), &v);
    assert_int_equal(v.frame.t_us, S(6));
    assert_int_equal(v.item_elapsed_us, S(6));
    assert_int_equal(v.frame.kind, EBB_PHASE_EXHALE);

    run_to(s, T0 + S(8), T0 + S(14));
    assert_true(ebb_session_finished(s));
    struct recorded r;
    record(s, &r);
    assert_in_order(&r);
    assert_int_equal(nth_kind(&r, EBB_EVENT_PHASE, 0)->t_us, S(4));
    assert_int_equal(nth_kind(&r, EBB_EVENT_END, 0)->t_us, S(14));
    assert_int_equal(count_kind(&r, EBB_EVENT_END), 1);
    ebb_session_free(s);
}

static void pausing_a_transition_holds_its_countdown(void **state)
{
    (void)state;
    struct two t;
    two_items(&t, false, 4.0);
    struct ebb_session *s = ebb_session_new(&t.seq.ex, t.items, NULL, T0, NULL);
    ebb_session_act(s, EBB_ACTION_SKIP, T0); /* the transition starts at 0 */
    run_to(s, T0, T0 + S(1));
    ebb_session_act(s, EBB_ACTION_PAUSE, T0 + S(1));
    run_to(s, T0 + S(1), T0 + S(10));
    struct ebb_session_view v;
    ebb_session_view(s, T0 + S(10), &v);
    assert_int_equal(v.state, EBB_SESSION_PAUSED);
    assert_true(v.in_transition);
    assert_ptr_equal(v.next, &t.breath.ex);
    assert_float_equal(v.transition_left_s, 3.0, 1e-9);
    ebb_session_act(s, EBB_ACTION_PAUSE, T0 + S(10));
    run_to(s, T0 + S(10), T0 + S(13));
    assert_int_equal(ebb_session_origin_us(s), T0 + S(13));
    ebb_session_free(s);
}

static void a_sequence_without_its_items_or_with_a_sequence_inside_does_not_start(void **state)
{
    (void)state;
    struct two t;
    two_items(&t, true, 1.0);
    struct ebb_diags d = {0};
    assert_null(ebb_session_new(&t.seq.ex, NULL, NULL, T0, &d));
    assert_int_equal(d.errors, 1);

    struct fixture inner;
    fixture_sequence(&inner, 2, 0.0);
    t.items[1] = &inner.ex;
    ebb_diags_clear(&d);
    assert_null(ebb_session_new(&t.seq.ex, t.items, NULL, T0, &d));
    assert_int_equal(d.errors, 1);
    assert_non_null(strstr(d.items[0].message, "sequence"));
}

static void freeing_in_the_middle_of_a_sequence_is_clean(void **state)
{
    (void)state;
    struct two t;
    two_items(&t, true, 2.0);
    for (int stop = 0; stop < 20; stop++) {
        struct ebb_session *s = ebb_session_new(&t.seq.ex, t.items, NULL, T0, NULL);
        assert_non_null(s);
        run_to(s, T0, T0 + S(stop));
        ebb_session_free(s); /* events left in the queue, a plan still held */
    }
    ebb_session_free(NULL);
}

/* Three items: timed steps and taps, breathing, manual steps; pressed every 0.7 s. */
static void every_event_of_a_mixed_sequence_is_in_time_order(void **state)
{
    (void)state;
    struct fixture seq, a, b, c;
    fixture_sequence(&seq, 3, 0.0);
    fixture_grounding(&a, 3, EBB_ADVANCE_TIMED);
    a.steps[1].seconds = 0.0;
    a.steps[1].taps = (struct ebb_taps){
        .present = true, .rate = 1.5, .per_set = 4, .sets = 3, .rest_s = 2.0, .alternate = true};
    fixture_breathing(&b, 3.0, 3);
    fixture_grounding(&c, 5, EBB_ADVANCE_MANUAL);
    for (int i = 0; i < 5; i++)
        c.steps[i].count = 5 - i;
    const struct ebb_exercise *items[3] = {&a.ex, &b.ex, &c.ex};
    struct ebb_session *s = ebb_session_new(&seq.ex, items, NULL, T0, NULL);
    struct recorded r = {.n = 0};
    uint64_t t = 0;
    for (int frame = 0; !ebb_session_finished(s) && frame < 20000; frame++) {
        t += S(1.0 / 30.0);
        if (frame % 21 == 0 && (ebb_session_waiting(s) || frame % 42 == 0))
            ebb_session_act(s, EBB_ACTION_PRESS, T0 + t);
        else
            ebb_session_update(s, T0 + t);
        record_more(s, &r);
    }
    assert_true(ebb_session_finished(s));
    assert_in_order(&r);
    assert_int_equal(count_kind(&r, EBB_EVENT_TRANSITION), 2);
    assert_int_equal(count_kind(&r, EBB_EVENT_END), 1);
    assert_int_equal(r.ev[r.n - 2].kind, EBB_EVENT_END);
    assert_int_equal(count_kind(&r, EBB_EVENT_STEP), 3 + 5);
    assert_int_equal(count_kind(&r, EBB_EVENT_PRESS), 5 + 4 + 3 + 2 + 1);
    assert_int_equal(count_kind(&r, EBB_EVENT_PREPARE), 1);
    ebb_session_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_sequence_moves_on_after_its_pause),
        cmocka_unit_test(the_view_names_the_sequence_between_items_and_nothing_for_one_exercise),
        cmocka_unit_test(a_sequence_with_no_pause_waits_for_a_press),
        cmocka_unit_test(a_breathing_item_inside_a_sequence_runs_its_own_plan),
        cmocka_unit_test(pausing_a_transition_holds_its_countdown),
        cmocka_unit_test(a_sequence_without_its_items_or_with_a_sequence_inside_does_not_start),
        cmocka_unit_test(freeing_in_the_middle_of_a_sequence_is_clean),
        cmocka_unit_test(every_event_of_a_mixed_sequence_is_in_time_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
