/* platform: how ebb meets the desktop before a window opens. The video driver (Wayland
 * natively when a Wayland compositor is there, else X11, which includes XWayland), the
 * app id the desktop matches to io.github.ebb.Ebb.desktop for ebb's name and icon, and
 * the screensaver left to awake.h. */
#ifndef EBB_PLATFORM_H
#define EBB_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>

/* The app id: the Wayland app_id, the X11 WM_CLASS, and the .desktop file's name. */
#define PLATFORM_APP_ID "io.github.ebb.Ebb"

/* Which driver to try first, from the environment as the person has it: the driver
 * named in $SDL_VIDEODRIVER (always obeyed, NULL: none named), else "wayland" when
 * $WAYLAND_DISPLAY names a compositor, else NULL (SDL's own order: X11 first). Pure. */
const char *platform_first_driver(const char *sdl_videodriver, const char *wayland_display);

/* Initialises SDL's video and events: Wayland first when there is one, X11 when Wayland
 * cannot start (the compositor went away, no xdg-shell). Returns 0, or -1 with SDL's
 * reason in err. */
int platform_video_init(char *err, size_t err_size);

/* True when the video driver in use is Wayland's. */
bool platform_is_wayland(void);

#endif
