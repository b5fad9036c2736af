/* awake: the screen is kept awake while a session runs (awake.h). */
#include "awake.h"

#include <SDL_syswm.h>

#ifdef EBB_HAVE_XSS
#include <X11/Xlib.h>
#include <X11/extensions/scrnsaver.h>

/* SDL 2.26 suspends the X screensaver on SDL_DisableScreenSaver but, when no D-Bus
 * screensaver service answered, returns early from SDL_EnableScreenSaver before it
 * lifts the suspension: lift it here (a second lift does nothing). */
static void x11_lift(SDL_Window *win)
{
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    int event_base, error_base; /* XWayland has no MIT-SCREEN-SAVER: nothing to lift */
    if (win && SDL_GetWindowWMInfo(win, &info) && info.subsystem == SDL_SYSWM_X11 &&
        XScreenSaverQueryExtension(info.info.x11.display, &event_base, &error_base)) {
        XScreenSaverSuspend(info.info.x11.display, False);
        XFlush(info.info.x11.display);
    }
}
#else
static void x11_lift(SDL_Window *win)
{
    (void)win;
}
#endif


bool awake_wanted(const struct awake_in *in)
{
    if (!in->session_screen)
        return false;
    if (in->running)
        return true;
    return in->paused && in->paused_us < AWAKE_PAUSE_US;
}

void awake_init(struct awake *w, SDL_Window *win)
{
    w->inhibited = false;
    w->was_paused = false;
    w->paused_at_us = 0;
    SDL_EnableScreenSaver();
    w->wl = idle_wayland_open(win);
    w->win = win;
}

static void apply(struct awake *w, bool want, struct testhook *h)
{
    if (want == w->inhibited)
        return;
    w->inhibited = want;
    if (w->wl) {
        idle_wayland_set(w->wl, want);
        testhook_log(h, "awake %s (idle inhibitor)", want ? "on" : "off");
        return;
    }
    if (want) {
        SDL_DisableScreenSaver();
    } else {
        SDL_EnableScreenSaver();
        x11_lift(w->win);
    }
    testhook_log(h, "awake %s", SDL_IsScreenSaverEnabled() ? "off" : "on");
}

void awake_update(struct awake *w, bool session_screen, bool running, bool paused,
                  uint64_t now_us, struct testhook *h)
{
    bool now_paused = session_screen && paused;
    if (now_paused && !w->was_paused)
        w->paused_at_us = now_us;
    w->was_paused = now_paused;
    struct awake_in in = {session_screen, running, now_paused,
                          now_paused && now_us > w->paused_at_us ? now_us - w->paused_at_us : 0};
    apply(w, awake_wanted(&in), h);
}

void awake_release(struct awake *w, struct testhook *h)
{
    apply(w, false, h);
    idle_wayland_close(w->wl);
    w->wl = NULL;
}
