/* script_text: checks a script's raw bytes before libconfig parses them.
 *
 * First the encoding (valid UTF-8, no NUL byte). Then a small scan that knows
 * libconfig's strings and comments finds what libconfig 1.5 would mishandle:
 * `@include` (it would open another file), `inf` and `nan` (a bare syntax error),
 * integers too large for their type (1.5 wraps them silently: 99999999999999999999
 * reads as -1), nesting deep enough to exhaust its parser, and groups with so many
 * keys that its quadratic duplicate check would run for minutes. After the parse, every
 * string is checked again: libconfig turns escapes such as "\xff" into raw bytes, so a
 * file of valid UTF-8 can still hold strings that are not. */
#include <stdarg.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "script_int.h"

/* Length of the valid UTF-8 sequence at s (n bytes left), or 0 when it is invalid:
 * no overlong forms, no surrogates, nothing past U+10FFFF. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF; /* range of the second byte */
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;
        if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F;
    } else {
        return 0;
    }
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return len;
}

size_t script_utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

static int check_encoding(const char *buf, size_t len, const char *file, struct ebb_diags *diags)
{
    const unsigned char *b = (const unsigned char *)buf;
    int line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < len;) {
        if (b[i] == 0) {
            ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, line,
                          "NUL byte at column %zu: a script is plain text", i - line_start + 1);
            return -1;
        }
        size_t n = utf8_seq(b + i, len - i);
        if (n == 0) {
            ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, line,
                          "invalid UTF-8 (byte 0x%02x at column %zu): save the file as UTF-8", b[i],
                          i - line_start + 1);
            return -1;
        }
        if (b[i] == '\n') {
            line++;
            line_start = i + 1;
        }
        i += n;
    }
    return 0;
}

/* The scan's position. */
struct scan {
    const char *b;
    size_t len, i;
    int line;
    const char *file;
    struct ebb_diags *diags;
    int errors;
};

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
scan_error(struct scan *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ebb_diags_vadd(s->diags, EBB_SEVERITY_ERROR, s->file, s->line, fmt, ap);
    va_end(ap);
    s->errors++;
}

static bool is_name_start(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '*';
}

