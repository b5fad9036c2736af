/* Hostile script files, made at test time in a temporary folder: each must end with
 * one clear message, quickly and in little memory. Outside the sanitizer build the
 * address space is capped at 256 MiB; a 10 s alarm guards against a hang. The time
 * of each case is printed, never asserted. Also cue files: missing, empty or a
 * folder are warnings and the exercise still loads. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "script.h"

static char tmp[256]; /* the temporary folder */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void path_in_tmp(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s/%s", tmp, name);
}

static void write_file(const char *name, const char *text, size_t len)
{
    char path[512];
    path_in_tmp(path, sizeof path, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* Loads tmp/name and checks that it fails with exactly one error, `expect` with
 * "FILE" standing for the path. */
static void expect_one_error(const char *name, const char *expect)
{
    char path[512], want[1024], got[1024];
    path_in_tmp(path, sizeof path, name);
    const char *at = strstr(expect, "FILE");
    assert_non_null(at);
    snprintf(want, sizeof want, "%.*s%s%s", (int)(at - expect), expect, path, at + 4);
    struct ebb_diags d;
    ebb_diags_clear(&d);
    alarm(10);
    double t0 = now_s();
    struct ebb_exercise *ex = ebb_script_load(path, NULL, &d);
    double took = now_s() - t0;
    alarm(0);
    print_message("    %-22s %8.3f ms\n", name, took * 1000.0);
    assert_null(ex);
    if (d.errors != 1 || d.count != 1)
        fail_msg("%s: %d errors, first: %s", name, d.errors,
                 d.count ? ebb_diag_format(&d.items[0], got, sizeof got) : "");
    if (strcmp(ebb_diag_format(&d.items[0], got, sizeof got), want))
        fail_msg("%s\n  expected: %s\n  got:      %s", name, want, got);
}

static char *breathing(const char *id, const char *extra, const char *pattern)
{
    size_t size = strlen(extra) + strlen(pattern) + 256;
    char *s = malloc(size);
    assert_non_null(s);
    snprintf(s, size,
             "version = 1;\nexercise = { id = \"%s\"; title = \"T\"; kind = \"breathing\";\n"
             "%s\n  pattern = %s; };\n",
             id, extra, pattern);
    return s;
}

static void a_1_gib_sparse_file_is_refused_before_reading(void **state)
{
    (void)state;
    char path[512];
    path_in_tmp(path, sizeof path, "huge.cfg");
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, 1024L * 1024L * 1024L), 0);
    close(fd);
    expect_one_error("huge.cfg", "FILE: error: cannot read: larger than 1 MiB (1073741824 bytes)");
}

static void a_fifo_a_device_and_a_folder_are_not_read(void **state)
{
    (void)state;
    char path[512];
    path_in_tmp(path, sizeof path, "fifo.cfg");
    assert_int_equal(mkfifo(path, 0644), 0);
    expect_one_error("fifo.cfg", "FILE: error: cannot read: not a regular file");
    path_in_tmp(path, sizeof path, "null.cfg");
    assert_int_equal(symlink("/dev/null", path), 0);
    expect_one_error("null.cfg", "FILE: error: cannot read: not a regular file");
    path_in_tmp(path, sizeof path, "folder.cfg");
    assert_int_equal(mkdir(path, 0755), 0);
    expect_one_error("folder.cfg", "FILE: error: cannot read: Is a directory");
}

static void broken_paths_say_why_they_cannot_be_read(void **state)
{
    (void)state;
    char path[512];
    path_in_tmp(path, sizeof path, "dangling.cfg");
    assert_int_equal(symlink("nowhere.cfg", path), 0);
    expect_one_error("dangling.cfg", "FILE: error: cannot read: No such file or directory");
    path_in_tmp(path, sizeof path, "loop-a.cfg");
    assert_int_equal(symlink("loop-b.cfg", path), 0);
    path_in_tmp(path, sizeof path, "loop-b.cfg");
    assert_int_equal(symlink("loop-a.cfg", path), 0);
    expect_one_error("loop-a.cfg", "FILE: error: cannot read: Too many levels of symbolic links");
    write_file("plain.cfg", "x", 1);
    expect_one_error("plain.cfg/inner.cfg", "FILE: error: cannot read: Not a directory");
}

