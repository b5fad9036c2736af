/* quit_signals: SIGHUP and SIGQUIT handled as SIGTERM (see quit_signals.h). */
#include "quit_signals.h"

#include <signal.h>
#include <stdbool.h>
#include <string.h>

static void (*term_handler)(int); /* SDL's SIGTERM handler, set before ours is installed */
static struct sigaction saved_hup, saved_quit, saved_term, saved_int;
static bool installed;
static volatile sig_atomic_t caught; /* a quit signal arrived (quit_signals_caught) */

static void as_term(int sig)
{
    (void)sig;
    caught = 1;
    if (term_handler)
        term_handler(SIGTERM); /* SDL's own handler: async-signal-safe, sets a flag */
}

void quit_signals_follow_term(void)
{
    struct sigaction term;
    if (installed || sigaction(SIGTERM, NULL, &term) != 0 || (term.sa_flags & SA_SIGINFO) ||
        term.sa_handler == SIG_DFL || term.sa_handler == SIG_IGN)
        return;
    term_handler = term.sa_handler;
    struct sigaction mine;
    memset(&mine, 0, sizeof mine);
    mine.sa_handler = as_term;
    sigemptyset(&mine.sa_mask);
    /* SIGTERM and SIGINT too, where SDL handles them: the same handler, which also
     * notes that the quit came from a signal */
    const int sigs[4] = {SIGHUP, SIGQUIT, SIGTERM, SIGINT};
    struct sigaction *saved[4] = {&saved_hup, &saved_quit, &saved_term, &saved_int};
    for (int i = 0; i < 4; i++) {
        if (sigaction(sigs[i], NULL, saved[i]) != 0)
            continue;
        if (!(saved[i]->sa_flags & SA_SIGINFO) && saved[i]->sa_handler == SIG_IGN)
            continue; /* ignored by whoever started ebb: theirs to decide */
        if (i >= 2 && saved[i]->sa_handler != term_handler)
            continue; /* SIGTERM, SIGINT: only where SDL's handler is the one in place */
        sigaction(sigs[i], &mine, NULL);
    }
    installed = true;
}

void quit_signals_restore(void)
{
    if (!installed)
        return;
    sigaction(SIGHUP, &saved_hup, NULL);
    sigaction(SIGQUIT, &saved_quit, NULL);
    sigaction(SIGTERM, &saved_term, NULL);
    sigaction(SIGINT, &saved_int, NULL);
    installed = false;
    term_handler = NULL;
}

bool quit_signals_caught(void)
{
    return caught != 0;
}
