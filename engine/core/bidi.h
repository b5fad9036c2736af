/* bidi: the order in which a line's characters are seen, for right-to-left scripts
 * (Hebrew, Arabic...) mixed with numbers and left-to-right words. With libfribidi the
 * Unicode Bidirectional Algorithm (UAX #9) resolves the levels; built without it, a
 * simpler rule does (strong letters by script, numbers left to right, neutrals take the
 * direction around them), which is right for plain lines without embeddings. Pure. */
#ifndef EBB_BIDI_H
#define EBB_BIDI_H

#include <stdbool.h>
#include <stddef.h>

/* True when built with libfribidi. */
bool ebb_bidi_full(void);

/* True when the first strong (directional) character of the NUL-terminated s is
 * right-to-left: the paragraph reads right to left. False for none (digits only). */
bool ebb_bidi_is_rtl(const char *s);

struct ebb_bidi_run {
    size_t start; /* byte offset in the line, of the run's first character in logical order */
    size_t len;   /* bytes */
    bool rtl;     /* drawn right to left (an odd level): shape with a right-to-left direction */
};

/* Cuts the n bytes of one line (no '\n') into runs of one direction and returns them in
 * visual order, the leftmost first; base_rtl is the paragraph's direction. Fills at most
 * max runs; returns their count. Lines longer than EBB_BIDI_MAX characters are one run
 * in the base direction. */
#define EBB_BIDI_MAX 1024
int ebb_bidi_runs(const char *s, size_t n, bool base_rtl, struct ebb_bidi_run *runs, int max);

/* The line in visual order as UTF-8 (a right-to-left run's characters reversed), NUL
 * terminated in out; returns its length. For tests and logs: drawing shapes the runs. */
size_t ebb_bidi_visual(const char *s, size_t n, bool base_rtl, char *out, size_t size);

#endif
