/* Tests of live reload in engine/core/session.c (ebb_session_reload) on a virtual
 * clock: a saved edit takes effect at the next cycle boundary (grounding: the next
 * step), the old version runs until then, and every time stays exact. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "session.h"
#include "test_session_fixture.h"

/* A clock far from 0, so a mix-up of clock time and session time shows. */
#define T0 5000000000ull
#define S(x) ((uint64_t)((x)*1000000.0 + 0.5))

/* The fixture's breathing exercise with other phase lengths (the "saved edit"). */
static void edited(struct fixture *f, double prepare_s, int cycles, double in_s, double out_s)
{
    fixture_breathing(f, prepare_s, cycles);
    f->phases[0].seconds = in_s;
    f->phases[1].seconds = out_s;
}

/* Times of every PHASE event, in seconds as integers of microseconds. */
static int phase_times(const struct recorded *r, uint64_t *out, int max)
{
    int n = 0;
    for (int i = 0; i < r->n && n < max; i++)
        if (r->ev[i].kind == EBB_EVENT_PHASE)
            out[n++] = r->ev[i].t_us;
    return n;
}

static void a_valid_edit_takes_effect_at_the_next_cycle_boundary(void **state)
{
    (void)state;
    struct fixture old, neu;
    fixture_breathing(&old, 2.0, 5); /* cycles of 4 + 6 s from 2 s: 2, 12, 22... */
    edited(&neu, 2.0, 5, 3.0, 3.0);
    struct ebb_session *s = ebb_session_new(&old.ex, NULL, NULL, T0, NULL);
    assert_non_null(s);
    run_to(s, T0, T0 + S(5));
    struct ebb_diags d = {0};
    assert_int_equal(ebb_session_reload(s, &neu.ex, T0 + S(5), &d), 0);
    assert_int_equal(d.count, 0);

    struct ebb_session_reload_info info;
    ebb_session_reload_info(s, &info);
    assert_true(info.pending);
    assert_int_equal(info.applied, 0);
    assert_int_equal(info.pending_at_us, S(12));
    assert_non_null(info.pending_plan);
    assert_int_equal(info.pending_sound_us, S(12));
    assert_int_equal(info.pending_offset_us, S(8)); /* the new plan's cycle 1 starts at 8 s */

    /* the old version runs until the boundary */
    run_to(s, T0 + S(5), T0 + S(11.9));
    struct ebb_session_view v;
    ebb_session_view(s, T0 + S(11.9), &v);
    assert_int_equal(v.frame.kind, EBB_PHASE_EXHALE);
    assert_int_equal(v.frame.cycle, 0);
    assert_true(v.frame.phase_left_s > 0.09 && v.frame.phase_left_s < 0.11);
    assert_ptr_equal(v.ex, &old.ex);

    run_to(s, T0 + S(11.9), T0 + S(40));
    ebb_session_reload_info(s, &info);
    assert_false(info.pending);
    assert_int_equal(info.applied, 1);
    assert_int_equal(info.applied_at_us, S(12));
    assert_int_equal(info.applied_mark, 1);
    assert_int_equal(info.rebase_us, S(12));

    struct recorded r;
    record(s, &r);
    uint64_t t[32];
    int n = phase_times(&r, t, 32);
    /* old: in 2, out 6; new from 12: cycles 1..4 of 3 + 3 s, ending at 36 */
    const double want[] = {2, 6, 12, 15, 18, 21, 24, 27, 30, 33};
    assert_int_equal(n, (int)(sizeof want / sizeof want[0]));
    for (int i = 0; i < n; i++)
        assert_int_equal(t[i], S(want[i]));
    assert_int_equal(count_kind(&r, EBB_EVENT_PREPARE), 1); /* no second prepare... */
    assert_int_equal(count_kind(&r, EBB_EVENT_END), 1);
    assert_int_equal(nth_kind(&r, EBB_EVENT_END, 0)->t_us, S(36));
    int bells = 0;
    for (int i = 0; i < r.n; i++)
        bells += r.ev[i].kind == EBB_EVENT_CUE && r.ev[i].sound == EBB_SOUND_BELL;
    assert_int_equal(bells, 2); /* ...and no second start bell: the first and the end */
    assert_true(ebb_session_finished(s));
    ebb_session_free(s);
}

