/* Tests of engine/sdl/grounding_view.c's pure parts: the layout at any window size, the
 * count's dots, the tense/release shape's size and colour, and how a step moves on. The
 * pixels themselves are tested through export (tests/integration/grounding_*.sh). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>

#include "grounding_view.h"

static const int sizes[][2] = {{1280, 720}, {1920, 1080}, {800, 600},
                               {720, 1280}, {2560, 1080}, {320, 240}};
#define SIZE_COUNT (int)(sizeof sizes / sizeof sizes[0])

/* Where scene.c puts the paused line's top: it must not cover the figure. */
static float paused_line_top(int w, int h)
{
    float u = (float)(w < h ? w : h) / 720.0f;
    return h * 0.44f - 30 * u;
}

static void the_layout_grows_in_proportion_with_the_window(void **state)
{
    (void)state;
    struct gv_layout a, b;
    gv_layout(1280, 720, &a);
    gv_layout(1920, 1080, &b);
    const float fa[] = {a.unit,   a.cx,     a.fig_y,  a.ring_r,   a.ring_w,  a.text_y,
                        a.text_w, a.detail_w, a.tap_lx, a.tap_rx, a.tap_r,   a.dot_r,
                        a.fig_top, a.fig_bottom};
    const float fb[] = {b.unit,   b.cx,     b.fig_y,  b.ring_r,   b.ring_w,  b.text_y,
                        b.text_w, b.detail_w, b.tap_lx, b.tap_rx, b.tap_r,   b.dot_r,
                        b.fig_top, b.fig_bottom};
    for (size_t i = 0; i < sizeof fa / sizeof fa[0]; i++)
        assert_float_equal(fb[i], fa[i] * 1.5f, 0.01f);
    assert_float_equal(a.cx, 640, 0.01f);
    assert_float_equal(a.fig_y, 720 * GV_FIGURE_Y, 0.01f);
    assert_float_equal(a.ring_r, 720 * GV_RING_R, 0.01f);
}

static void the_figure_sits_above_the_words_and_clear_of_the_paused_line(void **state)
{
    (void)state;
    for (int i = 0; i < SIZE_COUNT; i++) {
        int w = sizes[i][0], h = sizes[i][1];
        struct gv_layout l;
        gv_layout(w, h, &l);
        assert_true(l.fig_top > 0);
        assert_true(l.fig_bottom < l.text_y);
        assert_true(l.fig_y + l.ring_r + l.ring_w < paused_line_top(w, h));
        assert_true(l.fig_y + l.tap_r * 1.7f < paused_line_top(w, h));
        assert_true(l.text_w <= w && l.detail_w < l.text_w);
    }
}

static void the_tap_marks_are_mirrored_and_stay_inside_the_window(void **state)
{
    (void)state;
    for (int i = 0; i < SIZE_COUNT; i++) {
        int w = sizes[i][0], h = sizes[i][1];
        struct gv_layout l;
        gv_layout(w, h, &l);
        assert_float_equal(l.cx - l.tap_lx, l.tap_rx - l.cx, 0.01f);
        /* far enough apart to read as two sides, with their glow on screen */
        assert_true(l.tap_rx - l.tap_lx > 4 * l.tap_r);
        assert_true(l.tap_lx - l.tap_r * 1.7f >= 0);
        assert_true(l.tap_rx + l.tap_r * 1.7f <= w);
        assert_true(l.fig_y - l.tap_r * 1.7f >= 0);
    }
    struct gv_layout l;
    gv_layout(1280, 720, &l);
    assert_float_equal(l.tap_lx, 640 - 360, 0.01f); /* what grounding_export.sh probes */
    assert_float_equal(l.tap_rx, 640 + 360, 0.01f);
}

