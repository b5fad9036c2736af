/* screenshot: reads pixels back and writes PNGs. Used by S, --screenshot and export. */
#include "screenshot.h"

#include <SDL_image.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

int screenshot_save(SDL_Renderer *ren, int w, int h, const char *path, char *err,
                    size_t err_size)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 24, SDL_PIXELFORMAT_RGB24);
    if (!s) {
        snprintf(err, err_size, "out of memory");
        return -1;
    }
    if (SDL_RenderReadPixels(ren, NULL, SDL_PIXELFORMAT_RGB24, s->pixels, s->pitch) != 0) {
        snprintf(err, err_size, "cannot read the picture: %s", SDL_GetError());
        SDL_FreeSurface(s);
        return -1;
    }
    errno = 0;
    int rc = IMG_SavePNG(s, path);
    SDL_FreeSurface(s);
    if (rc != 0) {
        snprintf(err, err_size, "cannot write: %s", errno ? strerror(errno) : IMG_GetError());
        return -1;
    }
    return 0;
}

static bool is_dir(const char *p)
{
    struct stat sb;
    return p && p[0] == '/' && stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

int screenshot_default_path(char *buf, size_t size)
{
    const char *dir = getenv("XDG_PICTURES_DIR");
    if (!is_dir(dir))
        dir = getenv("HOME");
    if (!is_dir(dir))
        return -1;
    time_t now = time(NULL);
    struct tm tmv;
    char stamp[32];
    localtime_r(&now, &tmv);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tmv);
    /* two in the same second: ebb-STAMP-2.png, -3..., never over an earlier one */
    for (int k = 1; k < 1000; k++) {
        int n = k == 1 ? snprintf(buf, size, "%s/ebb-%s.png", dir, stamp)
                       : snprintf(buf, size, "%s/ebb-%s-%d.png", dir, stamp, k);
        if (n < 0 || (size_t)n >= size)
            return -1;
        struct stat sb;
        if (stat(buf, &sb) != 0 && errno == ENOENT)
            return 0;
    }
    return -1;
}
