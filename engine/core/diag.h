/* diag: one-line diagnostics ("FILE:LINE: error: message") collected as values.
 * The core never prints; it fills a struct ebb_diags that the caller owns and
 * main.c (or the SDL layer) decides what reaches the person. No allocation. */
#ifndef EBB_DIAG_H
#define EBB_DIAG_H

#include <stdarg.h>
#include <stddef.h>

#define EBB_DIAG_MAX 16          /* diagnostics kept per operation; more are counted */
#define EBB_DIAG_FILE_MAX 512    /* bytes of a file name kept */
#define EBB_DIAG_MESSAGE_MAX 320 /* bytes of a message kept */

enum ebb_severity { EBB_SEVERITY_ERROR, EBB_SEVERITY_WARNING, EBB_SEVERITY_COUNT };

struct ebb_diag {
    enum ebb_severity severity;
    char file[EBB_DIAG_FILE_MAX];       /* as the person gave it or as found */
    int line;                           /* 1-based; 0 when there is no line */
    char message[EBB_DIAG_MESSAGE_MAX]; /* no trailing newline */
};

struct ebb_diags {
    struct ebb_diag items[EBB_DIAG_MAX];
    int count;    /* items filled */
    int errors;   /* every error seen, kept or not */
    int warnings; /* every warning seen, kept or not */
};

/* Empties the list. */
void ebb_diags_clear(struct ebb_diags *d);

/* Adds one diagnostic (printf-style message); past EBB_DIAG_MAX it is only counted. */
void ebb_diags_add(struct ebb_diags *d, enum ebb_severity sev, const char *file, int line,
                   const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
void ebb_diags_vadd(struct ebb_diags *d, enum ebb_severity sev, const char *file, int line,
                    const char *fmt, va_list ap);

/* Bytes ebb_escape may write for one byte of its input (a stray byte becomes \xNN). */
#define EBB_ESCAPE_GROWTH 4

/* `text` made safe to print on a terminal, into buf (always NUL-terminated, cut at a
 * whole character). Control characters become visible escapes: newline, tab and
 * carriage return as \n \t \r, every other C0 character, ESC and DEL as \xNN, C1
 * characters (U+0080..U+009F) as \uNNNN, and a byte that is not part of valid UTF-8 as
 * \xNN; everything else is copied. Every value or file name a message quotes goes
 * through it, so a file cannot set the terminal's title, clear it, or forge a line.
 * Returns buf. */
char *ebb_escape(const char *text, char *buf, size_t size);

/* Writes "FILE:LINE: error: message" (or "FILE: error: message" when line is 0)
 * into buf, always NUL-terminated, the file and the message through ebb_escape.
 * Returns buf. */
char *ebb_diag_format(const struct ebb_diag *d, char *buf, size_t size);

#endif
