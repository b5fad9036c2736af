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

char *ebb_diag_format(const struct ebb_diag *d, char *buf, size_t size)
{
    const char *sev = d->severity == EBB_SEVERITY_ERROR ? "error" : "warning";
    if (d->line > 0)
        snprintf(buf, size, "%s:%d: %s: %s", d->file, d->line, sev, d->message);
    else
        snprintf(buf, size, "%s: %s: %s", d->file, sev, d->message);
    return buf;
}
