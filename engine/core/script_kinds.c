/* script_kinds: the parts of each kind of exercise: a breathing pattern and its ramp,
 * grounding steps and their taps, a sequence's items, and cues. Lists are counted
 * before anything is allocated or walked, so 100 000 phases cost one message. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "script_int.h"

const char *const script_phase_keys[] = {"phase", "seconds", "text", "to",
                                         "ease",  "side",    "cue",  NULL};
const char *const script_ramp_keys[] = {"to_scale", "over", NULL};
const char *const script_step_keys[] = {"prompt", "detail", "count", "seconds", "action",
                                        "side",   "cue",    "taps",  NULL};
const char *const script_taps_keys[] = {"rate", "per_set", "sets", "rest", "alternate", NULL};

/* Ranges (docs/script-format.md lists them all). */
#define PHASE_S_MIN 0.5
#define PHASE_S_MAX 60.0
#define STEP_S_MIN 1.0
#define STEP_S_MAX 600.0
#define TEXT_CHARS_MAX 120
#define PROMPT_CHARS_MAX 200
#define DETAIL_CHARS_MAX 500
#define CUE_BYTES_MAX 255

static const char *const phase_texts[EBB_PHASE_COUNT] = {"Breathe in", "Breathe out", "Hold"};

static char *copy(struct script_ctx *ctx, const char *s)
{
    char *c = strdup(s);
    if (!c)
        ctx->oom = true;
    return c;
}

/* Checks that s is a list of 1..max elements; returns its length or -1. */
static int list_length(struct script_ctx *ctx, const config_setting_t *s, int max, const char *what,
                       const char *example)
{
    if (script_expect(ctx, s, true) < 0)
        return -1;
    int n = config_setting_length(s);
    if (n == 0) {
        script_error(ctx, s, "\"%s\" is empty: write at least one %s, such as %s",
                     config_setting_name(s), what, example);
        return -1;
    }
    if (n > max) {
        script_error(ctx, s, "\"%s\" has %d %ss; at most %d are allowed", config_setting_name(s), n,
                     what, max);
        return -1;
    }
    return n;
}

/* True (after an error) when a list element is not a group. */
static bool not_group(struct script_ctx *ctx, const config_setting_t *e, const char *what)
{
    char found[96];
    if (config_setting_type(e) == CONFIG_TYPE_GROUP)
        return false;
    script_error(ctx, e, "each %s must be a group { ... }, found %s", what,
                 script_describe(e, found, sizeof found));
    return true;
}

static bool has_sound_ext(const char *name)
{
    static const char *const exts[] = {".wav", ".ogg", ".flac"};
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
        size_t e = strlen(exts[i]);
        if (n > e && !strcasecmp(name + n - e, exts[i]))
            return true;
    }
    return false;
}

void script_walk_cue(struct script_ctx *ctx, const config_setting_t *s, struct ebb_cue *cue)
{
    static const char *const builtin[] = {"inhale", "exhale", "hold", "bell", "tick", "none"};
    static const enum ebb_cue_kind kinds[] = {EBB_CUE_INHALE, EBB_CUE_EXHALE, EBB_CUE_HOLD,
                                              EBB_CUE_BELL,   EBB_CUE_TICK,   EBB_CUE_NONE};
    char found[96];
    cue->line = script_line(s);
    const char *v =
        config_setting_type(s) == CONFIG_TYPE_STRING ? config_setting_get_string(s) : NULL;
    for (size_t i = 0; v && i < sizeof builtin / sizeof builtin[0]; i++) {
        if (!strcmp(v, builtin[i])) {
            cue->kind = kinds[i];
            return;
        }
    }
    if (!v || !has_sound_ext(v)) {
        script_error(ctx, s,
                     "\"cue\" must be a built-in cue (inhale, exhale, hold, bell, tick or none) "
                     "or a .wav, .ogg or .flac file, found %s",
                     script_describe(s, found, sizeof found));
        return;
    }
    if (v[0] == '/') {
        script_error(ctx, s, "\"cue\" must name a file relative to the script's folder, found %s",
                     script_describe(s, found, sizeof found));
        return;
    }
    char *name = NULL;
    if (script_string(ctx, s, CUE_BYTES_MAX, false, false, &name) < 0)
        return;
    size_t size = strlen(ctx->dir) + strlen(name) + 2;
    char *file = malloc(size);
    if (!file) {
        free(name);
        ctx->oom = true;
        return;
    }
    snprintf(file, size, "%s/%s", ctx->dir, name);
    cue->kind = EBB_CUE_FILE;
    cue->name = name;
    cue->file = file;
    struct stat st;
    const char *problem = NULL;
    if (stat(file, &st) < 0)
        problem = errno == ENOENT ? "was not found" : "cannot be read";
    else if (S_ISDIR(st.st_mode))
        problem = "is a folder";
    else if (!S_ISREG(st.st_mode))
        problem = "is not a regular file";
    else if (st.st_size == 0)
        problem = "is empty";
    if (problem)
        script_warning(ctx, s, "cue file \"%s\" %s (%s): the built-in cue plays instead", name,
                       problem, file);
}

