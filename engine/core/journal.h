/* journal: the private record of sessions and their check-in ratings, one line per
 * session in a tab-separated file (journal.tsv) that stays on this machine. Every
 * record is appended with one write() and an fsync, so two sessions ending at once
 * leave two whole lines and a power cut leaves at most one torn last line, which
 * reading skips with a warning. The caller gives the path (ebb_journal_default_path
 * builds it from the environment's values); the core reads no environment and no
 * clock, never prints. See docs/journal.md for the columns.
 *
 * The file: a header line, then one record a line, fields separated by one tab:
 *   start  exercise  planned_s  actual_s  end  before  after
 * start is ISO 8601 local time with its offset (2024-05-01T08:30:00+02:00); end is
 * "completed" or "left-early"; before and after are 0..10, empty when skipped. */
#ifndef EBB_JOURNAL_H
#define EBB_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "diag.h"
#include "script.h"

#define EBB_JOURNAL_EXERCISE_MAX 128             /* bytes of an exercise id kept, with the NUL */
#define EBB_JOURNAL_LINE_MAX 1024                /* bytes of one record line, newline included */
#define EBB_JOURNAL_BYTES_MAX (64 * 1024 * 1024) /* a journal read is at most 64 MiB */
#define EBB_JOURNAL_RATING_NONE (-1)             /* a check-in that was skipped */
#define EBB_JOURNAL_RATING_MAX 10                /* ratings are 0 (calm) .. 10 (the worst) */
#define EBB_CHECKIN_SUGGEST_AT 7  /* from this rating on, grounding is offered first */
#define EBB_JOURNAL_CHART_DAYS 30 /* days shown on the history chart */
#define EBB_JOURNAL_CHART_WEEKS 5 /* calendar weeks (Monday first) of minutes shown */

/* The header line, without its newline. */
#define EBB_JOURNAL_HEADER "start\texercise\tplanned_s\tactual_s\tend\tbefore\tafter"

struct ebb_journal_record {
    int64_t start_s; /* when the session started: seconds since 1970-01-01 UTC */
    int offset_s;    /* the local time's offset from UTC then, seconds east (+7200) */
    char exercise[EBB_JOURNAL_EXERCISE_MAX]; /* the exercise id (any text is escaped) */
    double planned_s;  /* the planned length in seconds, prepare included; 0: self-paced */
    double actual_s;   /* how long it really ran, in seconds (pauses not counted) */
    bool completed;    /* true: ran to its end; false: left early */
    int rating_before; /* 0..10, or EBB_JOURNAL_RATING_NONE when skipped */
    int rating_after;  /* 0..10, or EBB_JOURNAL_RATING_NONE when skipped */
};

struct ebb_journal {
    struct ebb_journal_record *records; /* owned, in file order (oldest first) */
    size_t count;
    size_t capacity;
};

/* A local date and time, as written in the record's start. */
struct ebb_civil {
    int year, month, day;     /* month 1..12, day 1..31 */
    int hour, minute, second; /* 0..23, 0..59, 0..59 */
};

/* What --history and the history screen say about one exercise. */
struct ebb_journal_summary {
    char exercise[EBB_JOURNAL_EXERCISE_MAX];
    int sessions;       /* records of this exercise */
    int completed;      /* of which ran to their end */
    double minutes;     /* actual minutes, summed */
    int rated;          /* sessions with both ratings given */
    double mean_before; /* over the rated sessions; 0 when rated is 0 */
    double mean_after;  /* over the rated sessions; 0 when rated is 0 */
    double mean_change; /* mean of (after - before) over the rated sessions; negative is
                           calmer; 0 when rated is 0 */
};

/* One day of the history chart (local days, as recorded). */
struct ebb_journal_day {
    int64_t day; /* days since 1970-01-01 in local time */
    int sessions;
    double minutes;     /* actual minutes that day */
    int before_count;   /* ratings before given that day */
    double before_mean; /* their mean; 0 when before_count is 0 */
    int after_count;
    double after_mean;
};

/* What the history screen draws: the last 30 days and the minutes of the last weeks. */
struct ebb_journal_chart {
    struct ebb_journal_day days[EBB_JOURNAL_CHART_DAYS]; /* oldest first; the last is today */
    int64_t week_start[EBB_JOURNAL_CHART_WEEKS];         /* local day of each week's Monday */
    double week_minutes[EBB_JOURNAL_CHART_WEEKS];        /* oldest first; the last is this week */
    int sessions;                                        /* sessions inside the 30 days */
    int max_rating;          /* highest mean shown (for scaling), 0..10 */
    double max_week_minutes; /* the largest of week_minutes (0 when none) */
};

