/* Tests of the check-in slider's model (engine/sdl/checkin.c): where a click lands,
 * what each key does, that an untouched slider skips, that a drag follows the pointer,
 * and that a touch is counted once (SDL's mouse copies of touches are ignored). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "checkin.h"
#include "journal.h"

#define W 1280
#define H 720

static SDL_Event key_event(SDL_Keycode k)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    return e;
}

static SDL_Event mouse_button(Uint32 type, float x, float y, Uint32 which)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.which = which;
    e.button.x = (int)x;
    e.button.y = (int)y;
    return e;
}

static SDL_Event finger_event(Uint32 type, float x, float y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.tfinger.fingerId = 7;
    e.tfinger.x = x / W;
    e.tfinger.y = y / H;
    return e;
}

static void a_click_lands_on_the_nearest_value_and_clamps_at_the_ends(void **state)
{
    (void)state;
    struct checkin_layout l;
    checkin_layout(W, H, &l);
    assert_true(l.x1 > l.x0);
    assert_int_equal(checkin_value_at(&l, l.x0), 0);
    assert_int_equal(checkin_value_at(&l, l.x1), CHECKIN_MAX);
    assert_int_equal(checkin_value_at(&l, (l.x0 + l.x1) / 2), 5);
    assert_int_equal(checkin_value_at(&l, l.x0 - 300), 0);
    assert_int_equal(checkin_value_at(&l, l.x1 + 300), CHECKIN_MAX);
    float tick = (l.x1 - l.x0) / CHECKIN_MAX;
    assert_int_equal(checkin_value_at(&l, l.x0 + 3 * tick - tick * 0.4f), 3);
    assert_int_equal(checkin_value_at(&l, l.x0 + 3 * tick + tick * 0.4f), 3);
    assert_int_equal(checkin_value_at(&l, l.x0 + 3 * tick + tick * 0.6f), 4);
    for (int v = 0; v <= CHECKIN_MAX; v++)
        assert_int_equal(checkin_value_at(&l, checkin_x_of(&l, v)), v);
}

static void number_keys_give_their_value_on_both_rows(void **state)
{
    (void)state;
    for (int d = 0; d <= 9; d++)
        assert_int_equal(checkin_digit(SDLK_0 + d), d);
    assert_int_equal(checkin_digit(SDLK_KP_0), 0);
    assert_int_equal(checkin_digit(SDLK_KP_1), 1);
    assert_int_equal(checkin_digit(SDLK_KP_9), 9);
    assert_int_equal(checkin_digit(SDLK_a), -1);
    assert_int_equal(checkin_digit(SDLK_RETURN), -1);

    struct checkin c;
    checkin_init(&c, CHECKIN_BEFORE);
    assert_int_equal(checkin_key(&c, SDLK_7), CHECKIN_CHANGED);
    assert_int_equal(checkin_rating(&c), 7);
    assert_int_equal(checkin_key(&c, SDLK_KP_2), CHECKIN_CHANGED);
    assert_int_equal(checkin_rating(&c), 2);
}

static void enter_or_space_on_an_untouched_slider_skips(void **state)
{
    (void)state;
    struct checkin c;
    checkin_init(&c, CHECKIN_BEFORE);
    assert_int_equal(checkin_key(&c, SDLK_RETURN), CHECKIN_DONE);
    assert_int_equal(checkin_rating(&c), EBB_JOURNAL_RATING_NONE);
    checkin_init(&c, CHECKIN_AFTER);
    assert_int_equal(checkin_key(&c, SDLK_SPACE), CHECKIN_DONE);
    assert_int_equal(checkin_rating(&c), EBB_JOURNAL_RATING_NONE);
    /* touched, Enter keeps the value */
    checkin_init(&c, CHECKIN_AFTER);
    checkin_key(&c, SDLK_0);
    assert_int_equal(checkin_key(&c, SDLK_KP_ENTER), CHECKIN_DONE);
    assert_int_equal(checkin_rating(&c), 0);
}

