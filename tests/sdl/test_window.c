/* window_fit: the first window's size on a display, from the size wished for (the
 * remembered one, or 1280x720) and the display's usable area. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "window.h"

static void a_window_that_fits_keeps_its_size(void **state)
{
    (void)state;
    SDL_Rect usable = {0, 0, 1920, 1050};
    int w = 1280, h = 720;
    window_fit(&w, &h, &usable, 0, 0);
    assert_int_equal(w, 1280);
    assert_int_equal(h, 720);
}

static void on_an_800x600_screen_the_window_is_at_most_the_usable_area(void **state)
{
    (void)state;
    SDL_Rect usable = {0, 32, 800, 568}; /* a panel along the top */
    int w = 1280, h = 720;
    window_fit(&w, &h, &usable, 0, 0);
    assert_int_equal(w, 800);
    assert_int_equal(h, 568);
}

static void a_tiny_window_grows_to_the_minimum_where_there_is_room(void **state)
{
    (void)state;
    SDL_Rect usable = {0, 0, 1280, 720};
    int w = 300, h = 200;
    window_fit(&w, &h, &usable, WINDOW_MIN_W, WINDOW_MIN_H);
    assert_int_equal(w, 640);
    assert_int_equal(h, 480);
    SDL_Rect small = {0, 0, 600, 400}; /* a display smaller than the minimum */
    w = 300, h = 200;
    window_fit(&w, &h, &small, WINDOW_MIN_W, WINDOW_MIN_H);
    assert_int_equal(w, 600);
    assert_int_equal(h, 400);
}

static void an_unknown_usable_area_changes_nothing(void **state)
{
    (void)state;
    SDL_Rect none = {0, 0, 0, 0};
    int w = 1280, h = 720;
    window_fit(&w, &h, &none, WINDOW_MIN_W, WINDOW_MIN_H);
    window_fit(&w, &h, NULL, WINDOW_MIN_W, WINDOW_MIN_H);
    assert_int_equal(w, 1280);
    assert_int_equal(h, 720);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_window_that_fits_keeps_its_size),
        cmocka_unit_test(on_an_800x600_screen_the_window_is_at_most_the_usable_area),
        cmocka_unit_test(a_tiny_window_grows_to_the_minimum_where_there_is_room),
        cmocka_unit_test(an_unknown_usable_area_changes_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
