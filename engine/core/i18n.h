/* i18n: the words of the program through gettext. `_("...")` is a translated string,
 * `N_("...")` marks a string for the catalogue where it is defined (a table) and
 * `_()` translates it where it is shown, and `ngettext(one, many, n)` chooses a plural.
 * Built with translations off (CMake's EBB_NLS), each is the English itself. Only the
 * program's own words go through here: a person's scripts are shown as written, and
 * diagnostics (FILE:LINE: error: ...) stay English, like a compiler's. */
#ifndef EBB_I18N_H
#define EBB_I18N_H

#define EBB_TEXT_DOMAIN "ebb"

#ifdef EBB_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) ((const char *)(s))
#define ngettext(one, many, n) ((n) == 1 ? (one) : (many))
#endif
#define N_(s) s

#endif