static void arrows_start_from_the_middle_and_reach_both_ends(void **state)
{
    (void)state;
    struct checkin c;
    checkin_init(&c, CHECKIN_BEFORE);
    assert_int_equal(checkin_key(&c, SDLK_RIGHT), CHECKIN_CHANGED);
    assert_int_equal(checkin_rating(&c), CHECKIN_MIDDLE + 1);
    for (int i = 0; i < 20; i++)
        checkin_key(&c, SDLK_RIGHT);
    assert_int_equal(checkin_rating(&c), 10);
    checkin_key(&c, SDLK_DOWN);
    assert_int_equal(checkin_rating(&c), 9);
    checkin_key(&c, SDLK_UP);
    assert_int_equal(checkin_rating(&c), 10);
    for (int i = 0; i < 20; i++)
        checkin_key(&c, SDLK_LEFT);
    assert_int_equal(checkin_rating(&c), 0);
    checkin_key(&c, SDLK_END);
    assert_int_equal(checkin_rating(&c), 10);
    checkin_key(&c, SDLK_HOME);
    assert_int_equal(checkin_rating(&c), 0);

    checkin_init(&c, CHECKIN_BEFORE);
    checkin_key(&c, SDLK_LEFT);
    assert_int_equal(checkin_rating(&c), CHECKIN_MIDDLE - 1);
}

static void escape_leaves_and_other_keys_are_passed_on(void **state)
{
    (void)state;
    struct checkin c;
    checkin_init(&c, CHECKIN_BEFORE);
    assert_int_equal(checkin_key(&c, SDLK_ESCAPE), CHECKIN_LEAVE);
    assert_int_equal(checkin_key(&c, SDLK_q), CHECKIN_PASS);
    assert_int_equal(checkin_key(&c, SDLK_F1), CHECKIN_PASS);
    assert_int_equal(checkin_key(&c, SDLK_f), CHECKIN_PASS);
    assert_false(c.touched);
}

static void a_drag_follows_the_pointer_until_it_is_released(void **state)
{
    (void)state;
    struct checkin c;
    struct checkin_layout l;
    checkin_layout(W, H, &l);
    checkin_init(&c, CHECKIN_BEFORE);
    SDL_Event e = mouse_button(SDL_MOUSEBUTTONDOWN, checkin_x_of(&l, 8), l.y, 0);
    assert_int_equal(checkin_event(&c, &e, 1, 1, W, H), CHECKIN_CHANGED);
    assert_int_equal(checkin_rating(&c), 8);
    assert_true(c.dragging);
    SDL_Event m;
    memset(&m, 0, sizeof m);
    m.type = SDL_MOUSEMOTION;
    m.motion.x = (int)checkin_x_of(&l, 2);
    m.motion.y = (int)(l.y + 200); /* off the band: a drag still follows x */
    assert_int_equal(checkin_event(&c, &m, 1, 1, W, H), CHECKIN_CHANGED);
    assert_int_equal(checkin_rating(&c), 2);
    e = mouse_button(SDL_MOUSEBUTTONUP, checkin_x_of(&l, 2), l.y, 0);
    assert_int_equal(checkin_event(&c, &e, 1, 1, W, H), CHECKIN_CHANGED);
    assert_false(c.dragging);
    m.motion.x = (int)checkin_x_of(&l, 9);
    assert_int_equal(checkin_event(&c, &m, 1, 1, W, H), CHECKIN_PASS);
    assert_int_equal(checkin_rating(&c), 2);
}

static void a_click_away_from_the_slider_chooses_nothing(void **state)
{
    (void)state;
    struct checkin c;
    struct checkin_layout l;
    checkin_layout(W, H, &l);
    checkin_init(&c, CHECKIN_BEFORE);
    SDL_Event e = mouse_button(SDL_MOUSEBUTTONDOWN, W / 2.0f, 10, 0);
    assert_int_equal(checkin_event(&c, &e, 1, 1, W, H), CHECKIN_PASS);
    e = mouse_button(SDL_MOUSEBUTTONUP, W / 2.0f, 10, 0);
    assert_int_equal(checkin_event(&c, &e, 1, 1, W, H), CHECKIN_PASS);
    assert_false(c.touched);
    /* a click on the button under the slider is "done": untouched, that is a skip */
    float bx = l.button.x + l.button.w / 2, by = l.button.y + l.button.h / 2;
    e = mouse_button(SDL_MOUSEBUTTONDOWN, bx, by, 0);
    checkin_event(&c, &e, 1, 1, W, H);
    e = mouse_button(SDL_MOUSEBUTTONUP, bx, by, 0);
    assert_int_equal(checkin_event(&c, &e, 1, 1, W, H), CHECKIN_DONE);
    assert_int_equal(checkin_rating(&c), EBB_JOURNAL_RATING_NONE);
}

