/* window: the window and the renderer choice, frame pacing, and the redraw decision.
 * A plain software framebuffer when GL would itself be software (Xvfb, llvmpipe, the
 * dummy driver); an accelerated renderer with vsync when there is a real one.
 * $EBB_RENDERER=software|accelerated overrides the choice. */
#ifndef EBB_WINDOW_H
#define EBB_WINDOW_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct window_req {
    int width, height; /* window size (not pixels) */
    bool fullscreen;
    int display;       /* -1: the default */
};

/* The smallest window every screen is laid out for, in pixels (smaller only on a smaller
 * display). */
#define WINDOW_MIN_W 640
#define WINDOW_MIN_H 480

struct window {
    SDL_Window *win;
    SDL_Renderer *ren;
    bool no_wm;          /* X11 with no window manager: full screen is ebb's own */
    bool own_fullscreen; /* the window covers the display by its own size (no_wm) */
    SDL_Rect windowed;   /* where it was before that */
    bool software;      /* the software renderer is in use */
    uint64_t period_us; /* one refresh of the display (60 Hz when SDL says 0) */
    uint64_t frame_start_us;
    bool unpaced;       /* the benchmark's frames: never sleep after a present */
};

/* The window size for a wish of w x h on a display whose usable area (without panels
 * and docks) is `usable`: each side at most the usable one, and at least min_w x min_h
 * where the display has room for that. Pure. */
void window_fit(int *w, int *h, const SDL_Rect *usable, int min_w, int min_h);

/* Full screen on or off. Where a window manager does it, SDL asks it; with none (X11
 * and nothing acting on the request) the window itself is moved and sized over the
 * display, and put back after. */
void window_set_fullscreen(struct window *w, bool on);

/* Opens the window and renderer. Returns 0, or -1 with one line in err. */
int window_open(struct window *w, const struct window_req *req, char *err, size_t err_size);
void window_close(struct window *w);

/* Output size in pixels (HiDPI) and the factor from window coordinates to pixels. */
void window_output(const struct window *w, int *pw, int *ph, float *sx, float *sy);

/* Presents, then sleeps what is left of the refresh period when presenting did not
 * wait for vsync. Never spins. */
void window_present(struct window *w);

/* The software renderer only: shows just these n rectangles of what was drawn (output
 * pixels; n 0 shows nothing), then sleeps like window_present. Any other renderer
 * presents the whole picture when n > 0. */
void window_present_rects(struct window *w, const SDL_Rect *rects, int n);

/* What the redraw decision looks at (tests/sdl/test_window.c). */
struct redraw_in {
    bool visible;   /* not minimized or hidden */
    bool dirty;     /* something changed since the last present */
    bool moving;    /* a running session (not paused, not finished) */
    bool transient; /* a fade, a hint or a notice is changing */
};

/* True when the picture moves by itself: draw every frame. */
bool redraw_animating(const struct redraw_in *in);

/* True when this turn of the loop must draw. */
bool redraw_needed(const struct redraw_in *in);

#endif
