/* Tests of engine/sdl/damage.c: which rectangles a frame must redraw, from the items the
 * recording pass notes. No renderer is needed: the recorder only compares pointers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "damage.h"

#define W 1280
#define H 720

static struct damage dmg; /* large: not on the stack */
static int fake_a, fake_b;
#define REN ((SDL_Renderer *)(void *)&fake_a)
#define OTHER ((SDL_Renderer *)(void *)&fake_b)

/* One frame: a background, a dot at (x, y), a number at the bottom. */
static int frame(float x, float y, const char *number, bool whole)
{
    damage_begin(&dmg, REN);
    damage_note(REN, 0, 0, W, H, damage_hash_u32(DAMAGE_HASH_SEED, 1));
    uint32_t h = damage_hash_float(damage_hash_float(DAMAGE_HASH_SEED, x), y);
    damage_note(REN, x - 20, y - 20, x + 20, y + 20, h);
    if (number)
        damage_note(REN, 600, 650, 680, 690, damage_hash_u32(DAMAGE_HASH_SEED, (uint32_t)number[0]));
    return damage_end(&dmg, whole, W, H);
}

static bool inside(const SDL_Rect *r, int x, int y)
{
    return x >= r->x && x < r->x + r->w && y >= r->y && y < r->y + r->h;
}

static void setup_frame(void)
{
    damage_init(&dmg);
}

static void the_first_frame_is_drawn_whole(void **state)
{
    (void)state;
    setup_frame();
    assert_int_equal(frame(100, 100, "3", false), 1);
    const SDL_Rect *r = damage_rects(&dmg);
    assert_int_equal(r[0].x, 0);
    assert_int_equal(r[0].y, 0);
    assert_int_equal(r[0].w, W);
    assert_int_equal(r[0].h, H);
}

static void a_frame_like_the_last_one_draws_nothing(void **state)
{
    (void)state;
    setup_frame();
    frame(100, 100, "3", false);
    assert_int_equal(frame(100, 100, "3", false), 0);
}

static void a_moved_dot_redraws_where_it_was_and_where_it_is_only(void **state)
{
    (void)state;
    setup_frame();
    frame(100, 100, "3", false);
    assert_int_equal(frame(103, 100, "3", false), 1);
    const SDL_Rect *r = damage_rects(&dmg);
    assert_true(inside(&r[0], 80, 80));   /* the old box's corner */
    assert_true(inside(&r[0], 122, 119)); /* the new box's far corner */
    assert_false(inside(&r[0], 640, 670)); /* the unchanged number */
    assert_true(r[0].w * r[0].h < 60 * 60);
}

static void a_move_under_a_sixteenth_of_a_pixel_is_not_redrawn(void **state)
{
    (void)state;
    setup_frame();
    frame(100.30f, 100, "3", false); /* the box's whole pixels stay the same */
    assert_int_equal(frame(100.31f, 100, "3", false), 0);
    assert_int_equal(frame(100.50f, 100, "3", false), 1);
}

static void far_apart_changes_stay_separate_rectangles(void **state)
{
    (void)state;
    setup_frame();
    frame(100, 100, "3", false);
    assert_int_equal(frame(101, 100, "2", false), 2);
    const SDL_Rect *r = damage_rects(&dmg);
    bool dot = inside(&r[0], 100, 100) || inside(&r[1], 100, 100);
    bool number = inside(&r[0], 640, 670) || inside(&r[1], 640, 670);
    assert_true(dot && number);
}

static void an_item_that_goes_is_redrawn_as_background(void **state)
{
    (void)state;
    setup_frame();
    frame(100, 100, "3", false);
    assert_int_equal(frame(100, 100, NULL, false), 1);
    assert_true(inside(&damage_rects(&dmg)[0], 640, 670));
    assert_false(inside(&damage_rects(&dmg)[0], 100, 100));
}

static void asking_for_the_whole_picture_gets_it(void **state)
{
    (void)state;
    setup_frame();
    frame(100, 100, "3", false);
    assert_int_equal(frame(100, 100, "3", true), 1);
    assert_int_equal(damage_rects(&dmg)[0].w, W);
    damage_forget(&dmg);
    assert_int_equal(frame(100, 100, "3", false), 1);
    assert_int_equal(damage_rects(&dmg)[0].h, H);
}

static void too_many_items_redraw_the_whole_picture(void **state)
{
    (void)state;
    setup_frame();
    frame(100, 100, "3", false);
    damage_begin(&dmg, REN);
    for (int i = 0; i < DAMAGE_ITEMS_MAX + 5; i++)
        assert_true(damage_note(REN, 0, 0, 1, 1, 7));
    assert_int_equal(damage_end(&dmg, false, W, H), 1);
    assert_int_equal(damage_rects(&dmg)[0].w, W);
}

static void rectangles_stay_inside_the_output(void **state)
{
    (void)state;
    setup_frame();
    frame(5, 5, "3", false);
    assert_int_equal(frame(-3, 2, "3", false), 1);
    const SDL_Rect *r = damage_rects(&dmg);
    assert_true(r[0].x >= 0 && r[0].y >= 0);
    assert_true(r[0].x + r[0].w <= W && r[0].y + r[0].h <= H);
}

static void only_the_recorded_renderer_is_intercepted(void **state)
{
    (void)state;
    setup_frame();
    assert_false(damage_recording(REN));
    assert_false(damage_note(REN, 0, 0, 1, 1, 1)); /* not recording: draw */
    damage_begin(&dmg, REN);
    assert_true(damage_recording(REN));
    assert_false(damage_recording(OTHER));
    assert_false(damage_note(OTHER, 0, 0, 1, 1, 1)); /* an export renderer still draws */
    damage_end(&dmg, false, W, H);
    assert_false(damage_recording(REN));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_first_frame_is_drawn_whole),
        cmocka_unit_test(a_frame_like_the_last_one_draws_nothing),
        cmocka_unit_test(a_moved_dot_redraws_where_it_was_and_where_it_is_only),
        cmocka_unit_test(a_move_under_a_sixteenth_of_a_pixel_is_not_redrawn),
        cmocka_unit_test(far_apart_changes_stay_separate_rectangles),
        cmocka_unit_test(an_item_that_goes_is_redrawn_as_background),
        cmocka_unit_test(asking_for_the_whole_picture_gets_it),
        cmocka_unit_test(too_many_items_redraw_the_whole_picture),
        cmocka_unit_test(rectangles_stay_inside_the_output),
        cmocka_unit_test(only_the_recorded_renderer_is_intercepted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
