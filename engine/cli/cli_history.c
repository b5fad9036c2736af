/* cli_history: `ebb --history [--csv]` and `ebb --forget [--yes]`, the journal seen from
 * the terminal. The journal lives at $XDG_STATE_HOME/ebb/journal.tsv (default
 * ~/.local/state/ebb/journal.tsv) and never leaves the machine. The words stay calm:
 * a table of the last sessions and a summary per exercise, no streaks, no scores. */
#include "cli.h"

#include <ctype.h>
#include <langinfo.h>
#include <locale.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dirs.h"
#include "i18n.h"
#include "lang.h"
#include "journal.h"

#define HISTORY_SHOWN 20 /* sessions listed by --history; the summary counts them all */
#define PATH_MAX_BYTES 4096

static int journal_path(char *buf, size_t size)
{
    if (ebb_journal_default_path(getenv("XDG_STATE_HOME"), ebb_dirs_home(getenv("HOME")), buf,
                                 size) == 0)
        return 0;
    fprintf(stderr, "ebb: error: cannot find the journal: neither XDG_STATE_HOME nor a usable "
                    "HOME is set\n");
    return -1;
}

static void print_diags(const struct ebb_diags *d)
{
    char line[EBB_DIAG_FILE_MAX + EBB_DIAG_MESSAGE_MAX + 32];
    for (int i = 0; i < d->count; i++)
        fprintf(stderr, "%s\n", ebb_diag_format(&d->items[i], line, sizeof line));
    int more = d->errors + d->warnings - d->count;
    if (more > 0)
        fprintf(stderr, "ebb: and %d more like these\n", more);
}

/* The exercise as it may be shown on a terminal (control characters escaped). */
#define SHOWN_MAX (EBB_JOURNAL_EXERCISE_MAX * EBB_ESCAPE_GROWTH)
static const char *shown(const char *text, char *buf, size_t size)
{
    return ebb_escape(text, buf, size);
}

