/* Tests of engine/cli_history.c: `ebb --history [--csv]` and `ebb --forget [--yes]`,
 * called as main.c calls them, with stdout, stderr and stdin redirected to files and
 * XDG_STATE_HOME pointing at a private folder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "journal.h"

static char tmp[256];
static char journal[512];
static char out[65536];
static char err[65536];

static int make_tmp(void **state)
{
    (void)state;
    snprintf(tmp, sizeof tmp, "/tmp/ebb-test-cli-history-XXXXXX");
    if (!mkdtemp(tmp))
        return -1;
    snprintf(journal, sizeof journal, "%s/ebb/journal.tsv", tmp);
    setenv("XDG_STATE_HOME", tmp, 1);
    return 0;
}

static int remove_tmp(void **state)
{
    char cmd[300];
    (void)state;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    return system(cmd) == 0 ? 0 : -1;
}

static void read_into(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    size_t n = fread(buf, 1, size - 1, f);
    buf[n] = '\0';
    fclose(f);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Runs fn(arg) with `input` on stdin; fills out and err; returns its status. */
static int run(int (*fn)(bool), bool arg, const char *input)
{
    char in_path[300], out_path[300], err_path[300];
    snprintf(in_path, sizeof in_path, "%s/stdin", tmp);
    snprintf(out_path, sizeof out_path, "%s/stdout", tmp);
    snprintf(err_path, sizeof err_path, "%s/stderr", tmp);
    write_file(in_path, input);
    assert_non_null(freopen(in_path, "rb", stdin));
    fflush(stdout);
    fflush(stderr);
    int saved_out = dup(1), saved_err = dup(2);
    int fo = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int fe = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(saved_out >= 0 && saved_err >= 0 && fo >= 0 && fe >= 0);
    dup2(fo, 1);
    dup2(fe, 2);
    int status = fn(arg);
    fflush(stdout);
    fflush(stderr);
    dup2(saved_out, 1);
    dup2(saved_err, 2);
    close(saved_out);
    close(saved_err);
    close(fo);
    close(fe);
    read_into(out_path, out, sizeof out);
    read_into(err_path, err, sizeof err);
    return status;
}

static void add(const char *id, int64_t start_s, double actual_s, bool completed, int before,
                int after)
{
    struct ebb_journal_record r;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    ebb_journal_record_init(&r);
    snprintf(r.exercise, sizeof r.exercise, "%s", id);
    r.start_s = start_s;
    r.offset_s = 3600;
    r.planned_s = 300;
    r.actual_s = actual_s;
    r.completed = completed;
    r.rating_before = before;
    r.rating_after = after;
    assert_int_equal(ebb_journal_append(journal, &r, &d), 0);
}

/* 2024-05-01T08:30:00+01:00 */
#define START 1714548600LL

static void history_with_no_journal_says_so_calmly(void **state)
{
    (void)state;
    assert_int_equal(run(ebb_cli_history, false, ""), 0);
    assert_string_equal(out, "No sessions recorded yet.\n");
    assert_string_equal(err, "");
}

static void history_lists_sessions_and_a_summary_per_exercise(void **state)
{
    (void)state;
    add("box", START, 312, true, 7, 4);
    add("five-senses", START + 86400, 130, false, -1, 3);
    add("box", START + 2 * 86400, 300, true, 5, 4);
    assert_int_equal(run(ebb_cli_history, false, ""), 0);
    assert_string_equal(err, "");
    assert_non_null(strstr(out, "2024-05-01 08:30  box          5:12     completed   7 -> 4\n"));
    assert_non_null(strstr(out, "2024-05-02 08:30  five-senses  2:10     left early  - -> 3\n"));
    assert_non_null(strstr(out, "By exercise:"));
    /* box: 2 sessions, 10.2 minutes, 6.0 -> 4.0 on average */
    assert_non_null(strstr(out, "box                 2     10.2  6.0 -> 4.0 (-2.0, 2 rated)\n"));
    assert_non_null(strstr(out, "five-senses         1      2.2  -\n"));
    assert_null(strstr(out, "streak"));
    assert_null(strstr(out, "score"));
}

static void history_shows_the_last_twenty_sessions(void **state)
{
    char id[16];
    (void)state;
    for (int i = 0; i < 25; i++) {
        snprintf(id, sizeof id, "ex-%02d", i);
        add(id, START + i * 600, 60, true, -1, -1);
    }
    assert_int_equal(run(ebb_cli_history, false, ""), 0);
    assert_non_null(strstr(out, "The last 20 of 25 sessions"));
    char *summary = strstr(out, "By exercise:");
    assert_non_null(summary);
    assert_non_null(strstr(summary, "ex-04 ")); /* the summary counts every session */
    *summary = '\0';                            /* the list above it, the last 20 */
    assert_null(strstr(out, "ex-04 "));
    assert_non_null(strstr(out, "ex-05 "));
    assert_non_null(strstr(out, "ex-24 "));
}

