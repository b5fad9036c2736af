/* theme: the colours of a screen. Calm, low-contrast, no red: dark (default), light,
 * and contrast for people who need strong edges. */
#ifndef EBB_THEME_H
#define EBB_THEME_H

#include <SDL.h>

struct theme {
    const char *name;
    SDL_Color bg;     /* the whole window */
    SDL_Color text;   /* the phase text and titles */
    SDL_Color muted;  /* hints, numbers, summaries */
    SDL_Color accent; /* the breathing shape, the box's dot, the selection mark */
    SDL_Color guide;  /* quiet outlines: the box's square, the wave's axis, the full ring */
    SDL_Color panel;  /* the selected row, the help panel */
};

/* Fills *out with the theme called `name` ("dark", "light", "contrast"; NULL: dark).
 * Returns 0, or -1 for an unknown name (then *out is dark). */
int theme_find(const char *name, struct theme *out);

/* The names, for messages: "dark, light, contrast". */
const char *theme_names(void);

/* c scaled toward the background by `amount` 0..1 (0: c, 1: bg). */
SDL_Color theme_mix(SDL_Color c, SDL_Color bg, float amount);

/* c with its alpha scaled by `a`, clamped to 0..1 (0: invisible, 1: c as it is). */
SDL_Color theme_alpha(SDL_Color c, float a);

#endif
