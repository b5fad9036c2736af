/* script_translations: the `translations` group of an exercise, one group per language
 * code with the words shown in that language (docs/script-format.md, Translations).
 * Walked after the rest of the exercise, so each of `strings` can be checked against
 * the texts the script shows, and held to the limit of the text it stands for. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "script_int.h"

const char *const script_translation_keys[] = {"title", "summary", "about", "strings", NULL};

/* The limits of the texts a translation stands for (as in script_walk.c and
 * script_kinds.c). */
#define TITLE_CHARS_MAX 80
#define SUMMARY_CHARS_MAX 500
#define ABOUT_CHARS_MAX 4000
#define TEXT_CHARS_MAX 120
#define PROMPT_CHARS_MAX 200
#define DETAIL_CHARS_MAX 500
/* Every phase text, prompt and detail of one exercise, each once at most. */
#define STRINGS_MAX (EBB_PHASES_MAX + 2 * EBB_STEPS_MAX)

/* Two language codes are the same when they differ only in case and '-'/'_'. */
static bool same_code(const char *a, const char *b)
{
    for (;; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a == '-' ? '_' : *a;
        char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b == '-' ? '_' : *b;
        if (x != y)
            return false;
        if (!x)
            return true;
    }
}

/* One text of a pair: 1..max characters, newlines only when multiline. */
static bool text_ok(struct script_ctx *ctx, const config_setting_t *s, const char *lang,
                    const char *which, int max, bool multiline)
{
    const char *v = config_setting_get_string(s);
    size_t chars = script_utf8_chars(v);
    if (chars == 0 || chars > (size_t)max) {
        script_error(ctx, s,
                     "the %s of a pair in \"strings\" of \"%s\" must be a text of 1 to %d "
                     "characters, found %zu",
                     which, lang, max, chars);
        return false;
    }
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        if ((*p < 0x20 && !(multiline && *p == '\n')) || *p == 0x7F) {
            script_error(ctx, s,
                         "the %s of a pair in \"strings\" of \"%s\" contains a control "
                         "character (0x%02x)%s",
                         which, lang, *p, multiline ? "; only \\n is allowed" : "");
            return false;
        }
    }
    return true;
}

/* Where `text` is shown in the exercise: the tightest limit of those places, and
 * whether all of them allow new lines. Returns false when the exercise never shows it. */
static bool used(const struct ebb_exercise *ex, const char *text, int *max, bool *multiline)
{
    bool found = false;
    *max = DETAIL_CHARS_MAX;
    *multiline = true;
    for (int i = 0; i < ex->phase_count; i++) {
        if (ex->phases[i].text && !strcmp(ex->phases[i].text, text)) {
            found = true;
            *max = TEXT_CHARS_MAX;
            *multiline = false;
        }
    }
    for (int i = 0; i < ex->step_count; i++) {
        if (ex->steps[i].prompt && !strcmp(ex->steps[i].prompt, text)) {
            found = true;
            if (*max > PROMPT_CHARS_MAX)
                *max = PROMPT_CHARS_MAX;
        }
        if (ex->steps[i].detail && !strcmp(ex->steps[i].detail, text))
            found = true;
    }
    return found;
}

/* One pair [ "English", "translation" ]; adds it to tr when it is sound. */
static void walk_pair(struct script_ctx *ctx, const config_setting_t *p, struct ebb_translation *tr)
{
    char found[96];
    const char *lang = tr->language;
    const config_setting_t *from = config_setting_get_elem(p, 0);
    const config_setting_t *to = config_setting_get_elem(p, 1);
    bool pair = config_setting_type(p) == CONFIG_TYPE_ARRAY && config_setting_length(p) == 2 &&
                config_setting_type(from) == CONFIG_TYPE_STRING &&
                config_setting_type(to) == CONFIG_TYPE_STRING;
    if (!pair) {
        if (config_setting_type(p) == CONFIG_TYPE_ARRAY && config_setting_length(p) != 2)
            snprintf(found, sizeof found, "an array of %d value%s", config_setting_length(p),
                     config_setting_length(p) == 1 ? "" : "s");
        else if (config_setting_type(p) == CONFIG_TYPE_ARRAY)
            script_describe(from, found, sizeof found);
        else
            script_describe(p, found, sizeof found);
        script_error(ctx, p,
                     "each of \"strings\" in \"%s\" must be a pair of texts "
                     "[ \"Breathe in\", \"the same in %s\" ], found %s",
                     lang, lang, found);
        return;
    }
    if (!text_ok(ctx, from, lang, "English", DETAIL_CHARS_MAX, true))
        return;
    const char *f = config_setting_get_string(from);
    for (int i = 0; i < tr->string_count; i++) {
        if (!strcmp(tr->strings[i].from, f)) {
            char c[64];
            script_error(ctx, p, "%s is translated twice in \"%s\" (first at line %d): keep one",
                         script_describe(from, c, sizeof c), lang, tr->strings[i].line);
            return;
        }
    }
    int max;
    bool multiline;
    if (!used(ctx->ex, f, &max, &multiline)) {
        char c[64];
        script_warning(ctx, p,
                       "%s in \"strings\" of \"%s\" is not a phase text, step prompt or detail "
                       "of this exercise: its translation is never shown",
                       script_describe(from, c, sizeof c), lang);
    }
    if (!text_ok(ctx, to, lang, "translation", max, multiline))
        return;
    struct ebb_translation_string *s = &tr->strings[tr->string_count];
    s->from = strdup(f);
    s->to = strdup(config_setting_get_string(to));
    s->line = script_line(p);
    tr->string_count++;
    if (!s->from || !s->to)
        ctx->oom = true;
}

