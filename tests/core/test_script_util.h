/* Helpers shared by the loader's tests: load a script from text, and the first
 * diagnostic as the one line a person would see. */
#ifndef EBB_TEST_SCRIPT_UTIL_H
#define EBB_TEST_SCRIPT_UTIL_H

#include <string.h>

#include "script.h"

/* Loads `text` as if it were the file `name`; diagnostics go to *d (cleared first). */
static inline struct ebb_exercise *load_text(const char *text, const char *name,
                                             struct ebb_diags *d)
{
    ebb_diags_clear(d);
    return ebb_script_load_buffer(text, strlen(text), name, NULL, d);
}

/* The first diagnostic formatted into buf, or "" when there is none. */
static inline const char *first(const struct ebb_diags *d, char *buf, size_t size)
{
    if (d->count == 0)
        return "";
    return ebb_diag_format(&d->items[0], buf, size);
}

#endif
