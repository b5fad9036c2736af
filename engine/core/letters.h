/* letters: which writing system a character belongs to, and a line cut into runs that one
 * font can draw and one shaper call can shape (same script, same font). Pure: the fonts
 * are the caller's, asked through callbacks, so the tests use made-up fonts. */
#ifndef EBB_LETTERS_H
#define EBB_LETTERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes one UTF-8 character at s (n bytes left, n >= 1): returns its code point and
 * sets *len to the bytes it took (at least 1). A malformed byte is U+FFFD, one byte. */
uint32_t ebb_utf8_next(const char *s, size_t n, size_t *len);

/* The ISO 15924 tag of cp's script ("Latn", "Arab", "Hebr", "Deva", "Hani"...), or NULL
 * for characters every script shares (spaces, digits, punctuation: "Zyyy") and marks that
 * take the script of the letter before them ("Zinh"). Hiragana, katakana and han share
 * "Hani", so a Japanese line stays one run in one font. */
const char *ebb_letters_script(uint32_t cp);

/* True for a mark that belongs to the character before it (a combining accent, an Arabic
 * vowel sign, a joiner): it is never split from that character. */
bool ebb_letters_is_mark(uint32_t cp);

/* The fonts, as the caller numbers them (>= 0; EBB_FONT_NONE: no font has the character).
 * `pick` returns the font to draw cp with when it starts a run (script may be NULL);
 * `covers` says whether `font` has cp. */
#define EBB_FONT_NONE (-1)
struct ebb_letters_fonts {
    int (*pick)(void *ctx, uint32_t cp, const char *script);
    bool (*covers)(void *ctx, int font, uint32_t cp);
    void *ctx;
};

struct ebb_letters_run {
    size_t start;       /* byte offset in the string */
    size_t len;         /* bytes */
    int font;           /* the caller's font number, or EBB_FONT_NONE */
    const char *script; /* ISO 15924 tag; "Zyyy" when only shared characters */
};

/* Cuts the n bytes at s into runs in logical order: a new run starts where the script
 * changes or the current run's font lacks the character. Shared characters and marks stay
 * in the run before them when its font has them. Fills at most max runs and returns how
 * many it filled (text past them is left out). */
int ebb_letters_runs(const char *s, size_t n, const struct ebb_letters_fonts *fonts,
                     struct ebb_letters_run *runs, int max);

#endif
