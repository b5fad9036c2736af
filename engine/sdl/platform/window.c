/* window: renderer choice and pacing. GL that is itself software (llvmpipe under Xvfb)
 * is slower than SDL's software renderer writing straight into the X framebuffer, so
 * that case uses the framebuffer (SDL_FRAMEBUFFER_ACCELERATION=0). Wayland always
 * uses GL (see window_open). */
#include "window.h"

#include <SDL_syswm.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifdef EBB_HAVE_XSS /* found with Xlib itself (CMakeLists.txt) */
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#endif

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

void window_fit(int *w, int *h, const SDL_Rect *usable, int min_w, int min_h)
{
    if (!usable || usable->w <= 0 || usable->h <= 0)
        return;
    min_w = min_w < usable->w ? min_w : usable->w;
    min_h = min_h < usable->h ? min_h : usable->h;
    *w = *w > usable->w ? usable->w : *w < min_w ? min_w : *w;
    *h = *h > usable->h ? usable->h : *h < min_h ? min_h : *h;
}

/* A display of the dummy or offscreen driver is a made-up 1024x768: windows there keep
 * the size asked for (the tests' pictures), as nothing is cut off on a real screen. */
static bool real_display(void)
{
    const char *driver = SDL_GetCurrentVideoDriver();
    return driver && strcmp(driver, "dummy") != 0 && strcmp(driver, "offscreen") != 0;
}

static bool is_x11(void)
{
    const char *driver = SDL_GetCurrentVideoDriver();
    return driver && strcmp(driver, "x11") == 0;
}

/* X11 with no window manager: SDL asks for full screen with a message to the root
 * window that nobody reads, and the window keeps its size while SDL draws a full-screen
 * picture cropped inside it. A window manager says it is there (EWMH) by the root's
 * _NET_SUPPORTING_WM_CHECK. */
static bool x11_without_wm(SDL_Window *win)
{
#ifdef EBB_HAVE_XSS
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!SDL_GetWindowWMInfo(win, &info) || info.subsystem != SDL_SYSWM_X11)
        return false;
    Display *d = info.info.x11.display;
    Atom check = XInternAtom(d, "_NET_SUPPORTING_WM_CHECK", True);
    if (check == None)
        return true;
    Atom type = None;
    int format = 0;
    unsigned long n = 0, after = 0;
    unsigned char *data = NULL;
    int got = XGetWindowProperty(d, DefaultRootWindow(d), check, 0, 1, False, XA_WINDOW, &type,
                                 &format, &n, &after, &data);
    bool none = got != Success || type != XA_WINDOW || n == 0;
    if (data)
        XFree(data);
    return none;
#else
    (void)win;
    return false;
#endif
}

/* gl: made for GL from the start (on Wayland SDL would otherwise make it again). On X11
 * full screen is asked for after the window is made (window_open), once it is known
 * whether a window manager will do it. */
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
    if (req->fullscreen && !is_x11())
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    if (gl)
        flags |= SDL_WINDOW_OPENGL;
    int w = req->width, h = req->height;
    int x = (int)SDL_WINDOWPOS_CENTERED_DISPLAY(display), y = x;
    SDL_Rect usable;
    if (real_display() && SDL_GetDisplayUsableBounds(display, &usable) == 0) {
        /* never larger than the screen less its panels, and centred in what is left */
        window_fit(&w, &h, &usable, 0, 0);
        x = usable.x + (usable.w - w) / 2;
        y = usable.y + (usable.h - h) / 2;
    }
    return SDL_CreateWindow("ebb", x, y, w, h, flags);
}

/* The smallest window: WINDOW_MIN_W x WINDOW_MIN_H pixels, in the window's points (half
 * as many at scale 2), at most the usable area. A smaller remembered window grows to it. */
static void set_minimum(struct window *w)
{
    SDL_Rect usable;
    int d = SDL_GetWindowDisplayIndex(w->win), pw, ph;
    float sx, sy;
    if (!real_display() || d < 0 || SDL_GetDisplayUsableBounds(d, &usable) != 0)
        return;
    window_output(w, &pw, &ph, &sx, &sy);
    int min_w = (int)ceilf(WINDOW_MIN_W / (sx > 0 ? sx : 1));
    int min_h = (int)ceilf(WINDOW_MIN_H / (sy > 0 ? sy : 1));
    SDL_SetWindowMinimumSize(w->win, min_w < usable.w ? min_w : usable.w,
                             min_h < usable.h ? min_h : usable.h);
}

/* After the window is shown: when the frame the window manager put around it makes it
 * taller or wider than the usable area, the window is made smaller to fit. */
static void fit_frame(SDL_Window *win)
{
    int top = 0, left = 0, bottom = 0, right = 0, w = 0, h = 0;
    SDL_Rect usable;
    int d = SDL_GetWindowDisplayIndex(win);
    if (!real_display() || d < 0 || SDL_GetDisplayUsableBounds(d, &usable) != 0 ||
        (SDL_GetWindowFlags(win) & SDL_WINDOW_FULLSCREEN_DESKTOP) ||
        SDL_GetWindowBordersSize(win, &top, &left, &bottom, &right) != 0)
        return;
    SDL_GetWindowSize(win, &w, &h);
    int fw = w, fh = h;
    SDL_Rect inner = {usable.x, usable.y, usable.w - left - right, usable.h - top - bottom};
    window_fit(&fw, &fh, &inner, 0, 0);
    if (fw != w || fh != h) {
        SDL_SetWindowSize(win, fw, fh);
        SDL_SetWindowPosition(win, usable.x + left + (inner.w - fw) / 2,
                              usable.y + top + (inner.h - fh) / 2);
    }
}

void window_set_fullscreen(struct window *w, bool on)
{
    if (!w->no_wm) {
        SDL_SetWindowFullscreen(w->win, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        return;
    }
    if (on == w->own_fullscreen)
        return;
    SDL_Rect b;
    int d = SDL_GetWindowDisplayIndex(w->win);
    if (on) {
        if (d < 0 || SDL_GetDisplayBounds(d, &b) != 0)
            return;
        SDL_GetWindowPosition(w->win, &w->windowed.x, &w->windowed.y);
        SDL_GetWindowSize(w->win, &w->windowed.w, &w->windowed.h);
        SDL_SetWindowPosition(w->win, b.x, b.y);
        SDL_SetWindowSize(w->win, b.w, b.h);
        SDL_RaiseWindow(w->win);
    } else {
        SDL_SetWindowSize(w->win, w->windowed.w, w->windowed.h);
        SDL_SetWindowPosition(w->win, w->windowed.x, w->windowed.y);
    }
    w->own_fullscreen = on;
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
    if (is_x11()) {
        w->no_wm = x11_without_wm(w->win);
        if (req->fullscreen) /* a hidden window: takes effect when it is shown */
            window_set_fullscreen(w, true);
    }
    set_minimum(w);
    SDL_ShowWindow(w->win);
    if (!req->fullscreen)
        fit_frame(w->win);
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