static void a_symlink_to_a_script_loads(void **state)
{
    (void)state;
    char *text = breathing("linked", "", "( { phase = \"inhale\"; seconds = 4; } )");
    write_file("real.cfg", text, strlen(text));
    free(text);
    char path[512];
    path_in_tmp(path, sizeof path, "linked.cfg");
    assert_int_equal(symlink("real.cfg", path), 0);
    struct ebb_diags d;
    ebb_diags_clear(&d);
    struct ebb_exercise *ex = ebb_script_load(path, NULL, &d);
    assert_non_null(ex); /* the id matches the name it was given by */
    assert_string_equal(ex->path, path);
    assert_string_equal(ex->dir, tmp);
    ebb_script_free(ex);
}

static void a_hundred_thousand_phases_give_one_message(void **state)
{
    (void)state;
    size_t n = 100000, size = n * 3 + 16;
    char *pattern = malloc(size);
    assert_non_null(pattern);
    size_t used = 0;
    pattern[used++] = '(';
    for (size_t i = 0; i < n; i++) {
        memcpy(pattern + used, i ? ",{}" : "{}", i ? 3 : 2);
        used += i ? 3 : 2;
    }
    pattern[used++] = ')';
    pattern[used] = '\0';
    char *text = breathing("phases", "", pattern);
    write_file("phases.cfg", text, strlen(text));
    free(text);
    free(pattern);
    expect_one_error("phases.cfg", "FILE:4: error: more than 1024 values in one list (a "
                                   "pattern or steps hold at most 256, items 64, tags 16)");
}

static void deep_nesting_gives_one_message(void **state)
{
    (void)state;
    size_t depth = 200000;
    char *text = malloc(depth * 2 + 64);
    assert_non_null(text);
    size_t used = (size_t)sprintf(text, "version = 1;\nx = ");
    memset(text + used, '(', depth);
    memset(text + used + depth, ')', depth);
    strcpy(text + used + 2 * depth, ";\n");
    write_file("deep.cfg", text, strlen(text));
    /* and groups: x = {a={a={a=... */
    for (size_t i = 0; i < 60000; i++)
        memcpy(text + used + i * 3, "{a=", 3);
    strcpy(text + used + 60000 * 3, "1;\n");
    write_file("deep-groups.cfg", text, strlen(text));
    free(text);
    expect_one_error("deep.cfg", "FILE:2: error: groups and lists are nested more than 16 "
                                 "levels deep");
    expect_one_error("deep-groups.cfg", "FILE:2: error: groups and lists are nested more than "
                                        "16 levels deep");
}

static void huge_strings_and_huge_groups_give_one_message(void **state)
{
    (void)state;
    size_t n = 10 * 1024 * 1024;
    char *text = malloc(n + 64);
    assert_non_null(text);
    strcpy(text, "version = 1;\nexercise = { title = \"");
    size_t used = strlen(text);
    memset(text + used, 'a', n);
    strcpy(text + used + n, "\"; };\n");
    write_file("ten-mb.cfg", text, strlen(text));
    char want[128];
    snprintf(want, sizeof want, "FILE: error: cannot read: larger than 1 MiB (%zu bytes)", strlen(text));
    expect_one_error("ten-mb.cfg", want);

    /* just under the limit: a title of a million characters */
    char *t = breathing("long-title", "", "( { phase = \"inhale\"; seconds = 4; } )");
    char *title = strstr(t, "title = \"T\"");
    used = (size_t)(title - t) + 9;
    memcpy(text, t, used);
    memset(text + used, 'a', 1000000);
    strcpy(text + used + 1000000, title + 10);
    free(t);
    write_file("long-title.cfg", text, strlen(text));
    expect_one_error("long-title.cfg", "FILE:2: error: \"title\" must be a text of 1 to 80 "
                                       "characters, found 1000000");

    /* 100 000 keys in one group: libconfig's duplicate check would take minutes */
    used = (size_t)sprintf(text, "version = 1;\nexercise = {\n");
    for (int i = 0; i < 100000; i++)
        used += (size_t)sprintf(text + used, "k%d=1;", i);
    strcpy(text + used, "};\n");
    write_file("keys.cfg", text, strlen(text));
    free(text);
    expect_one_error("keys.cfg", "FILE:3: error: more than 64 settings in one group");
}

