/* cli: the command-line verbs that do not open a window. main.c parses the options
 * and calls these; each returns the process exit status. */
#ifndef EBB_CLI_H
#define EBB_CLI_H

#include <stdbool.h>

/* --history [--csv]: the journal as a table (or RFC 4180 CSV) on stdout. */
int ebb_cli_history(bool csv);

/* --forget [--yes]: deletes the journal after one confirmation line on the terminal. */
int ebb_cli_forget(bool yes);

#endif
