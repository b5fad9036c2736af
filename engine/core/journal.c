/* journal: reading and appending journal.tsv, the private record of sessions, and the
 * summaries --history and the history screen show. Dates are computed here (no timegm,
 * no tm_gmtoff: neither is in C11 or POSIX 2008), and numbers are written and read
 * without the C library's locale so a decimal comma never leaks into the file. */
#include "journal.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dirs.h"

#define DAY_S 86400
#define FIELDS 7
#define LENGTH_S_MAX 1.0e9 /* a length beyond this is not a session: refuse it */

/* ---- calendar ---------------------------------------------------------------- */

static const int month_start[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static bool is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int64_t y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[m - 1] + (m == 2 && is_leap(y));
}

/* Days from 0001-01-01 to y-m-d (proleptic Gregorian), for y >= 1. */
static int64_t days_from_year_one(int64_t y, int m, int d)
{
    int64_t p = y - 1; /* whole years before y, and the leap years among them */
    int64_t n = 365 * p + p / 4 - p / 100 + p / 400;
    return n + month_start[m - 1] + (m > 2 && is_leap(y)) + d - 1;
}

/* Days since 1970-01-01. */
static int64_t day_number(int64_t y, int m, int d)
{
    return days_from_year_one(y, m, d) - days_from_year_one(1970, 1, 1);
}

/* The date of a day number; years 1..9999 only (the caller checks). */
static void civil_from_day(int64_t day, struct ebb_civil *c)
{
    int64_t z = day + days_from_year_one(1970, 1, 1);
    int64_t y = 1 + z * 400 / 146097; /* 146097 days in 400 years: close, then adjust */
    while (y > 1 && days_from_year_one(y, 1, 1) > z)
        y--;
    while (days_from_year_one(y + 1, 1, 1) <= z)
        y++;
    int doy = (int)(z - days_from_year_one(y, 1, 1));
    int m = 12;
    while (m > 1 && month_start[m - 1] + (m > 2 && is_leap(y)) > doy)
        m--;
    c->year = (int)y;
    c->month = m;
    c->day = doy - month_start[m - 1] - (m > 2 && is_leap(y)) + 1;
}

int ebb_journal_format_time(int64_t start_s, int offset_s, char *buf, size_t size)
{
    struct ebb_journal_record r;
    r.start_s = start_s;
    r.offset_s = offset_s;
    struct ebb_civil c;
    if (start_s < -62135596800LL || start_s > 253402300799LL || offset_s < -18 * 3600 ||
        offset_s > 18 * 3600)
        return -1;
    ebb_journal_civil(&r, &c);
    int off_min = (offset_s < 0 ? -offset_s : offset_s) / 60;
    int n =
        snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", c.year, c.month, c.day,
                 c.hour, c.minute, c.second, offset_s < 0 ? '-' : '+', off_min / 60, off_min % 60);
    return (n < 0 || (size_t)n >= size) ? -1 : n;
}

