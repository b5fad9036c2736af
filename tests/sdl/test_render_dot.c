/* Tests of render.c's render_dot on SDL's software renderer into a surface: a dot copied
 * from its cached picture looks like the same disc drawn by render_disc (over a picture
 * that is not plain, so a wrong alpha would show), wherever it sits between pixels, and
 * keeps to the clip rectangle. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>

#include "render.h"

#define W 200
#define H 160

static SDL_Surface *surf;
static SDL_Renderer *ren;
static Uint32 want[W * H];

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
    render_forget(ren);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    return 0;
}

/* A dark picture with a light line across it, the way the box's dot rides its side. */
static void background(void)
{
    SDL_RenderSetClipRect(ren, NULL);
    SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(ren, 20, 24, 32, 255);
    SDL_RenderClear(ren);
    SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_BLEND);
    render_line(ren, 0, 80, W, 80, 3, (SDL_Color){60, 70, 90, 255});
}

static Uint32 at(int x, int y)
{
    const Uint32 *row = (const Uint32 *)((const Uint8 *)surf->pixels + y * surf->pitch);
    return row[x] & 0xffffff;
}

static void keep(void)
{
    SDL_RenderFlush(ren);
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            want[y * W + x] = at(x, y);
}

/* The largest difference of one channel between the picture and the one kept. */
static int largest_difference(void)
{
    SDL_RenderFlush(ren);
    int most = 0;
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
            Uint32 a = at(x, y), b = want[y * W + x];
            for (int s = 0; s < 24; s += 8) {
                int d = abs((int)((a >> s) & 0xff) - (int)((b >> s) & 0xff));
                most = d > most ? d : most;
            }
        }
    }
    return most;
}

/* The box's dot: a wide soft halo, then a small disc. */
static void dot(bool cached, float x, float y)
{
    void (*draw)(SDL_Renderer *, float, float, float, float, SDL_Color) =
        cached ? render_dot : render_disc;
    draw(ren, x, y, 22, 16, (SDL_Color){52, 66, 80, 255});
    draw(ren, x, y, 13, 2, (SDL_Color){120, 170, 196, 255});
}

static void a_dot_looks_like_the_disc_it_stands_for_wherever_it_sits(void **state)
{
    (void)state;
    const float xs[] = {100.0f, 100.5f, 63.3f, 137.77f, 99.93f};
    for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        for (int again = 0; again < 2; again++) { /* made, then copied from the cache */
            background();
            dot(false, xs[i], 80.6f);
            keep();
            background();
            dot(true, xs[i], 80.6f);
            /* an eighth of a pixel off at most, and 8-bit blending: a few levels */
            assert_in_range(largest_difference(), 0, 8);
        }
    }
    /* and it is really there: the core's middle is its colour, not the background */
    assert_int_equal(at(100, 80), 0x78aac4);
}

static void a_dot_moved_by_a_pixel_moves_its_picture_by_a_pixel(void **state)
{
    (void)state;
    background();
    dot(true, 90.25f, 80);
    keep();
    background();
    dot(true, 91.25f, 80);
    SDL_RenderFlush(ren);
    for (int x = 60; x < 120; x++)
        assert_int_equal(at(x + 1, 50), want[50 * W + x]); /* a row above the line */
}

static void a_dot_keeps_to_the_clip_rectangle(void **state)
{
    (void)state;
    background();
    keep();
    SDL_Rect clip = {0, 0, 100, H};
    SDL_RenderSetClipRect(ren, &clip);
    dot(true, 100, 40);
    SDL_RenderSetClipRect(ren, NULL);
    SDL_RenderFlush(ren);
    assert_int_not_equal(at(95, 40), want[40 * W + 95]);
    for (int y = 0; y < H; y++)
        for (int x = 100; x < W; x++)
            assert_int_equal(at(x, y), want[y * W + x]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_dot_looks_like_the_disc_it_stands_for_wherever_it_sits),
        cmocka_unit_test(a_dot_moved_by_a_pixel_moves_its_picture_by_a_pixel),
        cmocka_unit_test(a_dot_keeps_to_the_clip_rectangle),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