static void the_picture_follows_the_new_plan_with_cycles_counted_on(void **state)
{
    (void)state;
    struct fixture old, neu;
    fixture_breathing(&old, 2.0, 5);
    edited(&neu, 2.0, 5, 3.0, 3.0);
    struct ebb_session *s = ebb_session_new(&old.ex, NULL, NULL, T0, NULL);
    const struct ebb_timeline *first = ebb_session_timeline(s);
    run_to(s, T0, T0 + S(5));
    assert_int_equal(ebb_session_reload(s, &neu.ex, T0 + S(5), NULL), 0);
    run_to(s, T0 + S(5), T0 + S(16));
    struct ebb_session_view v;
    ebb_session_view(s, T0 + S(16), &v); /* 1 s into the new exhale of cycle 1 */
    assert_ptr_equal(v.ex, &neu.ex);
    assert_int_equal(v.frame.kind, EBB_PHASE_EXHALE);
    assert_int_equal(v.frame.cycle, 1);
    assert_int_equal(v.frame.cycle_count, 5);
    assert_true(v.frame.phase_left_s > 1.99 && v.frame.phase_left_s < 2.01);
    assert_true(v.frame.session_left_s > 19.99 && v.frame.session_left_s < 20.01);
    assert_int_equal(v.item_elapsed_us, S(16)); /* real time in the item goes on */
    const struct ebb_timeline *now = ebb_session_timeline(s);
    assert_ptr_not_equal(now, first);
    assert_ptr_equal(now->ex, &neu.ex);
    /* the replaced plan is still whole: the audio may read it until the session ends */
    assert_int_equal(first->end_us, S(52));
    assert_int_equal(ebb_session_origin_us(s), T0 + S(12) - 0); /* re-based at the boundary */
    ebb_session_free(s);
}

static void a_pause_before_the_boundary_moves_it_and_times_stay_exact(void **state)
{
    (void)state;
    struct fixture old, neu;
    fixture_breathing(&old, 2.0, 5);
    edited(&neu, 2.0, 5, 3.0, 3.0);
    struct ebb_session *s = ebb_session_new(&old.ex, NULL, NULL, T0, NULL);
    run_to(s, T0, T0 + S(5));
    assert_int_equal(ebb_session_reload(s, &neu.ex, T0 + S(5), NULL), 0);
    run_to(s, T0 + S(5), T0 + S(7));
    ebb_session_act(s, EBB_ACTION_PAUSE, T0 + S(7));
    ebb_session_act(s, EBB_ACTION_PAUSE, T0 + S(10)); /* 3 s paused */
    struct ebb_session_reload_info info;
    ebb_session_reload_info(s, &info);
    assert_int_equal(info.pending_at_us, S(15));
    run_to(s, T0 + S(10), T0 + S(45));
    struct recorded r;
    record(s, &r);
    uint64_t t[32];
    int n = phase_times(&r, t, 32);
    const double want[] = {2, 6, 15, 18, 21, 24, 27, 30, 33, 36};
    assert_int_equal(n, (int)(sizeof want / sizeof want[0]));
    for (int i = 0; i < n; i++)
        assert_int_equal(t[i], S(want[i]));
    assert_int_equal(nth_kind(&r, EBB_EVENT_END, 0)->t_us, S(39));
    ebb_session_free(s);
}

static void an_edit_during_prepare_takes_effect_when_prepare_ends(void **state)
{
    (void)state;
    struct fixture old, neu;
    fixture_breathing(&old, 2.0, 2);
    edited(&neu, 5.0, 2, 3.0, 3.0); /* a longer prepare in the edit changes nothing now */
    struct ebb_session *s = ebb_session_new(&old.ex, NULL, NULL, T0, NULL);
    run_to(s, T0, T0 + S(1));
    assert_int_equal(ebb_session_reload(s, &neu.ex, T0 + S(1), NULL), 0);
    run_to(s, T0 + S(1), T0 + S(20));
    struct recorded r;
    record(s, &r);
    uint64_t t[16];
    int n = phase_times(&r, t, 16);
    const double want[] = {2, 5, 8, 11};
    assert_int_equal(n, 4);
    for (int i = 0; i < n; i++)
        assert_int_equal(t[i], S(want[i]));
    assert_int_equal(nth_kind(&r, EBB_EVENT_END, 0)->t_us, S(14));
    ebb_session_free(s);
}

static void an_edit_with_fewer_cycles_than_are_done_ends_at_the_boundary(void **state)
{
    (void)state;
    struct fixture old, neu;
    fixture_breathing(&old, 2.0, 5);
    edited(&neu, 2.0, 2, 4.0, 6.0); /* 2 cycles, while cycle 2 (0-based) runs */
    struct ebb_session *s = ebb_session_new(&old.ex, NULL, NULL, T0, NULL);
    run_to(s, T0, T0 + S(25));
    assert_int_equal(ebb_session_reload(s, &neu.ex, T0 + S(25), NULL), 0);
    run_to(s, T0 + S(25), T0 + S(31.9));
    assert_false(ebb_session_finished(s));
    run_to(s, T0 + S(31.9), T0 + S(32));
    assert_true(ebb_session_finished(s));
    struct recorded r;
    record(s, &r);
    assert_int_equal(count_kind(&r, EBB_EVENT_END), 1);
    assert_int_equal(nth_kind(&r, EBB_EVENT_END, 0)->t_us, S(32));
    assert_int_equal(count_kind(&r, EBB_EVENT_PHASE), 6); /* three whole cycles */
    ebb_session_free(s);
}

