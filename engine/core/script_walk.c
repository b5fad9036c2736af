/* script_walk: the top of a script and its `exercise` group: the keys every kind
 * shares (id, title, tags, audio...), which keys belong to which kind, required keys,
 * defaults, and the length of a session. Settings are visited in file order, so
 * diagnostics come out in the order of the lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "script_int.h"

static const char *const top_keys[] = {"version", "exercise", NULL};
static const char *const common_keys[] = {"id",   "title", "kind",     "summary", "about",
                                          "tags", "audio", "language", "translations", NULL};
static const char *const kind_keys[EBB_KIND_COUNT][7] = {
    {"visual", "prepare", "cycles", "duration", "pattern", "ramp", NULL},
    {"advance", "steps", NULL},
    {"items", "pause", NULL},
};
static const char *const audio_keys[] = {"cues", "ambient", "volume", "voice", NULL};

#define TITLE_CHARS_MAX 80
#define SUMMARY_CHARS_MAX 500
#define ABOUT_CHARS_MAX 4000
#define TAG_CHARS_MAX 32
#define LANGUAGE_CHARS_MAX 35 /* the longest tag ebb_language_valid accepts */
#define PREPARE_S_MAX 60.0
#define CYCLES_MAX 1000
#define DURATION_S_MIN 10.0
#define DURATION_S_DEFAULT 300.0 /* neither cycles nor duration: five minutes */
#define PAUSE_S_MAX 300.0
#define GROUNDING_TIMED_S_DEFAULT 30.0 /* a timed step without seconds (docs/grounding.md) */

const char *const *ebb_script_known_keys(void)
{
    static const char *all[64];
    if (!all[0]) {
        const char *const *tables[] = {
            top_keys,   common_keys,       kind_keys[0],     kind_keys[1],     kind_keys[2],
            audio_keys, script_phase_keys, script_ramp_keys, script_step_keys, script_taps_keys,
            script_translation_keys};
        int n = 0;
        for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
            for (const char *const *k = tables[t]; *k; k++) {
                bool seen = false;
                for (int i = 0; i < n; i++)
                    seen = seen || !strcmp(all[i], *k);
                if (!seen && n < 63)
                    all[n++] = *k;
            }
        }
    }
    return all;
}

static bool in(const char *key, const char *const *keys)
{
    for (; *keys; keys++)
        if (!strcmp(key, *keys))
            return true;
    return false;
}

/* The id must be valid and equal the file name without .cfg; the message says how to
 * make them agree. */
static void walk_id(struct script_ctx *ctx, const config_setting_t *s)
{
    char found[96];
    if (config_setting_type(s) != CONFIG_TYPE_STRING) {
        script_error(ctx, s, "\"id\" must be a text in double quotes, found %s",
                     script_describe(s, found, sizeof found));
        return;
    }
    const char *id = config_setting_get_string(s);
    const char *base = strrchr(ctx->idname, '/');
    base = base ? base + 1 : ctx->idname;
    size_t n = strlen(base);
    bool cfg = n > 4 && !strcmp(base + n - 4, ".cfg");
    char stem[EBB_ID_MAX + 2] = "";
    bool stem_ok = cfg && n - 4 <= EBB_ID_MAX;
    if (stem_ok) {
        memcpy(stem, base, n - 4);
        stem[n - 4] = '\0';
        stem_ok = ebb_id_valid(stem);
    }
    if (!ebb_id_valid(id)) {
        script_error(ctx, s,
                     "id \"%.48s\" is not valid: ids are 1-%d characters of a-z 0-9 -, starting "
                     "with a letter or digit%s%s%s",
                     id, EBB_ID_MAX, stem_ok ? "; for this file set id = \"" : "",
                     stem_ok ? stem : "", stem_ok ? "\"" : "");
        return;
    }
    if (!cfg || strcmp(stem, id)) {
        script_error(ctx, s,
                     "id \"%s\" must match the file name \"%.64s\": rename the file to "
                     "%s.cfg%s%s%s",
                     id, base, id, stem_ok ? " or set id = \"" : "", stem_ok ? stem : "",
                     stem_ok ? "\"" : "");
        return;
    }
    ctx->ex->id = strdup(id);
    if (!ctx->ex->id)
        ctx->oom = true;
}

