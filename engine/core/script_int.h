/* script_int: what the loader's files share (script.c reads and parses,
 * script_text.c checks the raw text, script_walk.c and script_value.c turn
 * libconfig settings into struct ebb_exercise). Not part of the public API. */
#ifndef EBB_SCRIPT_INT_H
#define EBB_SCRIPT_INT_H

#include <libconfig.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "script.h"

/* Limits of the raw text, checked before libconfig sees it (docs/script-format.md). */
#define SCRIPT_DEPTH_MAX 16 /* groups and lists nested in each other */
/* Settings in one group: libconfig's duplicate check is quadratic, so 250 000 keys
 * would take minutes. */
#define SCRIPT_GROUP_KEYS_MAX 64
/* Values in one list or array: libconfig grows lists 16 at a time, which is quadratic
 * under a sanitizer; no list may hold more than 256 anyway. */
#define SCRIPT_LIST_VALUES_MAX 1024

/* Did-you-mean suggestions remembered per load (more are still reported). */
#define SCRIPT_SUGGESTED_MAX 16

/* One load: where diagnostics go and what is being built. */
struct script_ctx {
    const char *file;   /* name in diagnostics */
    const char *idname; /* file name the id must match (a path; its last part counts) */
    const char *dir;    /* folder cue files are relative to */
    struct ebb_diags *diags;
    struct ebb_exercise *ex;
    bool oom; /* memory ran out: the load fails */
    /* Keys a did-you-mean named, and the group each was missing from: a required key
     * that was only misspelt is reported once, by its did-you-mean. */
    const config_setting_t *suggested_in[SCRIPT_SUGGESTED_MAX];
    const char *suggested[SCRIPT_SUGGESTED_MAX];
    int suggested_count;
};

/* Checks the raw text: valid UTF-8 and no NUL (stops at the first), then @include,
 * inf/NaN, integers libconfig 1.5 would silently wrap, nesting depth and keys per
 * group. Returns 0 when libconfig may parse it, -1 after adding errors. */
int script_check_text(const char *buf, size_t len, const char *file, struct ebb_diags *diags);

/* Checks every string of a parsed file (escapes read) for valid UTF-8: no stray or
 * overlong bytes, no surrogates. Returns 0, or -1 after one error at the first bad one. */
int script_check_strings(struct script_ctx *ctx, const config_t *cfg);

/* Sets the line of every list and array element of a parsed file to the line its value
 * starts on in `text` (libconfig 1.5 gives a string element the line of the token after
 * it). Changes nothing when the text does not match the tree (script_lines.c). */
void script_fix_lines(config_t *cfg, const char *text);

/* Walks a parsed file into ctx->ex. Returns the number of errors added. */
int script_walk(struct script_ctx *ctx, const config_t *cfg);

/* Diagnostics at a setting's line (0 for the root). */
void script_error(struct script_ctx *ctx, const config_setting_t *s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void script_warning(struct script_ctx *ctx, const config_setting_t *s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Typed values. Each returns 0 and fills *out, or -1 after one error that names the
 * key, what was expected and what was found. */
int script_number(struct script_ctx *ctx, const config_setting_t *s, double min, double max,
                  const char *unit, double *out);
int script_int(struct script_ctx *ctx, const config_setting_t *s, int min, int max, int *out);
int script_bool(struct script_ctx *ctx, const config_setting_t *s, bool *out);
/* A string of 0..max_chars characters (1.. when !allow_empty); newlines allowed only
 * when multiline. *out is a new copy the caller owns. */
int script_string(struct script_ctx *ctx, const config_setting_t *s, int max_chars,
                  bool allow_empty, bool multiline, char **out);
/* One of names[0..count-1]; *out is its index. */
int script_enum(struct script_ctx *ctx, const config_setting_t *s, const char *const *names,
                int count, int *out);
/* A group (or a list/array when list is true); -1 with an error otherwise. */
int script_expect(struct script_ctx *ctx, const config_setting_t *s, bool list);

/* What a setting holds, for "found ..." ("0", "\"text\"", "a group { ... }"). */
const char *script_describe(const config_setting_t *s, char *buf, size_t size);

/* Line of a setting (0 for NULL). */
int script_line(const config_setting_t *s);

/* The kinds' parts (script_kinds.c): each fills ctx->ex and reports its mistakes. */
void script_walk_pattern(struct script_ctx *ctx, const config_setting_t *s);
void script_walk_ramp(struct script_ctx *ctx, const config_setting_t *s);
void script_walk_steps(struct script_ctx *ctx, const config_setting_t *s);
void script_walk_items(struct script_ctx *ctx, const config_setting_t *s);
/* `translations`, walked after every other key of the exercise (script_translations.c):
 * each of `strings` is checked against the texts the exercise shows. */
void script_walk_translations(struct script_ctx *ctx, const config_setting_t *s);
/* A `cue` of a phase or step; a missing, empty or folder cue file is a warning. */
void script_walk_cue(struct script_ctx *ctx, const config_setting_t *s, struct ebb_cue *cue);

/* Key tables (NULL-terminated), shared by the walker and ebb_script_known_keys. */
extern const char *const script_phase_keys[];
extern const char *const script_ramp_keys[];
extern const char *const script_step_keys[];
extern const char *const script_taps_keys[];
extern const char *const script_translation_keys[];

/* Reports an unknown key of a group whose known keys are `known` (NULL-terminated),
 * with a did-you-mean when one is close. `where` reads "in a phase". */
void script_unknown_key(struct script_ctx *ctx, const config_setting_t *s, const char *const *known,
                        const char *where);

/* True when group g lacks `key` and no did-you-mean has already named it there: the
 * caller then reports the missing key. */
bool script_needs(struct script_ctx *ctx, const config_setting_t *g, const char *key);

/* The closest of `known` to `key` (edit distance <= 2, or 1 for short keys), or NULL. */
const char *script_suggest(const char *key, const char *const *known);

/* Characters (code points) in a valid UTF-8 string. */
size_t script_utf8_chars(const char *s);

/* Names as written in scripts, indexed by the enums. */
extern const char *const script_kind_names[EBB_KIND_COUNT];
extern const char *const script_phase_names[EBB_PHASE_COUNT];
extern const char *const script_ease_names[EBB_EASE_COUNT];
extern const char *const script_side_names[EBB_SIDE_COUNT];
extern const char *const script_visual_names[EBB_VISUAL_COUNT];
extern const char *const script_action_names[EBB_STEP_ACTION_COUNT];
extern const char *const script_advance_names[EBB_ADVANCE_COUNT];
extern const char *const script_cues_names[EBB_CUES_COUNT];
extern const char *const script_ambient_names[EBB_AMBIENT_COUNT];
extern const char *const script_voice_names[EBB_VOICE_COUNT - 1]; /* from EBB_VOICE_NONE */

#endif
