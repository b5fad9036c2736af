/* theme: three palettes. Blues and greens of low saturation on a deep slate background
 * by default; nothing red anywhere, and no colour changes suddenly between screens. */
#include "theme.h"

#include <string.h>

static const struct theme themes[] = {
    {"dark", {19, 24, 33, 255}, {206, 213, 222, 255}, {122, 134, 150, 255},
     {120, 170, 196, 255}, {52, 64, 80, 255}, {30, 38, 51, 255}},
    {"light", {236, 239, 241, 255}, {44, 54, 66, 255}, {104, 116, 130, 255},
     {74, 128, 152, 255}, {190, 200, 208, 255}, {222, 228, 232, 255}},
    {"contrast", {0, 0, 0, 255}, {255, 255, 255, 255}, {220, 220, 220, 255},
     {255, 214, 90, 255}, {170, 170, 170, 255}, {40, 40, 40, 255}},
};

int theme_find(const char *name, struct theme *out)
{
    *out = themes[0];
    if (!name || !name[0])
        return 0;
    for (size_t i = 0; i < sizeof themes / sizeof themes[0]; i++) {
        if (strcmp(themes[i].name, name) == 0) {
            *out = themes[i];
            return 0;
        }
    }
    return -1;
}

const char *theme_names(void)
{
    return "dark, light, contrast";
}

SDL_Color theme_mix(SDL_Color c, SDL_Color bg, float amount)
{
    if (amount < 0)
        amount = 0;
    if (amount > 1)
        amount = 1;
    SDL_Color o = {(Uint8)(c.r + (bg.r - c.r) * amount + 0.5f),
                   (Uint8)(c.g + (bg.g - c.g) * amount + 0.5f),
                   (Uint8)(c.b + (bg.b - c.b) * amount + 0.5f), c.a};
    return o;
}

SDL_Color theme_alpha(SDL_Color c, float a)
{
    if (a < 0)
        a = 0;
    if (a > 1)
        a = 1;
    c.a = (Uint8)(c.a * a + 0.5f);
    return c;
}
