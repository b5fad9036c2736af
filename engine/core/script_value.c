/* script_value: typed values out of libconfig settings, each mistake reported at the
 * setting's line saying what was expected and what was found; and the did-you-mean
 * for unknown keys. Texts are data: they only ever pass through "%s". */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "script_int.h"

const char *const script_kind_names[EBB_KIND_COUNT] = {"breathing", "grounding", "sequence"};
const char *const script_phase_names[EBB_PHASE_COUNT] = {"inhale", "exhale", "hold"};
const char *const script_ease_names[EBB_EASE_COUNT] = {"smooth", "linear", "sine"};
const char *const script_side_names[EBB_SIDE_COUNT] = {"-", "left", "right"};
const char *const script_visual_names[EBB_VISUAL_COUNT] = {"circle", "box", "wave", "bar", "none"};
const char *const script_action_names[EBB_STEP_ACTION_COUNT] = {"none", "tense", "release"};
const char *const script_advance_names[EBB_ADVANCE_COUNT] = {"manual", "timed"};
const char *const script_cues_names[EBB_CUES_COUNT] = {"tones", "bell", "none"};
const char *const script_ambient_names[EBB_AMBIENT_COUNT] = {"none", "breath", "brown", "pink"};
const char *const script_voice_names[EBB_VOICE_COUNT - 1] = {"none", "prompts", "all"};

int script_line(const config_setting_t *s)
{
    return s ? (int)config_setting_source_line(s) : 0;
}

static void add(struct script_ctx *ctx, enum ebb_severity sev, const config_setting_t *s,
                const char *fmt, va_list ap)
{
    ebb_diags_vadd(ctx->diags, sev, ctx->file, script_line(s), fmt, ap);
}

void script_error(struct script_ctx *ctx, const config_setting_t *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(ctx, EBB_SEVERITY_ERROR, s, fmt, ap);
    va_end(ap);
}

void script_warning(struct script_ctx *ctx, const config_setting_t *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(ctx, EBB_SEVERITY_WARNING, s, fmt, ap);
    va_end(ap);
}

/* Copies at most max bytes of s into out, cut on a character boundary, with "..."
 * when cut. */
static void clip(char *out, size_t size, const char *s, size_t max)
{
    size_t n = strlen(s);
    bool cut = n > max;
    if (cut) {
        n = max;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    snprintf(out, size, "%.*s%s", (int)n, s, cut ? "..." : "");
}

/* What a setting holds, for "found ...". */
const char *script_describe(const config_setting_t *s, char *buf, size_t size)
{
    switch (config_setting_type(s)) {
    case CONFIG_TYPE_INT:
    case CONFIG_TYPE_INT64:
        snprintf(buf, size, "%lld", config_setting_get_int64(s));
        break;
    case CONFIG_TYPE_FLOAT: {
        double v = config_setting_get_float(s);
        if (isinf(v))
            snprintf(buf, size, "a number too large to represent (%sinfinity)",
                     v < 0 ? "minus " : "");
        else if (isnan(v))
            snprintf(buf, size, "NaN");
        else
            snprintf(buf, size, "%.10g", v);
        break;
    }
    case CONFIG_TYPE_STRING: {
        char c[64];
        clip(c, sizeof c, config_setting_get_string(s), 40);
        snprintf(buf, size, "\"%s\"", c);
        break;
    }
    case CONFIG_TYPE_BOOL:
        snprintf(buf, size, "%s", config_setting_get_bool(s) ? "true" : "false");
        break;
    case CONFIG_TYPE_GROUP:
        snprintf(buf, size, "a group { ... }");
        break;
    case CONFIG_TYPE_ARRAY:
        snprintf(buf, size, "an array [ ... ]");
        break;
    case CONFIG_TYPE_LIST:
        snprintf(buf, size, "a list ( ... )");
        break;
    default:
        snprintf(buf, size, "nothing");
        break;
    }
    return buf;
}

/* The key a setting is reported under: its name, or its parent's for list items. */
static const char *key_of(const config_setting_t *s)
{
    const char *name = config_setting_name(s);
    if (name)
        return name;
    const config_setting_t *p = config_setting_parent(s);
    return p && config_setting_name(p) ? config_setting_name(p) : "value";
}

static bool is_number(const config_setting_t *s)
{
    int t = config_setting_type(s);
    return t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64 || t == CONFIG_TYPE_FLOAT;
}

int script_number(struct script_ctx *ctx, const config_setting_t *s, double min, double max,
                  const char *unit, double *out)
{
    char found[96];
    double v = is_number(s) ? config_setting_get_float(s) : 0.0;
    if (!is_number(s) || !isfinite(v) || v < min || v > max) {
        script_error(ctx, s, "\"%s\" must be a number from %g to %g%s%s, found %s", key_of(s), min,
                     max, unit ? " " : "", unit ? unit : "",
                     script_describe(s, found, sizeof found));
        return -1;
    }
    *out = v;
    return 0;
}

int script_int(struct script_ctx *ctx, const config_setting_t *s, int min, int max, int *out)
{
    char found[96];
    long long v = 0;
    bool ok = false;
    int t = config_setting_type(s);
    if (t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64) {
        v = config_setting_get_int64(s);
        ok = true;
    } else if (t == CONFIG_TYPE_FLOAT) {
        double d = config_setting_get_float(s);
        ok = isfinite(d) && d == floor(d) && fabs(d) < 1e15;
        v = ok ? (long long)d : 0;
    }
    if (!ok || v < min || v > max) {
        script_error(ctx, s, "\"%s\" must be a whole number from %d to %d, found %s", key_of(s),
                     min, max, script_describe(s, found, sizeof found));
        return -1;
    }
    *out = (int)v;
    return 0;
}

int script_bool(struct script_ctx *ctx, const config_setting_t *s, bool *out)
{
    char found[96];
    if (config_setting_type(s) != CONFIG_TYPE_BOOL) {
        script_error(ctx, s, "\"%s\" must be true or false, found %s", key_of(s),
                     script_describe(s, found, sizeof found));
        return -1;
    }
    *out = config_setting_get_bool(s) != 0;
    return 0;
}

int script_string(struct script_ctx *ctx, const config_setting_t *s, int max_chars,
                  bool allow_empty, bool multiline, char **out)
{
    char found[96];
    if (config_setting_type(s) != CONFIG_TYPE_STRING) {
        script_error(ctx, s, "\"%s\" must be a text in double quotes, found %s", key_of(s),
                     script_describe(s, found, sizeof found));
        return -1;
    }
    const char *v = config_setting_get_string(s);
    size_t chars = script_utf8_chars(v);
    if (chars > (size_t)max_chars || (chars == 0 && !allow_empty)) {
        script_error(ctx, s, "\"%s\" must be a text of %d to %d characters, found %zu", key_of(s),
                     allow_empty ? 0 : 1, max_chars, chars);
        return -1;
    }
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        if ((*p < 0x20 && !(multiline && *p == '\n')) || *p == 0x7F) {
            script_error(ctx, s, "\"%s\" contains a control character (0x%02x)%s", key_of(s), *p,
                         multiline ? "; only \\n is allowed" : "");
            return -1;
        }
    }
    *out = strdup(v);
    if (!*out) {
        ctx->oom = true;
        return -1;
    }
    return 0;
}

