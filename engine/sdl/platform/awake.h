/* awake: keeps the screen from dimming, locking or blanking while a session runs, and
 * only then. On Wayland ebb takes the compositor's idle inhibitor (zwp_idle_inhibit_v1)
 * on its window itself (idle_wayland.h); elsewhere, and on a compositor without that
 * protocol, SDL's screensaver control does it (X11: the X screensaver suspended and the
 * desktop's org.freedesktop.ScreenSaver asked over D-Bus). SDL would inhibit from
 * start-up to exit by itself; platform_video_init tells it not to, and this module
 * decides. */
#ifndef EBB_AWAKE_H
#define EBB_AWAKE_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "idle_wayland.h"
#include "testhook.h"

/* A pause longer than this lets the screen sleep again: someone who paused and walked
 * away should find their screen locked as usual. */
#define AWAKE_PAUSE_US 60000000u

/* What the decision looks at. */
struct awake_in {
    bool session_screen; /* the session screen is shown (not the picker, a check-in, the end) */
    bool running;        /* the session runs, or a sequence moves between two items */
    bool paused;         /* the session is paused */
    uint64_t paused_us;  /* how long it has been paused (session clock) */
};

/* True when the screen must be kept awake. Pure. */
bool awake_wanted(const struct awake_in *in);

struct awake {
    bool inhibited;          /* the screen is being kept awake */
    bool was_paused;
    uint64_t paused_at_us;   /* session clock when the pause began */
    struct idle_wayland *wl; /* owned; NULL: SDL's screensaver control */
    SDL_Window *win;         /* not owned */
};

/* Starts allowed, for this window (call after it is open). */
void awake_init(struct awake *w, SDL_Window *win);

/* Works out paused_us from the session's state at now_us, decides, and tells SDL when the
 * decision changes; the test log gets "awake on" or "awake off" as SDL then reports it. */
void awake_update(struct awake *w, bool session_screen, bool running, bool paused,
                  uint64_t now_us, struct testhook *h);

/* Lets the screen sleep again and frees what init took (at exit, before the window
 * closes). */
void awake_release(struct awake *w, struct testhook *h);

#endif
