/* The built-in grounding exercises and the too-much sequence, read by the real loader and
 * run through the session on a virtual clock, pressed for the person whenever the
 * session waits: each loads without a diagnostic, finishes, and lasts what its comments
 * say. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "session.h"
#include "test_session_fixture.h"

#define S(x) ((uint64_t)((x)*1000000.0 + 0.5))
#define FRAME_US 20000u  /* 50 frames a second */
#define PRESS_US 500000u /* a press every half second, when the session waits */
#define LIMIT_US S(3600)

static struct ebb_exercise *load(const char *id)
{
    char path[512];
    snprintf(path, sizeof path, "%s/../exercises/%s.cfg", EBB_TEST_DIR, id);
    struct ebb_diags d;
    ebb_diags_clear(&d);
    struct ebb_exercise *ex = ebb_script_load(path, NULL, &d);
    for (int i = 0; i < d.count; i++) {
        char line[1024];
        print_error("%s\n", ebb_diag_format(&d.items[i], line, sizeof line));
    }
    assert_non_null(ex);
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.warnings, 0);
    assert_string_equal(ex->id, id);
    assert_true(strlen(ex->about) > 100);
    assert_true(strstr(ex->about, "stop") != NULL);
    return ex;
}

/* Runs a session to its end; the events go to r. Returns the end time (0 if none). */
static uint64_t run(const struct ebb_exercise *ex, const struct ebb_exercise *const *items,
                    struct recorded *r)
{
    struct ebb_diags d;
    ebb_diags_clear(&d);
    struct ebb_session *s = ebb_session_new(ex, items, NULL, 0, &d);
    assert_non_null(s);
    r->n = 0;
    uint64_t t = 0;
    while (!ebb_session_finished(s) && t < LIMIT_US) {
        t += FRAME_US;
        if (t % PRESS_US == 0 && ebb_session_waiting(s))
            ebb_session_act(s, EBB_ACTION_PRESS, t);
        else
            ebb_session_update(s, t);
        record_more(s, r);
    }
    assert_true(ebb_session_finished(s));
    ebb_session_free(s);
    assert_in_order(r);
    assert_int_equal(count_kind(r, EBB_EVENT_END), 1);
    const struct ebb_event *end = nth_kind(r, EBB_EVENT_END, 0);
    return end ? end->t_us : 0;
}

static void five_senses_asks_for_five_four_three_two_and_one(void **state)
{
    (void)state;
    struct ebb_exercise *ex = load("five-senses");
    assert_int_equal(ex->kind, EBB_KIND_GROUNDING);
    assert_int_equal(ex->advance, EBB_ADVANCE_MANUAL);
    assert_int_equal(ex->step_count, 5);
    for (int i = 0; i < 5; i++) {
        assert_int_equal(ex->steps[i].count, 5 - i);
        assert_true(ex->steps[i].seconds == 0.0);
    }
    static struct recorded r;
    run(ex, NULL, &r);
    assert_int_equal(count_kind(&r, EBB_EVENT_PRESS), 15);
    assert_int_equal(count_kind(&r, EBB_EVENT_STEP), 5);
    ebb_script_free(ex);
}

static void orienting_waits_for_the_person_at_every_step(void **state)
{
    (void)state;
    struct ebb_exercise *ex = load("orienting");
    int presses = 0;
    for (int i = 0; i < ex->step_count; i++) {
        assert_true(ex->steps[i].seconds == 0.0);
        assert_false(ex->steps[i].taps.present);
        presses += ex->steps[i].count;
    }
    static struct recorded r;
    run(ex, NULL, &r);
    assert_int_equal(count_kind(&r, EBB_EVENT_PRESS), presses);
    ebb_script_free(ex);
}

/* Sum of the timed steps' seconds plus the quiet pause after each. */
static uint64_t timed_length_us(const struct ebb_exercise *ex)
{
    uint64_t us = 0;
    for (int i = 0; i < ex->step_count; i++)
        us += S(ex->steps[i].seconds) + EBB_SESSION_STEP_GAP_US;
    return us;
}

static void body_scan_is_timed_steps_of_twenty_to_forty_seconds_for_about_five_minutes(void **state)
{
    (void)state;
    struct ebb_exercise *ex = load("body-scan");
    assert_int_equal(ex->advance, EBB_ADVANCE_TIMED);
    for (int i = 0; i < ex->step_count; i++) {
        assert_true(ex->steps[i].seconds >= 20.0);
        assert_true(ex->steps[i].seconds <= 40.0);
    }
    static struct recorded r;
    uint64_t end = run(ex, NULL, &r);
    assert_int_equal(end, timed_length_us(ex));
    assert_int_equal(end, S(292));
    assert_int_equal(count_kind(&r, EBB_EVENT_PRESS), 0);
    ebb_script_free(ex);
}

