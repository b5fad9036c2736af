/* keymap: the tables. A row's words say what its keys do on that screen only. */
#include "keymap.h"

#include <stdio.h>
#include <string.h>

static const struct keymap_row picker[] = {
    {"↑ ↓, wheel", "choose an exercise", NULL, IN_UP, "Up"},
    {"Home, End", "the first or the last row", NULL, IN_HOME, "Home"},
    {"Page Up, Page Down", "a page up or down", NULL, IN_PAGE_UP, "PageUp"},
    {"Enter, Space, click", "start it", "Enter starts", IN_PRESS, "Return"},
    {"← →", "shorter or longer (a cycle or a minute)", "← → length", IN_LEFT, "Left"},
    {"[  ]", "slower or faster pace", "[ ] pace", IN_SLOWER, "["},
    {"/", "type to filter: titles, summaries, tags", NULL, IN_FILTER, "/"},
    {"Backspace", "delete in the filter", NULL, IN_BACKSPACE, "Backspace"},
    {"J", "history: how practice has gone", "J history", IN_JOURNAL, "J"},
    {"Escape", "clear the filter, or close ebb", NULL, IN_BACK, "Escape"},
};

static const struct keymap_row breathing[] = {
    {"Space, Enter, P, click", "pause and go on", "Space pauses", IN_PRESS, "Space"},
    {"Escape", "stop (back to the list, or close when started with one)", "Escape stops",
     IN_BACK, "Escape"},
    {"H", "hide the numbers and hints", "H hides this", IN_HIDE, "H"},
    {"F1", "this help (the session waits)", "F1 help", IN_HELP, "F1"},
};

static const struct keymap_row grounding[] = {
    {"Space, Enter, click", "count one, or go to the next step", "Space counts", IN_PRESS,
     "Space"},
    {"Backspace", "take one back", NULL, IN_BACKSPACE, "Backspace"},
    {"N, →", "skip the step", "N skips", IN_SKIP, "N"},
    {"P", "pause and go on", "P pauses", IN_PAUSE, "P"},
    {"Escape", "stop (back to the list; in a sequence, all of it)", "Escape stops", IN_BACK,
     "Escape"},
    {"H", "hide the numbers and hints", NULL, IN_HIDE, "H"},
    {"F1", "this help (the session waits)", "F1 help", IN_HELP, "F1"},
};

static const struct keymap_row transition[] = {
    {"Space, Enter, click", "start the next exercise", "Space starts the next", IN_PRESS,
     "Space"},
    {"P", "pause and go on", NULL, IN_PAUSE, "P"},
    {"Escape", "stop the whole sequence", "Escape stops", IN_BACK, "Escape"},
    {"H", "hide the numbers and hints", NULL, IN_HIDE, "H"},
    {"F1", "this help (the session waits)", "F1 help", IN_HELP, "F1"},
};

static const struct keymap_row paused[] = {
    {"Space, Enter, P, click", "go on", "Space goes on", IN_PRESS, "Space"},
    {"Escape", "stop (back to the list, or close when started with one)", "Escape stops",
     IN_BACK, "Escape"},
    {"F1", "this help", "F1 help", IN_HELP, "F1"},
};

static const struct keymap_row finished[] = {
    {"↑ ↓", "choose", "↑ ↓ choose", IN_UP, "Up"},
    {"Enter, Space, click", "do what is chosen", "Enter chooses", IN_PRESS, "Return"},
    {"Escape", "back to the list (or close)", "Escape leaves", IN_BACK, "Escape"},
};

static const struct keymap_row checkin[] = {
    {"0–9, ← →, click", "choose how you are", "0–9, arrows or a click to choose", IN_NONE,
     NULL},
    {"Enter, Space", "skip: nothing is recorded", "Enter skips", IN_PRESS, "Return"},
    {"Escape", "leave", "Escape leaves", IN_BACK, "Escape"},
};

static const struct keymap_row checkin_set[] = {
    {"0–9, ← →, click", "change how you are", "0–9, arrows or a click to change", IN_NONE, NULL},
    {"Enter, Space", "go on", "Enter to go on", IN_PRESS, "Return"},
    {"Escape", "leave", "Escape leaves", IN_BACK, "Escape"},
};

static const struct keymap_row suggest[] = {
    {"↑ ↓", "choose", "↑ ↓ to choose", IN_UP, "Up"},
    {"Enter, Space", "go on with the chosen", "Enter to go on", IN_PRESS, "Return"},
    {"Escape", "leave", "Escape leaves", IN_BACK, "Escape"},
};

static const struct keymap_row history[] = {
    {"Escape, J", "back to the list", "Escape or J to go back", IN_BACK, "Escape"},
};

static const struct keymap_row common[] = {
    {"F, F11", "full screen", NULL, IN_FULLSCREEN, "F"},
    {"+  −  M", "volume and mute", NULL, IN_VOLUME_UP, "="},
    {"S", "save a screenshot", NULL, IN_SCREENSHOT, "S"},
    {"V", "spoken voice on or off", NULL, IN_VOICE, "V"},
    {"Q, close the window", "quit", NULL, IN_QUIT, "Q"},
    {"F1", "this help", NULL, IN_HELP, "F1"},
};

#define ROWS(t) {t, (int)(sizeof t / sizeof t[0])}

static const struct {
    const struct keymap_row *rows;
    int n;
} tables[KEYMAP_COUNT] = {
    ROWS(picker),   ROWS(breathing),   ROWS(grounding), ROWS(transition), ROWS(paused),
    ROWS(finished),
    ROWS(checkin),  ROWS(checkin_set), ROWS(suggest),   ROWS(history),
};

static const char *const names[KEYMAP_COUNT] = {
    "picker", "breathing", "grounding", "transition", "paused", "finished",
    "checkin", "checkin-set", "suggest", "history",
};

const struct keymap_row *keymap_rows(enum keymap_screen s, int *n)
{
    if ((int)s < 0 || s >= KEYMAP_COUNT) {
        *n = 0;
        return NULL;
    }
    *n = tables[s].n;
    return tables[s].rows;
}

const struct keymap_row *keymap_common(int *n)
{
    *n = (int)(sizeof common / sizeof common[0]);
    return common;
}

const char *keymap_hint(enum keymap_screen s, char *buf, size_t size)
{
    int n;
    const struct keymap_row *rows = keymap_rows(s, &n);
    size_t used = 0;
    if (size == 0)
        return buf;
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (!rows[i].hint)
            continue;
        int w = snprintf(buf + used, size - used, "%s%s", used ? "  ·  " : "", rows[i].hint);
        if (w < 0 || (size_t)w >= size - used) {
            buf[used] = '\0'; /* whole hints only */
            break;
        }
        used += (size_t)w;
    }
    return buf;
}

const char *keymap_name(enum keymap_screen s)
{
    return (int)s >= 0 && s < KEYMAP_COUNT ? names[s] : "-";
}
