/* Tests of engine/sdl/clock.c: the session clock follows the sound's sample clock when
 * it is live, the system's otherwise; switching never goes back and makes no jump; a
 * suspend under the sound's clock still shows as a jump (DESIGN.md, Time). Every clock
 * reading is given by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "clock.h"

#define BASE 7000000000ull /* the system clock at init: far from 0 */
#define MS(x) ((uint64_t)(x)*1000u)

static struct clock fresh(void)
{
    struct clock c = {0};
    c.base_us = BASE;
    return c;
}

static void without_sound_the_system_clock_runs_from_init(void **state)
{
    (void)state;
    struct clock c = fresh();
    assert_int_equal(clock_follow(&c, false, 0, BASE + MS(10)), MS(10));
    assert_int_equal(clock_follow(&c, false, 0, BASE + MS(2500)), MS(2500));
    assert_int_equal(clock_to_audio(&c, MS(2500)), MS(2500));
}

static void the_sound_leads_and_the_picture_follows_its_drift(void **state)
{
    (void)state;
    struct clock c = fresh();
    assert_int_equal(clock_follow(&c, false, 0, BASE + MS(300)), MS(300));
    /* the sound opens: its clock reads 0 while the system's says 400 ms */
    uint64_t t = clock_follow(&c, true, 0, BASE + MS(400));
    assert_int_equal(t, MS(400)); /* no jump either way */
    /* the sound card runs 0.1 % slow: the session goes with it, not with the system */
    t = clock_follow(&c, true, MS(999), BASE + MS(1400));
    assert_int_equal(t, MS(400) + MS(999));
    /* and an origin on the session clock is that instant on the sound's */
    assert_int_equal(clock_to_audio(&c, t), MS(999));
}

static void the_clock_never_goes_back_when_the_sound_stalls_or_steps_back(void **state)
{
    (void)state;
    struct clock c = fresh();
    clock_follow(&c, true, MS(100), BASE + MS(100));
    uint64_t a = clock_follow(&c, true, MS(500), BASE + MS(500));
    uint64_t b = clock_follow(&c, true, MS(480), BASE + MS(510));
    assert_true(b >= a);
}

static void losing_the_sound_goes_on_from_where_it_was_without_a_jump(void **state)
{
    (void)state;
    struct clock c = fresh();
    clock_follow(&c, true, 0, BASE);
    uint64_t a = clock_follow(&c, true, MS(5000), BASE + MS(5020)); /* sound 20 ms behind */
    uint64_t b = clock_follow(&c, false, 0, BASE + MS(5120));       /* lost 100 ms later */
    assert_int_equal(b, a + MS(100));
    uint64_t d = clock_follow(&c, false, 0, BASE + MS(6120));
    assert_int_equal(d, b + MS(1000));
    /* a new device: its clock starts at 0 again, the session's goes on */
    uint64_t e = clock_follow(&c, true, 0, BASE + MS(6220));
    assert_int_equal(e, d + MS(100));
    uint64_t f = clock_follow(&c, true, MS(50), BASE + MS(6270));
    assert_int_equal(f, e + MS(50));
}

static void a_suspend_under_the_sound_clock_is_still_a_jump(void **state)
{
    (void)state;
    struct clock c = fresh();
    clock_follow(&c, true, 0, BASE);
    uint64_t a = clock_follow(&c, true, MS(1000), BASE + MS(1000));
    unsigned gen = c.gen;
    /* the machine sleeps 60 s: the sound's clock stops, CLOCK_BOOTTIME does not */
    uint64_t b = clock_follow(&c, true, MS(1010), BASE + MS(61010));
    assert_true(b - a > 2000000u); /* the session sees a jump and pauses itself */
    assert_int_equal(b, a + MS(60010));
    assert_true(c.gen != gen); /* the sound's origins must be sent again */
    /* and the sound's clock leads again from there */
    uint64_t d = clock_follow(&c, true, MS(2010), BASE + MS(62010));
    assert_int_equal(d, b + MS(1000));
    assert_int_equal(clock_to_audio(&c, d), MS(2010));
}

static void a_slow_frame_is_not_taken_for_a_suspend(void **state)
{
    (void)state;
    struct clock c = fresh();
    clock_follow(&c, true, 0, BASE);
    unsigned gen = c.gen;
    /* the program was busy 1.5 s and the sound only moved on 1.2 s: no jump */
    uint64_t t = clock_follow(&c, true, MS(1200), BASE + MS(1500));
    assert_int_equal(t, MS(1200));
    assert_int_equal(c.gen, gen);
}

static void a_test_jump_moves_the_session_clock_and_not_the_sounds(void **state)
{
    (void)state;
    struct clock c = fresh();
    clock_follow(&c, true, 0, BASE);
    clock_follow(&c, true, MS(300), BASE + MS(300));
    unsigned gen = c.gen;
    c.jump_us += MS(10000);
    uint64_t t = clock_follow(&c, true, MS(400), BASE + MS(400));
    assert_int_equal(t, MS(10400));
    assert_int_equal(clock_to_audio(&c, t), MS(400));
    assert_true(c.gen != gen);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(without_sound_the_system_clock_runs_from_init),
        cmocka_unit_test(the_sound_leads_and_the_picture_follows_its_drift),
        cmocka_unit_test(the_clock_never_goes_back_when_the_sound_stalls_or_steps_back),
        cmocka_unit_test(losing_the_sound_goes_on_from_where_it_was_without_a_jump),
        cmocka_unit_test(a_suspend_under_the_sound_clock_is_still_a_jump),
        cmocka_unit_test(a_slow_frame_is_not_taken_for_a_suspend),
        cmocka_unit_test(a_test_jump_moves_the_session_clock_and_not_the_sounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