static void count_dots_are_centred_apart_and_inside_the_figure_zone(void **state)
{
    (void)state;
    SDL_FPoint pts[GV_DOTS_MAX];
    for (int i = 0; i < SIZE_COUNT; i++) {
        int w = sizes[i][0], h = sizes[i][1];
        struct gv_layout l;
        gv_layout(w, h, &l);
        for (int count = 1; count <= GV_DOTS_MAX; count++) {
            float r = 0;
            int n = gv_dots(&l, w, count, pts, GV_DOTS_MAX, &r);
            assert_int_equal(n, count);
            assert_true(r > 0 && r <= l.dot_r + 1e-4f);
            double sx = 0, sy = 0;
            for (int k = 0; k < n; k++) {
                sx += pts[k].x;
                sy += pts[k].y;
                assert_true(pts[k].x - r >= 0 && pts[k].x + r <= w);
                assert_true(pts[k].y - r >= l.fig_top - 0.01f);
                assert_true(pts[k].y + r <= l.fig_bottom + 0.01f);
                for (int m = 0; m < k; m++)
                    assert_true(hypotf(pts[k].x - pts[m].x, pts[k].y - pts[m].y) > 2.5f * r);
            }
            if (count % GV_DOTS_PER_ROW == 0 || count < GV_DOTS_PER_ROW)
                assert_float_equal(sx / n, l.cx, 0.01);
            assert_float_equal(sy / n, l.fig_y, r * GV_DOT_GAP);
        }
    }
}

static void five_dots_are_one_row_at_the_full_size(void **state)
{
    (void)state;
    SDL_FPoint pts[GV_DOTS_MAX];
    struct gv_layout l;
    gv_layout(1280, 720, &l);
    float r = 0;
    assert_int_equal(gv_dots(&l, 1280, 5, pts, GV_DOTS_MAX, &r), 5);
    assert_float_equal(r, l.dot_r, 1e-4f);
    for (int k = 0; k < 5; k++)
        assert_float_equal(pts[k].y, l.fig_y, 1e-4f);
    assert_true(pts[0].x < pts[4].x);
    /* a count past the maximum is drawn as the maximum, and `max` bounds the writes */
    assert_int_equal(gv_dots(&l, 1280, 500, pts, 3, &r), GV_DOTS_MAX);
    assert_int_equal(gv_dots(&l, 1280, 0, pts, GV_DOTS_MAX, &r), 1);
}

static void tensing_tightens_and_brightens_then_holds(void **state)
{
    (void)state;
    float prev_r = 2, prev_s = 2;
    for (int i = 0; i <= 100; i++) {
        double p = i / 100.0;
        float r = gv_action_scale(EBB_STEP_ACTION_TENSE, p, false);
        float s = gv_action_soft(EBB_STEP_ACTION_TENSE, p, false);
        assert_true(r <= prev_r && s <= prev_s);
        prev_r = r;
        prev_s = s;
    }
    assert_float_equal(gv_action_scale(EBB_STEP_ACTION_TENSE, 0, false), 1.0f, 1e-6f);
    assert_float_equal(gv_action_scale(EBB_STEP_ACTION_TENSE, 0.5, false), GV_SHAPE_TIGHT, 1e-6f);
    assert_float_equal(gv_action_scale(EBB_STEP_ACTION_TENSE, 1, false), GV_SHAPE_TIGHT, 1e-6f);
    assert_float_equal(gv_action_soft(EBB_STEP_ACTION_TENSE, 1, false), 0.0f, 1e-6f);
}

static void releasing_lets_go_slowly_and_softens(void **state)
{
    (void)state;
    float prev_r = 0, prev_s = -1;
    for (int i = 0; i <= 100; i++) {
        double p = i / 100.0;
        float r = gv_action_scale(EBB_STEP_ACTION_RELEASE, p, false);
        float s = gv_action_soft(EBB_STEP_ACTION_RELEASE, p, false);
        assert_true(r >= prev_r && s >= prev_s);
        prev_r = r;
        prev_s = s;
    }
    /* still letting go past the middle: slower than tensing */
    assert_true(gv_action_scale(EBB_STEP_ACTION_RELEASE, 0.5, false) < 0.99f);
    assert_float_equal(gv_action_scale(EBB_STEP_ACTION_RELEASE, 1, false), 1.0f, 1e-6f);
}