/* Reads exactly `digits` decimal digits. */
static int read_digits(const char *s, int digits, int *out)
{
    int v = 0;
    for (int i = 0; i < digits; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

int ebb_journal_parse_time(const char *t, size_t len, int64_t *start_s, int *offset_s)
{
    int y, mo, d, h, mi, s, oh = 0, om = 0, sign = 1;
    if (len != 20 && len != 25)
        return -1;
    if (read_digits(t, 4, &y) || t[4] != '-' || read_digits(t + 5, 2, &mo) || t[7] != '-' ||
        read_digits(t + 8, 2, &d) || t[10] != 'T' || read_digits(t + 11, 2, &h) || t[13] != ':' ||
        read_digits(t + 14, 2, &mi) || t[16] != ':' || read_digits(t + 17, 2, &s))
        return -1;
    if (len == 20) {
        if (t[19] != 'Z')
            return -1;
    } else {
        if (t[19] != '+' && t[19] != '-')
            return -1;
        sign = t[19] == '-' ? -1 : 1;
        if (read_digits(t + 20, 2, &oh) || t[22] != ':' || read_digits(t + 23, 2, &om))
            return -1;
        /* the range ebb_journal_format_time writes: -18:00 to +18:00 */
        if (om > 59 || oh * 60 + om > 18 * 60)
            return -1;
    }
    if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > month_days(y, mo) || h > 23 || mi > 59 || s > 59)
        return -1;
    int off = sign * (oh * 3600 + om * 60);
    *start_s = day_number(y, mo, d) * DAY_S + h * 3600 + mi * 60 + s - off;
    *offset_s = off;
    return 0;
}

void ebb_journal_civil(const struct ebb_journal_record *r, struct ebb_civil *out)
{
    int64_t local = r->start_s + r->offset_s;
    int64_t day = floor_div(local, DAY_S);
    int secs = (int)(local - day * DAY_S);
    civil_from_day(day, out);
    out->hour = secs / 3600;
    out->minute = secs / 60 % 60;
    out->second = secs % 60;
}

int64_t ebb_journal_local_day(const struct ebb_journal_record *r)
{
    return floor_div(r->start_s + r->offset_s, DAY_S);
}

void ebb_journal_set_start(struct ebb_journal_record *r, time_t when)
{
    struct tm tm;
    r->start_s = (int64_t)when;
    r->offset_s = 0;
    if (!localtime_r(&when, &tm))
        return;
    int64_t local = day_number(tm.tm_year + 1900LL, tm.tm_mon + 1, tm.tm_mday) * DAY_S +
                    tm.tm_hour * 3600 + tm.tm_min * 60 + (tm.tm_sec > 59 ? 59 : tm.tm_sec);
    int64_t off = local - (int64_t)when;
    /* whole minutes, as ISO 8601 writes them (old local mean times had seconds) */
    r->offset_s = (int)(floor_div(off + 30, 60) * 60);
}

int64_t ebb_journal_today(time_t now)
{
    struct ebb_journal_record r;
    ebb_journal_set_start(&r, now);
    return ebb_journal_local_day(&r);
}

void ebb_journal_record_init(struct ebb_journal_record *r)
{
    memset(r, 0, sizeof *r);
    r->rating_before = EBB_JOURNAL_RATING_NONE;
    r->rating_after = EBB_JOURNAL_RATING_NONE;
}

int ebb_journal_default_path(const char *xdg_state_home, const char *home, char *buf, size_t size)
{
    return ebb_dirs_state_file(xdg_state_home, home, "journal.tsv", buf, size);
}

bool ebb_checkin_suggest_grounding(int rating_before, enum ebb_kind kind)
{
    return kind == EBB_KIND_BREATHING && rating_before >= EBB_CHECKIN_SUGGEST_AT &&
           rating_before <= EBB_JOURNAL_RATING_MAX;
}

/* ---- one line ------------------------------------------------------------------ */

/* Appends text to buf at *at, escaping backslash, tab, CR and LF. -1 when it is full. */
static int put_escaped(char *buf, size_t size, size_t *at, const char *text)
{
    for (const char *p = text; *p; p++) {
        char esc = *p == '\\' ? '\\' : *p == '\t' ? 't' : *p == '\n' ? 'n' : *p == '\r' ? 'r' : 0;
        if (*at + 3 > size)
            return -1;
        if (esc) {
            buf[(*at)++] = '\\';
            buf[(*at)++] = esc;
        } else {
            buf[(*at)++] = *p;
        }
    }
    buf[*at] = '\0';
    return 0;
}

static int put(char *buf, size_t size, size_t *at, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
static int put(char *buf, size_t size, size_t *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + *at, size - *at, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= size - *at)
        return -1;
    *at += (size_t)n;
    return 0;
}

static bool length_ok(double s)
{
    return isfinite(s) && s >= 0 && s <= LENGTH_S_MAX;
}

static bool rating_ok(int r)
{
    return r == EBB_JOURNAL_RATING_NONE || (r >= 0 && r <= EBB_JOURNAL_RATING_MAX);
}

/* Seconds in tenths, written without the locale: "312.5". */
static int put_seconds(char *buf, size_t size, size_t *at, double s)
{
    long long tenths = llround(s * 10.0);
    return put(buf, size, at, "%lld.%lld\t", tenths / 10, tenths % 10);
}

static int put_rating(char *buf, size_t size, size_t *at, int r, const char *after)
{
    if (r == EBB_JOURNAL_RATING_NONE)
        return put(buf, size, at, "%s", after);
    return put(buf, size, at, "%d%s", r, after);
}

int ebb_journal_format(const struct ebb_journal_record *r, char *buf, size_t size)
{
    char when[32];
    size_t at = 0;
    if (size == 0)
        return -1;
    buf[0] = '\0';
    if (!r->exercise[0] || memchr(r->exercise, '\0', sizeof r->exercise) == NULL ||
        !length_ok(r->planned_s) || !length_ok(r->actual_s) || !rating_ok(r->rating_before) ||
        !rating_ok(r->rating_after))
        return -1;
    if (ebb_journal_format_time(r->start_s, r->offset_s, when, sizeof when) < 0)
        return -1;
    if (put(buf, size, &at, "%s\t", when) || put_escaped(buf, size, &at, r->exercise) ||
        put(buf, size, &at, "\t") || put_seconds(buf, size, &at, r->planned_s) ||
        put_seconds(buf, size, &at, r->actual_s) ||
        put(buf, size, &at, "%s\t", r->completed ? "completed" : "left-early") ||
        put_rating(buf, size, &at, r->rating_before, "\t") ||
        put_rating(buf, size, &at, r->rating_after, "\n"))
        return -1;
    return (int)at;
}

/* digits[.digits], without the locale. */
static int parse_seconds(const char *s, size_t len, double *out)
{
    double v = 0, scale = 1;
    size_t i = 0, int_digits = 0, frac_digits = 0;
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, int_digits++)
        v = v * 10 + (s[i] - '0');
    if (i < len && s[i] == '.')
        for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++, frac_digits++)
            v += (s[i] - '0') * (scale /= 10);
    if (i != len || int_digits == 0 || int_digits > 10)
        return -1;
    *out = v;
    return length_ok(v) ? 0 : -1;
}

