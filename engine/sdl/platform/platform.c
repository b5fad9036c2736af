/* platform: the video driver and the app id (platform.h). SDL 2.26 prefers X11 when both
 * are there (under XWayland too), so Wayland is asked for by name when a compositor is
 * there, and a failure falls back to SDL's own order. */
#include "platform.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *platform_first_driver(const char *sdl_videodriver, const char *wayland_display)
{
    if (sdl_videodriver && sdl_videodriver[0])
        return sdl_videodriver;
    if (wayland_display && wayland_display[0])
        return "wayland";
    return NULL;
}

/* SDL 2.26 reads the Wayland app_id and the X11 WM_CLASS from these variables when the
 * video starts (a person's own setting wins). */
static void name_the_app(void)
{
    setenv("SDL_VIDEO_WAYLAND_WMCLASS", PLATFORM_APP_ID, 0);
    setenv("SDL_VIDEO_X11_WMCLASS", PLATFORM_APP_ID, 0);
    SDL_SetHint(SDL_HINT_APP_NAME, "ebb"); /* the name in D-Bus inhibit requests */
    /* SDL would keep the screen awake from start to exit: awake.c decides instead */
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "1");
}

int platform_video_init(char *err, size_t err_size)
{
    name_the_app();
    const char *named = getenv("SDL_VIDEODRIVER");
    const char *first = platform_first_driver(named, getenv("WAYLAND_DISPLAY"));
    if (first && !(named && named[0])) {
        SDL_SetHint(SDL_HINT_VIDEODRIVER, first);
        if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0)
            return 0;
        SDL_ResetHint(SDL_HINT_VIDEODRIVER); /* then X11, XWayland included */
    }
    if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        snprintf(err, err_size, "%s", SDL_GetError());
        return -1;
    }
    /* SDL's last resort draws where nobody sees it: only when asked for by name */
    const char *got = SDL_GetCurrentVideoDriver();
    if (!(named && named[0]) && got &&
        (strcmp(got, "offscreen") == 0 || strcmp(got, "dummy") == 0)) {
        SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
        snprintf(err, err_size, "neither Wayland ($WAYLAND_DISPLAY) nor X11 ($DISPLAY) is there");
        return -1;
    }
    return 0;
}

bool platform_is_wayland(void)
{
    const char *d = SDL_GetCurrentVideoDriver();
    return d && strcmp(d, "wayland") == 0;
}
