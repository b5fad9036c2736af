/* library: finds exercise scripts on the search path and lists them by id.
 * Search order (DESIGN.md, "Where things are found"): $XDG_CONFIG_HOME/ebb/exercises
 * (source user), each $XDG_DATA_DIRS/ebb/exercises, the install prefix's
 * share/ebb/exercises, then the source tree's exercises/ (all built-in). A folder
 * reached twice (same real path) is read once. The first valid file of an id wins; a
 * broken file is skipped with a warning when a later folder has a valid one. The core
 * reads no environment: the caller passes the folders' inputs. */
#ifndef EBB_LIBRARY_H
#define EBB_LIBRARY_H

#include <stdbool.h>

#include "diag.h"
#include "script.h"

#define EBB_LIBRARY_DIRS_MAX 32   /* folders on the search path */
/* Exercises read from each source: a big folder of your own never pushes out a built-in.
 * A folder's files are sorted by name first; those past the limit are left out, said
 * once per folder. */
#define EBB_LIBRARY_USER_MAX 1024
#define EBB_LIBRARY_BUILTIN_MAX 1024
#define EBB_LIBRARY_MAX (EBB_LIBRARY_USER_MAX + EBB_LIBRARY_BUILTIN_MAX) /* exercises listed */
#define EBB_SEQUENCE_DEPTH_MAX 4    /* levels of sequences inside sequences, the outer one too */
#define EBB_SEQUENCE_ITEMS_MAX 1000 /* breathing and grounding exercises a sequence runs */

enum ebb_source { EBB_SOURCE_USER, EBB_SOURCE_BUILTIN, EBB_SOURCE_COUNT };

/* Inputs of the search path, as read from the environment by the caller. */
struct ebb_search_env {
    const char *xdg_config_home; /* NULL or "": $HOME/.config */
    const char *xdg_data_dirs;   /* NULL or "": /usr/local/share:/usr/share */
    const char *home;
    const char *prefix_datadir;  /* e.g. /usr/share/ebb (EBB_DATADIR), or NULL */
    const char *source_dir;      /* the source tree's exercises/, or NULL when installed */
};

struct ebb_search_dir {
    char *path;          /* owned */
    enum ebb_source source;
    bool exists;         /* a readable folder */
};

struct ebb_library_entry {
    char *id;                /* owned */
    char *path;              /* owned: the file that won (or the broken file) */
    enum ebb_source source;
    struct ebb_exercise *ex; /* owned; NULL when broken */
    struct ebb_diags diags;  /* this file's diagnostics (the first error for a broken one) */
};

struct ebb_library {
    struct ebb_search_dir dirs[EBB_LIBRARY_DIRS_MAX];
    int dir_count;
    struct ebb_library_entry *entries; /* owned, sorted for --list */
    int count;
};

/* Fills lib->dirs from env, in order, de-duplicated by real path. */
void ebb_library_dirs(struct ebb_library *lib, const struct ebb_search_env *env);

/* ebb_library_dirs, then reads every *.cfg of every folder. Warnings about skipped
 * files go to `diags`. Sequences are checked against the library (unknown items and
 * self-containing sequences make the sequence broken). Returns 0; -1 only when memory
 * runs out. Free with ebb_library_free. */
int ebb_library_load(struct ebb_library *lib, const struct ebb_search_env *env,
                     struct ebb_diags *diags);

/* Accepts a zeroed or freed library. */
void ebb_library_free(struct ebb_library *lib);

/* The entry of an id, or NULL. */
const struct ebb_library_entry *ebb_library_find(const struct ebb_library *lib,
                                                 const char *id);

/* Resolves a sequence's items against the library into items[] (borrowed pointers,
 * ex->item_count of them). Returns 0, or -1 with "FILE:LINE: error: ..." in diags for
 * an unknown id, a sequence that contains itself (directly or through another), items
 * that are sequences nested more than EBB_SEQUENCE_DEPTH_MAX levels deep, or more than
 * EBB_SEQUENCE_ITEMS_MAX exercises to run in all. The count stops at those limits, so
 * however the sequences multiply it costs at most about EBB_SEQUENCE_ITEMS_MAX x
 * EBB_SEQUENCE_DEPTH_MAX steps. */
int ebb_library_resolve(const struct ebb_library *lib, const struct ebb_exercise *ex,
                        const struct ebb_exercise **items, struct ebb_diags *diags);

/* What a sequence runs: ebb_library_resolve, then its breathing and grounding exercises
 * in order, each item that is a sequence opened in place, into out[] (borrowed
 * pointers, room for max; *count of them). Returns 0, or -1 with the errors in diags. */
int ebb_library_expand(const struct ebb_library *lib, const struct ebb_exercise *ex,
                       const struct ebb_exercise **out, int max, int *count,
                       struct ebb_diags *diags);

/* The length of an exercise at its own settings, including prepare, in seconds;
 * -1 when it is self-paced (manual grounding steps, a sequence that waits). */
double ebb_exercise_length_s(const struct ebb_library *lib, const struct ebb_exercise *ex);

#endif
