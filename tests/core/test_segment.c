/* Tests of engine/core/segment.c: a plan's events on a reader's clock, a resumed plan
 * without its prepare row and first bell, and reading up to an instant in batches. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "segment.h"
#include "test_session_fixture.h"

#define S(x) ((uint64_t)((x)*1000000.0 + 0.5))

struct plan {
    struct fixture f;
    struct ebb_timeline tl;
};

/* prepare 2 s, then 3 cycles of 4 s in, 6 s out: 32 s. */
static void plan_init(struct plan *p)
{
    fixture_breathing(&p->f, 2.0, 3);
    struct ebb_timeline_options o;
    ebb_timeline_options_default(&o);
    assert_int_equal(ebb_timeline_init(&p->tl, &p->f.ex, &o, NULL), 0);
}

static void a_segment_moves_its_plans_events_onto_the_readers_clock(void **state)
{
    (void)state;
    struct plan p;
    plan_init(&p);
    struct ebb_event plan_ev[64], ev[64];
    size_t n = ebb_breath_events(&p.tl, 0, p.tl.end_us + 1, plan_ev, 64);
    struct ebb_segment g = {&p.tl, S(100), 0, false};
    assert_int_equal(ebb_segment_events(&g, 0, UINT64_MAX, ev, 64), n);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(ev[i].t_us, plan_ev[i].t_us + S(100));
        assert_int_equal(ev[i].kind, plan_ev[i].kind);
    }
    /* nothing before the segment starts */
    assert_int_equal(ebb_segment_events(&g, 0, S(100), ev, 64), 0);
    /* from a cycle start: plan time 12 s stands at reader time 50 s */
    struct ebb_segment h = {&p.tl, S(50), S(12), false};
    size_t k = ebb_segment_events(&h, S(50), S(50) + 1, ev, 64);
    assert_true(k >= 1);
    assert_int_equal(ev[0].t_us, S(50));
    assert_int_equal(ev[0].kind, EBB_EVENT_PHASE);
    assert_int_equal(ev[0].phase, EBB_PHASE_INHALE);
    ebb_timeline_deinit(&p.tl);
}

static void a_resumed_plan_leaves_out_its_prepare_row_and_first_bell(void **state)
{
    (void)state;
    struct plan p;
    plan_init(&p);
    struct ebb_event ev[64];
    struct ebb_segment fresh = {&p.tl, 0, 0, false};
    struct ebb_segment resumed = {&p.tl, 0, 0, true};
    size_t all = ebb_segment_events(&fresh, 0, UINT64_MAX, NULL, 0);
    size_t rest = ebb_segment_events(&resumed, 0, UINT64_MAX, ev, 64);
    assert_int_equal(rest, all - 2); /* the count agrees with what is written */
    for (size_t i = 0; i < rest; i++) {
        assert_int_not_equal(ev[i].kind, EBB_EVENT_PREPARE);
        assert_false(ebb_segment_skips(&ev[i]) && ev[i].t_us == 0);
    }
    assert_int_equal(ev[0].kind, EBB_EVENT_PHASE);
    /* a cut batch counts what is in the range, not what was left out */
    assert_int_equal(ebb_segment_events(&resumed, 0, UINT64_MAX, ev, 1), rest);
    assert_int_equal(ev[0].kind, EBB_EVENT_PHASE);
    ebb_timeline_deinit(&p.tl);
}

static void the_skipped_rows_are_the_prepare_row_and_the_bell_at_time_zero(void **state)
{
    (void)state;
    struct ebb_event ev = {.t_us = 0, .kind = EBB_EVENT_PREPARE};
    assert_true(ebb_segment_skips(&ev));
    ev = (struct ebb_event){.t_us = 0, .kind = EBB_EVENT_CUE, .sound = EBB_SOUND_BELL};
    assert_true(ebb_segment_skips(&ev));
    ev.has_phase = 1; /* a phase's own bell cue sounds */
    assert_false(ebb_segment_skips(&ev));
    ev = (struct ebb_event){.t_us = 1, .kind = EBB_EVENT_CUE, .sound = EBB_SOUND_BELL};
    assert_false(ebb_segment_skips(&ev)); /* the end bell */
}

struct seen {
    struct ebb_event ev[128];
    size_t n;
};

static void see(void *ctx, const struct ebb_event *ev)
{
    struct seen *s = ctx;
    if (s->n < 128)
        s->ev[s->n++] = *ev;
}

static size_t plan_source(const void *ctx, uint64_t from, uint64_t to, struct ebb_event *out,
                          size_t max)
{
    return ebb_breath_events(ctx, from, to, out, max);
}

static void reading_in_small_batches_gives_every_event_once_in_order(void **state)
{
    (void)state;
    struct plan p;
    plan_init(&p);
    struct ebb_event whole[128];
    size_t n = ebb_breath_events(&p.tl, 0, UINT64_MAX, whole, 128);
    for (size_t cap = 3; cap <= 33; cap += 5) {
        struct seen s = {.n = 0};
        struct ebb_event buf[33];
        ebb_events_upto(plan_source, &p.tl, 0, p.tl.end_us + 1, buf, cap, see, &s);
        assert_int_equal(s.n, n);
        for (size_t i = 0; i < n; i++) {
            assert_int_equal(s.ev[i].t_us, whole[i].t_us);
            assert_int_equal(s.ev[i].kind, whole[i].kind);
        }
    }
    /* up to an instant, not past it; and from there on */
    struct seen a = {.n = 0}, b = {.n = 0};
    struct ebb_event buf[4];
    ebb_events_upto(plan_source, &p.tl, 0, S(12), buf, 4, see, &a);
    ebb_events_upto(plan_source, &p.tl, S(12), UINT64_MAX, buf, 4, see, &b);
    assert_int_equal(a.n + b.n, n);
    assert_true(a.ev[a.n - 1].t_us < S(12));
    assert_int_equal(b.ev[0].t_us, S(12));
    ebb_timeline_deinit(&p.tl);
}

static void an_instant_fuller_than_a_batch_keeps_its_first_events_and_goes_on(void **state)
{
    (void)state;
    struct plan p;
    plan_init(&p);
    /* time 0 holds PREPARE and its bell; a batch of one keeps PREPARE, then goes on */
    struct seen s = {.n = 0};
    struct ebb_event buf[1];
    ebb_events_upto(plan_source, &p.tl, 0, S(2) + 1, buf, 1, see, &s);
    assert_int_equal(s.n, 2);
    assert_int_equal(s.ev[0].kind, EBB_EVENT_PREPARE);
    assert_int_equal(s.ev[1].t_us, S(2)); /* the first phase, its cue cut the same way */
    assert_int_equal(s.ev[1].kind, EBB_EVENT_PHASE);
    ebb_timeline_deinit(&p.tl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_segment_moves_its_plans_events_onto_the_readers_clock),
        cmocka_unit_test(a_resumed_plan_leaves_out_its_prepare_row_and_first_bell),
        cmocka_unit_test(the_skipped_rows_are_the_prepare_row_and_the_bell_at_time_zero),
        cmocka_unit_test(reading_in_small_batches_gives_every_event_once_in_order),
        cmocka_unit_test(an_instant_fuller_than_a_batch_keeps_its_first_events_and_goes_on),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