static void tense_then_release_joins_without_a_jump(void **state)
{
    (void)state;
    for (int rm = 0; rm < 2; rm++) {
        assert_float_equal(gv_action_scale(EBB_STEP_ACTION_TENSE, 1, rm),
                           gv_action_scale(EBB_STEP_ACTION_RELEASE, 0, rm), 1e-6f);
        assert_float_equal(gv_action_soft(EBB_STEP_ACTION_TENSE, 1, rm),
                           gv_action_soft(EBB_STEP_ACTION_RELEASE, 0, rm), 1e-6f);
        /* and a release ends as the next tense begins */
        assert_float_equal(gv_action_scale(EBB_STEP_ACTION_RELEASE, 1, rm),
                           gv_action_scale(EBB_STEP_ACTION_TENSE, 0, rm), 1e-6f);
        assert_float_equal(gv_action_soft(EBB_STEP_ACTION_RELEASE, 1, rm),
                           gv_action_soft(EBB_STEP_ACTION_TENSE, 0, rm), 1e-6f);
    }
}

static void with_reduced_motion_only_the_colour_moves(void **state)
{
    (void)state;
    float r0 = gv_action_scale(EBB_STEP_ACTION_TENSE, 0, true);
    for (int i = 0; i <= 10; i++) {
        assert_float_equal(gv_action_scale(EBB_STEP_ACTION_TENSE, i / 10.0, true), r0, 1e-6f);
        assert_float_equal(gv_action_scale(EBB_STEP_ACTION_RELEASE, i / 10.0, true), r0, 1e-6f);
    }
    assert_true(gv_action_soft(EBB_STEP_ACTION_TENSE, 0, true) -
                    gv_action_soft(EBB_STEP_ACTION_TENSE, 1, true) >
                0.4f);
    assert_true(gv_action_soft(EBB_STEP_ACTION_RELEASE, 1, true) -
                    gv_action_soft(EBB_STEP_ACTION_RELEASE, 0, true) >
                0.4f);
}

static struct ebb_exercise *load(const char *id)
{
    char path[512];
    snprintf(path, sizeof path, "%s/exercises/%s.cfg", EBB_SOURCE_DIR, id);
    struct ebb_diags d;
    ebb_diags_clear(&d);
    struct ebb_exercise *ex = ebb_script_load(path, NULL, &d);
    assert_non_null(ex);
    return ex;
}

static void steps_are_manual_timed_or_tapped_as_the_script_says(void **state)
{
    (void)state;
    struct ebb_exercise *fs = load("five-senses");
    struct ebb_exercise *bh = load("butterfly-hug");
    struct ebb_exercise *mr = load("muscle-relaxation");
    assert_int_equal(gv_step_kind(fs, 0), GV_STEP_MANUAL);
    assert_int_equal(gv_step_kind(bh, 0), GV_STEP_MANUAL);
    assert_int_equal(gv_step_kind(bh, 1), GV_STEP_TAPPED);
    assert_int_equal(gv_step_kind(mr, 1), GV_STEP_TIMED);
    assert_int_equal(gv_step_kind(fs, 99), GV_STEP_MANUAL);
    assert_int_equal(gv_step_kind(NULL, 0), GV_STEP_MANUAL);
    /* advance = "timed" makes a step without seconds timed too */
    fs->advance = EBB_ADVANCE_TIMED;
    assert_int_equal(gv_step_kind(fs, 0), GV_STEP_TIMED);
    ebb_script_free(fs);
    ebb_script_free(bh);
    ebb_script_free(mr);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_layout_grows_in_proportion_with_the_window),
        cmocka_unit_test(the_figure_sits_above_the_words_and_clear_of_the_paused_line),
        cmocka_unit_test(the_tap_marks_are_mirrored_and_stay_inside_the_window),
        cmocka_unit_test(count_dots_are_centred_apart_and_inside_the_figure_zone),
        cmocka_unit_test(five_dots_are_one_row_at_the_full_size),
        cmocka_unit_test(tensing_tightens_and_brightens_then_holds),
        cmocka_unit_test(releasing_lets_go_slowly_and_softens),
        cmocka_unit_test(tense_then_release_joins_without_a_jump),
        cmocka_unit_test(with_reduced_motion_only_the_colour_moves),
        cmocka_unit_test(steps_are_manual_timed_or_tapped_as_the_script_says),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
