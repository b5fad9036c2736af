/* diag: collecting and formatting one-line diagnostics. */
#include "diag.h"

#include <stdio.h>
#include <string.h>

void ebb_diags_clear(struct ebb_diags *d)
{
    memset(d, 0, sizeof *d);
}

void ebb_diags_vadd(struct ebb_diags *d, enum ebb_severity sev, const char *file, int line,
                    const char *fmt, va_list ap)
{
    if (!d)
        return;
    if (sev == EBB_SEVERITY_ERROR)
        d->errors++;
    else
        d->warnings++;
    if (d->count >= EBB_DIAG_MAX)
        return;
    struct ebb_diag *g = &d->items[d->count++];
    g->severity = sev;
    g->line = line;
    snprintf(g->file, sizeof g->file, "%s", file ? file : "");
    vsnprintf(g->message, sizeof g->message, fmt, ap);
}

void ebb_diags_add(struct ebb_diags *d, enum ebb_severity sev, const char *file, int line,
                   const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ebb_diags_vadd(d, sev, file, line, fmt, ap);
    va_end(ap);
}

/* Length of the valid UTF-8 sequence at s, or 0 (overlong forms, surrogates and
 * anything past U+10FFFF are not valid). s is NUL-terminated. */
static size_t utf8_len(const unsigned char *s)
{
    unsigned char c = s[0], lo = 0x80, hi = 0xBF;
    size_t len;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    else
        return 0;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return len;
}

char *ebb_escape(const char *text, char *buf, size_t size)
{
    if (size == 0)
        return buf;
    const unsigned char *s = (const unsigned char *)(text ? text : "");
    size_t o = 0;
    while (*s) {
        char piece[8];
        size_t n = utf8_len(s), plen;
        if (n == 1 && (*s < 0x20 || *s == 0x7F)) {
            const char *named = *s == '\n' ? "\\n" : *s == '\t' ? "\\t" : *s == '\r' ? "\\r" : NULL;
            plen = named ? (size_t)snprintf(piece, sizeof piece, "%s", named)
                         : (size_t)snprintf(piece, sizeof piece, "\\x%02x", *s);
        } else if (n == 0) {
            plen = (size_t)snprintf(piece, sizeof piece, "\\x%02x", *s);
            n = 1;
        } else if (n == 2 && s[0] == 0xC2 && s[1] <= 0x9F) { /* C1: U+0080..U+009F */
            plen = (size_t)snprintf(piece, sizeof piece, "\\u%04x", s[1]);
        } else {
            memcpy(piece, s, n);
            plen = n;
        }
        if (o + plen >= size)
            break; /* cut before a character that does not fit whole */
        memcpy(buf + o, piece, plen);
        o += plen;
        s += n;
    }
    buf[o] = '\0';
    return buf;
}

char *ebb_diag_format(const struct ebb_diag *d, char *buf, size_t size)
{
    const char *sev = d->severity == EBB_SEVERITY_ERROR ? "error" : "warning";
    char file[EBB_DIAG_FILE_MAX * EBB_ESCAPE_GROWTH],
        message[EBB_DIAG_MESSAGE_MAX * EBB_ESCAPE_GROWTH];
    ebb_escape(d->file, file, sizeof file);
    ebb_escape(d->message, message, sizeof message);
    if (d->line > 0)
        snprintf(buf, size, "%s:%d: %s: %s", file, d->line, sev, message);
    else
        snprintf(buf, size, "%s: %s: %s", file, sev, message);
    return buf;
}
