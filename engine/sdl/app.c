/* app: the program a person sees. (Being built: see engine/sdl/app.h.) */
#include "app.h"

#include <SDL.h>

int ebb_app_run(const struct ebb_options *opt, struct ebb_library *lib)
{
    (void)opt;
    (void)lib;
    return 1;
}

int ebb_export_run(const struct ebb_options *opt, struct ebb_library *lib)
{
    (void)opt;
    (void)lib;
    return 1;
}
