/* keymap: the keys of each screen, in one table per screen. The hint line at the bottom
 * of a screen and the help (F1) opened from it are both made from that screen's table,
 * so what a screen says about its keys and what help lists cannot disagree. Each row
 * names the action its keys give (input.h), so a test can check every row against the
 * key table of input.c. */
#ifndef EBB_KEYMAP_H
#define EBB_KEYMAP_H

#include <stddef.h>

#include "input.h"

enum keymap_screen {
    KEYMAP_PICKER,
    KEYMAP_BREATHING,
    KEYMAP_GROUNDING,
    KEYMAP_TRANSITION,   /* a sequence, between two items */
    KEYMAP_PAUSED,       /* a session, paused */
    KEYMAP_FINISHED,
    KEYMAP_CHECKIN,      /* the check-in, nothing chosen yet */
    KEYMAP_CHECKIN_SET,  /* the check-in, a value chosen */
    KEYMAP_SUGGEST,
    KEYMAP_HISTORY,
    KEYMAP_COUNT
};

struct keymap_row {
    const char *keys;           /* as shown: "Space, Enter, click" */
    const char *does;           /* what they do on this screen, for help */
    const char *hint;           /* the few words of the hint line, or NULL: help only */
    enum input_action action;   /* what the first key gives (input_key); IN_NONE: keys the
                                   screen reads itself (the check-in's digits) */
    const char *first_key;      /* SDL's name of the first key ("Space"), NULL for none */
};

/* The screen's own rows (count in *n). */
const struct keymap_row *keymap_rows(enum keymap_screen s, int *n);

/* The rows that work on every screen (full screen, volume, screenshot, quit, help). */
const struct keymap_row *keymap_common(int *n);

/* The hint line of a screen: its rows' hints joined with "  ·  ", then "F1 help" on the
 * screens whose hint line is the only place that says so. Returns buf. */
const char *keymap_hint(enum keymap_screen s, char *buf, size_t size);

/* The screen's name in logs and tests ("grounding"). */
const char *keymap_name(enum keymap_screen s);

#endif
