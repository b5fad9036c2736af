/* lang: normalizing locale names into language codes, and choosing one. */
#include "lang.h"

#include <stdio.h>
#include <string.h>

static bool lower(char c)
{
    return c >= 'a' && c <= 'z';
}
static bool upper(char c)
{
    return c >= 'A' && c <= 'Z';
}
static bool digit(char c)
{
    return c >= '0' && c <= '9';
}
static char to_lower(char c)
{
    return upper(c) ? (char)(c - 'A' + 'a') : c;
}
static char to_upper(char c)
{
    return lower(c) ? (char)(c - 'a' + 'A') : c;
}

/* The value up to its codeset (".UTF-8") and modifier ("@latin"), and the modifier. */
static int split(const char *v, size_t *body, const char **mod)
{
    size_t n = strcspn(v, ".@");
    *body = n;
    *mod = strchr(v, '@');
    return n > 0 ? 0 : -1;
}

static bool is_c_locale(const char *v, size_t body)
{
    return (body == 1 && v[0] == 'C') || (body == 5 && strncmp(v, "POSIX", 5) == 0);
}

/* The code of `value` into out, or -1 (out then holds part of it). */
static int parse(const char *value, char out[EBB_LANG_MAX])
{
    size_t body;
    const char *mod;
    if (!value || split(value, &body, &mod) != 0)
        return -1;
    if (is_c_locale(value, body)) {
        memcpy(out, "en", 3);
        return 0;
    }
    /* language: 2 or 3 letters */
    size_t i = 0, o = 0;
    while (i < body && i < 4 && (lower(value[i]) || upper(value[i])))
        out[o++] = to_lower(value[i++]);
    if (i < 2 || i > 3)
        return -1;
    /* territory: _ or -, then 2 letters or 3 digits */
    if (i < body) {
        if (value[i] != '_' && value[i] != '-')
            return -1;
        size_t start = ++i;
        out[o++] = '_';
        while (i < body && i - start < 4 && (lower(value[i]) || upper(value[i]) || digit(value[i])))
            out[o++] = to_upper(value[i++]);
        size_t len = i - start;
        if (i != body || (len != 2 && len != 3))
            return -1;
    }
    if (mod) {
        size_t m = strlen(mod);
        if (m < 2 || o + m >= EBB_LANG_MAX)
            return -1;
        for (size_t k = 1; k < m; k++)
            if (!lower(mod[k]) && !upper(mod[k]) && !digit(mod[k]))
                return -1;
        memcpy(out + o, mod, m);
        o += m;
    }
    out[o] = '\0';
    return 0;
}

int ebb_lang_normalize(const char *value, char out[EBB_LANG_MAX])
{
    if (parse(value, out) == 0)
        return 0;
    out[0] = '\0';
    return -1;
}

bool ebb_lang_valid(const char *value)
{
    char code[EBB_LANG_MAX];
    return ebb_lang_normalize(value, code) == 0;
}

static bool set(const char *v)
{
    return v && v[0];
}

/* $LANGUAGE's first entry that is a code (gettext skips the ones it cannot use too). */
static int first_of_list(const char *list, char out[EBB_LANG_MAX])
{
    while (list && *list) {
        size_t n = strcspn(list, ":");
        char one[EBB_LANG_MAX];
        if (n > 0 && n < sizeof one) {
            memcpy(one, list, n);
            one[n] = '\0';
            if (ebb_lang_normalize(one, out) == 0)
                return 0;
        }
        list += n;
        if (*list == ':')
            list++;
    }
    out[0] = '\0';
    return -1;
}

void ebb_lang_resolve(const struct ebb_lang_sources *src, char out[EBB_LANG_MAX])
{
    if (ebb_lang_normalize(src->cli, out) == 0 || ebb_lang_normalize(src->cfg, out) == 0)
        return;
    /* The locale as the C library sees it: the first of these that is set. */
    const char *locale = set(src->lc_all)        ? src->lc_all
                         : set(src->lc_messages) ? src->lc_messages
                         : set(src->lang)        ? src->lang
                                                 : NULL;
    size_t body;
    const char *mod;
    bool c_locale = !locale || split(locale, &body, &mod) != 0 || is_c_locale(locale, body);
    /* gettext ignores $LANGUAGE when the locale is C: LC_ALL=C asks for English. */
    if (!c_locale && first_of_list(src->language, out) == 0)
        return;
    if (locale && ebb_lang_normalize(locale, out) == 0)
        return;
    memcpy(out, "en", 3);
}

void ebb_lang_primary(const char *code, char out[EBB_LANG_MAX])
{
    size_t n = code ? strcspn(code, "_@.-") : 0;
    if (n >= EBB_LANG_MAX)
        n = 0;
    memcpy(out, code ? code : "", n);
    out[n] = '\0';
}

bool ebb_lang_is_rtl(const char *code)
{
    static const char *const rtl[] = {"ar", "he", "fa", "ur"};
    char primary[EBB_LANG_MAX];
    ebb_lang_primary(code, primary);
    for (size_t i = 0; i < sizeof rtl / sizeof rtl[0]; i++)
        if (strcmp(primary, rtl[i]) == 0)
            return true;
    return false;
}

/* The one process-level value (set once by main, read everywhere after). */
static char current[EBB_LANG_MAX] = "en";

void ebb_lang_set(const char *code)
{
    if (ebb_lang_normalize(code, current) != 0)
        memcpy(current, "en", 3);
}

const char *ebb_lang_current(void)
{
    return current;
}

static char decimal_point[8] = ".";

void ebb_lang_set_decimal_point(const char *point)
{
    if (!point || !point[0] || strlen(point) >= sizeof decimal_point)
        point = ".";
    memcpy(decimal_point, point, strlen(point) + 1);
}

const char *ebb_lang_decimal(double x, int decimals, char *buf, size_t size)
{
    char plain[64];
    snprintf(plain, sizeof plain, "%.*f", decimals, x); /* LC_NUMERIC stays "C": a point */
    char *dot = strchr(plain, '.');
    if (dot)
        *dot = '\0';
    snprintf(buf, size, "%s%s%s", plain, dot ? decimal_point : "", dot ? dot + 1 : "");
    return buf;
}