/* Builds "$XDG_STATE_HOME/ebb/journal.tsv", or "$HOME/.local/state/ebb/journal.tsv"
 * when xdg_state_home is NULL, empty or not absolute. Returns 0, or -1 when neither
 * gives a path or it does not fit in size. */
int ebb_journal_default_path(const char *xdg_state_home, const char *home, char *buf, size_t size);

/* Fills r->start_s and r->offset_s from a wall-clock time, in the local time zone. */
void ebb_journal_set_start(struct ebb_journal_record *r, time_t when);

/* Sets every field to "nothing yet": ratings skipped, not completed, times 0. */
void ebb_journal_record_init(struct ebb_journal_record *r);

/* Appends one record to the journal at path: creates missing folders (0700) and the
 * file (0600, with the header line), makes an existing file of this user 0600, writes
 * the whole line with one write() and fsyncs; a short write (a full disk) is cut off
 * again. Never through a symbolic link. Returns 0; or -1 with one warning in diags (the
 * path is a folder or a link, its folder is a file, the disk is full...) and nothing
 * recorded: the caller goes on. */
int ebb_journal_append(const char *path, const struct ebb_journal_record *r,
                       struct ebb_diags *diags);

/* Reads the journal at path into out (which it first empties; the caller frees it with
 * ebb_journal_free). A missing file is an empty journal; a symbolic link is refused. Torn or garbled lines are
 * skipped with a warning naming the line. Returns 0; -1 with an error in diags when the
 * file exists but cannot be read (out is then empty). */
int ebb_journal_read(const char *path, struct ebb_journal *out, struct ebb_diags *diags);

/* The same from a buffer of len bytes (need not be NUL-terminated); name is the file
 * name in diagnostics. Returns 0; -1 only when memory runs out. */
int ebb_journal_parse(const char *buf, size_t len, const char *name, struct ebb_journal *out,
                      struct ebb_diags *diags);

/* Frees the records and zeroes the journal; accepts NULL and a zeroed journal. */
void ebb_journal_free(struct ebb_journal *j);

/* Writes one record's line, newline included, into buf (always NUL-terminated).
 * Returns its length, or -1 when the record is invalid (no exercise, a rating out of
 * range, a negative or non-finite length) or the line does not fit. */
int ebb_journal_format(const struct ebb_journal_record *r, char *buf, size_t size);

/* Parses one line (without its newline) into r. Returns 0, or -1 with a short reason
 * (a static string) in *why. */
int ebb_journal_parse_line(const char *line, size_t len, struct ebb_journal_record *r,
                           const char **why);

/* "2024-05-01T08:30:00+02:00" for a start time and offset; buf of at least 26 bytes.
 * Returns the length written, or -1 when it does not fit. */
int ebb_journal_format_time(int64_t start_s, int offset_s, char *buf, size_t size);

/* Parses an ISO 8601 time "YYYY-MM-DDTHH:MM:SS" followed by "Z" or "+HH:MM"/"-HH:MM".
 * Returns 0, or -1 when it is not one. */
int ebb_journal_parse_time(const char *text, size_t len, int64_t *start_s, int *offset_s);

/* The local date and time of a record's start, and its local day number. */
void ebb_journal_civil(const struct ebb_journal_record *r, struct ebb_civil *out);
int64_t ebb_journal_local_day(const struct ebb_journal_record *r);

/* One summary per exercise, sorted by exercise id; returns a new array of *count items
 * the caller frees with free(), or NULL when the journal is empty or memory runs out. */
struct ebb_journal_summary *ebb_journal_summarize(const struct ebb_journal *j, size_t *count);

/* The history chart for the 30 days ending with today (today's local day number: see
 * ebb_journal_today) and the EBB_JOURNAL_CHART_WEEKS weeks ending with this one. */
void ebb_journal_chart(const struct ebb_journal *j, int64_t today, struct ebb_journal_chart *out);

/* The local day number (days since 1970-01-01 in local time) of a wall-clock time. */
int64_t ebb_journal_today(time_t now);

/* True when a rating before of 7 or more was given for a breathing exercise: then ebb
 * offers, once, to start with a grounding exercise instead (DESIGN.md, Care). */
bool ebb_checkin_suggest_grounding(int rating_before, enum ebb_kind kind);

#endif
