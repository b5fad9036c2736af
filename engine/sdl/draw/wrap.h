/* wrap: where a paragraph breaks into lines, apart from any font. Words are separated by
 * spaces; '\n' always breaks. `balanced` keeps the greedy line count but narrows the
 * width as far as that count allows, so the lines come out about even and no word is
 * left alone on the last line. Measuring is the caller's (a callback), so tests can
 * check the breaks with a made-up font. */
#ifndef EBB_WRAP_H
#define EBB_WRAP_H

#include <stdbool.h>
#include <stddef.h>

/* The width in pixels of the n bytes at s (not NUL-terminated). */
typedef float (*wrap_measure_fn)(void *ctx, const char *s, size_t n);

struct wrap_line {
    size_t start; /* byte offset of the line's first character in the paragraph */
    size_t len;   /* bytes, without the space or '\n' that ended it */
};

/* Greedy: as many words on each line as fit max_width (a word wider than a line is
 * broken between two characters, as many on each line as fit). Fills at most max_lines lines and returns their count; *more is
 * set when text remains after them. */
int wrap_greedy(const char *s, float max_width, int max_lines, wrap_measure_fn measure,
                void *ctx, struct wrap_line *lines, bool *more);

/* The narrowest width (not below half of max_width) at which the greedy wrap still
 * needs no more lines than at max_width, when the text fits in max_lines there; else
 * max_width. Draw with wrap_greedy at the width returned. */
float wrap_balanced_width(const char *s, float max_width, int max_lines, wrap_measure_fn measure,
                          void *ctx);

#endif