static void walk_tags(struct script_ctx *ctx, const config_setting_t *s)
{
    struct ebb_exercise *ex = ctx->ex;
    if (script_expect(ctx, s, true) < 0)
        return;
    int n = config_setting_length(s);
    if (n > EBB_TAGS_MAX) {
        script_error(ctx, s, "\"tags\" has %d tags; at most %d are allowed", n, EBB_TAGS_MAX);
        return;
    }
    ex->tags = calloc((size_t)n + 1, sizeof *ex->tags);
    if (!ex->tags) {
        ctx->oom = true;
        return;
    }
    for (int i = 0; i < n; i++) {
        char *tag = NULL;
        if (script_string(ctx, config_setting_get_elem(s, (unsigned)i), TAG_CHARS_MAX, false, false,
                          &tag) == 0)
            ex->tags[ex->tag_count++] = tag;
    }
}

static void walk_audio(struct script_ctx *ctx, const config_setting_t *s)
{
    struct ebb_audio_settings *a = &ctx->ex->audio;
    if (script_expect(ctx, s, false) < 0)
        return;
    for (int i = 0; i < config_setting_length(s); i++) {
        const config_setting_t *c = config_setting_get_elem(s, (unsigned)i);
        const char *name = config_setting_name(c);
        int v;
        if (!strcmp(name, "cues")) {
            if (script_enum(ctx, c, script_cues_names, EBB_CUES_COUNT, &v) == 0)
                a->cues = (enum ebb_cues)v;
        } else if (!strcmp(name, "ambient")) {
            if (script_enum(ctx, c, script_ambient_names, EBB_AMBIENT_COUNT, &v) == 0)
                a->ambient = (enum ebb_ambient)v;
        } else if (!strcmp(name, "volume")) {
            script_number(ctx, c, 0.0, 1.0, NULL, &a->volume);
        } else if (!strcmp(name, "voice")) {
            if (script_enum(ctx, c, script_voice_names, EBB_VOICE_COUNT - 1, &v) == 0)
                a->voice = (enum ebb_voice_mode)(v + 1);
        } else {
            script_unknown_key(ctx, c, audio_keys, "in \"audio\"");
        }
    }
}

/* The language the exercise speaks in: a tag such as "de" or "pt-BR". */
static void walk_language(struct script_ctx *ctx, const config_setting_t *c)
{
    char *tag = NULL;
    if (script_string(ctx, c, LANGUAGE_CHARS_MAX, false, false, &tag) != 0)
        return;
    if (!ebb_language_valid(tag)) {
        script_error(ctx, c,
                     "\"language\" must be a language tag such as \"en\", \"de\" or "
                     "\"pt-BR\", found \"%s\"",
                     tag);
        free(tag);
        return;
    }
    free(ctx->ex->language);
    ctx->ex->language = tag;
}

/* A key of one kind: breathing, grounding or sequence. */
static void walk_kind_key(struct script_ctx *ctx, const config_setting_t *c)
{
    struct ebb_exercise *ex = ctx->ex;
    const char *name = config_setting_name(c);
    int v;
    if (!strcmp(name, "visual")) {
        if (script_enum(ctx, c, script_visual_names, EBB_VISUAL_COUNT, &v) == 0)
            ex->visual = (enum ebb_visual)v;
    } else if (!strcmp(name, "prepare")) {
        script_number(ctx, c, 0.0, PREPARE_S_MAX, "seconds", &ex->prepare_s);
    } else if (!strcmp(name, "cycles")) {
        script_int(ctx, c, 1, CYCLES_MAX, &ex->cycles);
    } else if (!strcmp(name, "duration")) {
        script_number(ctx, c, DURATION_S_MIN, EBB_SESSION_S_MAX, "seconds", &ex->duration_s);
    } else if (!strcmp(name, "pattern")) {
        script_walk_pattern(ctx, c);
    } else if (!strcmp(name, "ramp")) {
        script_walk_ramp(ctx, c);
    } else if (!strcmp(name, "advance")) {
        if (script_enum(ctx, c, script_advance_names, EBB_ADVANCE_COUNT, &v) == 0)
            ex->advance = (enum ebb_advance)v;
    } else if (!strcmp(name, "steps")) {
        script_walk_steps(ctx, c);
    } else if (!strcmp(name, "items")) {
        script_walk_items(ctx, c);
    } else if (!strcmp(name, "pause")) {
        script_number(ctx, c, 0.0, PAUSE_S_MAX, "seconds", &ex->pause_s);
    }
}

