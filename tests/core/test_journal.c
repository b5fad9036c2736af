/* Tests of engine/core/journal.c: the private journal file, its reading and writing,
 * the summaries, the chart aggregation and the grounding suggestion. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "journal.h"

static char tmp[256];

static int make_tmp(void **state)
{
    (void)state;
    snprintf(tmp, sizeof tmp, "/tmp/ebb-test-journal-XXXXXX");
    return mkdtemp(tmp) ? 0 : -1;
}

static int remove_tmp(void **state)
{
    char cmd[300];
    (void)state;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    return system(cmd) == 0 ? 0 : -1;
}

static void path_in_tmp(char *buf, size_t size, const char *rel)
{
    snprintf(buf, size, "%s/%s", tmp, rel);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char *slurp(const char *path)
{
    static char buf[65536];
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static struct ebb_journal_record sample(const char *id, int64_t start_s, int before, int after)
{
    struct ebb_journal_record r;
    ebb_journal_record_init(&r);
    snprintf(r.exercise, sizeof r.exercise, "%s", id);
    r.start_s = start_s;
    r.offset_s = 2 * 3600;
    r.planned_s = 303;
    r.actual_s = 187.5;
    r.completed = false;
    r.rating_before = before;
    r.rating_after = after;
    return r;
}

/* 2024-05-01T08:30:00+02:00 */
#define MAY_FIRST_0830 1714545000LL

static void appended_records_read_back_unchanged(void **state)
{
    char path[512];
    struct ebb_diags d;
    struct ebb_journal j = {0};
    (void)state;
    ebb_diags_clear(&d);
    path_in_tmp(path, sizeof path, "state/ebb/journal.tsv");
    struct ebb_journal_record a = sample("box", MAY_FIRST_0830, 7, 4);
    struct ebb_journal_record b = sample("five-senses", MAY_FIRST_0830 + 3600, -1, 2);
    b.completed = true;
    b.offset_s = -(3 * 3600 + 30 * 60);
    assert_int_equal(ebb_journal_append(path, &a, &d), 0);
    assert_int_equal(ebb_journal_append(path, &b, &d), 0);
    assert_int_equal(d.count, 0);

    assert_int_equal(ebb_journal_read(path, &j, &d), 0);
    assert_int_equal(d.count, 0);
    assert_int_equal(j.count, 2);
    assert_string_equal(j.records[0].exercise, "box");
    assert_true(j.records[0].start_s == MAY_FIRST_0830);
    assert_int_equal(j.records[0].offset_s, 7200);
    assert_true(j.records[0].planned_s == 303.0);
    assert_true(j.records[0].actual_s == 187.5);
    assert_false(j.records[0].completed);
    assert_int_equal(j.records[0].rating_before, 7);
    assert_int_equal(j.records[0].rating_after, 4);
    assert_string_equal(j.records[1].exercise, "five-senses");
    assert_int_equal(j.records[1].offset_s, -(3 * 3600 + 30 * 60));
    assert_true(j.records[1].completed);
    assert_int_equal(j.records[1].rating_before, EBB_JOURNAL_RATING_NONE);
    assert_int_equal(j.records[1].rating_after, 2);
    ebb_journal_free(&j);
    assert_null(j.records);
    assert_int_equal(j.count, 0);
}

static void the_file_starts_with_one_header_and_skipped_ratings_are_empty(void **state)
{
    char path[512];
    struct ebb_diags d;
    (void)state;
    ebb_diags_clear(&d);
    path_in_tmp(path, sizeof path, "journal.tsv");
    struct ebb_journal_record a = sample("box", MAY_FIRST_0830, -1, -1);
    assert_int_equal(ebb_journal_append(path, &a, &d), 0);
    assert_int_equal(ebb_journal_append(path, &a, &d), 0);
    assert_string_equal(slurp(path), EBB_JOURNAL_HEADER
                        "\n"
                        "2024-05-01T08:30:00+02:00\tbox\t303.0\t187.5\tleft-early\t\t\n"
                        "2024-05-01T08:30:00+02:00\tbox\t303.0\t187.5\tleft-early\t\t\n");
}