static bool is_name_char(char c)
{
    return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_hex(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Skips a string, a comment, or nothing; returns true when it skipped. */
static bool skip_quoted(struct scan *s)
{
    const char *b = s->b;
    size_t i = s->i;
    if (b[i] == '"') {
        for (i++; i < s->len && b[i] != '"'; i++) {
            if (b[i] == '\\' && i + 1 < s->len)
                i++;
            if (b[i] == '\n')
                s->line++;
        }
        s->i = i < s->len ? i + 1 : i;
        return true;
    }
    if (b[i] == '#' || (b[i] == '/' && i + 1 < s->len && b[i + 1] == '/')) {
        while (i < s->len && b[i] != '\n')
            i++;
        s->i = i;
        return true;
    }
    if (b[i] == '/' && i + 1 < s->len && b[i + 1] == '*') {
        for (i += 2; i < s->len && !(b[i] == '*' && i + 1 < s->len && b[i + 1] == '/'); i++)
            if (b[i] == '\n')
                s->line++;
        s->i = i < s->len ? i + 2 : i;
        return true;
    }
    return false;
}

/* True when the digits d[0..n-1] (no leading zeros) exceed the decimal `limit`. */
static bool exceeds(const char *d, size_t n, const char *limit)
{
    size_t ln = strlen(limit);
    return n > ln || (n == ln && memcmp(d, limit, n) > 0);
}

/* Reads a number at s->i; reports an integer too large for libconfig's type. */
static void scan_number(struct scan *s)
{
    const char *b = s->b;
    size_t start = s->i, i = s->i;
    bool hex =
        b[i] == '0' && i + 2 < s->len && (b[i + 1] == 'x' || b[i + 1] == 'X') && is_hex(b[i + 2]);
    bool is_float = false;
    if (hex) {
        i += 2;
        while (i < s->len && is_hex(b[i]))
            i++;
    } else {
        while (i < s->len && is_digit(b[i]))
            i++;
        if (i < s->len && b[i] == '.') {
            is_float = true;
            for (i++; i < s->len && is_digit(b[i]);)
                i++;
        }
        if (i < s->len && (b[i] == 'e' || b[i] == 'E')) {
            size_t j = i + 1;
            if (j < s->len && (b[j] == '+' || b[j] == '-'))
                j++;
            if (j < s->len && is_digit(b[j])) {
                is_float = true;
                for (i = j; i < s->len && is_digit(b[i]);)
                    i++;
            }
        }
    }
    bool wide = i < s->len && b[i] == 'L';
    size_t end = i;
    while (i < s->len && b[i] == 'L')
        i++;
    s->i = i;
    if (is_float)
        return;
    size_t d = hex ? start + 2 : start;
    while (d + 1 < end && s->b[d] == '0')
        d++;
    size_t n = end - d;
    const char *limit = wide ? "9223372036854775807" : "2147483647";
    bool over;
    if (hex) /* at most 7fffffff (or 7fffffffffffffff) */
        over = n > (wide ? 16u : 8u) || (n == (wide ? 16u : 8u) && b[d] > '7');
    else
        over = exceeds(b + d, n, limit);
    if (over) {
        char shown[32];
        size_t k = i - start < 24 ? i - start : 24;
        memcpy(shown, b + start, k);
        strcpy(shown + k, i - start > 24 ? "..." : "");
        scan_error(s, "the number %s is too large: whole numbers go up to %s", shown, limit);
    }
}

/* Reads a name; reports inf and nan written as values. */
static void scan_name(struct scan *s)
{
    size_t start = s->i;
    while (s->i < s->len && is_name_char(s->b[s->i]))
        s->i++;
    size_t n = s->i - start;
    const char *w = s->b + start;
    if ((n == 3 && (!strncasecmp(w, "inf", 3) || !strncasecmp(w, "nan", 3))) ||
        (n == 8 && !strncasecmp(w, "infinity", 8))) {
        size_t j = s->i;
        while (j < s->len && (s->b[j] == ' ' || s->b[j] == '\t'))
            j++;
        if (j >= s->len || (s->b[j] != '=' && s->b[j] != ':'))
            scan_error(s, "%s is not allowed: numbers must be finite, such as 4.0",
                       n == 3 && !strncasecmp(w, "nan", 3) ? "NaN" : "inf");
    }
}

/* Returns -1 at the first limit that stops the scan (depth, keys per group, values
 * per list). */
static int scan_text(struct scan *s)
{
    int depth = 0;
    int count[SCRIPT_DEPTH_MAX + 1] = {0}; /* settings of a group, commas of a list */
    bool list[SCRIPT_DEPTH_MAX + 1] = {false};
    int opened[SCRIPT_DEPTH_MAX + 1] = {0}; /* the line each was opened on */
    while (s->i < s->len) {
        char c = s->b[s->i];
        if (skip_quoted(s))
            continue;
        if (c == '\n') {
            s->line++;
        } else if (c == '@' && s->len - s->i >= 8 && !memcmp(s->b + s->i, "@include", 8)) {
            scan_error(s, "@include is not supported: a script must stand alone");
        } else if (c == '{' || c == '(' || c == '[') {
            if (depth == SCRIPT_DEPTH_MAX) {
                scan_error(s, "groups and lists are nested more than %d levels deep",
                           SCRIPT_DEPTH_MAX);
                return -1;
            }
            depth++;
            count[depth] = 0;
            list[depth] = c != '{';
            opened[depth] = s->line;
        } else if (c == '}' || c == ')' || c == ']') {
            if (depth > 0)
                depth--;
        } else if ((c == '=' || c == ':') && !list[depth]) {
            if (++count[depth] > SCRIPT_GROUP_KEYS_MAX) {
                scan_error(s, "more than %d settings in one group", SCRIPT_GROUP_KEYS_MAX);
                return -1;
            }
        } else if (c == ',' && list[depth]) {
            if (++count[depth] >= SCRIPT_LIST_VALUES_MAX) {
                s->line = opened[depth];
                scan_error(s,
                           "more than %d values in one list (a pattern or steps hold at most "
                           "%d, items %d, tags %d)",
                           SCRIPT_LIST_VALUES_MAX, EBB_PHASES_MAX, EBB_ITEMS_MAX, EBB_TAGS_MAX);
                return -1;
            }
        } else if (is_name_start(c)) {
            scan_name(s);
            continue;
        } else if (is_digit(c) || (c == '.' && s->i + 1 < s->len && is_digit(s->b[s->i + 1]))) {
            scan_number(s);
            continue;
        }
        s->i++;
    }
    return 0;
}

int ebb_config_include_line(const char *buf, size_t len)
{
    struct scan s = {buf, len, 0, 1, NULL, NULL, 0};
    while (s.i < s.len) {
        if (skip_quoted(&s))
            continue;
        if (buf[s.i] == '\n')
            s.line++;
        else if (buf[s.i] == '@' && len - s.i >= 8 && !memcmp(buf + s.i, "@include", 8))
            return s.line;
        s.i++;
    }
    return 0;
}

int script_check_text(const char *buf, size_t len, const char *file, struct ebb_diags *diags)
{
    if (check_encoding(buf, len, file, diags) < 0)
        return -1;
    struct scan s = {buf, len, 0, 1, file, diags, 0};
    if (scan_text(&s) < 0 || s.errors > 0)
        return -1;
    return 0;
}

/* The first string under s (s included) that is not valid UTF-8, or NULL; *bad is its
 * offending byte. */
static const config_setting_t *bad_string(const config_setting_t *s, unsigned char *bad)
{
    if (config_setting_type(s) == CONFIG_TYPE_STRING) {
        const unsigned char *b = (const unsigned char *)config_setting_get_string(s);
        size_t len = b ? strlen((const char *)b) : 0;
        for (size_t i = 0; i < len;) {
            size_t n = utf8_seq(b + i, len - i);
            if (n == 0) {
                *bad = b[i];
                return s;
            }
            i += n;
        }
        return NULL;
    }
    int n = config_setting_length(s);
    for (int i = 0; i < n; i++) {
        const config_setting_t *found = bad_string(config_setting_get_elem(s, (unsigned)i), bad);
        if (found)
            return found;
    }
    return NULL;
}

int script_check_strings(struct script_ctx *ctx, const config_t *cfg)
{
    unsigned char bad = 0;
    const config_setting_t *s = bad_string(config_root_setting(cfg), &bad);
    if (!s)
        return 0;
    /* named after the nearest key: a pair in "strings" has none of its own */
    const char *key = config_setting_name(s);
    for (const config_setting_t *p = config_setting_parent(s); !key && p;
         p = config_setting_parent(p))
        key = config_setting_name(p);
    if (!key)
        key = "value";
    script_error(ctx, s,
                 "\"%s\" is not valid UTF-8 once its escapes are read (byte 0x%02x): write the "
                 "character itself rather than its bytes as \\x escapes",
                 key, bad);
    return -1;
}