static void walk_phase(struct script_ctx *ctx, const config_setting_t *g, struct ebb_phase *ph)
{
    int kind = -1;
    const config_setting_t *seconds = NULL, *to = NULL;
    ph->line = script_line(g);
    ph->ease = EBB_EASE_SMOOTH;
    ph->side = EBB_SIDE_NONE;
    for (int i = 0; i < config_setting_length(g); i++) {
        const config_setting_t *c = config_setting_get_elem(g, (unsigned)i);
        const char *name = config_setting_name(c);
        int v;
        if (!strcmp(name, "phase")) {
            script_enum(ctx, c, script_phase_names, EBB_PHASE_COUNT, &kind);
        } else if (!strcmp(name, "seconds")) {
            seconds = c;
            script_number(ctx, c, PHASE_S_MIN, PHASE_S_MAX, NULL, &ph->seconds);
        } else if (!strcmp(name, "text")) {
            script_string(ctx, c, TEXT_CHARS_MAX, true, false, &ph->text);
        } else if (!strcmp(name, "to")) {
            to = c;
            ph->to_given = script_number(ctx, c, 0.0, 1.0, NULL, &ph->to) == 0;
        } else if (!strcmp(name, "ease")) {
            if (script_enum(ctx, c, script_ease_names, EBB_EASE_COUNT, &v) == 0)
                ph->ease = (enum ebb_ease)v;
        } else if (!strcmp(name, "side")) {
            if (script_enum(ctx, c, script_side_names + 1, EBB_SIDE_COUNT - 1, &v) == 0)
                ph->side = (enum ebb_side)(v + 1);
        } else if (!strcmp(name, "cue")) {
            script_walk_cue(ctx, c, &ph->cue);
        } else {
            script_unknown_key(ctx, c, script_phase_keys, "in a phase");
        }
    }
    if (script_needs(ctx, g, "phase"))
        script_error(ctx, g, "a phase needs \"phase\" (inhale, exhale or hold)");
    if (!seconds && script_needs(ctx, g, "seconds"))
        script_error(ctx, g, "a phase needs \"seconds\" (a number from %g to %g)", PHASE_S_MIN,
                     PHASE_S_MAX);
    if (kind == EBB_PHASE_HOLD && to)
        script_error(ctx, to,
                     "\"to\" does not apply to a hold: a hold keeps the breath level "
                     "where the phase before it left it");
    ph->kind = kind >= 0 ? (enum ebb_phase_kind)kind : EBB_PHASE_INHALE;
    if (!ph->to_given)
        ph->to = ph->kind == EBB_PHASE_INHALE ? 1.0 : 0.0;
    if (!ph->text)
        ph->text = copy(ctx, kind >= 0 ? phase_texts[kind] : "");
}