static void walk_strings(struct script_ctx *ctx, const config_setting_t *s,
                         struct ebb_translation *tr)
{
    if (script_expect(ctx, s, true) < 0)
        return;
    int n = config_setting_length(s);
    if (n > STRINGS_MAX) {
        script_error(ctx, s, "\"strings\" of \"%s\" has %d pairs; at most %d are allowed",
                     tr->language, n, STRINGS_MAX);
        return;
    }
    free(tr->strings);
    tr->string_count = 0;
    tr->strings = calloc((size_t)n + 1, sizeof *tr->strings);
    if (!tr->strings) {
        ctx->oom = true;
        return;
    }
    for (int i = 0; i < n && !ctx->oom; i++)
        walk_pair(ctx, config_setting_get_elem(s, (unsigned)i), tr);
}

/* One language: its code (the key), then title, summary, about and strings. */
static void walk_language_group(struct script_ctx *ctx, const config_setting_t *g,
                                struct ebb_translation *tr)
{
    const char *code = config_setting_name(g);
    for (int i = 0; i < ctx->ex->translation_count; i++) {
        if (same_code(ctx->ex->translations[i].language, code)) {
            script_error(ctx, g, "\"%s\" is translated twice (first at line %d as \"%s\"): keep one",
                         code, ctx->ex->translations[i].line, ctx->ex->translations[i].language);
            return;
        }
    }
    if (script_expect(ctx, g, false) < 0)
        return;
    tr->language = strdup(code);
    tr->line = script_line(g);
    if (!tr->language) {
        ctx->oom = true;
        return;
    }
    for (int i = 0; i < config_setting_length(g) && !ctx->oom; i++) {
        const config_setting_t *c = config_setting_get_elem(g, (unsigned)i);
        const char *name = config_setting_name(c);
        if (!strcmp(name, "title"))
            script_string(ctx, c, TITLE_CHARS_MAX, false, false, &tr->title);
        else if (!strcmp(name, "summary"))
            script_string(ctx, c, SUMMARY_CHARS_MAX, true, true, &tr->summary);
        else if (!strcmp(name, "about"))
            script_string(ctx, c, ABOUT_CHARS_MAX, true, true, &tr->about);
        else if (!strcmp(name, "strings"))
            walk_strings(ctx, c, tr);
        else
            script_unknown_key(ctx, c, script_translation_keys, "in a translation");
    }
    if (!tr->strings) {
        tr->strings = calloc(1, sizeof *tr->strings);
        if (!tr->strings)
            ctx->oom = true;
    }
}

void script_walk_translations(struct script_ctx *ctx, const config_setting_t *s)
{
    struct ebb_exercise *ex = ctx->ex;
    if (script_expect(ctx, s, false) < 0)
        return;
    int n = config_setting_length(s);
    if (n > EBB_TRANSLATIONS_MAX) {
        script_error(ctx, s, "\"translations\" has %d languages; at most %d are allowed", n,
                     EBB_TRANSLATIONS_MAX);
        return;
    }
    ex->translations = calloc((size_t)n + 1, sizeof *ex->translations);
    if (!ex->translations) {
        ctx->oom = true;
        return;
    }
    for (int i = 0; i < n && !ctx->oom; i++) {
        const config_setting_t *g = config_setting_get_elem(s, (unsigned)i);
        const char *code = config_setting_name(g);
        if (!ebb_language_valid(code)) {
            script_error(ctx, g,
                         "\"%.40s\" in \"translations\" is not a language code: write one such "
                         "as de, pt_BR or es_419",
                         code);
            continue;
        }
        struct ebb_translation *tr = &ex->translations[ex->translation_count];
        walk_language_group(ctx, g, tr);
        if (tr->language)
            ex->translation_count++;
    }
}
