/* Tests of engine/sdl/input.c and the redraw decision of engine/sdl/window.c: the key
 * table, typing a filter, touch counted once, and drawing only when the picture moves. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <string.h>

#include "input.h"
#include "window.h"

static void the_key_table_follows_design(void **state)
{
    (void)state;
    assert_int_equal(input_key(SDLK_ESCAPE, false), IN_BACK);
    assert_int_equal(input_key(SDLK_q, false), IN_QUIT);
    assert_int_equal(input_key(SDLK_SPACE, false), IN_PRESS);
    assert_int_equal(input_key(SDLK_RETURN, false), IN_PRESS);
    assert_int_equal(input_key(SDLK_p, false), IN_PAUSE);
    assert_int_equal(input_key(SDLK_F11, false), IN_FULLSCREEN);
    assert_int_equal(input_key(SDLK_f, false), IN_FULLSCREEN);
    assert_int_equal(input_key(SDLK_LEFTBRACKET, false), IN_SLOWER);
    assert_int_equal(input_key(SDLK_RIGHTBRACKET, false), IN_FASTER);
    assert_int_equal(input_key(SDLK_EQUALS, false), IN_VOLUME_UP);
    assert_int_equal(input_key(SDLK_MINUS, false), IN_VOLUME_DOWN);
    assert_int_equal(input_key(SDLK_m, false), IN_MUTE);
    assert_int_equal(input_key(SDLK_v, false), IN_VOICE);
    assert_int_equal(input_key(SDLK_F1, false), IN_HELP);
    assert_int_equal(input_key(SDLK_n, false), IN_SKIP);
    assert_int_equal(input_key(SDLK_x, false), IN_NONE);
}

static void every_key_of_the_table_has_its_action_on_the_keypad_too(void **state)
{
    (void)state;
    static const struct {
        SDL_Keycode key;
        enum input_action action;
    } want[] = {
        {SDLK_KP_ENTER, IN_PRESS},     {SDLK_UP, IN_UP},
        {SDLK_DOWN, IN_DOWN},          {SDLK_LEFT, IN_LEFT},
        {SDLK_RIGHT, IN_RIGHT},        {SDLK_BACKSPACE, IN_BACKSPACE},
        {SDLK_SLASH, IN_FILTER},       {SDLK_KP_DIVIDE, IN_FILTER},
        {SDLK_h, IN_HIDE},             {SDLK_j, IN_JOURNAL},
        {SDLK_s, IN_SCREENSHOT},       {SDLK_PLUS, IN_VOLUME_UP},
        {SDLK_KP_PLUS, IN_VOLUME_UP},  {SDLK_KP_MINUS, IN_VOLUME_DOWN},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        assert_int_equal(input_key(want[i].key, false), want[i].action);
    /* while a filter is typed, + and - from the keypad are text, Enter still starts */
    assert_int_equal(input_key(SDLK_KP_PLUS, true), IN_NONE);
    assert_int_equal(input_key(SDLK_KP_MINUS, true), IN_NONE);
    assert_int_equal(input_key(SDLK_KP_ENTER, true), IN_PRESS);
}

static void the_wheel_moves_by_its_steps_and_a_flipped_wheel_is_turned_back(void **state)
{
    (void)state;
    SDL_Event e;
    struct input in;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = 2;
    assert_true(input_translate(&e, false, 1, 1, 100, 100, &in));
    assert_int_equal(in.action, IN_WHEEL);
    assert_int_equal(in.wheel, 2);
    e.wheel.direction = SDL_MOUSEWHEEL_FLIPPED;
    assert_true(input_translate(&e, false, 1, 1, 100, 100, &in));
    assert_int_equal(in.wheel, -2);
    e.wheel.y = 0; /* a sideways scroll moves nothing */
    assert_false(input_translate(&e, false, 1, 1, 100, 100, &in));
    memset(&e, 0, sizeof e);
    e.type = SDL_QUIT; /* the window's close button */
    assert_true(input_translate(&e, true, 1, 1, 100, 100, &in));
    assert_int_equal(in.action, IN_QUIT);
}

