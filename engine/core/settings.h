/* settings: the person's settings file, $XDG_CONFIG_HOME/ebb/ebb.cfg (libconfig),
 * written by the person and never by ebb. Every key is optional; a bad value is a
 * warning (FILE:LINE) and the key counts as not written. docs/settings.md lists them.
 * No allocation survives a call: struct ebb_settings holds everything by value. */
#ifndef EBB_SETTINGS_H
#define EBB_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "lang.h"
#include "script.h"

#define EBB_SETTINGS_BYTES_MAX (64 * 1024) /* a settings file is a few lines */
#define EBB_THEME_NAME_MAX 16

/* One boolean setting: whether the person wrote it, and what. */
struct ebb_setting_bool {
    bool given;
    bool value;
};

struct ebb_settings {
    int volume_percent;                     /* volume: 0..100, or -1 when not written */
    struct ebb_setting_bool mute;           /* mute */
    char theme[EBB_THEME_NAME_MAX];         /* theme: dark, light, contrast; "" not written */
    struct ebb_setting_bool reduced_motion; /* reduced_motion */
    struct ebb_setting_bool no_holds;       /* no_holds */
    struct ebb_setting_bool eyes_closed;    /* eyes_closed */
    struct ebb_setting_bool fullscreen;     /* fullscreen */
    struct ebb_setting_bool checkin;        /* checkin: the before/after ratings */
    char default_exercise[EBB_ID_MAX + 1];  /* default_exercise: an id; "" not written */
    int default_exercise_line;              /* its line in the file, for a later warning */
    enum ebb_voice_mode voice;              /* voice: none, prompts, all; UNSET not written */
    char language[EBB_LANG_MAX];            /* language: a code, normalized; "" not written */
};

/* Every setting "not written". */
void ebb_settings_init(struct ebb_settings *s);

/* Reads the settings file at `path` (a regular file of at most
 * EBB_SETTINGS_BYTES_MAX bytes; no @include). A missing file is not an error: s keeps
 * its defaults and the result is 0. Returns 0, or -1 when the file exists but cannot
 * be read or parsed (an error in `diags`; every setting then stays unwritten). Bad
 * values and unknown keys are warnings. `display` names the file in diagnostics (NULL:
 * the path). */
int ebb_settings_load(struct ebb_settings *s, const char *path, const char *display,
                      struct ebb_diags *diags);

/* The same from a buffer of `len` bytes (need not be NUL-terminated); `name` names it
 * in diagnostics. */
int ebb_settings_load_buffer(struct ebb_settings *s, const char *buf, size_t len, const char *name,
                             struct ebb_diags *diags);

/* True when `name` is a theme ebb knows: dark, light, contrast. */
bool ebb_theme_valid(const char *name);

#endif
