/* translate: picks a script's translation for a language code and puts its words in
 * place of the shown texts (see translate.h). */
#include "translate.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Letters are compared without case, '-' and '_' are the same; a code ends at its
 * end, or at '.' or '@' (an encoding or modifier: "de_DE.UTF-8", "ca@valencia"). */
static int fold(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 'a';
    if (c == '-')
        return '_';
    if (c == '.' || c == '@')
        return '\0';
    return (unsigned char)c;
}

/* True when `key` equals the first `n` characters of the code `lang` (n < 0: all). */
static bool same_code(const char *key, const char *lang, long n)
{
    long i = 0;
    for (;; i++) {
        int a = fold(key[i]);
        int b = (n >= 0 && i >= n) ? '\0' : fold(lang[i]);
        if (a != b)
            return false;
        if (a == '\0')
            return true;
    }
}

const struct ebb_translation *ebb_translation_find(const struct ebb_exercise *ex,
                                                   const char *lang)
{
    if (!ex || !lang || !lang[0])
        return NULL;
    for (int i = 0; i < ex->translation_count; i++)
        if (same_code(ex->translations[i].language, lang, -1))
            return &ex->translations[i];
    long part = (long)strcspn(lang, "-_.@");
    if (lang[part] == '\0' || lang[part] == '.' || lang[part] == '@')
        return NULL; /* the code is a language alone: nothing shorter to try */
    for (int i = 0; i < ex->translation_count; i++)
        if (same_code(ex->translations[i].language, lang, part))
            return &ex->translations[i];
    return NULL;
}

const char *ebb_translation_lookup(const struct ebb_translation *tr, const char *text)
{
    if (!tr || !text || !text[0])
        return NULL;
    for (int i = 0; i < tr->string_count; i++)
        if (!strcmp(tr->strings[i].from, text))
            return tr->strings[i].to;
    return NULL;
}

/* A text and the place it goes; the new copies are made before anything is replaced,
 * so running out of memory leaves the exercise as it was. */
struct swap {
    char **slot;
    char *copy;
};

static int plan(struct swap *sw, int *n, char **slot, const char *words)
{
    if (!words)
        return 0;
    char *c = strdup(words);
    if (!c)
        return -1;
    sw[*n].slot = slot;
    sw[(*n)++].copy = c;
    return 0;
}

int ebb_script_translate(struct ebb_exercise *ex, const char *lang)
{
    if (!ex || ex->shown_language)
        return 0;
    const struct ebb_translation *tr = ebb_translation_find(ex, lang);
    if (!tr)
        return 0;
    /* title, summary, about, the language twice, then every phase and two per step */
    size_t max = 5 + (size_t)ex->phase_count + 2 * (size_t)ex->step_count;
    struct swap *sw = calloc(max, sizeof *sw);
    if (!sw)
        return -1;
    int n = 0;
    int rc = plan(sw, &n, &ex->title, tr->title);
    rc |= plan(sw, &n, &ex->summary, tr->summary);
    rc |= plan(sw, &n, &ex->about, tr->about);
    rc |= plan(sw, &n, &ex->language, tr->language);
    rc |= plan(sw, &n, &ex->shown_language, tr->language);
    for (int i = 0; rc == 0 && i < ex->phase_count; i++)
        rc |= plan(sw, &n, &ex->phases[i].text, ebb_translation_lookup(tr, ex->phases[i].text));
    for (int i = 0; rc == 0 && i < ex->step_count; i++) {
        struct ebb_step *st = &ex->steps[i];
        rc |= plan(sw, &n, &st->prompt, ebb_translation_lookup(tr, st->prompt));
        rc |= plan(sw, &n, &st->detail, ebb_translation_lookup(tr, st->detail));
    }
    for (int i = 0; i < n; i++) {
        if (rc == 0) {
            free(*sw[i].slot);
            *sw[i].slot = sw[i].copy;
        } else {
            free(sw[i].copy);
        }
    }
    free(sw);
    return rc == 0 ? 1 : -1;
}

/* Counts `text` as missing unless it is empty, translated, or already counted (an
 * earlier phase or step of `ex` shows the same words). */
static void check(const struct ebb_translation *tr, const char *text, bool seen, int *missing,
                  const char **first)
{
    if (!text || !text[0] || seen || ebb_translation_lookup(tr, text))
        return;
    if (*missing == 0 && first)
        *first = text;
    (*missing)++;
}

static bool shown_before(const struct ebb_exercise *ex, int phase, int step, const char *text)
{
    for (int i = 0; i < phase && i < ex->phase_count; i++)
        if (!strcmp(ex->phases[i].text, text))
            return true;
    for (int i = 0; i < step && i < ex->step_count; i++)
        if (!strcmp(ex->steps[i].prompt, text) || !strcmp(ex->steps[i].detail, text))
            return true;
    return false;
}

int ebb_translation_missing(const struct ebb_exercise *ex, const struct ebb_translation *tr,
                            const char **first)
{
    int missing = 0;
    if (first)
        *first = NULL;
    if (!ex)
        return 0;
    if (!tr || !tr->title)
        check(NULL, ex->title, false, &missing, first);
    if (!tr || !tr->summary)
        check(NULL, ex->summary, false, &missing, first);
    if (!tr || !tr->about)
        check(NULL, ex->about, false, &missing, first);
    for (int i = 0; i < ex->phase_count; i++)
        check(tr, ex->phases[i].text, shown_before(ex, i, 0, ex->phases[i].text), &missing,
              first);
    for (int i = 0; i < ex->step_count; i++) {
        const struct ebb_step *st = &ex->steps[i];
        check(tr, st->prompt, shown_before(ex, ex->phase_count, i, st->prompt), &missing, first);
        bool dup = shown_before(ex, ex->phase_count, i, st->detail) || !strcmp(st->detail, st->prompt);
        check(tr, st->detail, dup, &missing, first);
    }
    return missing;
}
