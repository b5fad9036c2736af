/* dirs: where ebb's own files live and the folders that hold them. Shared by the state
 * file, the journal, --new and export, so each makes its folders the same way. */
#ifndef EBB_DIRS_H
#define EBB_DIRS_H

#include <stddef.h>

#include "diag.h"

/* The environment's folders, as the caller read them (the core reads no environment). */
struct ebb_dirs_env {
    const char *home;
    const char *xdg_config_home;
    const char *xdg_state_home;
    const char *xdg_data_dirs;
};

/* HOME as ebb may use it: `home` when it is an absolute path to an existing folder,
 * else NULL. Nothing is read, made or written under a HOME that is unset, empty,
 * relative (it would mean the current folder) or missing (ebb never creates it). */
const char *ebb_dirs_home(const char *home);

/* One warning (file "ebb") for each value that ebb ignores: an XDG_CONFIG_HOME or
 * XDG_STATE_HOME that is not an absolute path, a relative entry of XDG_DATA_DIRS (the
 * XDG Base Directory spec says to ignore them), and a HOME that is unset, empty,
 * relative or missing when a folder falls back to it, saying what is then not used. */
void ebb_dirs_check_env(const struct ebb_dirs_env *env, struct ebb_diags *diags);

/* Writes $XDG_STATE_HOME/ebb/NAME into buf, or $HOME/.local/state/ebb/NAME when
 * xdg_state_home is NULL, "" or not absolute. The core reads no environment: the caller
 * passes both (home through ebb_dirs_home). Returns 0, or -1 when there is no usable
 * folder (no absolute home either) or the path does not fit. */
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
