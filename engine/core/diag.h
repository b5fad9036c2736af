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

/* Writes "FILE:LINE: error: message" (or "FILE: error: message" when line is 0)
 * into buf, always NUL-terminated. Returns buf. */
char *ebb_diag_format(const struct ebb_diag *d, char *buf, size_t size);

#endif