static void a_torn_last_line_is_skipped_with_a_warning(void **state)
{
    char path[512];
    struct ebb_diags d;
    struct ebb_journal j = {0};
    (void)state;
    ebb_diags_clear(&d);
    path_in_tmp(path, sizeof path, "journal.tsv");
    write_file(path,
               EBB_JOURNAL_HEADER "\n"
                                  "2024-05-01T08:30:00+02:00\tbox\t300.0\t300.0\tcompleted\t6\t3\n"
                                  "2024-05-02T08:30:00+02:00\tbox\t300.0\t12");
    assert_int_equal(ebb_journal_read(path, &j, &d), 0);
    assert_int_equal(j.count, 1);
    assert_int_equal(j.records[0].rating_before, 6);
    assert_int_equal(d.count, 1);
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.items[0].severity, EBB_SEVERITY_WARNING);
    assert_int_equal(d.items[0].line, 3);
    assert_non_null(strstr(d.items[0].message, "incomplete"));
    ebb_journal_free(&j);
}

static void a_record_appended_after_a_torn_line_stays_whole(void **state)
{
    char path[512];
    struct ebb_diags d;
    struct ebb_journal j = {0};
    (void)state;
    ebb_diags_clear(&d);
    path_in_tmp(path, sizeof path, "journal.tsv");
    write_file(path, EBB_JOURNAL_HEADER "\n2024-05-02T08:30:00+02:00\tbox\t30");
    struct ebb_journal_record a = sample("coherent", MAY_FIRST_0830, 5, 5);
    assert_int_equal(ebb_journal_append(path, &a, &d), 0);
    assert_int_equal(ebb_journal_read(path, &j, &d), 0);
    assert_int_equal(j.count, 1);
    assert_string_equal(j.records[0].exercise, "coherent");
    assert_int_equal(d.warnings, 1); /* the torn line, now ended, is garbage named by line */
    assert_int_equal(d.items[0].line, 2);
    ebb_journal_free(&j);
}

static void garbage_in_the_middle_is_skipped_naming_its_line(void **state)
{
    struct ebb_diags d;
    struct ebb_journal j = {0};
    (void)state;
    ebb_diags_clear(&d);
    const char *text =
        EBB_JOURNAL_HEADER "\n"
                           "2024-05-01T08:30:00+02:00\tbox\t300.0\t300.0\tcompleted\t6\t3\n"
                           "this is not a record\n"
                           "2024-05-01T08:30:00+02:00\tbox\t300.0\t300.0\tcompleted\t11\t3\n"
                           "2024-13-01T08:30:00+02:00\tbox\t300.0\t300.0\tcompleted\t1\t3\n"
                           "\n"
                           "2024-05-03T09:00:00Z\tsigh\t60\t60.25\tleft-early\t\t0\r\n";
    assert_int_equal(ebb_journal_parse(text, strlen(text), "j.tsv", &j, &d), 0);
    assert_int_equal(j.count, 2);
    assert_string_equal(j.records[1].exercise, "sigh");
    assert_int_equal(j.records[1].offset_s, 0);
    assert_true(j.records[1].actual_s == 60.25);
    assert_int_equal(d.count, 3);
    assert_int_equal(d.items[0].line, 3);
    assert_int_equal(d.items[1].line, 4);
    assert_int_equal(d.items[2].line, 5);
    assert_string_equal(d.items[0].file, "j.tsv");
    assert_non_null(strstr(d.items[0].message, "too few fields"));
    assert_non_null(strstr(d.items[1].message, "rating"));
    ebb_journal_free(&j);
}

static void a_missing_journal_is_empty_and_quiet(void **state)
{
    char path[512];
    struct ebb_diags d;
    struct ebb_journal j = {0};
    (void)state;
    ebb_diags_clear(&d);
    path_in_tmp(path, sizeof path, "nowhere/journal.tsv");
    assert_int_equal(ebb_journal_read(path, &j, &d), 0);
    assert_int_equal(j.count, 0);
    assert_int_equal(d.count, 0);
}