static void history_warns_about_a_torn_line_and_goes_on(void **state)
{
    (void)state;
    add("box", START, 312, true, 7, 4);
    FILE *f = fopen(journal, "ab");
    assert_non_null(f);
    fputs("2024-05-02T08:30:00+01:00\tbox\t3", f);
    fclose(f);
    assert_int_equal(run(ebb_cli_history, false, ""), 0);
    assert_non_null(strstr(out, "7 -> 4"));
    assert_non_null(strstr(err, "journal.tsv:3: warning: the last line is incomplete"));
}

static void csv_quotes_commas_quotes_and_newlines(void **state)
{
    (void)state;
    add("plain", START, 60, true, 2, 1);
    add("a,b", START, 60.25, false, -1, -1);
    add("say \"hi\"", START, 60, true, 10, 0);
    add("two\nlines", START, 60, true, 3, -1);
    assert_int_equal(run(ebb_cli_history, true, ""), 0);
    assert_string_equal(out,
                        "start,exercise,planned_s,actual_s,end,before,after\r\n"
                        "2024-05-01T08:30:00+01:00,plain,300.0,60.0,completed,2,1\r\n"
                        "2024-05-01T08:30:00+01:00,\"a,b\",300.0,60.3,left-early,,\r\n"
                        "2024-05-01T08:30:00+01:00,\"say \"\"hi\"\"\",300.0,60.0,"
                        "completed,10,0\r\n"
                        "2024-05-01T08:30:00+01:00,\"two\nlines\",300.0,60.0,completed,3,\r\n");
}

static void csv_with_no_journal_is_only_the_header(void **state)
{
    (void)state;
    assert_int_equal(run(ebb_cli_history, true, ""), 0);
    assert_string_equal(out, "start,exercise,planned_s,actual_s,end,before,after\r\n");
    assert_non_null(strstr(err, "No sessions recorded yet."));
}

static void forget_asks_and_keeps_the_journal_unless_told_yes(void **state)
{
    (void)state;
    add("box", START, 312, true, 7, 4);
    const char *no[] = {"", "n\n", "no\n", "yess\n", "maybe yes\n"};
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
        assert_int_equal(run(ebb_cli_forget, false, no[i]), 0);
        assert_int_equal(access(journal, F_OK), 0);
        assert_non_null(strstr(out, "Delete the journal at "));
        assert_non_null(strstr(out, "? [y/N] "));
        assert_non_null(strstr(out, "Nothing deleted"));
    }
    assert_int_equal(run(ebb_cli_forget, false, "  Yes \n"), 0);
    assert_int_equal(access(journal, F_OK), -1);
    assert_non_null(strstr(out, "Deleted the journal at "));
    /* only the file: its folder stays */
    char dir[600];
    snprintf(dir, sizeof dir, "%s/ebb", tmp);
    assert_int_equal(access(dir, F_OK), 0);
}

static void forget_yes_deletes_without_asking(void **state)
{
    (void)state;
    add("box", START, 312, true, 7, 4);
    assert_int_equal(run(ebb_cli_forget, true, "n\n"), 0);
    assert_int_equal(access(journal, F_OK), -1);
    assert_null(strstr(out, "[y/N]"));
    assert_non_null(strstr(out, "Deleted the journal at "));
}

static void forget_with_no_journal_says_so(void **state)
{
    (void)state;
    assert_int_equal(run(ebb_cli_forget, true, ""), 0);
    assert_non_null(strstr(out, "no journal at "));
    assert_non_null(strstr(out, "nothing to delete"));
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, make_tmp, remove_tmp)
    const struct CMUnitTest tests[] = {
        T(history_with_no_journal_says_so_calmly),
        T(history_lists_sessions_and_a_summary_per_exercise),
        T(history_shows_the_last_twenty_sessions),
        T(history_warns_about_a_torn_line_and_goes_on),
        T(csv_quotes_commas_quotes_and_newlines),
        T(csv_with_no_journal_is_only_the_header),
        T(forget_asks_and_keeps_the_journal_unless_told_yes),
        T(forget_yes_deletes_without_asking),
        T(forget_with_no_journal_says_so),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
