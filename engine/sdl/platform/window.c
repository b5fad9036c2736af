/* window: renderer choice and pacing. GL that is itself software (llvmpipe under Xvfb)
 * is slower than SDL's software renderer writing straight into the X framebuffer, so
 * that case uses the framebuffer (SDL_FRAMEBUFFER_ACCELERATION=0). Wayland always
 * uses GL (see window_open). */
#include "window.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "platform.h"
#include "render.h"

#define GL_RENDERER_ID 0x1F01 /* glGetString(GL_RENDERER) */

static bool gl_is_software(SDL_Renderer *ren)
{
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(ren, &info) != 0)
        return true;
    if (info.flags & SDL_RENDERER_SOFTWARE)
        return true;
    if (strncmp(info.name, "opengl", 6) != 0)
        return false; /* direct3d, metal, ...: real hardware */
    typedef const unsigned char *(*get_string_fn)(unsigned int);
    get_string_fn get = (get_string_fn)(uintptr_t)SDL_GL_GetProcAddress("glGetString");
    const char *name = get ? (const char *)get(GL_RENDERER_ID) : NULL;
    if (!name)
        return true;
    return strstr(name, "llvmpipe") || strstr(name, "softpipe") || strstr(name, "swrast") ||
           strstr(name, "Software");
}

/* Linux: a GPU shows as a DRM render node or an NVIDIA device. With neither, GL could
 * only be software (llvmpipe), so it is not even tried: loading it costs tens of MB and
 * tens of ms at start-up (docs/benchmark.md). Elsewhere: unknown, so try. */
static bool no_gpu(void)
{
#ifdef __linux__
    char path[32];
    for (int i = 128; i < 144; i++) {
        snprintf(path, sizeof path, "/dev/dri/renderD%d", i);
        if (access(path, F_OK) == 0)
            return false;
    }
    return access("/dev/nvidia0", F_OK) != 0;
#else
    return false;
#endif
}

/* gl: made for GL from the start (on Wayland SDL would otherwise make it again) */
static SDL_Window *make_window(const struct window_req *req, bool gl)
{
    int display = req->display, count = SDL_GetNumVideoDisplays();
    if (display < 0 || display >= count) {
        if (display > 0) /* asked for a display that is not there: say so, use the first */
            fprintf(stderr, "ebb: warning: --display %d: there %s %d display%s; using display 0\n",
                    display, count == 1 ? "is" : "are", count < 0 ? 0 : count,
                    count == 1 ? "" : "s");
        display = 0;
    }
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_HIDDEN;
    if (req->fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    if (gl)
        flags |= SDL_WINDOW_OPENGL;
    return SDL_CreateWindow("ebb", (int)SDL_WINDOWPOS_CENTERED_DISPLAY(display),
                            (int)SDL_WINDOWPOS_CENTERED_DISPLAY(display), req->width,
                            req->height, flags);
}

int window_open(struct window *w, const struct window_req *req, char *err, size_t err_size)
{
    memset(w, 0, sizeof *w);
    const char *force = SDL_getenv("EBB_RENDERER");
    const char *driver = SDL_GetCurrentVideoDriver();
    bool forced_gl = force && strcmp(force, "accelerated") == 0;
    /* Wayland has no framebuffer of its own to draw into: SDL's software renderer would
     * go through a GL texture anyway, at the window's size in points, so a scale-2
     * output would show it upscaled. GL draws at the output's pixels, even as llvmpipe. */
    bool wayland = platform_is_wayland();
    bool software = (force && strcmp(force, "software") == 0) ||
                    (driver && strcmp(driver, "dummy") == 0) ||
                    (!forced_gl && !wayland && no_gpu());
    if (software && !wayland)
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    w->win = make_window(req, wayland && !software);
    if (!w->win) {
        snprintf(err, err_size, "cannot open a window: %s", SDL_GetError());
        return -1;
    }
    if (!software) {
        w->ren = SDL_CreateRenderer(w->win, -1,
                                    SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
        bool forced = force && strcmp(force, "accelerated") == 0;
        if (w->ren && !forced && !wayland && gl_is_software(w->ren)) {
            SDL_DestroyRenderer(w->ren);
            w->ren = NULL;
            SDL_DestroyWindow(w->win);
            SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
            w->win = make_window(req, false);
        }
    }
    if (w->win && !w->ren) {
        w->ren = SDL_CreateRenderer(w->win, -1, SDL_RENDERER_SOFTWARE);
        w->software = true;
    }
    if (!w->win || !w->ren) {
        snprintf(err, err_size, "cannot draw in the window: %s", SDL_GetError());
        window_close(w);
        return -1;
    }
    SDL_DisplayMode mode;
    int hz = 0;
    if (SDL_GetWindowDisplayMode(w->win, &mode) == 0)
        hz = mode.refresh_rate;
    w->period_us = 1000000u / (uint64_t)(hz > 0 ? hz : 60);
    SDL_SetRenderDrawBlendMode(w->ren, SDL_BLENDMODE_BLEND);
    SDL_ShowWindow(w->win);
    w->frame_start_us = clock_system_us();
    return 0;
}

void window_close(struct window *w)
{
    if (w->ren) {
        render_forget(w->ren);
        SDL_DestroyRenderer(w->ren);
    }
    if (w->win)
        SDL_DestroyWindow(w->win);
    w->ren = NULL;
    w->win = NULL;
}

void window_output(const struct window *w, int *pw, int *ph, float *sx, float *sy)
{
    int ww = 1, wh = 1;
    SDL_GetWindowSize(w->win, &ww, &wh);
    if (SDL_GetRendererOutputSize(w->ren, pw, ph) != 0) {
        *pw = ww;
        *ph = wh;
    }
    *sx = ww > 0 ? (float)*pw / ww : 1;
    *sy = wh > 0 ? (float)*ph / wh : 1;
}

/* Sleeps what is left of the refresh period (vsync that really waits leaves nothing). */
static void pace(struct window *w)
{
    uint64_t now = clock_system_us();
    uint64_t spent = now - w->frame_start_us;
    if (!w->unpaced && spent + 1000 < w->period_us) {
        SDL_Delay((Uint32)((w->period_us - spent) / 1000));
        now = clock_system_us();
    }
    w->frame_start_us = now;
}

void window_present(struct window *w)
{
    SDL_RenderPresent(w->ren);
    pace(w);
}

void window_present_rects(struct window *w, const SDL_Rect *rects, int n)
{
    if (n > 0 && w->software) {
        /* the software renderer draws into the window surface: send only what changed */
        SDL_RenderFlush(w->ren);
        SDL_UpdateWindowSurfaceRects(w->win, rects, n);
    } else if (n > 0) {
        SDL_RenderPresent(w->ren);
    }
    pace(w);
}

bool redraw_animating(const struct redraw_in *in)
{
    return in->visible && (in->moving || in->transient);
}

bool redraw_needed(const struct redraw_in *in)
{
    return in->visible && (in->dirty || in->moving || in->transient);
}