static void saving_again_before_the_boundary_replaces_the_waiting_version(void **state)
{
    (void)state;
    struct fixture old, first, second;
    fixture_breathing(&old, 2.0, 3);
    edited(&first, 2.0, 3, 3.0, 3.0);
    edited(&second, 2.0, 3, 2.0, 2.0);
    struct ebb_session *s = ebb_session_new(&old.ex, NULL, NULL, T0, NULL);
    run_to(s, T0, T0 + S(5));
    assert_int_equal(ebb_session_reload(s, &first.ex, T0 + S(5), NULL), 0);
    run_to(s, T0 + S(5), T0 + S(8));
    assert_int_equal(ebb_session_reload(s, &second.ex, T0 + S(8), NULL), 0);
    run_to(s, T0 + S(8), T0 + S(30));
    struct recorded r;
    record(s, &r);
    uint64_t t[16];
    int n = phase_times(&r, t, 16);
    const double want[] = {2, 6, 12, 14, 16, 18};
    assert_int_equal(n, 6);
    for (int i = 0; i < n; i++)
        assert_int_equal(t[i], S(want[i]));
    assert_int_equal(nth_kind(&r, EBB_EVENT_END, 0)->t_us, S(20));
    struct ebb_session_reload_info info;
    ebb_session_reload_info(s, &info);
    assert_int_equal(info.applied, 1);
    ebb_session_free(s);
}

static bool read_by_nobody(const struct ebb_timeline *tl, void *ctx)
{
    (void)tl;
    (void)ctx;
    return false;
}

static bool read_if_listed(const struct ebb_timeline *tl, void *ctx)
{
    return tl == *(const struct ebb_timeline **)ctx;
}

/* A version replaced before its boundary is held only by its retired plan: once the
 * sound no longer reads that plan it can go, and the session no longer holds the
 * version, so the caller may free it. */
static void a_replaced_version_is_let_go_once_its_plan_is_unread(void **state)
{
    (void)state;
    struct fixture old, first, second;
    fixture_breathing(&old, 2.0, 3);
    edited(&first, 2.0, 3, 3.0, 3.0);
    edited(&second, 2.0, 3, 2.0, 2.0);
    struct ebb_session *s = ebb_session_new(&old.ex, NULL, NULL, T0, NULL);
    run_to(s, T0, T0 + S(5));
    assert_int_equal(ebb_session_reload(s, &first.ex, T0 + S(5), NULL), 0);
    struct ebb_session_reload_info info;
    ebb_session_reload_info(s, &info);
    const struct ebb_timeline *first_plan = info.pending_plan;
    assert_int_equal(ebb_session_reload(s, &second.ex, T0 + S(6), NULL), 0);
    assert_true(ebb_session_uses(s, &old.ex));    /* running */
    assert_true(ebb_session_uses(s, &second.ex)); /* waiting */
    assert_true(ebb_session_uses(s, &first.ex));  /* its replaced plan is kept */
    ebb_session_drop_retired(s, read_if_listed, &first_plan);
    assert_true(ebb_session_uses(s, &first.ex)); /* the sound still reads that plan */
    ebb_session_drop_retired(s, read_by_nobody, NULL);
    assert_false(ebb_session_uses(s, &first.ex));
    assert_true(ebb_session_uses(s, &second.ex));
    /* the session runs on to its end as before */
    run_to(s, T0 + S(6), T0 + S(30));
    assert_true(ebb_session_finished(s));
    assert_false(ebb_session_uses(s, &first.ex));
    ebb_session_free(s);
}

