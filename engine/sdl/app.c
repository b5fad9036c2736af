/* app: the program a person sees. */
#include "app.h"

#include <SDL.h>

int ebb_app_run(const struct ebb_options *opt)
{
    (void)opt;
    if (SDL_Init(SDL_INIT_VIDEO) != 0)
        return 1;
    SDL_Quit();
    return 0;
}
