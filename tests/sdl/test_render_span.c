/* Tests of engine/sdl/render_span.c through render.c's shapes, drawn on SDL's software
 * renderer into a surface (no display is needed): exact radii and edges, every pixel of
 * a shape blended once, nothing drawn outside the clip rectangle. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <math.h>

#include "render.h"
#include "render_span.h"

#define W 320
#define H 240

static SDL_Surface *surf;
static SDL_Renderer *ren;

static const SDL_Color white = {255, 255, 255, 255};

static int setup(void **state)
{
    (void)state;
    surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_RGB888);
    ren = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    return ren ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    return 0;
}

/* A black picture, no clip. */
static void clear(void)
{
    SDL_RenderSetClipRect(ren, NULL);
    SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(ren, 0, 0, 0, 255);
    SDL_RenderClear(ren);
}

/* The red channel at (x, y), 0..255, once everything queued is drawn. */
static int red(int x, int y)
{
    SDL_RenderFlush(ren);
    const Uint32 *row = (const Uint32 *)((const Uint8 *)surf->pixels + y * surf->pitch);
    return (int)((row[x] >> 16) & 0xff);
}

/* Where the red channel along row y falls through half, right of x0 (interpolated). */
static float half_crossing(int y, int x0)
{
    for (int x = x0; x + 1 < W; x++) {
        int a = red(x, y), b = red(x + 1, y);
        if (a >= 128 && b < 128)
            return (float)x + 0.5f + (float)(a - 127.5f) / (float)(a - b);
    }
    return -1;
}

static void the_renderer_of_a_surface_is_known_as_software(void **state)
{
    (void)state;
    assert_true(span_software(ren));
}

static void a_disc_shows_its_exact_radius_and_a_soft_edge(void **state)
{
    (void)state;
    const float radii[] = {20.0f, 47.3f, 80.75f};
    for (size_t i = 0; i < sizeof radii / sizeof radii[0]; i++) {
        clear();
        render_disc(ren, 160, 120.5f, radii[i], 3, white);
        assert_int_equal(red(160, 120), 255);
        assert_int_equal(red(160 + (int)radii[i] - 3, 120), 255);
        assert_int_equal(red(160 + (int)radii[i] + 3, 120), 0);
        assert_float_equal(half_crossing(120, 160) - 160, radii[i], 0.15f);
        /* the edge is a ramp, not a step */
        int partial = 0;
        for (int x = 160; x < W; x++)
            partial += red(x, 120) > 10 && red(x, 120) < 245;
        assert_in_range(partial, 2, 4);
    }
}

static void a_disc_is_round_in_every_direction(void **state)
{
    (void)state;
    clear();
    render_disc(ren, 160, 120, 60, 2, white);
    /* along the column the same radius as along the row */
    int top = 0;
    for (int y = 0; y < 120; y++)
        if (red(160, y) >= 128) {
            top = y;
            break;
        }
    assert_in_range(120 - top, 59, 61);
    /* on the diagonal: 60 / sqrt(2) = 42.4 pixels on each axis */
    assert_int_equal(red(160 + 40, 120 + 40), 255);
    assert_int_equal(red(160 + 45, 120 + 45), 0);
}

static void a_ring_leaves_its_middle_and_its_outside_alone(void **state)
{
    (void)state;
    clear();
    render_ring(ren, 160, 120, 50, 4, white);
    assert_int_equal(red(160, 120), 0);
    assert_int_equal(red(160 + 40, 120), 0);
    assert_int_equal(red(160 + 60, 120), 0);
    assert_int_equal(red(160 + 50, 120), 255);
    assert_int_equal(red(160, 120 - 50), 255);
}

static void a_translucent_polyline_is_blended_once_at_its_joints(void **state)
{
    (void)state;
    clear();
    const SDL_FPoint zigzag[] = {{20, 200},  {60, 40},   {100, 200}, {140, 40},
                                 {180, 120}, {220, 121}, {260, 122}, {300, 60}};
    SDL_Color half = {255, 255, 255, 128};
    render_polyline(ren, zigzag, 8, 10, half);
    int most = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            most = red(x, y) > most ? red(x, y) : most;
    assert_in_range(most, 124, 132);        /* a joint drawn twice would reach about 192 */
    assert_in_range(red(60, 45), 124, 132); /* just inside a sharp joint */
    assert_in_range(red(200, 121), 124, 132);
}

static void an_opaque_line_is_solid_along_its_middle_and_cut_at_its_ends(void **state)
{
    (void)state;
    clear();
    render_line(ren, 40, 100.5f, 200, 100.5f, 4, white);
    for (int x = 41; x < 199; x++)
        assert_int_equal(red(x, 100), 255);
    assert_int_equal(red(120, 100 - 4), 0);
    assert_int_equal(red(120, 100 + 4), 0);
    assert_int_equal(red(30, 100), 0);
    assert_int_equal(red(210, 100), 0);
}

static void a_rounded_rectangle_fills_its_box_and_rounds_its_corners(void **state)
{
    (void)state;
    clear();
    SDL_FRect r = {40, 30, 200, 100};
    render_round_rect(ren, r, 20, white);
    /* straight edges on whole pixels are crisp: fully in, fully out */
    assert_int_equal(red(140, 30), 255);
    assert_int_equal(red(140, 29), 0);
    assert_int_equal(red(40, 80), 255);
    assert_int_equal(red(39, 80), 0);
    assert_int_equal(red(239, 80), 255);
    assert_int_equal(red(240, 80), 0);
    /* the corner is cut away, and the inside has no seam */
    assert_int_equal(red(41, 31), 0);
    for (int y = 30; y < 130; y++)
        assert_int_equal(red(140, y), 255);
    for (int x = 40; x < 240; x++)
        assert_int_equal(red(x, 50), 255);
}

static void nothing_is_drawn_outside_the_clip_rectangle(void **state)
{
    (void)state;
    clear();
    SDL_Rect clip = {100, 60, 50, 40};
    SDL_RenderSetClipRect(ren, &clip);
    render_disc(ren, 160, 120, 100, 20, white);
    render_line(ren, 0, 80, W, 80, 6, white);
    SDL_RenderSetClipRect(ren, NULL);
    int inside = 0, outside = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            bool in = x >= clip.x && x < clip.x + clip.w && y >= clip.y && y < clip.y + clip.h;
            if (in)
                inside += red(x, y) == 255;
            else
                outside += red(x, y) != 0;
        }
    assert_int_equal(outside, 0);
    assert_int_equal(inside, clip.w * clip.h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_renderer_of_a_surface_is_known_as_software),
        cmocka_unit_test(a_disc_shows_its_exact_radius_and_a_soft_edge),
        cmocka_unit_test(a_disc_is_round_in_every_direction),
        cmocka_unit_test(a_ring_leaves_its_middle_and_its_outside_alone),
        cmocka_unit_test(a_translucent_polyline_is_blended_once_at_its_joints),
        cmocka_unit_test(an_opaque_line_is_solid_along_its_middle_and_cut_at_its_ends),
        cmocka_unit_test(a_rounded_rectangle_fills_its_box_and_rounds_its_corners),
        cmocka_unit_test(nothing_is_drawn_outside_the_clip_rectangle),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