void script_walk_pattern(struct script_ctx *ctx, const config_setting_t *s)
{
    struct ebb_exercise *ex = ctx->ex;
    int n = list_length(ctx, s, EBB_PHASES_MAX, "phase", "{ phase = \"inhale\"; seconds = 4.0; }");
    if (n < 0)
        return;
    ex->phases = calloc((size_t)n, sizeof *ex->phases);
    if (!ex->phases) {
        ctx->oom = true;
        return;
    }
    ex->phase_count = n;
    for (int i = 0; i < n; i++) {
        const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
        if (!not_group(ctx, e, "phase"))
            walk_phase(ctx, e, &ex->phases[i]);
        else if (!ex->phases[i].text)
            ex->phases[i].text = copy(ctx, "");
    }
    /* A hold ends where it starts: at the level the last inhale or exhale before it
     * (going round the cycle) left the breath; 0 when there is none. */
    for (int i = 0; i < n; i++) {
        struct ebb_phase *ph = &ex->phases[i];
        if (ph->kind != EBB_PHASE_HOLD)
            continue;
        ph->to = 0.0;
        for (int k = 1; k < n; k++) {
            const struct ebb_phase *prev = &ex->phases[(i - k + n) % n];
            if (prev->kind != EBB_PHASE_HOLD) {
                ph->to = prev->to;
                break;
            }
        }
    }
}

void script_walk_ramp(struct script_ctx *ctx, const config_setting_t *s)
{
    struct ebb_exercise *ex = ctx->ex;
    if (script_expect(ctx, s, false) < 0)
        return;
    bool scale = false, over = false;
    for (int i = 0; i < config_setting_length(s); i++) {
        const config_setting_t *c = config_setting_get_elem(s, (unsigned)i);
        const char *name = config_setting_name(c);
        if (!strcmp(name, "to_scale"))
            scale = script_number(ctx, c, 0.5, 2.0, NULL, &ex->ramp_to_scale) == 0;
        else if (!strcmp(name, "over"))
            over = script_number(ctx, c, 1.0, EBB_SESSION_S_MAX, "seconds", &ex->ramp_over_s) == 0;
        else
            script_unknown_key(ctx, c, script_ramp_keys, "in \"ramp\"");
    }
    if (script_needs(ctx, s, "to_scale"))
        script_error(ctx, s, "\"ramp\" needs \"to_scale\" (a number from 0.5 to 2)");
    if (script_needs(ctx, s, "over"))
        script_error(ctx, s, "\"ramp\" needs \"over\" (seconds, from 1 to %g)", EBB_SESSION_S_MAX);
    ex->ramp = scale && over;
}

static void walk_taps(struct script_ctx *ctx, const config_setting_t *g, struct ebb_taps *t)
{
    t->line = script_line(g);
    if (script_expect(ctx, g, false) < 0)
        return;
    t->present = true;
    /* A gentle default: one tap a second, three sets of eight, five seconds apart. */
    t->rate = 1.0;
    t->per_set = 8;
    t->sets = 3;
    t->rest_s = 5.0;
    t->alternate = true;
    for (int i = 0; i < config_setting_length(g); i++) {
        const config_setting_t *c = config_setting_get_elem(g, (unsigned)i);
        const char *name = config_setting_name(c);
        if (!strcmp(name, "rate"))
            script_number(ctx, c, 0.2, 4.0, "taps a second", &t->rate);
        else if (!strcmp(name, "per_set"))
            script_int(ctx, c, 1, 100, &t->per_set);
        else if (!strcmp(name, "sets"))
            script_int(ctx, c, 1, 100, &t->sets);
        else if (!strcmp(name, "rest"))
            script_number(ctx, c, 0.0, 120.0, "seconds", &t->rest_s);
        else if (!strcmp(name, "alternate"))
            script_bool(ctx, c, &t->alternate);
        else
            script_unknown_key(ctx, c, script_taps_keys, "in \"taps\"");
    }
}

