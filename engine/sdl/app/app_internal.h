/* app_internal: the window program's context, shared by app.c (setup and the loop) and
 * app_input.c (what each action does on each screen). One context, passed by pointer. */
#ifndef EBB_APP_INTERNAL_H
#define EBB_APP_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "awake.h"
#include "clock.h"
#include "input.h"
#include "journal_hook.h"
#include "launch.h"
#include "picker.h"
#include "reload.h"
#include "scene.h"
#include "state.h"
#include "testhook.h"
#include "window.h"

#define APP_FADE_US 200000u     /* leaving fades in at most 300 ms (DESIGN.md, Care): the
                                   fade, and the sound's fade with it, leave room in those
                                   300 ms for a frame and the window's unmap */
#define APP_HINT_US 4000000u    /* hints show this long at the start and after a move */
#define APP_NOTICE_US 2500000u  /* a notice ("Volume 60%") shows this long */
#define APP_NOTICE_PATH_MAX 40u /* a saved file's path longer than this is named alone */
#define APP_BANNER_US 6000000u  /* a refused edit's FILE:LINE line shows this long */
#define APP_PADS_MAX 4

/* CHECKIN, SUGGEST and HISTORY are drawn and handled by journal_hook.c */
enum screen {
    SCREEN_PICKER,
    SCREEN_SESSION,
    SCREEN_FINISHED,
    SCREEN_CHECKIN,
    SCREEN_SUGGEST,
    SCREEN_HISTORY,
    SCREEN_COUNT
};
enum after_fade { AFTER_NOTHING, AFTER_QUIT, AFTER_PICKER };

struct app {
    const struct ebb_options *opt;
    struct ebb_library *lib;
    struct window win;
    struct text *text;
    struct scene sc;
    float scale_x, scale_y; /* window coordinates -> output pixels */

    struct ebb_state state;
    struct ebb_state state_loaded; /* as read at start: what differs is ours to save */
    char state_path[EBB_STATE_PATH_MAX];
    bool state_dirty;
    struct ebb_audio *audio;
    int volume_percent;
    bool mute;
    bool fullscreen;

    struct clock clk;
    uint64_t now_us;
    enum screen screen;
    bool help;
    int help_screen;  /* enum keymap_screen help was opened from: its keys are listed */
    bool first_time;  /* no state file at start: a new person; "Esc to stop" stays shown */
    bool hint_faint;  /* the hint came back after a key or the mouse: fainter */
    struct picker picker;
    struct launch launch;
    struct ebb_session *session; /* kept on the end screen, so the end bell rings out */
    struct reload reload;        /* the shown script, read again when saved */
    int reloads_seen;            /* reloads of the session already handled */
    size_t reload_kept_logged;   /* versions kept, as last written to the test log */
    unsigned clock_gen;          /* clk.gen the sound's origin was last sent at */
    enum ebb_session_state last_state;
    bool started_with_exercise;
    int finish_sel;

    bool visible;
    bool dirty;
    uint64_t hint_until_us, mouse_until_us, notice_until_us;
    char notice[320];
    bool fading;
    uint64_t fade_start_us; /* clock_system_us() when leaving began */
    uint64_t wall_us;       /* clock_system_us() this turn of the loop (the fade's clock) */
    enum after_fade after;
    bool quit;
    int status;

    struct awake awake; /* the screen kept awake while a session runs */
    struct testhook hook;
    struct journal_flow flow; /* check-in, journal, history (journal_hook.h) */
    SDL_GameController *pads[APP_PADS_MAX];
};

/* Starts a session of the selected or named exercise; returns 0 or -1 (message shown). */
int app_start_session(struct app *a, const char *name);

/* Ends the session (no fade) and shows the picker. */
void app_to_picker(struct app *a);

/* The session ended by itself: the end screen. */
void app_finish(struct app *a);

/* Begins the fade out, then `after`. */
void app_leave(struct app *a, enum after_fade after);

/* Watches the shown script and applies a saved edit (app.c); called every turn. */
void app_reload(struct app *a);

/* The screen's name as the test log writes it ("picker", "finished", "history"...). */
const char *app_screen_name(enum screen s);

/* The loop's wait (at most `wait` ms) shortened to the next look at the script, on the
 * screens that look at it; `wait` unchanged elsewhere. */
int app_reload_wait_ms(const struct app *a, int wait);

/* A quiet notice at the top for a few seconds. */
void app_notice(struct app *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Handles one input on the current screen. */
void app_handle(struct app *a, const struct input *in);

/* Saves a screenshot of the current picture to path (NULL: the S key's default). */
int app_screenshot(struct app *a, const char *path);

/* The key map of the screen shown now (enum keymap_screen, keymap.h). */
int app_keymap_screen(const struct app *a);

/* Draws the current screen into the back buffer (no present). */
void app_draw(struct app *a);

#endif
