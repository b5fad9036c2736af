/* fold: Unicode case folding for the picker's filter, from one small table of ranges
 * (Latin, Greek, Cyrillic, Armenian, Georgian, Cherokee, Glagolitic, Coptic, Deseret,
 * Osage, Adlam, fullwidth Latin, and the few letters that fold to two, like ß -> ss).
 * Folding is what Unicode's CaseFolding.txt calls full folding for these scripts, except
 * that İ folds to a plain i (so "istanbul" finds "İstanbul"). Pure C: no SDL, no locale. */
#ifndef EBB_FOLD_H
#define EBB_FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The folded form of one code point: writes 1 to 3 code points to out, returns their
 * count. A code point with no folding is itself. */
int fold_code(uint32_t c, uint32_t out[3]);

/* Folds the UTF-8 string s into out (at most size bytes with the NUL; the result is cut
 * on a whole character when it would not fit). Bytes that are not valid UTF-8 are copied
 * as they are. Returns the length written. */
size_t fold_utf8(const char *s, char *out, size_t size);

/* True when needle occurs in hay with case folded on both sides (an empty needle is in
 * everything; a NULL hay holds nothing but the empty needle). */
bool fold_contains(const char *hay, const char *needle);

#endif
