/* keymap: the tables. A row's words say what its keys do on that screen only; they are
 * marked for the catalogue here and translated where they are shown. */
#include "keymap.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

static const struct keymap_row picker[] = {
    {N_("↑ ↓, wheel"), N_("choose an exercise"), NULL, IN_UP, "Up"},
    {N_("Home, End"), N_("the first or the last row"), NULL, IN_HOME, "Home"},
    {N_("Page Up, Page Down"), N_("a page up or down"), NULL, IN_PAGE_UP, "PageUp"},
    {N_("Enter, Space, click"), N_("start it"), N_("Enter starts"), IN_PRESS, "Return"},
    {"← →", N_("shorter or longer (a cycle or a minute)"), N_("← → length"), IN_LEFT, "Left"},
    {"[  ]", N_("slower or faster pace"), N_("[ ] pace"), IN_SLOWER, "["},
    {"/", N_("type to filter: titles, summaries, tags"), NULL, IN_FILTER, "/"},
    {N_("Backspace"), N_("delete in the filter"), NULL, IN_BACKSPACE, "Backspace"},
    {"J", N_("history: how practice has gone"), N_("J history"), IN_JOURNAL, "J"},
    {N_("Escape"), N_("clear the filter, or close ebb"), NULL, IN_BACK, "Escape"},
};

static const struct keymap_row breathing[] = {
    {N_("Space, Enter, P, click"), N_("pause and go on"), N_("Space pauses"), IN_PRESS, "Space"},
    {N_("Escape"), N_("stop (back to the list, or close when started with one)"),
     N_("Escape stops"), IN_BACK, "Escape"},
    {"H", N_("hide the numbers and hints"), N_("H hides this"), IN_HIDE, "H"},
    {"F1", N_("this help (the session waits)"), N_("F1 help"), IN_HELP, "F1"},
};

static const struct keymap_row grounding[] = {
    {N_("Space, Enter, click"), N_("count one, or go to the next step"), N_("Space counts"),
     IN_PRESS, "Space"},
    {N_("Backspace"), N_("take one back"), NULL, IN_BACKSPACE, "Backspace"},
    {"N, →", N_("skip the step"), N_("N skips"), IN_SKIP, "N"},
    {"P", N_("pause and go on"), N_("P pauses"), IN_PAUSE, "P"},
    {N_("Escape"), N_("stop (back to the list; in a sequence, all of it)"), N_("Escape stops"),
     IN_BACK, "Escape"},
    {"H", N_("hide the numbers and hints"), NULL, IN_HIDE, "H"},
    {"F1", N_("this help (the session waits)"), N_("F1 help"), IN_HELP, "F1"},
};

static const struct keymap_row transition[] = {
    {N_("Space, Enter, click"), N_("start the next exercise"), N_("Space starts the next"),
     IN_PRESS, "Space"},
    {"P", N_("pause and go on"), NULL, IN_PAUSE, "P"},
    {N_("Escape"), N_("stop the whole sequence"), N_("Escape stops"), IN_BACK, "Escape"},
    {"H", N_("hide the numbers and hints"), NULL, IN_HIDE, "H"},
    {"F1", N_("this help (the session waits)"), N_("F1 help"), IN_HELP, "F1"},
};

static const struct keymap_row paused[] = {
    {N_("Space, Enter, P, click"), N_("go on"), N_("Space goes on"), IN_PRESS, "Space"},
    {N_("Escape"), N_("stop (back to the list, or close when started with one)"),
     N_("Escape stops"), IN_BACK, "Escape"},
    {"F1", N_("this help"), N_("F1 help"), IN_HELP, "F1"},
};

static const struct keymap_row finished[] = {
    {"↑ ↓", N_("choose"), N_("↑ ↓ choose"), IN_UP, "Up"},
    {N_("Enter, Space, click"), N_("do what is chosen"), N_("Enter chooses"), IN_PRESS, "Return"},
    {N_("Escape"), N_("back to the list (or close)"), N_("Escape leaves"), IN_BACK, "Escape"},
};

static const struct keymap_row checkin[] = {
    {N_("0–9, ← →, click"), N_("choose how you are"), N_("0–9, arrows or a click to choose"),
     IN_NONE, NULL},
    {N_("Enter, Space"), N_("skip: nothing is recorded"), N_("Enter skips"), IN_PRESS, "Return"},
    {N_("Escape"), N_("leave"), N_("Escape leaves"), IN_BACK, "Escape"},
};

static const struct keymap_row checkin_set[] = {
    {N_("0–9, ← →, click"), N_("change how you are"), N_("0–9, arrows or a click to change"),
     IN_NONE, NULL},
    {N_("Enter, Space"), N_("go on"), N_("Enter to go on"), IN_PRESS, "Return"},
    {N_("Escape"), N_("leave"), N_("Escape leaves"), IN_BACK, "Escape"},
};

static const struct keymap_row suggest[] = {
    {"↑ ↓", N_("choose"), N_("↑ ↓ to choose"), IN_UP, "Up"},
    {N_("Enter, Space"), N_("go on with the chosen"), N_("Enter to go on"), IN_PRESS, "Return"},
    {N_("Escape"), N_("leave"), N_("Escape leaves"), IN_BACK, "Escape"},
};

static const struct keymap_row history[] = {
    {N_("Escape, J"), N_("back to the list"), N_("Escape or J to go back"), IN_BACK, "Escape"},
};

static const struct keymap_row common[] = {
    {"F, F11", N_("full screen"), NULL, IN_FULLSCREEN, "F"},
    {"+  −  M", N_("volume and mute"), NULL, IN_VOLUME_UP, "="},
    {"S", N_("save a screenshot"), NULL, IN_SCREENSHOT, "S"},
    {"V", N_("spoken voice on or off"), NULL, IN_VOICE, "V"},
    {N_("Q, close the window"), N_("quit"), NULL, IN_QUIT, "Q"},
    {"F1", N_("this help"), NULL, IN_HELP, "F1"},
};

#define ROWS(t)                                                                                    \
    {                                                                                              \
        t, (int)(sizeof t / sizeof t[0])                                                           \
    }

static const struct {
    const struct keymap_row *rows;
    int n;
} tables[KEYMAP_COUNT] = {
    ROWS(picker),   ROWS(breathing), ROWS(grounding),   ROWS(transition), ROWS(paused),
    ROWS(finished), ROWS(checkin),   ROWS(checkin_set), ROWS(suggest),    ROWS(history),
};

static const char *const names[KEYMAP_COUNT] = {
    "picker",   "breathing", "grounding",   "transition", "paused",
    "finished", "checkin",   "checkin-set", "suggest",    "history",
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
        int w = snprintf(buf + used, size - used, "%s%s", used ? "  ·  " : "", _(rows[i].hint));
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
