/* launch: what the window and the export share before a session starts: the exercise
 * named on the command line (an id or a FILE.cfg) with a sequence's items resolved, the
 * state file, and the timeline options after precedence (command line and settings,
 * then the state file, then the script). */
#ifndef EBB_LAUNCH_H
#define EBB_LAUNCH_H

#include <stdbool.h>

#include "library.h"
#include "options.h"
#include "state.h"

struct launch {
    struct ebb_exercise *owned;     /* loaded from a FILE.cfg; freed by launch_free */
    const struct ebb_exercise *ex;  /* what runs: `owned` or the library's */
    /* a sequence's exercises, borrowed: its items, with nested sequences opened */
    const struct ebb_exercise *items[EBB_SEQUENCE_ITEMS_MAX];
    int item_count;
    bool has_items;
};

/* Resolves `name` (id or FILE.cfg) against lib. Returns 0, or -1 after printing its
 * diagnostics to stderr. Free with launch_free. */
int launch_resolve(const char *name, const struct ebb_library *lib, struct launch *out);
void launch_free(struct launch *l);

/* The state file's path from the environment into buf; 0, or -1 when there is none. */
int launch_state_path(char *buf, size_t size);

/* Loads the state file, printing its one-line warning when it is damaged. */
void launch_state_load(struct ebb_state *st, const char *path);

/* The options of a session of ex: the command line first, then what the state file
 * remembers for ex, then the script's own settings. */
void launch_timeline_options(const struct ebb_options *opt, const struct ebb_state *st,
                             const struct ebb_exercise *ex, struct ebb_timeline_options *out);

/* Prints every diagnostic of d to stderr, one line each. */
void launch_print(const struct ebb_diags *d);

#endif