/* m:ss, or h:mm:ss from an hour on. */
static const char *clock_text(double seconds, char *buf, size_t size)
{
    long s = lround(seconds);
    if (s >= 3600)
        snprintf(buf, size, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(buf, size, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

static const char *rating_text(int r, char *buf, size_t size)
{
    if (r < 0)
        snprintf(buf, size, "-");
    else
        snprintf(buf, size, "%d", r);
    return buf;
}

/* Columns a UTF-8 text takes on a terminal: one a character, two for the wide ones
 * (CJK, Hangul, full-width forms), none for combining marks. */
static int columns(const char *text)
{
    int n = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p;) {
        unsigned cp = *p;
        int len = cp < 0x80 ? 1 : cp >> 5 == 6 ? 2 : cp >> 4 == 14 ? 3 : cp >> 3 == 30 ? 4 : 1;
        cp = len == 1 ? cp : cp & (0x7fu >> len);
        for (int k = 1; k < len && (p[k] & 0xc0) == 0x80; k++)
            cp = cp << 6 | (p[k] & 0x3fu);
        for (int k = 0; k < len && *p; k++)
            p++;
        bool mark = (cp >= 0x300 && cp < 0x370) || (cp >= 0x610 && cp < 0x61b) ||
                    (cp >= 0x64b && cp < 0x660) || cp == 0x670;
        bool wide = (cp >= 0x1100 && cp < 0x1160) || (cp >= 0x2e80 && cp < 0xa4d0) ||
                    (cp >= 0xac00 && cp < 0xd7a4) || (cp >= 0xf900 && cp < 0xfb00) ||
                    (cp >= 0xfe30 && cp < 0xfe50) || (cp >= 0xff00 && cp < 0xff61) ||
                    (cp >= 0xffe0 && cp < 0xffe7) || cp >= 0x20000;
        n += mark ? 0 : wide ? 2 : 1;
    }
    return n;
}

/* `text`, then spaces to fill `width` columns, then `gap`. */
static void cell(const char *text, int width, const char *gap)
{
    int pad = width - columns(text);
    printf("%s%*s%s", text, pad > 0 ? pad : 0, "", gap);
}

static int exercise_width(const struct ebb_journal *j, size_t from)
{
    int w = columns(_("exercise"));
    char ex[SHOWN_MAX];
    for (size_t i = from; i < j->count; i++)
        if (columns(shown(j->records[i].exercise, ex, sizeof ex)) > w)
            w = columns(ex);
    return w;
}

static bool c_time_locale(void)
{
    const char *t = setlocale(LC_TIME, NULL);
    return !t || strcmp(t, "C") == 0 || strcmp(t, "POSIX") == 0 || strncmp(t, "C.", 2) == 0;
}

/* When a session started, as the locale writes a date (LC_TIME's D_FMT), or as
 * 2024-05-01 08:30 in the C locale. */
static const char *when_text(const struct ebb_journal_record *r, char *buf, size_t size)
{
    struct ebb_civil c;
    ebb_journal_civil(r, &c);
    if (c_time_locale()) {
        snprintf(buf, size, "%04d-%02d-%02d %02d:%02d", c.year, c.month, c.day, c.hour,
                 c.minute);
        return buf;
    }
    struct tm tm = {.tm_year = c.year - 1900, .tm_mon = c.month - 1, .tm_mday = c.day,
                    .tm_hour = c.hour, .tm_min = c.minute, .tm_isdst = -1};
    char format[64];
    snprintf(format, sizeof format, "%s %%H:%%M", nl_langinfo(D_FMT)); /* the locale's %x */
    if (strftime(buf, size, format, &tm) == 0 && size > 0)
        buf[0] = '\0';
    return buf;
}

static int when_width(const struct ebb_journal *j, size_t from)
{
    int w = columns(_("date"));
    char when[64];
    for (size_t i = from; i < j->count; i++)
        if (columns(when_text(&j->records[i], when, sizeof when)) > w)
            w = columns(when);
    return w;
}

static void print_sessions(const struct ebb_journal *j)
{
    size_t from = j->count > HISTORY_SHOWN ? j->count - HISTORY_SHOWN : 0;
    int w = exercise_width(j, from), ww = when_width(j, from);
    int lw = columns(_("length")) > 7 ? columns(_("length")) : 7;
    int ew = columns(_("end")), cw = columns(_("completed")), xw = columns(_("left early"));
    ew = ew > cw ? ew : cw;
    ew = ew > xw ? ew : xw;
    ew = ew > 10 ? ew : 10;
    char ex[SHOWN_MAX], len[32], before[12], after[12], when[64];
    if (from > 0)
        printf(ngettext("The last %d of %zu session:\n\n", "The last %d of %zu sessions:\n\n",
                        j->count),
               HISTORY_SHOWN, j->count);
    else
        printf("%s:\n\n", j->count == 1 ? _("One session") : _("Sessions"));
    cell(_("date"), ww, "  ");
    cell(_("exercise"), w, "  ");
    cell(_("length"), lw, "  ");
    cell(_("end"), ew, "  ");
    printf("%s\n", _("before -> after"));
    for (size_t i = from; i < j->count; i++) {
        const struct ebb_journal_record *r = &j->records[i];
        cell(when_text(r, when, sizeof when), ww, "  ");
        cell(shown(r->exercise, ex, sizeof ex), w, "  ");
        cell(clock_text(r->actual_s, len, sizeof len), lw, "  ");
        cell(r->completed ? _("completed") : _("left early"), ew, "  ");
        printf("%s -> %s\n", rating_text(r->rating_before, before, sizeof before),
               rating_text(r->rating_after, after, sizeof after));
    }
}

static void print_summary(const struct ebb_journal *j)
{
    size_t n = 0;
    struct ebb_journal_summary *s = ebb_journal_summarize(j, &n);
    char ex[SHOWN_MAX], change[32];
    if (!s)
        return;
    int w = exercise_width(j, 0);
    int sw = columns(_("sessions")) > 8 ? columns(_("sessions")) : 8;
    int mw = columns(_("minutes")) > 7 ? columns(_("minutes")) : 7;
    printf("\n%s\n\n", _("By exercise:"));
    cell(_("exercise"), w, "  ");
    printf("%*s%s  ", sw - columns(_("sessions")), "", _("sessions"));
    printf("%*s%s  ", mw - columns(_("minutes")), "", _("minutes"));
    printf("%s\n", _("average before -> after"));
    for (size_t k = 0; k < n; k++) {
        char mb[16], ma[16], mc[16], minutes[16];
        if (s[k].rated == 0) {
            snprintf(change, sizeof change, "-");
        } else {
            double d = fabs(s[k].mean_change) < 0.05 ? 0.0 : s[k].mean_change;
            ebb_lang_decimal(fabs(d), 1, mc, sizeof mc);
            snprintf(change, sizeof change, ngettext("%s -> %s (%s%s, %d rated)",
                                                     "%s -> %s (%s%s, %d rated)", s[k].rated),
                     ebb_lang_decimal(s[k].mean_before, 1, mb, sizeof mb),
                     ebb_lang_decimal(s[k].mean_after, 1, ma, sizeof ma), d < 0 ? "-" : "+", mc,
                     s[k].rated);
        }
        cell(shown(s[k].exercise, ex, sizeof ex), w, "  ");
        printf("%*d  ", sw, s[k].sessions);
        ebb_lang_decimal(s[k].minutes, 1, minutes, sizeof minutes);
        printf("%*s%s  %s\n", mw - columns(minutes), "", minutes, change);
    }
    printf("\n%s", _("Ratings run from 0 (calm) to 10 (the worst); the average counts the sessions\n"
                     "where both were given. Skipping a rating is always fine.\n"));
    free(s);
}

/* One RFC 4180 field: quoted when it holds a comma, a quote, CR or LF. */
static void csv_field(const char *text, const char *after)
{
    if (strpbrk(text, ",\"\r\n") == NULL) {
        printf("%s%s", text, after);
        return;
    }
    putchar('"');
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            putchar('"');
        putchar(*p);
    }
    printf("\"%s", after);
}

/* Seconds in tenths, without the locale's decimal comma. */
static const char *seconds_text(double s, char *buf, size_t size)
{
    long long tenths = llround(s * 10.0);
    snprintf(buf, size, "%lld.%lld", tenths / 10, tenths % 10);
    return buf;
}

static void print_csv(const struct ebb_journal *j)
{
    char when[32], planned[32], actual[32], before[12], after[12];
    printf("start,exercise,planned_s,actual_s,end,before,after\r\n");
    for (size_t i = 0; i < j->count; i++) {
        const struct ebb_journal_record *r = &j->records[i];
        ebb_journal_format_time(r->start_s, r->offset_s, when, sizeof when);
        csv_field(when, ",");
        csv_field(r->exercise, ",");
        printf("%s,%s,%s,", seconds_text(r->planned_s, planned, sizeof planned),
               seconds_text(r->actual_s, actual, sizeof actual),
               r->completed ? "completed" : "left-early");
        printf("%s,%s\r\n",
               r->rating_before < 0 ? "" : rating_text(r->rating_before, before, sizeof before),
               r->rating_after < 0 ? "" : rating_text(r->rating_after, after, sizeof after));
    }
}

static int finish_output(void)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "ebb: error: cannot write the history: %s\n", strerror(errno));
        return 1;
    }
    return 0;
}

