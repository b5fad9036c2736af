/* ident: what an exercise's id may be. A leaf of the core (nothing of ebb included), so
 * the script loader, the settings, the state file and the command line share one rule. */
#ifndef EBB_IDENT_H
#define EBB_IDENT_H

#include <stdbool.h>

#define EBB_ID_MAX 40 /* characters of an id: a-z 0-9 -, not starting with - */

/* True when `id` is 1..40 characters of a-z 0-9 -, starting with a letter or digit
 * (NULL: false). */
bool ebb_id_valid(const char *id);

#endif
