/* text_line: one line of text measured and rasterized in pieces: the bidirectional
 * algorithm orders it (bidi.h), each direction's run is cut where the script or the font
 * changes (letters.h), and each piece is shaped by SDL_ttf's HarfBuzz with its own script
 * and direction, then the pieces are put side by side on one surface, on one baseline.
 * A character no font has is a small hollow box. */
#ifndef EBB_TEXT_LINE_H
#define EBB_TEXT_LINE_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "fonts.h"

/* The width in pixels of the n bytes at s (no '\n') at size index `size`. */
int text_line_width(struct fonts *f, int size, const char *s, size_t n);

/* The line rasterized white on transparent (ARGB8888), in visual order for a paragraph
 * of direction base_rtl; the caller frees it. *top is how many pixels it reaches above the
 * main font's line (draw it that much higher); *boxes grows by the characters drawn as a
 * box. NULL for an empty line or a failure. */
SDL_Surface *text_line_render(struct fonts *f, int size, const char *s, size_t n, bool base_rtl,
                              int *top, int *boxes);

#endif
