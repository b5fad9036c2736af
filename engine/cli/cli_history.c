/* cli_history: `ebb --history [--csv]` and `ebb --forget [--yes]`, the journal seen from
 * the terminal. The journal lives at $XDG_STATE_HOME/ebb/journal.tsv (default
 * ~/.local/state/ebb/journal.tsv) and never leaves the machine. The words stay calm:
 * a table of the last sessions and a summary per exercise, no streaks, no scores. */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dirs.h"
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

static int exercise_width(const struct ebb_journal *j, size_t from)
{
    size_t w = strlen("exercise");
    char ex[SHOWN_MAX];
    for (size_t i = from; i < j->count; i++)
        if (strlen(shown(j->records[i].exercise, ex, sizeof ex)) > w)
            w = strlen(ex);
    return (int)w;
}

static void print_sessions(const struct ebb_journal *j)
{
    size_t from = j->count > HISTORY_SHOWN ? j->count - HISTORY_SHOWN : 0;
    int w = exercise_width(j, from);
    char ex[SHOWN_MAX], len[32], before[12], after[12];
    if (from > 0)
        printf("The last %d of %zu sessions:\n\n", HISTORY_SHOWN, j->count);
    else
        printf("%s:\n\n", j->count == 1 ? "One session" : "Sessions");
    printf("%-16s  %-*s  %-7s  %-10s  %s\n", "date", w, "exercise", "length", "end",
           "before -> after");
    for (size_t i = from; i < j->count; i++) {
        const struct ebb_journal_record *r = &j->records[i];
        struct ebb_civil c;
        ebb_journal_civil(r, &c);
        printf("%04d-%02d-%02d %02d:%02d  %-*s  %-7s  %-10s  %s -> %s\n", c.year, c.month, c.day,
               c.hour, c.minute, w, shown(r->exercise, ex, sizeof ex),
               clock_text(r->actual_s, len, sizeof len), r->completed ? "completed" : "left early",
               rating_text(r->rating_before, before, sizeof before),
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
    printf("\nBy exercise:\n\n");
    printf("%-*s  %8s  %7s  %s\n", w, "exercise", "sessions", "minutes", "average before -> after");
    for (size_t k = 0; k < n; k++) {
        if (s[k].rated == 0)
            snprintf(change, sizeof change, "-");
        else
            snprintf(change, sizeof change, "%.1f -> %.1f (%+.1f, %d rated)", s[k].mean_before,
                     s[k].mean_after, fabs(s[k].mean_change) < 0.05 ? 0.0 : s[k].mean_change,
                     s[k].rated);
        printf("%-*s  %8d  %7.1f  %s\n", w, shown(s[k].exercise, ex, sizeof ex), s[k].sessions,
               s[k].minutes, change);
    }
    printf("\nRatings run from 0 (calm) to 10 (the worst); the average counts the sessions\n"
           "where both were given. Skipping a rating is always fine.\n");
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
            fprintf(stderr, "No sessions recorded yet.\n");
    } else if (j.count == 0) {
        printf("No sessions recorded yet.\n");
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
            printf("There is no journal at %s; nothing to delete.\n", shown_path);
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
        printf("Delete the journal at %s? [y/N] ", shown_path);
        fflush(stdout);
        if (!answered_yes()) {
            printf("Nothing deleted; the journal is kept.\n");
            return finish_output();
        }
    }
    if (unlink(path) != 0) {
        fprintf(stderr, "ebb: %s: error: cannot delete the journal: %s\n", shown_path,
                strerror(errno));
        return 1;
    }
    printf("Deleted the journal at %s.\n", shown_path);
    return finish_output();
}
