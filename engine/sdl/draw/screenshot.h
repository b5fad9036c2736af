/* screenshot: what the renderer has drawn, saved as a PNG (SDL2_image). */
#ifndef EBB_SCREENSHOT_H
#define EBB_SCREENSHOT_H

#include <SDL.h>
#include <stddef.h>

/* Reads the renderer's current target (w x h pixels) and writes it to path. Returns 0,
 * or -1 with a reason in err. Call before SDL_RenderPresent. */
int screenshot_save(SDL_Renderer *ren, int w, int h, const char *path, char *err,
                    size_t err_size);

/* A new file name for the S key: $XDG_PICTURES_DIR, else $HOME, then
 * ebb-YYYYMMDD-HHMMSS.png. Returns 0, or -1 when there is no folder. */
int screenshot_default_path(char *buf, size_t size);

#endif