int script_enum(struct script_ctx *ctx, const config_setting_t *s, const char *const *names,
                int count, int *out)
{
    char found[96], list[160] = "";
    if (config_setting_type(s) == CONFIG_TYPE_STRING) {
        const char *v = config_setting_get_string(s);
        for (int i = 0; i < count; i++) {
            if (!strcmp(v, names[i])) {
                *out = i;
                return 0;
            }
        }
    }
    size_t used = 0;
    for (int i = 0; i < count && used < sizeof list; i++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
                                 i == 0           ? ""
                                 : i == count - 1 ? " or "
                                                  : ", ",
                                 names[i]);
    script_error(ctx, s, "\"%s\" must be %s, found %s", key_of(s), list,
                 script_describe(s, found, sizeof found));
    return -1;
}

int script_expect(struct script_ctx *ctx, const config_setting_t *s, bool list)
{
    char found[96];
    int t = config_setting_type(s);
    if (list ? (t == CONFIG_TYPE_LIST || t == CONFIG_TYPE_ARRAY) : t == CONFIG_TYPE_GROUP)
        return 0;
    script_error(ctx, s, "\"%s\" must be %s, found %s", key_of(s),
                 list ? "a list ( ... )" : "a group { ... }",
                 script_describe(s, found, sizeof found));
    return -1;
}

/* Edit distance with adjacent transpositions (optimal string alignment), for short
 * names; stops early past 3. */
static int distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 32 || m > 32)
        return 99;
    int d[33][33];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    }
    return d[n][m];
}

const char *script_suggest(const char *key, const char *const *known)
{
    const char *best = NULL;
    int best_d = strlen(key) <= 3 ? 1 : 2;
    for (const char *const *k = known; *k; k++) {
        if (!strcasecmp(key, *k))
            return *k;
        int d = distance(key, *k);
        if (d <= best_d && (!best || d < distance(key, best)))
            best = *k;
    }
    return best;
}

bool script_needs(struct script_ctx *ctx, const config_setting_t *g, const char *key)
{
    if (config_setting_get_member(g, key))
        return false;
    for (int i = 0; i < ctx->suggested_count; i++)
        if (ctx->suggested_in[i] == g && !strcmp(ctx->suggested[i], key))
            return false;
    return true;
}

void script_unknown_key(struct script_ctx *ctx, const config_setting_t *s, const char *const *known,
                        const char *where)
{
    const char *key = config_setting_name(s);
    /* Past the kept diagnostics only the count matters: skip the search. */
    if (ctx->diags->count >= EBB_DIAG_MAX) {
        script_error(ctx, s, "unknown key");
        return;
    }
    const char *near = script_suggest(key, known);
    if (near) {
        script_error(ctx, s, "unknown key \"%.40s\" %s; did you mean \"%s\"?", key, where, near);
        if (ctx->suggested_count < SCRIPT_SUGGESTED_MAX) {
            ctx->suggested_in[ctx->suggested_count] = config_setting_parent(s);
            ctx->suggested[ctx->suggested_count++] = near;
        }
        return;
    }
    char list[200] = "";
    size_t used = 0;
    for (const char *const *k = known; *k && used < sizeof list; k++)
        used +=
            (size_t)snprintf(list + used, sizeof list - used, "%s%s", k == known ? "" : ", ", *k);
    script_error(ctx, s, "unknown key \"%.40s\" %s; the keys here are %s", key, where, list);
}