static void muscle_relaxation_tenses_briefly_and_releases_long_in_seven_groups(void **state)
{
    (void)state;
    struct ebb_exercise *ex = load("muscle-relaxation");
    int tense = 0, release = 0;
    for (int i = 0; i < ex->step_count; i++) {
        const struct ebb_step *st = &ex->steps[i];
        if (st->action == EBB_STEP_ACTION_TENSE) {
            tense++;
            assert_true(st->seconds >= 5.0 && st->seconds <= 7.0);
            assert_true(i + 1 < ex->step_count);
            assert_int_equal(ex->steps[i + 1].action, EBB_STEP_ACTION_RELEASE);
        } else if (st->action == EBB_STEP_ACTION_RELEASE) {
            release++;
            assert_true(st->seconds >= 20.0 && st->seconds <= 30.0);
        }
    }
    assert_int_equal(tense, 7);
    assert_int_equal(release, 7);
    assert_true(strstr(ex->about, "hurts") != NULL);
    static struct recorded r;
    uint64_t end = run(ex, NULL, &r);
    assert_int_equal(end, S(247));
    ebb_script_free(ex);
}

static void butterfly_hug_taps_left_and_right_in_six_sets_of_eight(void **state)
{
    (void)state;
    struct ebb_exercise *ex = load("butterfly-hug");
    const struct ebb_step *tp = NULL;
    for (int i = 0; i < ex->step_count; i++)
        if (ex->steps[i].taps.present)
            tp = &ex->steps[i];
    assert_non_null(tp);
    assert_true(tp->taps.alternate);
    static struct recorded r;
    run(ex, NULL, &r);
    int taps = 0, left = 0;
    for (int i = 0; i < r.n; i++)
        if (r.ev[i].kind == EBB_EVENT_CUE && r.ev[i].side != EBB_SIDE_NONE) {
            taps++;
            left += r.ev[i].side == EBB_SIDE_LEFT;
        }
    assert_int_equal(taps, tp->taps.per_set * tp->taps.sets);
    assert_int_equal(left, taps / 2);
    ebb_script_free(ex);
}

static void feet_on_floor_lasts_about_a_minute(void **state)
{
    (void)state;
    struct ebb_exercise *ex = load("feet-on-floor");
    assert_int_equal(ex->advance, EBB_ADVANCE_TIMED);
    static struct recorded r;
    uint64_t end = run(ex, NULL, &r);
    assert_int_equal(end, S(59.8));
    assert_float_equal(ebb_session_grounding_length_s(ex), 59.8, 1e-9);
    ebb_script_free(ex);
}

static void too_much_runs_orienting_five_senses_and_long_exhale_waiting_between(void **state)
{
    (void)state;
    struct ebb_exercise *seq = load("too-much");
    assert_int_equal(seq->kind, EBB_KIND_SEQUENCE);
    assert_int_equal(seq->item_count, 3);
    struct ebb_exercise *items[3];
    for (int i = 0; i < 3; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/../exercises/%s.cfg", EBB_TEST_DIR, seq->items[i]);
        struct ebb_diags d;
        ebb_diags_clear(&d);
        items[i] = ebb_script_load(path, NULL, &d);
        assert_non_null(items[i]);
    }
    assert_string_equal(items[0]->id, "orienting");
    assert_string_equal(items[1]->id, "five-senses");
    assert_string_equal(items[2]->id, "long-exhale");
    static struct recorded r;
    run(seq, (const struct ebb_exercise *const *)items, &r);
    assert_int_equal(count_kind(&r, EBB_EVENT_TRANSITION), 2);
    assert_string_equal(nth_kind(&r, EBB_EVENT_TRANSITION, 0)->text, items[1]->title);
    assert_string_equal(nth_kind(&r, EBB_EVENT_TRANSITION, 1)->text, items[2]->title);
    /* between items it waits for the person: the breathing item starts at the press
     * after the second transition, not after a few seconds by itself */
    assert_true(seq->pause_s == 0.0);
    uint64_t prepare = nth_kind(&r, EBB_EVENT_PREPARE, 0)->t_us;
    assert_true(prepare > nth_kind(&r, EBB_EVENT_TRANSITION, 1)->t_us);
    assert_int_equal(prepare % PRESS_US, 0);
    for (int i = 0; i < 3; i++)
        ebb_script_free(items[i]);
    ebb_script_free(seq);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(five_senses_asks_for_five_four_three_two_and_one),
        cmocka_unit_test(orienting_waits_for_the_person_at_every_step),
        cmocka_unit_test(
            body_scan_is_timed_steps_of_twenty_to_forty_seconds_for_about_five_minutes),
        cmocka_unit_test(muscle_relaxation_tenses_briefly_and_releases_long_in_seven_groups),
        cmocka_unit_test(butterfly_hug_taps_left_and_right_in_six_sets_of_eight),
        cmocka_unit_test(feet_on_floor_lasts_about_a_minute),
        cmocka_unit_test(too_much_runs_orienting_five_senses_and_long_exhale_waiting_between),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