static void a_journal_path_that_is_a_folder_records_nothing(void **state)
{
    char path[512];
    struct ebb_diags d;
    struct ebb_journal j = {0};
    struct stat st;
    (void)state;
    ebb_diags_clear(&d);
    path_in_tmp(path, sizeof path, "journal.tsv");
    assert_int_equal(mkdir(path, 0700), 0);
    struct ebb_journal_record a = sample("box", MAY_FIRST_0830, 3, 2);
    assert_int_equal(ebb_journal_append(path, &a, &d), -1);
    assert_int_equal(d.count, 1);
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.items[0].severity, EBB_SEVERITY_WARNING);
    assert_non_null(strstr(d.items[0].message, "folder"));
    assert_null(strchr(d.items[0].message, '\n'));
    assert_int_equal(stat(path, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    /* reading it says so as an error, and leaves an empty journal */
    ebb_diags_clear(&d);
    assert_int_equal(ebb_journal_read(path, &j, &d), -1);
    assert_int_equal(j.count, 0);
    assert_int_equal(d.errors, 1);
}

static void a_journal_whose_folder_is_a_file_records_nothing(void **state)
{
    char file[512], path[512];
    struct ebb_diags d;
    struct ebb_journal j = {0};
    (void)state;
    ebb_diags_clear(&d);
    path_in_tmp(file, sizeof file, "ebb");
    path_in_tmp(path, sizeof path, "ebb/journal.tsv");
    write_file(file, "a file, not a folder\n");
    struct ebb_journal_record a = sample("box", MAY_FIRST_0830, 3, 2);
    assert_int_equal(ebb_journal_append(path, &a, &d), -1);
    assert_int_equal(d.count, 1);
    assert_int_equal(d.items[0].severity, EBB_SEVERITY_WARNING);
    assert_non_null(strstr(d.items[0].message, "nothing recorded"));
    assert_string_equal(slurp(file), "a file, not a folder\n");
    ebb_diags_clear(&d);
    assert_int_equal(ebb_journal_read(path, &j, &d), 0);
    assert_int_equal(j.count, 0);
    assert_int_equal(d.errors, 0);
}

static void the_journal_is_0600_in_a_0700_folder(void **state)
{
    char dir[512], path[512], old[512];
    struct ebb_diags d;
    struct stat st;
    (void)state;
    ebb_diags_clear(&d);
    mode_t mask = umask(022);
    path_in_tmp(dir, sizeof dir, "state/ebb");
    path_in_tmp(path, sizeof path, "state/ebb/journal.tsv");
    struct ebb_journal_record a = sample("box", MAY_FIRST_0830, 3, 2);
    assert_int_equal(ebb_journal_append(path, &a, &d), 0);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(stat(dir, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);

    /* an existing journal someone made readable by others is made private again */
    path_in_tmp(old, sizeof old, "old.tsv");
    write_file(old, EBB_JOURNAL_HEADER "\n");
    assert_int_equal(chmod(old, 0644), 0);
    assert_int_equal(ebb_journal_append(old, &a, &d), 0);
    assert_int_equal(stat(old, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    umask(mask);
}

static void a_journal_that_is_a_symlink_is_not_written_through(void **state)
{
    char target[512], path[512];
    struct ebb_diags d;
    struct stat st;
    (void)state;
    ebb_diags_clear(&d);
    path_in_tmp(target, sizeof target, "someone-elses.txt");
    path_in_tmp(path, sizeof path, "journal.tsv");
    write_file(target, "not ebb's\n");
    assert_int_equal(chmod(target, 0644), 0);
    assert_int_equal(symlink(target, path), 0);
    struct ebb_journal_record a = sample("box", MAY_FIRST_0830, 3, 2);
    assert_int_equal(ebb_journal_append(path, &a, &d), -1);
    assert_int_equal(d.count, 1);
    assert_non_null(strstr(d.items[0].message, "symbolic link"));
    assert_non_null(strstr(d.items[0].message, "nothing recorded"));
    assert_string_equal(slurp(target), "not ebb's\n");
    assert_int_equal(stat(target, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644); /* not made 0600 */
    /* nor read through */
    struct ebb_journal j = {0};
    write_file(target, EBB_JOURNAL_HEADER "\n2024-05-01T08:30:00+02:00\tbox\t1.0\t1.0\tcompleted\t\t\n");
    ebb_diags_clear(&d);
    assert_int_equal(ebb_journal_read(path, &j, &d), -1);
    assert_int_equal((int)j.count, 0);
    assert_non_null(strstr(d.items[0].message, "symbolic link"));
    /* a dangling link is not followed to create its target either */
    char dangling[512];
    path_in_tmp(dangling, sizeof dangling, "nowhere.tsv");
    unlink(path);
    assert_int_equal(symlink(dangling, path), 0);
    assert_int_equal(ebb_journal_append(path, &a, &d), -1);
    assert_int_equal(lstat(dangling, &st), -1);
}

static void a_journal_of_another_user_is_not_chmodded(void **state)
{
    char path[512];
    struct ebb_diags d;
    struct stat st;
    (void)state;
    ebb_diags_clear(&d);
    path_in_tmp(path, sizeof path, "journal.tsv");
    write_file(path, EBB_JOURNAL_HEADER "\n");
    assert_int_equal(chmod(path, 0666), 0);
    if (geteuid() != 0 || chown(path, 65534, 65534) != 0) {
        skip(); /* only root can give a file away */
        return;
    }
    struct ebb_journal_record a = sample("box", MAY_FIRST_0830, 3, 2);
    assert_int_equal(ebb_journal_append(path, &a, &d), 0);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0666);
}

/* In a child: a file size limit just past the journal's size (SIGXFSZ ignored, so the
 * write comes back short as on a full disk), then one append. Exits 0 when it was
 * refused with a warning. */
static int append_with_room(const char *path, off_t room)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return 10;
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit lim = {(rlim_t)(st.st_size + room), (rlim_t)(st.st_size + room)};
    if (setrlimit(RLIMIT_FSIZE, &lim) != 0)
        return 11;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    struct ebb_journal_record a = sample("a-long-exercise-name-to-fill-the-line", 0, 3, 2);
    if (ebb_journal_append(path, &a, &d) != -1 || d.count != 1 ||
        !strstr(d.items[0].message, "the disk is full; nothing recorded"))
        return 12;
    return 0;
}

static void a_short_write_leaves_no_torn_fragment(void **state)
{
    char path[512];
    struct ebb_diags d;
    struct ebb_journal j = {0};
    (void)state;
    ebb_diags_clear(&d);
    path_in_tmp(path, sizeof path, "journal.tsv");
    struct ebb_journal_record a = sample("box", MAY_FIRST_0830, 3, 2);
    assert_int_equal(ebb_journal_append(path, &a, &d), 0);
    char before[4096];
    snprintf(before, sizeof before, "%s", slurp(path));
    for (off_t room = 0; room <= 39; room += 13) {
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0)
            _exit(append_with_room(path, room));
        int status = 0;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
        assert_string_equal(slurp(path), before); /* nothing of the record stayed */
    }
    /* and the next append, with room, is read back without a warning */
    assert_int_equal(ebb_journal_append(path, &a, &d), 0);
    ebb_diags_clear(&d);
    assert_int_equal(ebb_journal_read(path, &j, &d), 0);
    assert_int_equal(d.count, 0);
    assert_int_equal((int)j.count, 2);
    ebb_journal_free(&j);
}

enum { WRITERS = 4, RECORDS_EACH = 150 };

static void concurrent_appends_leave_whole_lines(void **state)
{
    char path[512];
    struct ebb_diags d;
    struct ebb_journal j = {0};
    pid_t pids[WRITERS];
    (void)state;
    path_in_tmp(path, sizeof path, "ebb/journal.tsv");
    for (int w = 0; w < WRITERS; w++) {
        pids[w] = fork();
        assert_true(pids[w] >= 0);
        if (pids[w] == 0) {
            struct ebb_diags cd;
            char id[32];
            int failed = 0;
            ebb_diags_clear(&cd);
            for (int i = 0; i < RECORDS_EACH; i++) {
                /* a long id makes each line longer, so a torn write would show */
                snprintf(id, sizeof id, "writer-%d-record-%03d-padding", w, i);
                struct ebb_journal_record r = sample(id, MAY_FIRST_0830 + i, w, i % 11);
                failed |= ebb_journal_append(path, &r, &cd) != 0;
            }
            _exit(failed);
        }
    }
    for (int w = 0; w < WRITERS; w++) {
        int status = 0;
        assert_int_equal(waitpid(pids[w], &status, 0), pids[w]);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
    }
    ebb_diags_clear(&d);
    assert_int_equal(ebb_journal_read(path, &j, &d), 0);
    assert_int_equal(d.count, 0);
    assert_int_equal(j.count, WRITERS * RECORDS_EACH);
    int seen[WRITERS] = {0};
    for (size_t i = 0; i < j.count; i++) {
        int w = -1, k = -1;
        assert_int_equal(sscanf(j.records[i].exercise, "writer-%d-record-%d", &w, &k), 2);
        assert_true(w >= 0 && w < WRITERS);
        assert_int_equal(k, seen[w]); /* each writer's records in its own order */
        assert_int_equal(j.records[i].rating_before, w);
        seen[w]++;
    }
    ebb_journal_free(&j);
}

static void text_in_the_exercise_is_escaped_and_read_back(void **state)
{
    char line[EBB_JOURNAL_LINE_MAX];
    struct ebb_journal_record r = sample("a\tb\\c\nd", MAY_FIRST_0830, 1, 0), back;
    const char *why = NULL;
    (void)state;
    int n = ebb_journal_format(&r, line, sizeof line);
    assert_true(n > 0);
    assert_non_null(strstr(line, "a\\tb\\\\c\\nd\t"));
    assert_ptr_equal(strchr(line, '\n'), line + n - 1);
    assert_int_equal(ebb_journal_parse_line(line, (size_t)n - 1, &back, &why), 0);
    assert_string_equal(back.exercise, "a\tb\\c\nd");
}

static void invalid_records_are_refused(void **state)
{
    char line[EBB_JOURNAL_LINE_MAX];
    struct ebb_journal_record r = sample("box", MAY_FIRST_0830, 11, 0);
    (void)state;
    assert_int_equal(ebb_journal_format(&r, line, sizeof line), -1);
    r = sample("", MAY_FIRST_0830, 1, 0);
    assert_int_equal(ebb_journal_format(&r, line, sizeof line), -1);
    r = sample("box", MAY_FIRST_0830, 1, 0);
    r.actual_s = -1;
    assert_int_equal(ebb_journal_format(&r, line, sizeof line), -1);
    r.actual_s = 1.0 / 0.0;
    assert_int_equal(ebb_journal_format(&r, line, sizeof line), -1);
}

static void times_are_written_with_their_offset_and_read_back(void **state)
{
    char buf[32];
    int64_t s;
    int off;
    (void)state;
    assert_int_equal(ebb_journal_format_time(0, 0, buf, sizeof buf), 25);
    assert_string_equal(buf, "1970-01-01T00:00:00+00:00");
    /* 2024-02-29T23:59:59-03:30 is 2024-03-01T03:29:59Z */
    assert_int_equal(ebb_journal_parse_time("2024-02-29T23:59:59-03:30", 25, &s, &off), 0);
    assert_true(s == 1709263799LL);
    assert_int_equal(off, -12600);
    ebb_journal_format_time(s, off, buf, sizeof buf);
    assert_string_equal(buf, "2024-02-29T23:59:59-03:30");
    assert_int_equal(ebb_journal_parse_time("2024-03-01T03:29:59Z", 20, &s, &off), 0);
    assert_true(s == 1709263799LL);
    assert_int_equal(ebb_journal_parse_time("2023-02-29T10:00:00Z", 20, &s, &off), -1);
    assert_int_equal(ebb_journal_parse_time("2024-05-01 08:30:00Z", 20, &s, &off), -1);
    assert_int_equal(ebb_journal_parse_time("2024-05-01T24:00:00Z", 20, &s, &off), -1);
    /* parsing accepts the offsets formatting writes, -18:00 to +18:00, and no more, so a
     * record read is always written back whole (the journal fuzzer found -18:30) */
    assert_int_equal(ebb_journal_parse_time("2024-05-01T08:30:00-18:30", 25, &s, &off), -1);
    assert_int_equal(ebb_journal_parse_time("2024-05-01T08:30:00+18:01", 25, &s, &off), -1);
    assert_int_equal(ebb_journal_parse_time("2024-05-01T08:30:00+18:00", 25, &s, &off), 0);
    assert_int_equal(ebb_journal_format_time(s, off, buf, sizeof buf), 25);
    assert_string_equal(buf, "2024-05-01T08:30:00+18:00");
    assert_int_equal(ebb_journal_parse_time("2024-05-01T08:30:00-18:00", 25, &s, &off), 0);
    assert_int_equal(ebb_journal_format_time(s, off, buf, sizeof buf), 25);
    assert_string_equal(buf, "2024-05-01T08:30:00-18:00");
    /* before 1970 and far ahead round-trip too */
    for (int64_t t = -2000000000LL; t < 4000000000LL; t += 86399 * 37) {
        assert_int_equal(ebb_journal_format_time(t, 5 * 3600 + 45 * 60, buf, sizeof buf), 25);
        assert_int_equal(ebb_journal_parse_time(buf, 25, &s, &off), 0);
        assert_true(s == t);
    }
}

static void the_start_is_taken_in_the_local_time_zone(void **state)
{
    struct ebb_journal_record r;
    struct ebb_civil c;
    (void)state;
    setenv("TZ", "UTC-02", 1); /* POSIX TZ: two hours east of UTC */
    tzset();
    ebb_journal_set_start(&r, (time_t)MAY_FIRST_0830);
    assert_int_equal(r.offset_s, 7200);
    ebb_journal_civil(&r, &c);
    assert_int_equal(c.year, 2024);
    assert_int_equal(c.month, 5);
    assert_int_equal(c.day, 1);
    assert_int_equal(c.hour, 8);
    assert_int_equal(c.minute, 30);
    assert_true(ebb_journal_today((time_t)MAY_FIRST_0830) == 19844); /* 2024-05-01 */
    unsetenv("TZ");
    tzset();
}

static void the_default_path_follows_xdg_state_home_then_home(void **state)
{
    char buf[256];
    (void)state;
    assert_int_equal(ebb_journal_default_path("/s", "/home/a", buf, sizeof buf), 0);
    assert_string_equal(buf, "/s/ebb/journal.tsv");
    assert_int_equal(ebb_journal_default_path("", "/home/a", buf, sizeof buf), 0);
    assert_string_equal(buf, "/home/a/.local/state/ebb/journal.tsv");
    assert_int_equal(ebb_journal_default_path("relative", "/home/a", buf, sizeof buf), 0);
    assert_string_equal(buf, "/home/a/.local/state/ebb/journal.tsv");
    assert_int_equal(ebb_journal_default_path(NULL, NULL, buf, sizeof buf), -1);
    assert_int_equal(ebb_journal_default_path("/s", NULL, buf, 8), -1);
}

static void grounding_is_suggested_from_seven_only_for_breathing(void **state)
{
    (void)state;
    for (int r = -1; r <= 6; r++)
        assert_false(ebb_checkin_suggest_grounding(r, EBB_KIND_BREATHING));
    for (int r = 7; r <= 10; r++) {
        assert_true(ebb_checkin_suggest_grounding(r, EBB_KIND_BREATHING));
        assert_false(ebb_checkin_suggest_grounding(r, EBB_KIND_GROUNDING));
        assert_false(ebb_checkin_suggest_grounding(r, EBB_KIND_SEQUENCE));
    }
    assert_false(ebb_checkin_suggest_grounding(11, EBB_KIND_BREATHING));
}

static void the_summary_gives_sessions_minutes_and_average_change(void **state)
{
    struct ebb_journal_record recs[5] = {
        sample("box", MAY_FIRST_0830, 8, 5), sample("anchor", MAY_FIRST_0830, 4, -1),
        sample("box", MAY_FIRST_0830, 6, 4), sample("box", MAY_FIRST_0830, -1, 2),
        sample("box", MAY_FIRST_0830, 7, 7),
    };
    struct ebb_journal j = {recs, 5, 5};
    size_t n = 0;
    (void)state;
    recs[0].completed = true;
    for (int i = 0; i < 5; i++)
        recs[i].actual_s = 120;
    struct ebb_journal_summary *s = ebb_journal_summarize(&j, &n);
    assert_non_null(s);
    assert_int_equal(n, 2);
    assert_string_equal(s[0].exercise, "anchor");
    assert_int_equal(s[0].sessions, 1);
    assert_int_equal(s[0].rated, 0);
    assert_true(s[0].mean_change == 0);
    assert_string_equal(s[1].exercise, "box");
    assert_int_equal(s[1].sessions, 4);
    assert_int_equal(s[1].completed, 1);
    assert_true(s[1].minutes == 8.0);
    assert_int_equal(s[1].rated, 3);
    assert_float_equal(s[1].mean_before, 7.0, 1e-9);
    assert_float_equal(s[1].mean_after, 16.0 / 3.0, 1e-9);
    assert_float_equal(s[1].mean_change, (-3.0 - 2.0 + 0.0) / 3.0, 1e-9);
    free(s);
    struct ebb_journal empty = {0};
    assert_null(ebb_journal_summarize(&empty, &n));
    assert_int_equal(n, 0);
}

static void cpu_bound_passed(int sig)
{
    (void)sig;
    static const char msg[] = "FAIL: summarizing 100 000 ids took more than 10 s of CPU "
                              "(quadratic in the number of ids)\n";
    if (write(2, msg, sizeof msg - 1) < 0) {
    }
    _exit(1);
}

/* 100 000 distinct ids took 31 s when each record looked through the ids seen so far;
 * sorted they take well under a second. The bound is ten seconds of CPU (not of the
 * wall clock, so a busy machine does not make it fail), far beyond either. */
static void the_summary_of_many_ids_is_not_quadratic(void **state)
{
    (void)state;
    enum { IDS = 100000 };
    struct ebb_journal j = {calloc(IDS + 2, sizeof(struct ebb_journal_record)), IDS + 2, IDS + 2};
    assert_non_null(j.records);
    for (size_t i = 0; i < IDS; i++) { /* in an order that is not sorted */
        size_t k = (i * 7919) % IDS;
        j.records[i] = sample("", MAY_FIRST_0830, 5, 3);
        snprintf(j.records[i].exercise, sizeof j.records[i].exercise, "id-%06zu", k);
        j.records[i].actual_s = 60;
    }
    j.records[IDS] = sample("id-000007", MAY_FIRST_0830, 9, 1);
    j.records[IDS].actual_s = 120;
    j.records[IDS + 1] = sample("id-000007", MAY_FIRST_0830, -1, 1);
    j.records[IDS + 1].actual_s = 0;
    signal(SIGPROF, cpu_bound_passed);
    struct itimerval limit = {{0, 0}, {10, 0}};
    setitimer(ITIMER_PROF, &limit, NULL);
    size_t n = 0;
    struct ebb_journal_summary *s = ebb_journal_summarize(&j, &n);
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_PROF, &off, NULL);
    signal(SIGPROF, SIG_DFL);
    assert_non_null(s);
    assert_int_equal(n, IDS);
    for (size_t k = 0; k + 1 < n; k++)
        assert_true(strcmp(s[k].exercise, s[k + 1].exercise) < 0);
    assert_string_equal(s[7].exercise, "id-000007");
    assert_int_equal(s[7].sessions, 3);
    assert_int_equal(s[7].rated, 2);
    assert_true(s[7].minutes == 3.0);
    assert_float_equal(s[7].mean_before, 7.0, 1e-9);
    assert_int_equal(s[8].sessions, 1);
    free(s);
    free(j.records);
}

static void the_chart_gathers_thirty_days_and_the_weeks_minutes(void **state)
{
    /* today is Wednesday 2024-05-01, local day 19844 */
    const int64_t today = 19844;
    struct ebb_journal_record recs[5] = {
        sample("box", MAY_FIRST_0830, 8, 4),              /* today */
        sample("box", MAY_FIRST_0830 + 3600, 6, 3),       /* today again */
        sample("box", MAY_FIRST_0830 - 2 * 86400, -1, 5), /* Monday 29 April */
        sample("box", MAY_FIRST_0830 - 29 * 86400, 2, 1), /* the first day shown */
        sample("box", MAY_FIRST_0830 - 30 * 86400, 9, 9), /* one day too old */
    };
    struct ebb_journal j = {recs, 5, 5};
    struct ebb_journal_chart c;
    (void)state;
    for (int i = 0; i < 5; i++)
        recs[i].actual_s = 600;
    ebb_journal_chart(&j, today, &c);
    assert_true(c.days[29].day == today);
    assert_true(c.days[0].day == today - 29);
    assert_int_equal(c.sessions, 4);
    assert_int_equal(c.days[29].sessions, 2);
    assert_int_equal(c.days[29].before_count, 2);
    assert_float_equal(c.days[29].before_mean, 7.0, 1e-9);
    assert_float_equal(c.days[29].after_mean, 3.5, 1e-9);
    assert_float_equal(c.days[29].minutes, 20.0, 1e-9);
    assert_int_equal(c.days[27].before_count, 0);
    assert_int_equal(c.days[27].after_count, 1);
    assert_int_equal(c.days[0].sessions, 1);
    assert_int_equal(c.max_rating, 7);
    /* weeks start on Monday: this one holds Monday and today */
    assert_true(c.week_start[EBB_JOURNAL_CHART_WEEKS - 1] == today - 2);
    assert_float_equal(c.week_minutes[EBB_JOURNAL_CHART_WEEKS - 1], 30.0, 1e-9);
    assert_float_equal(c.max_week_minutes, 30.0, 1e-9);
    /* 2 April, and 1 April (too old for the days), are in the first week: Monday 1 April */
    assert_true(c.week_start[0] == today - 2 - 28);
    assert_float_equal(c.week_minutes[0], 20.0, 1e-9);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(appended_records_read_back_unchanged, make_tmp, remove_tmp),
        cmocka_unit_test_setup_teardown(
            the_file_starts_with_one_header_and_skipped_ratings_are_empty, make_tmp, remove_tmp),
        cmocka_unit_test_setup_teardown(a_torn_last_line_is_skipped_with_a_warning, make_tmp,
                                        remove_tmp),
        cmocka_unit_test_setup_teardown(a_record_appended_after_a_torn_line_stays_whole, make_tmp,
                                        remove_tmp),
        cmocka_unit_test(garbage_in_the_middle_is_skipped_naming_its_line),
        cmocka_unit_test_setup_teardown(a_missing_journal_is_empty_and_quiet, make_tmp, remove_tmp),
        cmocka_unit_test_setup_teardown(a_journal_path_that_is_a_folder_records_nothing, make_tmp,
                                        remove_tmp),
        cmocka_unit_test_setup_teardown(a_journal_whose_folder_is_a_file_records_nothing, make_tmp,
                                        remove_tmp),
        cmocka_unit_test_setup_teardown(the_journal_is_0600_in_a_0700_folder, make_tmp, remove_tmp),
        cmocka_unit_test_setup_teardown(a_journal_that_is_a_symlink_is_not_written_through,
                                        make_tmp, remove_tmp),
        cmocka_unit_test_setup_teardown(a_journal_of_another_user_is_not_chmodded, make_tmp,
                                        remove_tmp),
        cmocka_unit_test_setup_teardown(a_short_write_leaves_no_torn_fragment, make_tmp,
                                        remove_tmp),
        cmocka_unit_test_setup_teardown(concurrent_appends_leave_whole_lines, make_tmp, remove_tmp),
        cmocka_unit_test(text_in_the_exercise_is_escaped_and_read_back),
        cmocka_unit_test(invalid_records_are_refused),
        cmocka_unit_test(times_are_written_with_their_offset_and_read_back),
        cmocka_unit_test(the_start_is_taken_in_the_local_time_zone),
        cmocka_unit_test(the_default_path_follows_xdg_state_home_then_home),
        cmocka_unit_test(grounding_is_suggested_from_seven_only_for_breathing),
        cmocka_unit_test(the_summary_gives_sessions_minutes_and_average_change),
        cmocka_unit_test(the_summary_of_many_ids_is_not_quadratic),
        cmocka_unit_test(the_chart_gathers_thirty_days_and_the_weeks_minutes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
