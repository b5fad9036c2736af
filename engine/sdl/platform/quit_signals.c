/* quit_signals: SIGHUP and SIGQUIT handled as SIGTERM (see quit_signals.h). */
#include "quit_signals.h"

#include <signal.h>
#include <stdbool.h>
#include <string.h>

static void (*term_handler)(int); /* SDL's SIGTERM handler, set before ours is installed */
static struct sigaction saved_hup, saved_quit;
static bool installed;

static void as_term(int sig)
{
    (void)sig;
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
    const int sigs[2] = {SIGHUP, SIGQUIT};
    struct sigaction *saved[2] = {&saved_hup, &saved_quit};
    for (int i = 0; i < 2; i++) {
        if (sigaction(sigs[i], NULL, saved[i]) != 0)
            continue;
        if (!(saved[i]->sa_flags & SA_SIGINFO) && saved[i]->sa_handler == SIG_IGN)
            continue; /* ignored by whoever started ebb: theirs to decide */
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
    installed = false;
    term_handler = NULL;
}
