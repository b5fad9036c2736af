/* options: everything the command line can say, parsed by main.c and handed to the
 * SDL layer (engine/sdl/app.h) or to an export. Values of 0 / NULL / -1 mean "not
 * given": the settings file, then the state file, then defaults fill them. */
#ifndef EBB_OPTIONS_H
#define EBB_OPTIONS_H

#include <stdbool.h>

#include "timeline.h"

struct ebb_options {
    const char *exercise;  /* ID or FILE.cfg; NULL: the picker */
    struct ebb_timeline_options timeline; /* --cycles, --minutes, --pace, --no-holds */
    bool pace_given;       /* --pace was given */
    int visual;            /* enum ebb_visual from --visual, or -1 */
    const char *theme;     /* --theme NAME, or NULL */
    bool reduced_motion;   /* --reduced-motion */
    bool eyes_closed;      /* --eyes-closed */
    int volume_percent;    /* --volume 0..100, or -1 */
    bool mute;             /* --mute */
    bool fullscreen;       /* --fullscreen */
    int display;           /* --display N, or -1 */
    bool no_checkin;       /* --no-checkin */
    int voice;             /* --voice 1, --no-voice 0, not given -1 */
    int voice_setting;     /* ebb.cfg's `voice` (enum ebb_voice_mode), EBB_VOICE_UNSET: not written */
    const char *screenshot; /* --screenshot FILE: save the first session frame and quit */
    const char *default_exercise; /* the settings file's default exercise (picker selects it) */
    /* The command line or the settings file decided these, true or false: the state
     * file must not change them (a key the person wrote is theirs). */
    bool mute_fixed;       /* `mute` holds the person's choice */
    bool fullscreen_fixed; /* `fullscreen` holds the person's choice */

    /* --export DIR */
    const char *export_dir;
    int export_fps;          /* default 30 */
    int export_width;        /* default 1280 */
    int export_height;       /* default 720 */
    const char *export_at;   /* "T1,T2,..." as given, or NULL: every frame */
    double press_every_s;    /* default 5 */
};

#endif
