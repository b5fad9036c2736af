/* Tests of engine/sdl/awake.c's decision (awake_wanted) and engine/sdl/platform.c's
 * choice of the first video driver (platform_first_driver): both pure. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "awake.h"
#include "platform.h"

static bool wanted(bool session_screen, bool running, bool paused, uint64_t paused_us)
{
    struct awake_in in = {session_screen, running, paused, paused_us};
    return awake_wanted(&in);
}

static void a_running_session_keeps_the_screen_awake(void **s)
{
    (void)s;
    assert_true(wanted(true, true, false, 0));
}

static void the_picker_and_other_screens_let_it_sleep(void **s)
{
    (void)s;
    assert_false(wanted(false, false, false, 0));
    assert_false(wanted(false, true, false, 0)); /* a session behind a check-in or help */
}

static void a_short_pause_keeps_it_awake_and_a_long_one_lets_it_sleep(void **s)
{
    (void)s;
    assert_true(wanted(true, false, true, 0));
    assert_true(wanted(true, false, true, AWAKE_PAUSE_US - 1));
    assert_false(wanted(true, false, true, AWAKE_PAUSE_US));
    assert_false(wanted(true, false, true, 3600000000u));
}

static void a_finished_session_lets_it_sleep(void **s)
{
    (void)s;
    assert_false(wanted(true, false, false, 0));
}

static void a_named_driver_is_always_obeyed(void **s)
{
    (void)s;
    assert_string_equal(platform_first_driver("x11", "wayland-0"), "x11");
    assert_string_equal(platform_first_driver("dummy", NULL), "dummy");
}

static void wayland_comes_first_when_a_compositor_is_there(void **s)
{
    (void)s;
    assert_string_equal(platform_first_driver(NULL, "wayland-0"), "wayland");
    assert_string_equal(platform_first_driver("", "wayland-1"), "wayland");
}

static void without_a_compositor_sdl_chooses(void **s)
{
    (void)s;
    assert_null(platform_first_driver(NULL, NULL));
    assert_null(platform_first_driver(NULL, ""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_running_session_keeps_the_screen_awake),
        cmocka_unit_test(the_picker_and_other_screens_let_it_sleep),
        cmocka_unit_test(a_short_pause_keeps_it_awake_and_a_long_one_lets_it_sleep),
        cmocka_unit_test(a_finished_session_lets_it_sleep),
        cmocka_unit_test(a_named_driver_is_always_obeyed),
        cmocka_unit_test(wayland_comes_first_when_a_compositor_is_there),
        cmocka_unit_test(without_a_compositor_sdl_chooses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
