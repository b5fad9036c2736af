/* fonts: the main font and the fonts fontconfig finds for the characters it lacks.
 * Font 0 is the main font; a script other than Latin, Greek and Cyrillic gets the font
 * fontconfig prefers for its language, and a character no chosen font has gets the first
 * font that has it. Every answer is remembered, so nothing is looked up twice; a
 * character no font has is EBB_FONT_NONE (drawn as a box) and reported once on stderr. */
#ifndef EBB_FONTS_H
#define EBB_FONTS_H

#include <SDL_ttf.h>
#include <stdbool.h>
#include <stdint.h>

#include "letters.h"

#define FONTS_SIZES 4 /* one pixel size per enum text_size */

struct fonts; /* opaque: owns its TTF_Fonts and fontconfig's state */

/* Opens the main font file at the given pixel sizes; NULL when it cannot be opened.
 * Freed with fonts_close. */
struct fonts *fonts_open(const char *main_path, const int px[FONTS_SIZES]);
void fonts_close(struct fonts *f);

/* Reopens every font at new pixel sizes (fallback fonts lazily). Returns 0, or -1 when the
 * main font could not be reopened (the old sizes are kept). */
int fonts_resize(struct fonts *f, const int px[FONTS_SIZES]);

/* The TTF_Font of `font` at size index `size`; NULL when it cannot be opened. */
TTF_Font *fonts_get(struct fonts *f, int font, int size);

/* The font to draw cp with, and whether `font` has cp (for ebb_letters_runs). */
int fonts_pick(struct fonts *f, uint32_t cp, const char *script);
bool fonts_covers(struct fonts *f, int font, uint32_t cp);

/* The callbacks for ebb_letters_runs. */
struct ebb_letters_fonts fonts_callbacks(struct fonts *f);

/* How many fonts are open (the main one and fallbacks found so far). */
int fonts_count(const struct fonts *f);

#endif