static int parse_rating(const char *s, size_t len, int *out)
{
    int v;
    if (len == 0) {
        *out = EBB_JOURNAL_RATING_NONE;
        return 0;
    }
    if (len > 2 || read_digits(s, (int)len, &v) || v > EBB_JOURNAL_RATING_MAX)
        return -1;
    *out = v;
    return 0;
}

static int unescape(const char *s, size_t len, char *out, size_t size)
{
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '\0')
            return -1;
        if (c == '\\') {
            if (++i >= len)
                return -1;
            c = s[i] == '\\'  ? '\\'
                : s[i] == 't' ? '\t'
                : s[i] == 'n' ? '\n'
                : s[i] == 'r' ? '\r'
                              : 0;
            if (!c)
                return -1;
        }
        if (o + 1 >= size)
            return -1;
        out[o++] = c;
    }
    out[o] = '\0';
    return o > 0 ? 0 : -1;
}

int ebb_journal_parse_line(const char *line, size_t len, struct ebb_journal_record *r,
                           const char **why)
{
    const char *f[FIELDS];
    size_t fl[FIELDS];
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && line[i] != '\t')
            continue;
        if (n < FIELDS) {
            f[n] = line + start;
            fl[n] = i - start;
        }
        n++;
        start = i + 1;
    }
    ebb_journal_record_init(r);
    if (n != FIELDS) {
        *why = n < FIELDS ? "too few fields" : "too many fields";
        return -1;
    }
    if (ebb_journal_parse_time(f[0], fl[0], &r->start_s, &r->offset_s)) {
        *why = "the start is not an ISO 8601 time like 2024-05-01T08:30:00+02:00";
        return -1;
    }
    if (unescape(f[1], fl[1], r->exercise, sizeof r->exercise)) {
        *why = "the exercise is empty or not readable";
        return -1;
    }
    if (parse_seconds(f[2], fl[2], &r->planned_s) || parse_seconds(f[3], fl[3], &r->actual_s)) {
        *why = "a length is not a number of seconds";
        return -1;
    }
    if (fl[4] == 9 && memcmp(f[4], "completed", 9) == 0) {
        r->completed = true;
    } else if (fl[4] == 10 && memcmp(f[4], "left-early", 10) == 0) {
        r->completed = false;
    } else {
        *why = "the end is neither \"completed\" nor \"left-early\"";
        return -1;
    }
    if (parse_rating(f[5], fl[5], &r->rating_before) ||
        parse_rating(f[6], fl[6], &r->rating_after)) {
        *why = "a rating is not a whole number from 0 to 10";
        return -1;
    }
    return 0;
}