static void letters_are_text_while_a_filter_is_typed(void **state)
{
    (void)state;
    assert_int_equal(input_key(SDLK_q, true), IN_NONE);
    assert_int_equal(input_key(SDLK_SPACE, true), IN_NONE);
    assert_int_equal(input_key(SDLK_ESCAPE, true), IN_BACK);
    assert_int_equal(input_key(SDLK_BACKSPACE, true), IN_BACKSPACE);
    assert_int_equal(input_key(SDLK_DOWN, true), IN_DOWN);
    SDL_Event e;
    struct input in;
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    strcpy(e.text.text, "é");
    assert_false(input_translate(&e, false, 1, 1, 100, 100, &in));
    assert_true(input_translate(&e, true, 1, 1, 100, 100, &in));
    assert_int_equal(in.action, IN_TEXT);
    assert_string_equal(in.text, "é");
}

static void a_touch_is_counted_once(void **state)
{
    (void)state;
    SDL_Event e;
    struct input in;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONUP; /* the mouse event SDL makes from a touch */
    e.button.which = SDL_TOUCH_MOUSEID;
    e.button.button = SDL_BUTTON_LEFT;
    assert_false(input_translate(&e, false, 1, 1, 1000, 500, &in));
    memset(&e, 0, sizeof e);
    e.type = SDL_FINGERUP;
    e.tfinger.x = 0.5f;
    e.tfinger.y = 0.25f;
    assert_true(input_translate(&e, false, 1, 1, 1000, 500, &in));
    assert_int_equal(in.action, IN_CLICK);
    assert_int_equal(in.x, 500);
    assert_int_equal(in.y, 125);
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONUP; /* a real mouse, on a HiDPI screen (2x) */
    e.button.which = 0;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = 10;
    e.button.y = 20;
    assert_true(input_translate(&e, false, 2, 2, 1000, 500, &in));
    assert_int_equal(in.x, 20);
    assert_int_equal(in.y, 40);
}

static void the_gamepad_presses_and_pauses(void **state)
{
    (void)state;
    SDL_Event e;
    struct input in;
    memset(&e, 0, sizeof e);
    e.type = SDL_CONTROLLERBUTTONDOWN;
    e.cbutton.button = SDL_CONTROLLER_BUTTON_A;
    assert_true(input_translate(&e, false, 1, 1, 10, 10, &in));
    assert_int_equal(in.action, IN_PRESS);
    e.cbutton.button = SDL_CONTROLLER_BUTTON_START;
    assert_true(input_translate(&e, false, 1, 1, 10, 10, &in));
    assert_int_equal(in.action, IN_PAUSE);
}

static void a_paused_or_idle_screen_is_not_redrawn(void **state)
{
    (void)state;
    struct redraw_in paused = {true, false, false, false};
    assert_false(redraw_needed(&paused));
    assert_false(redraw_animating(&paused));
    struct redraw_in changed = {true, true, false, false};
    assert_true(redraw_needed(&changed));
    assert_false(redraw_animating(&changed));
    struct redraw_in running = {true, false, true, false};
    assert_true(redraw_needed(&running));
    assert_true(redraw_animating(&running));
    struct redraw_in minimized = {false, true, true, true};
    assert_false(redraw_needed(&minimized));
    assert_false(redraw_animating(&minimized));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_key_table_follows_design),
        cmocka_unit_test(every_key_of_the_table_has_its_action_on_the_keypad_too),
        cmocka_unit_test(the_wheel_moves_by_its_steps_and_a_flipped_wheel_is_turned_back),
        cmocka_unit_test(letters_are_text_while_a_filter_is_typed),
        cmocka_unit_test(a_touch_is_counted_once),
        cmocka_unit_test(the_gamepad_presses_and_pauses),
        cmocka_unit_test(a_paused_or_idle_screen_is_not_redrawn),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