static void extreme_numbers_in_every_number_key_give_one_message_each(void **state)
{
    (void)state;
    /* key, where it goes: 'e' exercise, 'p' phase, 'r' ramp, 'a' audio */
    static const char *const keys[][2] = {{"prepare", "e"}, {"duration", "e"}, {"cycles", "e"},
                                          {"seconds", "p"}, {"to", "p"},       {"to_scale", "r"},
                                          {"over", "r"},    {"volume", "a"}};
    static const char *const values[] = {"1e308", "1e309", "-1e309",     "-1e308", "-1",
                                         "0",     "-0.0",  "2147483647", "1e-320"};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
            char setting[128], extra[256], pattern[256];
            snprintf(setting, sizeof setting, "%s = %s;", keys[k][0], values[v]);
            char where = keys[k][1][0];
            extra[0] = '\0';
            if (where == 'e')
                snprintf(extra, sizeof extra, "  %s", setting);
            else if (where == 'r') /* the other ramp key is given, valid */
                snprintf(extra, sizeof extra, "  ramp = { %s %s };", setting,
                         !strcmp(keys[k][0], "over") ? "to_scale = 1.2;" : "over = 60;");
            else if (where == 'a')
                snprintf(extra, sizeof extra, "  audio = { %s };", setting);
            snprintf(pattern, sizeof pattern,
                     "( { phase = \"inhale\"; seconds = 4; %s }, { phase = \"exhale\"; "
                     "seconds = 4; } )",
                     where == 'p' && strcmp(keys[k][0], "seconds") ? setting : "");
            if (where == 'p' && !strcmp(keys[k][0], "seconds"))
                snprintf(pattern, sizeof pattern, "( { phase = \"inhale\"; %s } )", setting);
            char *text = breathing("n", extra, pattern);
            struct ebb_diags d;
            ebb_diags_clear(&d);
            struct ebb_exercise *ex = ebb_script_load_buffer(text, strlen(text), "n.cfg", NULL, &d);
            free(text);
            bool fine = !strcmp(keys[k][0], "to") &&
                        (!strcmp(values[v], "0") || !strcmp(values[v], "-0.0") ||
                         !strcmp(values[v], "1e-320"));
            fine = fine || (!strcmp(keys[k][0], "volume") &&
                            (!strcmp(values[v], "0") || !strcmp(values[v], "-0.0") ||
                             !strcmp(values[v], "1e-320")));
            fine = fine || (!strcmp(keys[k][0], "prepare") &&
                            (!strcmp(values[v], "0") || !strcmp(values[v], "-0.0") ||
                             !strcmp(values[v], "1e-320")));
            if (fine) {
                if (!ex)
                    fail_msg("%s was refused", setting);
                ebb_script_free(ex);
                continue;
            }
            char got[1024];
            if (ex || d.errors != 1)
                fail_msg("%s: %d errors, first: %s", setting, d.errors,
                         d.count ? ebb_diag_format(&d.items[0], got, sizeof got) : "");
            ebb_diag_format(&d.items[0], got, sizeof got);
            if (!strstr(got, keys[k][0]) || !strstr(got, "must be"))
                fail_msg("%s gave: %s", setting, got);
        }
    }
}

static void a_missing_cue_file_is_a_warning_with_its_line(void **state)
{
    (void)state;
    struct ebb_diags d;
    char buf[1024];
    ebb_diags_clear(&d);
    struct ebb_exercise *ex =
        ebb_script_load(EBB_TEST_DIR "/good/missing-cue.cfg", "tests/good/missing-cue.cfg", &d);
    assert_non_null(ex);
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.warnings, 1);
    assert_string_equal(ebb_diag_format(&d.items[0], buf, sizeof buf),
                        "tests/good/missing-cue.cfg:11: warning: cue file \"sounds/not-here.wav\" "
                        "was not found (" EBB_TEST_DIR "/good/sounds/not-here.wav): the built-in "
                        "cue plays instead");
    assert_int_equal(ex->phases[0].cue.kind, EBB_CUE_FILE);
    assert_string_equal(ex->phases[0].cue.name, "sounds/not-here.wav");
    assert_string_equal(ex->phases[0].cue.file, EBB_TEST_DIR "/good/sounds/not-here.wav");
    assert_int_equal(ex->phases[0].cue.line, 11);
    ebb_script_free(ex);
}