static void mouse_coordinates_are_scaled_to_output_pixels(void **state)
{
    (void)state;
    struct checkin c;
    struct checkin_layout l;
    checkin_layout(W, H, &l);
    checkin_init(&c, CHECKIN_BEFORE);
    /* a HiDPI window: window coordinates are half the output's pixels */
    SDL_Event e = mouse_button(SDL_MOUSEBUTTONDOWN, checkin_x_of(&l, 10) / 2, l.y / 2, 0);
    assert_int_equal(checkin_event(&c, &e, 2, 2, W, H), CHECKIN_CHANGED);
    assert_int_equal(checkin_rating(&c), 10);
}

static void a_touch_is_counted_once(void **state)
{
    (void)state;
    struct checkin c;
    struct checkin_layout l;
    checkin_layout(W, H, &l);
    checkin_init(&c, CHECKIN_BEFORE);
    /* SDL sends a finger event and a mouse copy marked SDL_TOUCH_MOUSEID */
    SDL_Event f = finger_event(SDL_FINGERDOWN, checkin_x_of(&l, 3), l.y);
    SDL_Event m = mouse_button(SDL_MOUSEBUTTONDOWN, checkin_x_of(&l, 9), l.y, SDL_TOUCH_MOUSEID);
    assert_int_equal(checkin_event(&c, &f, 1, 1, W, H), CHECKIN_CHANGED);
    assert_int_equal(checkin_event(&c, &m, 1, 1, W, H), CHECKIN_CHANGED); /* taken, ignored */
    assert_int_equal(checkin_rating(&c), 3);
    f = finger_event(SDL_FINGERMOTION, checkin_x_of(&l, 4), l.y);
    checkin_event(&c, &f, 1, 1, W, H);
    assert_int_equal(checkin_rating(&c), 4);
    f = finger_event(SDL_FINGERUP, checkin_x_of(&l, 4), l.y);
    checkin_event(&c, &f, 1, 1, W, H);
    assert_false(c.dragging);
    assert_false(c.finger_down);

    /* a tap on the button is done once: the mouse copy of the release does nothing */
    float bx = l.button.x + l.button.w / 2, by = l.button.y + l.button.h / 2;
    f = finger_event(SDL_FINGERUP, bx, by);
    m = mouse_button(SDL_MOUSEBUTTONUP, bx, by, SDL_TOUCH_MOUSEID);
    assert_int_equal(checkin_event(&c, &f, 1, 1, W, H), CHECKIN_DONE);
    assert_int_not_equal(checkin_event(&c, &m, 1, 1, W, H), CHECKIN_DONE);
    assert_int_equal(checkin_rating(&c), 4);
}

static void the_wheel_moves_one_step(void **state)
{
    (void)state;
    struct checkin c;
    checkin_init(&c, CHECKIN_BEFORE);
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = 1;
    assert_int_equal(checkin_event(&c, &e, 1, 1, W, H), CHECKIN_CHANGED);
    assert_int_equal(checkin_rating(&c), CHECKIN_MIDDLE + 1);
    e.wheel.y = -3;
    checkin_event(&c, &e, 1, 1, W, H);
    assert_int_equal(checkin_rating(&c), CHECKIN_MIDDLE);
}

static void events_reach_the_same_model_as_keys(void **state)
{
    (void)state;
    struct checkin c;
    checkin_init(&c, CHECKIN_BEFORE);
    SDL_Event e = key_event(SDLK_9);
    assert_int_equal(checkin_event(&c, &e, 1, 1, W, H), CHECKIN_CHANGED);
    e = key_event(SDLK_RIGHT);
    checkin_event(&c, &e, 1, 1, W, H);
    assert_int_equal(checkin_rating(&c), 10);
    e = key_event(SDLK_ESCAPE);
    assert_int_equal(checkin_event(&c, &e, 1, 1, W, H), CHECKIN_LEAVE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_click_lands_on_the_nearest_value_and_clamps_at_the_ends),
        cmocka_unit_test(number_keys_give_their_value_on_both_rows),
        cmocka_unit_test(enter_or_space_on_an_untouched_slider_skips),
        cmocka_unit_test(arrows_start_from_the_middle_and_reach_both_ends),
        cmocka_unit_test(escape_leaves_and_other_keys_are_passed_on),
        cmocka_unit_test(a_drag_follows_the_pointer_until_it_is_released),
        cmocka_unit_test(a_click_away_from_the_slider_chooses_nothing),
        cmocka_unit_test(mouse_coordinates_are_scaled_to_output_pixels),
        cmocka_unit_test(a_touch_is_counted_once),
        cmocka_unit_test(the_wheel_moves_one_step),
        cmocka_unit_test(events_reach_the_same_model_as_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
