/* dirs: where ebb's own files live and the folders that hold them. Shared by the state
 * file, the journal, --new and export, so each makes its folders the same way. */
#ifndef EBB_DIRS_H
#define EBB_DIRS_H

#include <stddef.h>

/* Writes $XDG_STATE_HOME/ebb/NAME into buf, or $HOME/.local/state/ebb/NAME when
 * xdg_state_home is NULL, "" or not absolute. The core reads no environment: the caller
 * passes both. Returns 0, or -1 when there is no usable folder (no home either) or the
 * path does not fit. */
int ebb_dirs_state_file(const char *xdg_state_home, const char *home, const char *name, char *buf,
                        size_t size);

/* mkdir -p: creates `dir` and each missing folder above it with `mode` (before the
 * umask); folders that exist are left as they are. Returns 0, or -1 with errno set at
 * the first folder that cannot be made (or a path longer than 4095 bytes). */
int ebb_dirs_make(const char *dir, unsigned mode);

/* ebb_dirs_make for the folder holding `path` (nothing when path has no '/' past its
 * first character). */
int ebb_dirs_make_parent(const char *path, unsigned mode);

#endif