static void format_hms(char *buf, size_t size, double s)
{
    long t = (long)(s + 0.5);
    snprintf(buf, size, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
}

/* A breathing session: exactly one of cycles and duration, and at most 4 hours
 * (a ramp counted at the slower of its two paces). */
static void check_breathing(struct script_ctx *ctx, const config_setting_t *g)
{
    struct ebb_exercise *ex = ctx->ex;
    const config_setting_t *cycles = config_setting_get_member(g, "cycles");
    const config_setting_t *duration = config_setting_get_member(g, "duration");
    const config_setting_t *pattern = config_setting_get_member(g, "pattern");
    if (!pattern && script_needs(ctx, g, "pattern"))
        script_error(ctx, g,
                     "a breathing exercise needs \"pattern\", a list of phases such as "
                     "( { phase = \"inhale\"; seconds = 4.0; } )");
    if (cycles && duration) {
        const config_setting_t *later =
            script_line(cycles) > script_line(duration) ? cycles : duration;
        script_error(ctx, later, "both \"cycles\" and \"duration\" are given: keep one of them");
        return;
    }
    if (!cycles && !duration)
        ex->duration_s = DURATION_S_DEFAULT;
    if (ex->phase_count == 0 || (cycles && ex->cycles == 0) || (duration && ex->duration_s == 0))
        return;
    double cycle_s = 0.0;
    for (int i = 0; i < ex->phase_count; i++)
        cycle_s += ex->phases[i].seconds;
    if (ex->ramp && ex->ramp_to_scale > 1.0)
        cycle_s *= ex->ramp_to_scale;
    char len[32];
    if (cycles) {
        double total = ex->prepare_s + cycle_s * ex->cycles;
        format_hms(len, sizeof len, total);
        if (total > EBB_SESSION_S_MAX)
            script_error(ctx, cycles,
                         "the session would last %s (%d cycles of %g seconds): a "
                         "session lasts at most 4 hours",
                         len, ex->cycles, cycle_s);
    } else if (ex->prepare_s + ex->duration_s > EBB_SESSION_S_MAX ||
               ex->prepare_s + cycle_s > EBB_SESSION_S_MAX) {
        format_hms(len, sizeof len,
                   ex->prepare_s + (ex->duration_s > cycle_s ? ex->duration_s : cycle_s));
        script_error(ctx, duration ? duration : pattern,
                     "the session would last %s: a session lasts at most 4 hours", len);
    }
}

/* Grounding: steps are required, and the timed ones last at most 4 hours in all. */
static void check_grounding(struct script_ctx *ctx, const config_setting_t *g)
{
    struct ebb_exercise *ex = ctx->ex;
    const config_setting_t *steps = config_setting_get_member(g, "steps");
    if (!steps) {
        if (script_needs(ctx, g, "steps"))
            script_error(ctx, g,
                         "a grounding exercise needs \"steps\", a list such as "
                         "( { prompt = \"Notice five things you can see\"; count = 5; } )");
        return;
    }
    double total = 0.0;
    for (int i = 0; i < ex->step_count; i++) {
        const struct ebb_step *st = &ex->steps[i];
        const struct ebb_taps *t = &st->taps;
        if (t->present)
            total += 1.0 + t->sets * t->per_set / t->rate + (t->sets - 1) * t->rest_s;
        else if (st->seconds > 0)
            total += st->seconds;
        else if (ex->advance == EBB_ADVANCE_TIMED)
            total += GROUNDING_TIMED_S_DEFAULT;
    }
    if (total > EBB_SESSION_S_MAX) {
        char len[32];
        format_hms(len, sizeof len, total);
        script_error(ctx, steps, "the timed steps would last %s: a session lasts at most 4 hours",
                     len);
    }
}

static void walk_exercise(struct script_ctx *ctx, const config_setting_t *g)
{
    struct ebb_exercise *ex = ctx->ex;
    const config_setting_t *k = config_setting_get_member(g, "kind");
    int kind = -1;
    if (k) /* a missing kind is reported after the other keys */
        script_enum(ctx, k, script_kind_names, EBB_KIND_COUNT, &kind);
    ex->kind = kind >= 0 ? (enum ebb_kind)kind : EBB_KIND_BREATHING;

    /* The keys of this kind, for unknown keys and their did-you-mean. */
    const char *known[24];
    int n = 0;
    for (const char *const *c = common_keys; *c; c++)
        known[n++] = *c;
    for (int kk = 0; kk < EBB_KIND_COUNT; kk++)
        for (const char *const *c = kind_keys[kk]; *c && (kind < 0 || kk == kind); c++)
            known[n++] = *c;
    known[n] = NULL;

    for (int i = 0; i < config_setting_length(g); i++) {
        const config_setting_t *c = config_setting_get_elem(g, (unsigned)i);
        const char *name = config_setting_name(c);
        int owner = -1;
        for (int kk = 0; kk < EBB_KIND_COUNT; kk++)
            if (in(name, kind_keys[kk]))
                owner = kk;
        if (!strcmp(name, "id"))
            walk_id(ctx, c);
        else if (!strcmp(name, "title"))
            script_string(ctx, c, TITLE_CHARS_MAX, false, false, &ex->title);
        else if (!strcmp(name, "summary"))
            script_string(ctx, c, SUMMARY_CHARS_MAX, true, true, &ex->summary);
        else if (!strcmp(name, "about"))
            script_string(ctx, c, ABOUT_CHARS_MAX, true, true, &ex->about);
        else if (!strcmp(name, "tags"))
            walk_tags(ctx, c);
        else if (!strcmp(name, "audio"))
            walk_audio(ctx, c);
        else if (!strcmp(name, "language"))
            walk_language(ctx, c);
        else if (!strcmp(name, "translations"))
            continue; /* after the texts it translates, below */
        else if (owner >= 0 && kind >= 0 && owner != kind)
            script_error(ctx, c, "\"%s\" is a key of %s exercises, not of a %s one", name,
                         script_kind_names[owner], script_kind_names[kind]);
        else if (owner >= 0)
            walk_kind_key(ctx, c);
        else if (strcmp(name, "kind"))
            script_unknown_key(ctx, c, known, "in the exercise");
    }
    if (!ex->summary)
        ex->summary = strdup("");
    if (!ex->about)
        ex->about = strdup("");
    if (!ex->summary || !ex->about)
        ctx->oom = true;
    const config_setting_t *tr = config_setting_get_member(g, "translations");
    if (tr && !ctx->oom)
        script_walk_translations(ctx, tr);
    if (!k && script_needs(ctx, g, "kind"))
        script_error(ctx, g, "the exercise needs \"kind\" (breathing, grounding or sequence)");
    if (script_needs(ctx, g, "id"))
        script_error(ctx, g, "the exercise needs \"id\", the file name without .cfg");
    if (script_needs(ctx, g, "title"))
        script_error(ctx, g, "the exercise needs \"title\" (1 to %d characters)", TITLE_CHARS_MAX);
    if (kind == EBB_KIND_BREATHING)
        check_breathing(ctx, g);
    else if (kind == EBB_KIND_GROUNDING)
        check_grounding(ctx, g);
    else if (kind == EBB_KIND_SEQUENCE && script_needs(ctx, g, "items"))
        script_error(ctx, g,
                     "a sequence needs \"items\", a list of exercise ids such as "
                     "[ \"box\", \"five-senses\" ]");
}

int script_walk(struct script_ctx *ctx, const config_t *cfg)
{
    const config_setting_t *root = config_root_setting(cfg);
    int before = ctx->diags->errors;
    struct ebb_exercise *ex = ctx->ex;
    ex->audio.volume = 1.0;
    ex->prepare_s = 3.0;
    for (int i = 0; i < config_setting_length(root); i++) {
        const config_setting_t *c = config_setting_get_elem(root, (unsigned)i);
        const char *name = config_setting_name(c);
        char found[96];
        if (!strcmp(name, "version")) {
            int t = config_setting_type(c);
            bool one = (t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64)
                           ? config_setting_get_int64(c) == 1
                           : t == CONFIG_TYPE_FLOAT && config_setting_get_float(c) == 1.0;
            if (!one)
                script_error(ctx, c,
                             "\"version\" must be 1 (the script format this ebb reads), "
                             "found %s",
                             script_describe(c, found, sizeof found));
        } else if (!strcmp(name, "exercise")) {
            if (script_expect(ctx, c, false) == 0)
                walk_exercise(ctx, c);
        } else {
            script_unknown_key(ctx, c, top_keys, "at the top of the file");
        }
    }
    if (config_setting_length(root) == 0) {
        script_error(ctx, NULL,
                     "the file has no settings: a script needs \"version = 1;\" and "
                     "\"exercise = { ... };\"");
        return ctx->diags->errors - before;
    }
    if (script_needs(ctx, root, "version"))
        script_error(ctx, NULL, "the file needs \"version = 1;\" at the top");
    if (script_needs(ctx, root, "exercise"))
        script_error(ctx, NULL, "the file needs \"exercise = { ... };\" holding the exercise");
    return ctx->diags->errors - before;
}
