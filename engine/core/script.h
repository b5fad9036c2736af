/* script: an exercise script (libconfig syntax, format version 1) read into one
 * owned struct ebb_exercise, with every mistake reported as FILE:LINE diagnostics.
 * See docs/script-format.md for every key, its type, default and range. */
#ifndef EBB_SCRIPT_H
#define EBB_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "ident.h"

#define EBB_PHASES_MAX 256        /* phases in a pattern */
#define EBB_STEPS_MAX 256         /* steps of a grounding exercise */
#define EBB_ITEMS_MAX 64          /* items of a sequence */
#define EBB_TAGS_MAX 16           /* tags of an exercise */
#define EBB_TRANSLATIONS_MAX 64   /* languages in `translations` (a group's settings) */
#define EBB_SCRIPT_BYTES_MAX (1024 * 1024) /* a script file is at most 1 MiB */
#define EBB_SESSION_S_MAX (4.0 * 3600.0)   /* no session lasts more than 4 hours */

enum ebb_kind { EBB_KIND_BREATHING, EBB_KIND_GROUNDING, EBB_KIND_SEQUENCE, EBB_KIND_COUNT };

enum ebb_phase_kind { EBB_PHASE_INHALE, EBB_PHASE_EXHALE, EBB_PHASE_HOLD, EBB_PHASE_COUNT };

/* How the breath level moves through a phase; smooth is the default. */
enum ebb_ease { EBB_EASE_SMOOTH, EBB_EASE_LINEAR, EBB_EASE_SINE, EBB_EASE_COUNT };

enum ebb_side { EBB_SIDE_NONE, EBB_SIDE_LEFT, EBB_SIDE_RIGHT, EBB_SIDE_COUNT };

enum ebb_visual {
    EBB_VISUAL_CIRCLE,
    EBB_VISUAL_BOX,
    EBB_VISUAL_WAVE,
    EBB_VISUAL_BAR,
    EBB_VISUAL_NONE,
    EBB_VISUAL_COUNT
};

/* A grounding step's body action, drawn as tightening or letting go. */
enum ebb_step_action {
    EBB_STEP_ACTION_NONE,
    EBB_STEP_ACTION_TENSE,
    EBB_STEP_ACTION_RELEASE,
    EBB_STEP_ACTION_COUNT
};

enum ebb_advance { EBB_ADVANCE_MANUAL, EBB_ADVANCE_TIMED, EBB_ADVANCE_COUNT };

enum ebb_cues { EBB_CUES_TONES, EBB_CUES_BELL, EBB_CUES_NONE, EBB_CUES_COUNT };

/* Spoken guidance (`audio.voice`): UNSET leaves it to the settings and --eyes-closed. */
enum ebb_voice_mode {
    EBB_VOICE_UNSET,
    EBB_VOICE_NONE,    /* nothing is spoken */
    EBB_VOICE_PROMPTS, /* each grounding step's prompt */
    EBB_VOICE_ALL,     /* prompts with their details, and each breathing phase's text */
    EBB_VOICE_COUNT
};

enum ebb_ambient {
    EBB_AMBIENT_NONE,
    EBB_AMBIENT_BREATH,
    EBB_AMBIENT_BROWN,
    EBB_AMBIENT_PINK,
    EBB_AMBIENT_COUNT
};

/* A cue as written in a phase or step. AUTO means no `cue` key: the audio layer
 * picks the default for the phase kind and the exercise's `audio.cues`. */
enum ebb_cue_kind {
    EBB_CUE_AUTO,
    EBB_CUE_INHALE,
    EBB_CUE_EXHALE,
    EBB_CUE_HOLD,
    EBB_CUE_BELL,
    EBB_CUE_TICK,
    EBB_CUE_NONE,
    EBB_CUE_FILE,
    EBB_CUE_COUNT
};

struct ebb_cue {
    enum ebb_cue_kind kind;
    char *file; /* owned; FILE only: the path joined to the script's folder */
    char *name; /* owned; FILE only: the name as written (shown in timeline.tsv) */
    int line;   /* line of the `cue` setting, 0 when absent */
};

struct ebb_phase {
    enum ebb_phase_kind kind;
    double seconds;     /* length at pace 1, 0.5 .. 60 */
    char *text;         /* owned, UTF-8; never NULL (default per kind, e.g. "Breathe in") */
    double to;          /* breath level 0..1 the phase ends at (defaults: inhale 1, exhale 0,
                           hold = the level it starts at) */
    bool to_given;      /* `to` was written */
    enum ebb_ease ease; /* default smooth */
    enum ebb_side side; /* default none */
    struct ebb_cue cue;
    int line; /* line of the phase group */
};

/* Bilateral taps (DESIGN.md, Taps). */
struct ebb_taps {
    bool present;
    double rate;    /* taps a second in total */
    int per_set;    /* taps in one set */
    int sets;       /* number of sets */
    double rest_s;  /* seconds between sets, not after the last */
    bool alternate; /* true: left, right, left...; false: middle */
    int line;
};

struct ebb_step {
    char *prompt; /* owned, UTF-8, never NULL */
    char *detail; /* owned, UTF-8, may be "" but never NULL */
    int count;    /* presses that complete it, 1 when not written */
    double seconds; /* > 0: a timed step of that length; 0: waits for presses (or taps) */
    enum ebb_step_action action;
    enum ebb_side side;
    struct ebb_cue cue;
    struct ebb_taps taps;
    int line;
};