static void walk_step(struct script_ctx *ctx, const config_setting_t *g, struct ebb_step *st)
{
    const config_setting_t *count = NULL, *seconds = NULL, *taps = NULL;
    st->line = script_line(g);
    st->count = 1;
    for (int i = 0; i < config_setting_length(g); i++) {
        const config_setting_t *c = config_setting_get_elem(g, (unsigned)i);
        const char *name = config_setting_name(c);
        int v;
        if (!strcmp(name, "prompt")) {
            script_string(ctx, c, PROMPT_CHARS_MAX, false, true, &st->prompt);
        } else if (!strcmp(name, "detail")) {
            script_string(ctx, c, DETAIL_CHARS_MAX, true, true, &st->detail);
        } else if (!strcmp(name, "count")) {
            count = c;
            script_int(ctx, c, 1, 100, &st->count);
        } else if (!strcmp(name, "seconds")) {
            seconds = c;
            script_number(ctx, c, STEP_S_MIN, STEP_S_MAX, NULL, &st->seconds);
        } else if (!strcmp(name, "action")) {
            if (script_enum(ctx, c, script_action_names, EBB_STEP_ACTION_COUNT, &v) == 0)
                st->action = (enum ebb_step_action)v;
        } else if (!strcmp(name, "side")) {
            if (script_enum(ctx, c, script_side_names + 1, EBB_SIDE_COUNT - 1, &v) == 0)
                st->side = (enum ebb_side)(v + 1);
        } else if (!strcmp(name, "cue")) {
            script_walk_cue(ctx, c, &st->cue);
        } else if (!strcmp(name, "taps")) {
            taps = c;
            walk_taps(ctx, c, &st->taps);
        } else {
            script_unknown_key(ctx, c, script_step_keys, "in a step");
        }
    }
    if (script_needs(ctx, g, "prompt"))
        script_error(ctx, g, "a step needs \"prompt\" (the words shown, 1 to %d characters)",
                     PROMPT_CHARS_MAX);
    /* A tapped step ends after its last set (docs/grounding.md): the rest is ignored. */
    if (taps && seconds)
        script_warning(ctx, seconds,
                       "a step with \"taps\" ends after its last set: "
                       "\"seconds\" is ignored");
    if (taps && count)
        script_warning(ctx, count,
                       "a step with \"taps\" ends after its last set: \"count\" "
                       "is ignored");
    if (!st->prompt)
        st->prompt = copy(ctx, "");
    if (!st->detail)
        st->detail = copy(ctx, "");
}

void script_walk_steps(struct script_ctx *ctx, const config_setting_t *s)
{
    struct ebb_exercise *ex = ctx->ex;
    int n = list_length(ctx, s, EBB_STEPS_MAX, "step",
                        "{ prompt = \"Notice five things you "
                        "can see\"; count = 5; }");
    if (n < 0)
        return;
    ex->steps = calloc((size_t)n, sizeof *ex->steps);
    if (!ex->steps) {
        ctx->oom = true;
        return;
    }
    ex->step_count = n;
    for (int i = 0; i < n; i++) {
        const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
        if (!not_group(ctx, e, "step")) {
            walk_step(ctx, e, &ex->steps[i]);
        } else {
            ex->steps[i].prompt = copy(ctx, "");
            ex->steps[i].detail = copy(ctx, "");
        }
    }
}

void script_walk_items(struct script_ctx *ctx, const config_setting_t *s)
{
    struct ebb_exercise *ex = ctx->ex;
    char found[96];
    int n = list_length(ctx, s, EBB_ITEMS_MAX, "item", "[ \"box\", \"five-senses\" ]");
    if (n < 0)
        return;
    ex->items = calloc((size_t)n, sizeof *ex->items);
    ex->item_lines = calloc((size_t)n, sizeof *ex->item_lines);
    if (!ex->items || !ex->item_lines) {
        ctx->oom = true;
        return;
    }
    ex->item_count = n;
    for (int i = 0; i < n; i++) {
        const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
        ex->item_lines[i] = script_line(e);
        const char *v =
            config_setting_type(e) == CONFIG_TYPE_STRING ? config_setting_get_string(e) : NULL;
        if (!v || !ebb_id_valid(v)) {
            script_error(ctx, e,
                         "each item must be an exercise id (1 to %d characters of a-z 0-9 -, "
                         "starting with a letter or digit), found %s",
                         EBB_ID_MAX, script_describe(e, found, sizeof found));
            v = "";
        }
        ex->items[i] = copy(ctx, v);
    }
}