static void an_edit_that_cannot_run_is_refused_and_the_old_version_runs_on(void **state)
{
    (void)state;
    struct fixture old, other;
    fixture_breathing(&old, 2.0, 2);
    fixture_grounding(&other, 3, EBB_ADVANCE_MANUAL);
    other.ex.id = (char *)"long-exhale";
    struct ebb_session *s = ebb_session_new(&old.ex, NULL, NULL, T0, NULL);
    run_to(s, T0, T0 + S(5));
    struct ebb_diags d = {0};
    assert_int_equal(ebb_session_reload(s, &other.ex, T0 + S(5), &d), -1);
    assert_int_equal(d.errors, 1);
    assert_non_null(strstr(d.items[0].message, "kind changed"));
    struct ebb_session_reload_info info;
    ebb_session_reload_info(s, &info);
    assert_false(info.pending);
    run_to(s, T0 + S(5), T0 + S(30));
    struct recorded r;
    record(s, &r);
    assert_int_equal(nth_kind(&r, EBB_EVENT_END, 0)->t_us, S(22)); /* as first planned */
    assert_int_equal(count_kind(&r, EBB_EVENT_PHASE), 4);
    ebb_session_free(s);
}

static void a_finished_session_has_nothing_to_reload(void **state)
{
    (void)state;
    struct fixture old, neu;
    fixture_breathing(&old, 1.0, 1);
    edited(&neu, 1.0, 1, 3.0, 3.0);
    struct ebb_session *s = ebb_session_new(&old.ex, NULL, NULL, T0, NULL);
    run_to(s, T0, T0 + S(12));
    assert_true(ebb_session_finished(s));
    assert_int_equal(ebb_session_reload(s, &neu.ex, T0 + S(12), NULL), 1);
    ebb_session_free(s);
}

static void a_grounding_edit_takes_effect_at_the_next_step(void **state)
{
    (void)state;
    struct fixture old, neu;
    fixture_grounding(&old, 3, EBB_ADVANCE_MANUAL);
    fixture_grounding(&neu, 4, EBB_ADVANCE_MANUAL);
    neu.steps[1].prompt = (char *)"Notice something soft";
    neu.steps[0].prompt = (char *)"Changed, but already past";
    struct ebb_session *s = ebb_session_new(&old.ex, NULL, NULL, T0, NULL);
    run_to(s, T0, T0 + S(1));
    assert_int_equal(ebb_session_reload(s, &neu.ex, T0 + S(1), NULL), 0);
    struct ebb_session_view v;
    ebb_session_view(s, T0 + S(1), &v);
    assert_string_equal(v.ex->steps[v.step].prompt, "Notice one thing you can see");
    ebb_session_act(s, EBB_ACTION_PRESS, T0 + S(2)); /* completes step 0 */
    run_to(s, T0 + S(2), T0 + S(4));                 /* the quiet pause, then step 1 */
    ebb_session_view(s, T0 + S(4), &v);
    assert_int_equal(v.step, 1);
    assert_int_equal(v.step_count, 4);
    assert_string_equal(v.ex->steps[v.step].prompt, "Notice something soft");
    struct ebb_session_reload_info info;
    ebb_session_reload_info(s, &info);
    assert_int_equal(info.applied, 1);
    assert_int_equal(info.applied_mark, 1);
    assert_int_equal(info.applied_at_us, S(2) + EBB_SESSION_STEP_GAP_US);
    ebb_session_free(s);
}

static void a_running_sequence_is_not_reloaded(void **state)
{
    (void)state;
    struct fixture seq, a, b;
    fixture_sequence(&seq, 2, 0.0);
    fixture_breathing(&a, 1.0, 1);
    fixture_grounding(&b, 1, EBB_ADVANCE_MANUAL);
    const struct ebb_exercise *items[] = {&a.ex, &b.ex};
    struct ebb_session *s = ebb_session_new(&seq.ex, items, NULL, T0, NULL);
    assert_non_null(s);
    struct ebb_diags d = {0};
    assert_int_equal(ebb_session_reload(s, &seq.ex, T0 + S(1), &d), -1);
    assert_int_equal(d.errors, 1);
    ebb_session_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_valid_edit_takes_effect_at_the_next_cycle_boundary),
        cmocka_unit_test(the_picture_follows_the_new_plan_with_cycles_counted_on),
        cmocka_unit_test(a_pause_before_the_boundary_moves_it_and_times_stay_exact),
        cmocka_unit_test(an_edit_during_prepare_takes_effect_when_prepare_ends),
        cmocka_unit_test(an_edit_with_fewer_cycles_than_are_done_ends_at_the_boundary),
        cmocka_unit_test(saving_again_before_the_boundary_replaces_the_waiting_version),
        cmocka_unit_test(a_replaced_version_is_let_go_once_its_plan_is_unread),
        cmocka_unit_test(an_edit_that_cannot_run_is_refused_and_the_old_version_runs_on),
        cmocka_unit_test(a_finished_session_has_nothing_to_reload),
        cmocka_unit_test(a_grounding_edit_takes_effect_at_the_next_step),
        cmocka_unit_test(a_running_sequence_is_not_reloaded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