/* ---- the file -------------------------------------------------------------------- */

void ebb_journal_free(struct ebb_journal *j)
{
    if (!j)
        return;
    free(j->records);
    memset(j, 0, sizeof *j);
}

static int push(struct ebb_journal *j, const struct ebb_journal_record *r)
{
    if (j->count == j->capacity) {
        size_t cap = j->capacity ? j->capacity * 2 : 64;
        struct ebb_journal_record *grown = realloc(j->records, cap * sizeof *grown);
        if (!grown)
            return -1;
        j->records = grown;
        j->capacity = cap;
    }
    j->records[j->count++] = *r;
    return 0;
}

static bool is_header(const char *line, size_t len)
{
    size_t h = sizeof EBB_JOURNAL_HEADER - 1;
    return len == h && memcmp(line, EBB_JOURNAL_HEADER, h) == 0;
}

int ebb_journal_parse(const char *buf, size_t len, const char *name, struct ebb_journal *out,
                      struct ebb_diags *diags)
{
    size_t pos = 0;
    int line_no = 0;
    ebb_journal_free(out);
    while (pos < len) {
        const char *line = buf + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t l = nl ? (size_t)(nl - line) : len - pos;
        pos += l + (nl ? 1 : 0);
        line_no++;
        if (!nl) {
            ebb_diags_add(diags, EBB_SEVERITY_WARNING, name, line_no,
                          "the last line is incomplete (ebb may have been stopped while "
                          "writing it); skipped");
            break;
        }
        if (l > 0 && line[l - 1] == '\r')
            l--;
        if (l == 0 || is_header(line, l))
            continue;
        struct ebb_journal_record r;
        const char *why = "too long";
        if (l >= EBB_JOURNAL_LINE_MAX || ebb_journal_parse_line(line, l, &r, &why)) {
            ebb_diags_add(diags, EBB_SEVERITY_WARNING, name, line_no,
                          "not a journal record (%s); skipped", why);
            continue;
        }
        if (push(out, &r)) {
            ebb_diags_add(diags, EBB_SEVERITY_ERROR, name, 0, "out of memory");
            ebb_journal_free(out);
            return -1;
        }
    }
    return 0;
}

int ebb_journal_read(const char *path, struct ebb_journal *out, struct ebb_diags *diags)
{
    struct stat st;
    ebb_journal_free(out);
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
    if (fd < 0) {
        if (errno == ENOENT)
            return 0;
        if (errno == ELOOP) {
            ebb_diags_add(diags, EBB_SEVERITY_ERROR, path, 0,
                          "cannot read: it is a symbolic link (ebb reads only a file of its own)");
            return -1;
        }
        if (errno == ENOTDIR) {
            ebb_diags_add(diags, EBB_SEVERITY_WARNING, path, 0,
                          "no journal: a part of its folder is a file");
            return 0;
        }
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, path, 0, "cannot read: %s", strerror(errno));
        return -1;
    }
    if (fstat(fd, &st) != 0) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, path, 0, "cannot read: %s", strerror(errno));
        close(fd);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, path, 0, "cannot read: %s",
                      S_ISDIR(st.st_mode) ? "it is a folder" : "not a regular file");
        close(fd);
        return -1;
    }
    if (st.st_size > EBB_JOURNAL_BYTES_MAX) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, path, 0, "cannot read: larger than %d MiB",
                      EBB_JOURNAL_BYTES_MAX / (1024 * 1024));
        close(fd);
        return -1;
    }
    /* read the size seen now: records appended meanwhile are whole lines past it */
    size_t cap = (size_t)st.st_size, len = 0;
    char *buf = malloc(cap + 1);
    ssize_t n = 0;
    while (buf && len < cap && (n = read(fd, buf + len, cap - len)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            break;
        len += (size_t)n;
    }
    int err = errno;
    close(fd);
    if (!buf || n < 0) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, path, 0, "cannot read: %s",
                      buf ? strerror(err) : "out of memory");
        free(buf);
        return -1;
    }
    int rc = ebb_journal_parse(buf, len, path, out, diags);
    free(buf);
    return rc;
}

