/* cli: the command-line verbs that do not open a window. main.c parses the options
 * and calls these; each returns the process exit status. */
#ifndef EBB_CLI_H
#define EBB_CLI_H

#include <stdbool.h>

/* --history [--csv]: the journal as a table (or RFC 4180 CSV) on stdout. */
int ebb_cli_history(bool csv);

/* --forget [--yes]: deletes the journal after one confirmation line on the terminal. */
int ebb_cli_forget(bool yes);

/* The verbs below (engine/cli_library.c, engine/cli_new.c) work on the search path
 * that main.c read from the environment; diagnostics go to stderr, results to stdout. */
struct ebb_search_env;
struct ebb_diags;
struct ebb_library;

/* Loads the exercises on env's search path into *lib (freed with ebb_library_free),
 * adding their diagnostics to d. Returns 0, or -1 after saying on stderr that memory
 * ran out (as ebb_library_load). */
int ebb_cli_load_library(struct ebb_library *lib, const struct ebb_search_env *env,
                         struct ebb_diags *d);

/* Writes every diagnostic of d to stderr, one line each (plus a line counting those
 * that did not fit). */
void ebb_cli_print_diags(const struct ebb_diags *d);

/* --check FILE...: 0 when every file loads (warnings allowed), 2 otherwise. */
int ebb_cli_check(int count, char *const *files, const struct ebb_search_env *env);

/* --list: id, kind, length, source, title of every exercise on the search path. 0. */
int ebb_cli_list(const struct ebb_search_env *env);

/* --path: the search folders in order, whether each exists, and its source. 0. */
int ebb_cli_path(const struct ebb_search_env *env);

/* --new ID [--from ID]: copies exercise `from` (NULL: gentle-start) into the user's
 * folder as ID.cfg with its id changed; prints the new path. 0, or 2. */
int ebb_cli_new(const char *id, const char *from, const struct ebb_search_env *env);

#endif