int ebb_cli_history(bool csv)
{
    char path[PATH_MAX_BYTES];
    struct ebb_journal j = {0};
    struct ebb_diags diags;
    if (journal_path(path, sizeof path))
        return 1;
    ebb_diags_clear(&diags);
    int rc = ebb_journal_read(path, &j, &diags);
    print_diags(&diags);
    if (rc != 0)
        return 1;
    if (csv) {
        print_csv(&j);
        if (j.count == 0)
            fprintf(stderr, "%s", _("No sessions recorded yet.\n"));
    } else if (j.count == 0) {
        printf("%s", _("No sessions recorded yet.\n"));
    } else {
        print_sessions(&j);
        print_summary(&j);
    }
    ebb_journal_free(&j);
    return finish_output();
}

/* Reads one answer line; true only for y or yes (any case, spaces around allowed). */
static bool answered_yes(void)
{
    char line[64];
    if (!fgets(line, sizeof line, stdin)) {
        putchar('\n');
        return false;
    }
    if (!strchr(line, '\n')) { /* a long line: drop the rest of it, and say no */
        int c;
        while ((c = getchar()) != EOF && c != '\n')
            ;
        return false;
    }
    char *a = line;
    while (isspace((unsigned char)*a))
        a++;
    size_t n = strlen(a);
    while (n > 0 && isspace((unsigned char)a[n - 1]))
        a[--n] = '\0';
    return strcasecmp(a, "y") == 0 || strcasecmp(a, "yes") == 0;
}

int ebb_cli_forget(bool yes)
{
    char path[PATH_MAX_BYTES];
    struct stat st;
    if (journal_path(path, sizeof path))
        return 1;
    char shown_path[PATH_MAX_BYTES * EBB_ESCAPE_GROWTH]; /* the path as messages quote it */
    ebb_escape(path, shown_path, sizeof shown_path);
    if (lstat(path, &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR) {
            printf(_("There is no journal at %s; nothing to delete.\n"), shown_path);
            return finish_output();
        }
        fprintf(stderr, "ebb: %s: error: cannot look at the journal: %s\n", shown_path,
                strerror(errno));
        return 1;
    }
    if (S_ISDIR(st.st_mode)) {
        fprintf(stderr, "ebb: %s: error: this is a folder, not a journal; nothing deleted\n",
                shown_path);
        return 1;
    }
    if (!yes) {
        /* TRANSLATORS: the answer is read as y or yes, in English, whatever the language */
        printf(_("Delete the journal at %s? [y/N] "), shown_path);
        fflush(stdout);
        if (!answered_yes()) {
            printf("%s", _("Nothing deleted; the journal is kept.\n"));
            return finish_output();
        }
    }
    if (unlink(path) != 0) {
        fprintf(stderr, "ebb: %s: error: cannot delete the journal: %s\n", shown_path,
                strerror(errno));
        return 1;
    }
    printf(_("Deleted the journal at %s.\n"), shown_path);
    return finish_output();
}