/* Flushes the folder holding path, so a newly created file's name survives a crash. */
static void sync_parent(const char *path)
{
    char dir[4096];
    const char *slash = strrchr(path, '/');
    size_t len = slash ? (size_t)(slash - path) : 0;
    if (len == 0 || len >= sizeof dir)
        return;
    memcpy(dir, path, len);
    dir[len] = '\0';
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

static int refuse(struct ebb_diags *diags, const char *path, const char *reason)
{
    ebb_diags_add(diags, EBB_SEVERITY_WARNING, path, 0,
                  "cannot record the session: %s; nothing recorded", reason);
    return -1;
}

static const char *open_reason(int err)
{
    if (err == EISDIR)
        return "the journal path is a folder";
    if (err == ENOTDIR || err == EEXIST)
        return "a part of its folder is a file";
    if (err == ELOOP)
        return "it is a symbolic link (ebb writes only a file of its own)";
    return strerror(err);
}

/* One write of the whole buffer, so concurrent appends stay whole lines. A short write
 * (the disk filled up, a file size limit) is cut off again, so no torn fragment stays
 * behind a "nothing recorded"; when another ebb appended meanwhile, its line comes after
 * ours and ours is ended with the newline it lacks instead. Returns 0, or -1 with the
 * reason in *why. */
static int write_whole(int fd, const char *buf, size_t len, const char **why)
{
    ssize_t w;
    do
        w = write(fd, buf, len);
    while (w < 0 && errno == EINTR);
    if (w == (ssize_t)len)
        return 0;
    *why = w < 0 && errno != ENOSPC && errno != EFBIG ? strerror(errno) : "the disk is full";
    if (w <= 0)
        return -1;
    off_t end = lseek(fd, 0, SEEK_CUR); /* just past our fragment (O_APPEND) */
    struct stat st;
    if (end >= w && fstat(fd, &st) == 0 && st.st_size == end)
        (void)ftruncate(fd, end - w);
    return -1;
}

int ebb_journal_append(const char *path, const struct ebb_journal_record *r,
                       struct ebb_diags *diags)
{
    char buf[EBB_JOURNAL_LINE_MAX + sizeof EBB_JOURNAL_HEADER + 2];
    size_t at = 0;
    struct stat st;
    char last = '\n';

    if (!path || !path[0])
        return refuse(diags, "journal", "no journal path");
    (void)ebb_dirs_make_parent(path, 0700); /* if it fails, so does the open below */
    /* read: its last byte; never through a symbolic link; never waiting on a FIFO */
    int flags = O_RDWR | O_APPEND | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW;
    int fd = open(path, flags | O_CREAT | O_EXCL, 0600);
    bool created = fd >= 0;
    if (fd < 0 && errno == EEXIST)
        fd = open(path, flags);
    if (fd < 0)
        return refuse(diags, path, open_reason(errno));
    if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
        close(fd);
        return refuse(diags, path, "it is not a regular file");
    }
    /* ours, and private, whatever made it wider; a file of someone else is left alone */
    if ((st.st_mode & 07777) != 0600 && st.st_uid == geteuid())
        (void)fchmod(fd, 0600);
    if (st.st_size == 0)
        put(buf, sizeof buf, &at, "%s\n", EBB_JOURNAL_HEADER);
    else if (pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n')
        buf[at++] = '\n'; /* end a torn last line first, so this record stays whole */
    int n = ebb_journal_format(r, buf + at, sizeof buf - at);
    if (n < 0) {
        close(fd);
        return refuse(diags, path, "the record is not valid");
    }
    at += (size_t)n;
    const char *why = NULL;
    if (write_whole(fd, buf, at, &why) != 0) {
        close(fd);
        return refuse(diags, path, why);
    }
    if (fsync(fd) != 0) {
        int err = errno;
        close(fd);
        ebb_diags_add(diags, EBB_SEVERITY_WARNING, path, 0, "the session may not be saved: %s",
                      strerror(err));
        return -1;
    }
    close(fd);
    if (created)
        sync_parent(path);
    return 0;
}

/* ---- summaries ------------------------------------------------------------------- */

/* Records in order of exercise, then of the file: each exercise's records end up side
 * by side, so one pass sums them (n log n, however many ids there are). */
struct by_id {
    const struct ebb_journal_record *r;
    size_t index; /* in the file */
};

static int by_exercise(const void *a, const void *b)
{
    const struct by_id *x = a, *y = b;
    int d = strcmp(x->r->exercise, y->r->exercise);
    return d ? d : (x->index > y->index) - (x->index < y->index);
}

struct ebb_journal_summary *ebb_journal_summarize(const struct ebb_journal *j, size_t *count)
{
    *count = 0;
    if (!j || j->count == 0)
        return NULL;
    struct ebb_journal_summary *s = calloc(j->count, sizeof *s);
    struct by_id *order = malloc(j->count * sizeof *order);
    if (!s || !order) {
        free(s);
        free(order);
        return NULL;
    }
    for (size_t i = 0; i < j->count; i++)
        order[i] = (struct by_id){&j->records[i], i};
    qsort(order, j->count, sizeof *order, by_exercise);
    size_t n = 0;
    for (size_t i = 0; i < j->count; i++) {
        const struct ebb_journal_record *r = order[i].r;
        if (n == 0 || strcmp(s[n - 1].exercise, r->exercise) != 0)
            memcpy(s[n++].exercise, r->exercise, sizeof r->exercise);
        struct ebb_journal_summary *k = &s[n - 1];
        k->sessions++;
        k->completed += r->completed;
        k->minutes += r->actual_s / 60.0;
        if (r->rating_before >= 0 && r->rating_after >= 0) {
            k->rated++;
            k->mean_before += r->rating_before; /* sums until divided below */
            k->mean_after += r->rating_after;
        }
    }
    free(order);
    for (size_t k = 0; k < n; k++) {
        if (s[k].rated == 0)
            continue;
        s[k].mean_before /= s[k].rated;
        s[k].mean_after /= s[k].rated;
        s[k].mean_change = s[k].mean_after - s[k].mean_before;
    }
    *count = n;
    return s;
}

static void add_rating(int rating, int *count, double *mean)
{
    if (rating < 0)
        return;
    *mean = (*mean * *count + rating) / (*count + 1);
    (*count)++;
}

void ebb_journal_chart(const struct ebb_journal *j, int64_t today, struct ebb_journal_chart *out)
{
    memset(out, 0, sizeof *out);
    int64_t first = today - (EBB_JOURNAL_CHART_DAYS - 1);
    for (int i = 0; i < EBB_JOURNAL_CHART_DAYS; i++)
        out->days[i].day = first + i;
    /* 1970-01-01 was a Thursday: Monday-based weekday of day d is (d + 3) mod 7 */
    int64_t monday = today - (today + 3 - floor_div(today + 3, 7) * 7);
    for (int w = 0; w < EBB_JOURNAL_CHART_WEEKS; w++)
        out->week_start[w] = monday - 7 * (EBB_JOURNAL_CHART_WEEKS - 1 - w);
    for (size_t i = 0; j && i < j->count; i++) {
        const struct ebb_journal_record *r = &j->records[i];
        int64_t d = ebb_journal_local_day(r);
        if (d >= out->week_start[0] && d < monday + 7)
            out->week_minutes[(d - out->week_start[0]) / 7] += r->actual_s / 60.0;
        if (d < first || d > today)
            continue;
        struct ebb_journal_day *day = &out->days[d - first];
        day->sessions++;
        day->minutes += r->actual_s / 60.0;
        add_rating(r->rating_before, &day->before_count, &day->before_mean);
        add_rating(r->rating_after, &day->after_count, &day->after_mean);
        out->sessions++;
    }
    for (int i = 0; i < EBB_JOURNAL_CHART_DAYS; i++) {
        double m = fmax(out->days[i].before_mean, out->days[i].after_mean);
        if ((int)ceil(m) > out->max_rating)
            out->max_rating = (int)ceil(m);
    }
    for (int w = 0; w < EBB_JOURNAL_CHART_WEEKS; w++)
        out->max_week_minutes = fmax(out->max_week_minutes, out->week_minutes[w]);
}
