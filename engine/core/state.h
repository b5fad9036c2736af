/* state: what ebb remembers by itself between runs ($XDG_STATE_HOME/ebb/state.cfg):
 * window size, full screen, master volume, mute, and each exercise's chosen length and
 * pace. Pure C, no SDL. The file is written only through a temporary file in the same
 * folder, fsync and rename (mode 0600, folder 0700), and only the keys this process
 * changed are written over what is on disk (two windows at once keep both's changes). A state file that is garbage,
 * truncated or not a regular file gives one warning and the defaults, never a crash.
 * Precedence (DESIGN.md): the command line and the settings file win; the caller fills
 * only what they left unset from here. */
#ifndef EBB_STATE_H
#define EBB_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "script.h"

#define EBB_STATE_CHOICES_MAX 256      /* exercises whose length / pace are remembered */
#define EBB_STATE_PATH_MAX 4096        /* bytes of the state file's path */
#define EBB_STATE_BYTES_MAX (256 * 1024) /* a larger state file is not ours: defaults */
#define EBB_STATE_LOCK_WAIT_MS 3000      /* a save waits this long for another ebb's */

/* One exercise's remembered choices. */
struct ebb_state_choice {
    char id[EBB_ID_MAX + 1];
    int cycles;     /* > 0: this many cycles; 0: not chosen */
    double minutes; /* > 0: about this many minutes; 0: not chosen */
    double pace;    /* > 0: the pace factor (0.5..2.0); 0: not chosen */
};

struct ebb_state {
    int window_width;   /* pixels (window coordinates); 0: not remembered */
    int window_height;  /* pixels; 0: not remembered */
    int fullscreen;     /* 1 or 0; -1: not remembered */
    int volume_percent; /* 0..100; -1: not remembered */
    int mute;           /* 1 or 0; -1: not remembered */
    struct ebb_state_choice choices[EBB_STATE_CHOICES_MAX];
    int choice_count;
};

/* Empties the state: nothing remembered. */
void ebb_state_init(struct ebb_state *st);

/* Writes the state file's path into buf: $XDG_STATE_HOME/ebb/state.cfg, or
 * $HOME/.local/state/ebb/state.cfg when xdg_state_home is NULL, "" or not absolute.
 * The core reads no environment: the caller passes both. Returns 0, or -1 when there
 * is no usable folder (no home either) or the path does not fit. */
int ebb_state_path(const char *xdg_state_home, const char *home, char *buf, size_t size);

/* Reads `path` into st (which is first emptied). A missing file is not an error and
 * adds nothing. It is opened without following a symbolic link and without waiting (a
 * FIFO), and an @include in it is refused before libconfig could open what it names.
 * Anything else that cannot be read or understood adds one warning
 * ("PATH: warning: ...; using defaults") and leaves st empty; values out of range are
 * dropped one by one. Returns 0 when the file was read, 1 when it was missing, -1 when
 * a warning was added. */
int ebb_state_load(struct ebb_state *st, const char *path, struct ebb_diags *diags);

/* Writes st to `path` atomically: creates the folder (0700) when missing, narrows it to
 * 0700 when it is wider (only a real folder of this user, never a symbolic link's
 * target), writes a temporary file (0600) beside it, fsyncs it, renames it
 * over `path` and fsyncs the folder. Temporary files of `path` (PATH.XXXXXX) more than a
 * minute older than its own, left by a writer that was killed, are removed. Returns 0,
 * or -1 with an error in diags (the old file is left untouched). */
int ebb_state_save(const struct ebb_state *st, const char *path, struct ebb_diags *diags);

/* Saves what this ebb changed, keeping what another ebb saved meanwhile: every key
 * whose value in `mine` differs from `base` (the state as this ebb loaded it) is written
 * over the state file as it is on disk now, and every other key keeps the disk's value.
 * The keys: the window size (width and height together), full screen, volume, mute, and
 * each exercise's length (cycles or minutes) and pace. Reading, merging and writing
 * happen under an exclusive flock on the state folder, waited for at most
 * EBB_STATE_LOCK_WAIT_MS (then the save goes on without it). A state file that cannot be
 * read now counts as empty. Written as ebb_state_save writes; returns 0, or -1 with an
 * error in diags. */
int ebb_state_save_changes(const struct ebb_state *base, const struct ebb_state *mine,
                           const char *path, struct ebb_diags *diags);

/* The remembered choices of an exercise, or NULL. */
const struct ebb_state_choice *ebb_state_find(const struct ebb_state *st, const char *id);

/* The choices of an exercise, added (empty) when missing; NULL when `id` is not a
 * valid id or the table is full. The pointer stays valid until the next call that adds. */
struct ebb_state_choice *ebb_state_choice_for(struct ebb_state *st, const char *id);

#endif
