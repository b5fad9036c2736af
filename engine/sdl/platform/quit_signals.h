/* quit_signals: SIGHUP (the terminal closed, the session logging out) and SIGQUIT
 * (Ctrl+\) end ebb as SIGTERM does: SDL turns SIGINT and SIGTERM into SDL_QUIT, a short
 * fade, the state saved and the session recorded; without this the other two killed
 * ebb on the spot with nothing recorded. */
#ifndef EBB_QUIT_SIGNALS_H
#define EBB_QUIT_SIGNALS_H

#include <stdbool.h>

/* After SDL_Init: SIGHUP and SIGQUIT call the handler SDL installed for SIGTERM. A
 * signal that was ignored when ebb started (nohup) stays ignored, and when SDL installed
 * no handler (SDL_HINT_NO_SIGNAL_HANDLERS) nothing changes. */
void quit_signals_follow_term(void);

/* True once SIGTERM, SIGINT, SIGHUP or SIGQUIT arrived: the SDL_QUIT that follows came
 * from a signal, not from a window's close, and ebb leaves at once (the sound's own short
 * fade, no picture fade: the system or a terminal asked, and 300 ms is the bound). */
bool quit_signals_caught(void);

/* Restores what quit_signals_follow_term changed; before SDL_Quit. */
void quit_signals_restore(void);

#endif