struct ebb_audio_settings {
    enum ebb_cues cues;       /* default tones */
    enum ebb_ambient ambient; /* default none */
    double volume;            /* 0..1, this exercise's gain relative to the master; default 1 */
    enum ebb_voice_mode voice; /* default UNSET */
};

/* One text of a translation's `strings`: the English as the script shows it, and the
 * words shown instead. */
struct ebb_translation_string {
    char *from; /* owned, UTF-8: a phase text, step prompt or step detail as written */
    char *to;   /* owned, UTF-8: what is shown in its place */
    int line;
};

/* One language of `translations` (docs/script-format.md, Translations). */
struct ebb_translation {
    char *language; /* owned; the key as written: "de", "pt_BR", "es-419" */
    char *title;    /* owned, or NULL: the title as written stays */
    char *summary;  /* owned, or NULL */
    char *about;    /* owned, or NULL */
    struct ebb_translation_string *strings; /* owned */
    int string_count;
    int line;
};

struct ebb_exercise {
    /* all kinds */
    char *id;      /* owned; equals the file name without .cfg */
    char *title;   /* owned */
    char *summary; /* owned, may be "" */
    char *about;   /* owned, may be "" */
    enum ebb_kind kind;
    char **tags; /* owned array of owned strings */
    int tag_count;
    struct ebb_audio_settings audio;
    char *language; /* owned; a language tag such as "de" or "pt-br", or NULL: not written */
    struct ebb_translation *translations; /* owned; the script's `translations` */
    int translation_count;
    char *shown_language; /* owned; the translation applied (ebb_script_translate), or NULL */
    char *path; /* owned; the file as given or as found on the search path */
    char *dir;  /* owned; the script's folder, for cue files ("." when none) */

    /* breathing */
    enum ebb_visual visual; /* default circle */
    double prepare_s;       /* default 3, 0..60 */
    int cycles;             /* > 0 when the length is in cycles */
    double duration_s;      /* > 0 when the length is a duration; exactly one of the two */
    struct ebb_phase *phases; /* owned */
    int phase_count;
    bool ramp;             /* a `ramp` group was given */
    double ramp_to_scale;  /* pace factor reached at the end of the ramp */
    double ramp_over_s;    /* seconds over which it changes, from the first cycle */

    /* grounding */
    enum ebb_advance advance; /* default manual */
    struct ebb_step *steps;   /* owned */
    int step_count;

    /* sequence */
    char **items;    /* owned ids */
    int *item_lines; /* owned; line of each item */
    int item_count;
    double pause_s; /* seconds between items; 0 waits for a key */
};

/* Reads and checks the script at `path` (a regular file of at most 1 MiB, UTF-8).
 * `display` is the name used in diagnostics (NULL: the path). Returns a new exercise
 * the caller frees with ebb_script_free, or NULL when there was any error; every
 * diagnostic (errors and warnings) is added to `diags`. */
struct ebb_exercise *ebb_script_load(const char *path, const char *display,
                                     struct ebb_diags *diags);

/* The same from a buffer of `len` bytes (need not be NUL-terminated). `name` is the
 * file name for diagnostics and for the id check; `dir` is the folder cue files are
 * relative to (NULL: "."). */
struct ebb_exercise *ebb_script_load_buffer(const char *buf, size_t len, const char *name,
                                            const char *dir, struct ebb_diags *diags);

/* Frees everything the exercise owns; accepts NULL. */
void ebb_script_free(struct ebb_exercise *ex);

/* Names as written in scripts ("inhale", "box", ...); never NULL. */
const char *ebb_kind_name(enum ebb_kind k);
const char *ebb_phase_name(enum ebb_phase_kind k);
const char *ebb_visual_name(enum ebb_visual v);
const char *ebb_side_name(enum ebb_side s); /* "-" for none */
const char *ebb_cue_name(const struct ebb_cue *c); /* built-in name, or the file name */

/* "none", "prompts", "all" ("-" for UNSET). */
const char *ebb_voice_mode_name(enum ebb_voice_mode m);

/* Parses a voice mode name (none, prompts, all); returns 0 and sets *out, or -1. */
int ebb_voice_mode_parse(const char *name, enum ebb_voice_mode *out);

/* True when `tag` is a language tag ebb accepts: 2 or 3 letters, then up to three
 * subtags of 2 to 8 letters or digits, joined by '-' or '_' (de, pt-BR, zh_yue). */
bool ebb_language_valid(const char *tag);

/* Parses a visual name; returns 0 and sets *out, or -1. */
int ebb_visual_parse(const char *name, enum ebb_visual *out);

/* Every key the loader knows, in every place (top, exercise, phase, ramp, step, taps,
 * audio), each once: a static NULL-terminated list (tests check the docs name them). */
const char *const *ebb_script_known_keys(void);

/* The line (1-based) of the first `@include` in `len` bytes of libconfig text that lies
 * outside strings and comments (those libconfig would follow), or 0 when there is none.
 * The settings and state files refuse it as scripts do. */
int ebb_config_include_line(const char *buf, size_t len);

#endif
