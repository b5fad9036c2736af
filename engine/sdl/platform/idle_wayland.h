/* idle_wayland: the Wayland idle inhibitor (zwp_idle_inhibit_manager_v1) on ebb's own
 * window, taken and given back by ebb. SDL 2.26 takes one on SDL_DisableScreenSaver but
 * never gives it back on SDL_EnableScreenSaver when no D-Bus screensaver service
 * answered (sway and other wlroots desktops): the screen would stay awake until exit. */
#ifndef EBB_IDLE_WAYLAND_H
#define EBB_IDLE_WAYLAND_H

#include <SDL.h>
#include <stdbool.h>

struct idle_wayland; /* opaque */

/* Binds the compositor's idle-inhibit manager for this window. NULL when the window is
 * not on Wayland or the compositor has none (then SDL's screensaver control is used).
 * Freed by idle_wayland_close. */
struct idle_wayland *idle_wayland_open(SDL_Window *win);

/* Takes (on) or gives back (off) the inhibitor; the request is sent at once. */
void idle_wayland_set(struct idle_wayland *iw, bool on);

/* Gives back the inhibitor and frees everything; NULL is fine. */
void idle_wayland_close(struct idle_wayland *iw);

#endif