static void empty_and_folder_cue_files_are_warnings_and_a_real_one_is_not(void **state)
{
    (void)state;
    char path[512];
    write_file("empty.wav", "", 0);
    write_file("real.OGG", "OggS", 4);
    path_in_tmp(path, sizeof path, "folder.flac");
    assert_int_equal(mkdir(path, 0755), 0);
    char *text = breathing("cues", "",
                           "( { phase = \"inhale\"; seconds = 4; cue = \"empty.wav\"; },\n"
                           "  { phase = \"hold\"; seconds = 4; cue = \"folder.flac\"; },\n"
                           "  { phase = \"exhale\"; seconds = 4; cue = \"real.OGG\"; } )");
    write_file("cues.cfg", text, strlen(text));
    free(text);
    path_in_tmp(path, sizeof path, "cues.cfg");
    struct ebb_diags d;
    ebb_diags_clear(&d);
    struct ebb_exercise *ex = ebb_script_load(path, NULL, &d);
    assert_non_null(ex);
    assert_int_equal(d.warnings, 2);
    assert_int_equal(d.items[0].line, 4);
    assert_non_null(strstr(d.items[0].message, "\"empty.wav\" is empty"));
    assert_int_equal(d.items[1].line, 5);
    assert_non_null(strstr(d.items[1].message, "\"folder.flac\" is a folder"));
    assert_int_equal(ex->phases[2].cue.kind, EBB_CUE_FILE);
    ebb_script_free(ex);
}

/* Removes everything in the temporary folder (one level, plus the folders made). */
static int cleanup(void **state)
{
    (void)state;
    static const char *const names[] = {
        "huge.cfg",   "fifo.cfg",        "null.cfg",   "dangling.cfg",   "loop-a.cfg",
        "loop-b.cfg", "plain.cfg",       "real.cfg",   "linked.cfg",     "phases.cfg",
        "deep.cfg",   "deep-groups.cfg", "ten-mb.cfg", "long-title.cfg", "keys.cfg",
        "empty.wav",  "real.OGG",        "cues.cfg"};
    char path[512];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        path_in_tmp(path, sizeof path, names[i]);
        unlink(path);
    }
    path_in_tmp(path, sizeof path, "folder.cfg");
    rmdir(path);
    path_in_tmp(path, sizeof path, "folder.flac");
    rmdir(path);
    rmdir(tmp);
    return 0;
}

static int setup(void **state)
{
    (void)state;
    const char *base = getenv("TMPDIR");
    snprintf(tmp, sizeof tmp, "%s/ebb-hostile-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(tmp))
        return -1;
    /* The sanitizer build reserves terabytes of address space: no ceiling there. */
    const char *san = getenv("EBB_SANITIZE");
    if (!san || strcmp(san, "ON")) {
        struct rlimit rl = {256UL * 1024 * 1024, 256UL * 1024 * 1024};
        if (setrlimit(RLIMIT_AS, &rl) != 0)
            return -1;
    }
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_1_gib_sparse_file_is_refused_before_reading),
        cmocka_unit_test(a_fifo_a_device_and_a_folder_are_not_read),
        cmocka_unit_test(broken_paths_say_why_they_cannot_be_read),
        cmocka_unit_test(a_symlink_to_a_script_loads),
        cmocka_unit_test(a_hundred_thousand_phases_give_one_message),
        cmocka_unit_test(deep_nesting_gives_one_message),
        cmocka_unit_test(huge_strings_and_huge_groups_give_one_message),
        cmocka_unit_test(extreme_numbers_in_every_number_key_give_one_message_each),
        cmocka_unit_test(a_missing_cue_file_is_a_warning_with_its_line),
        cmocka_unit_test(empty_and_folder_cue_files_are_warnings_and_a_real_one_is_not),
    };
    return cmocka_run_group_tests(tests, setup, cleanup);
}
