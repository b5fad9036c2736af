/* Tests of engine/core/dirs.c: the state folder's file names, and mkdir -p as the state
 * file, the journal, --new and export use it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dirs.h"

static int setup(void **state)
{
    char *dir = calloc(1, 256);
    snprintf(dir, 256, "/tmp/ebb-test-dirs-XXXXXX");
    assert_non_null(mkdtemp(dir));
    *state = dir;
    return 0;
}

static int teardown(void **state)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", (char *)*state);
    free(*state);
    return system(cmd) == 0 ? 0 : -1;
}

static int mode_of(const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return -1;
    return (int)(sb.st_mode & 0777);
}

static void a_state_file_is_under_xdg_state_home_else_under_home(void **state)
{
    (void)state;
    char buf[128];
    assert_int_equal(ebb_dirs_state_file("/x/state", "/home/a", "journal.tsv", buf, sizeof buf), 0);
    assert_string_equal(buf, "/x/state/ebb/journal.tsv");
    assert_int_equal(ebb_dirs_state_file("relative", "/home/a", "state.cfg", buf, sizeof buf), 0);
    assert_string_equal(buf, "/home/a/.local/state/ebb/state.cfg");
    assert_int_equal(ebb_dirs_state_file(NULL, "/home/a", "state.cfg", buf, sizeof buf), 0);
    assert_string_equal(buf, "/home/a/.local/state/ebb/state.cfg");
}

static void a_state_file_with_no_home_or_no_room_is_refused(void **state)
{
    (void)state;
    char buf[16];
    assert_int_equal(ebb_dirs_state_file("", "", "state.cfg", buf, sizeof buf), -1);
    assert_int_equal(ebb_dirs_state_file(NULL, NULL, "state.cfg", buf, sizeof buf), -1);
    assert_int_equal(ebb_dirs_state_file("/a/long/folder", NULL, "state.cfg", buf, sizeof buf), -1);
}

static void make_creates_every_missing_folder_with_the_mode(void **state)
{
    char path[512];
    snprintf(path, sizeof path, "%s/a/b/c", (char *)*state);
    mode_t old = umask(0);
    int rc = ebb_dirs_make(path, 0700);
    umask(old);
    assert_int_equal(rc, 0);
    assert_int_equal(mode_of(path), 0700);
    snprintf(path, sizeof path, "%s/a", (char *)*state);
    assert_int_equal(mode_of(path), 0700);
}

static void make_leaves_existing_folders_as_they_are(void **state)
{
    char path[512];
    snprintf(path, sizeof path, "%s/open", (char *)*state);
    assert_int_equal(mkdir(path, 0755), 0);
    assert_int_equal(chmod(path, 0755), 0);
    snprintf(path, sizeof path, "%s/open/inner", (char *)*state);
    assert_int_equal(ebb_dirs_make(path, 0700), 0);
    assert_int_equal(ebb_dirs_make(path, 0700), 0); /* again: already there is fine */
    snprintf(path, sizeof path, "%s/open", (char *)*state);
    assert_int_equal(mode_of(path), 0755);
}

static void make_fails_where_a_file_stands_in_the_way(void **state)
{
    char path[512];
    snprintf(path, sizeof path, "%s/file", (char *)*state);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fclose(fp);
    snprintf(path, sizeof path, "%s/file/below", (char *)*state);
    errno = 0;
    assert_int_equal(ebb_dirs_make(path, 0700), -1);
    assert_int_equal(errno, ENOTDIR);
}

static void make_refuses_a_path_too_long_to_hold(void **state)
{
    (void)state;
    char path[5000];
    memset(path, 'a', sizeof path - 1);
    path[0] = '/';
    path[sizeof path - 1] = '\0';
    assert_int_equal(ebb_dirs_make(path, 0700), -1);
    assert_int_equal(errno, ENAMETOOLONG);
}

static void make_parent_creates_the_folder_holding_a_file_but_not_the_file(void **state)
{
    char path[512];
    snprintf(path, sizeof path, "%s/ebb/state/journal.tsv", (char *)*state);
    assert_int_equal(ebb_dirs_make_parent(path, 0700), 0);
    struct stat sb;
    assert_int_not_equal(stat(path, &sb), 0);
    snprintf(path, sizeof path, "%s/ebb/state", (char *)*state);
    assert_true(mode_of(path) >= 0);
    assert_int_equal(ebb_dirs_make_parent("no-slash.cfg", 0700), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_state_file_is_under_xdg_state_home_else_under_home),
        cmocka_unit_test(a_state_file_with_no_home_or_no_room_is_refused),
        cmocka_unit_test_setup_teardown(make_creates_every_missing_folder_with_the_mode, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(make_leaves_existing_folders_as_they_are, setup, teardown),
        cmocka_unit_test_setup_teardown(make_fails_where_a_file_stands_in_the_way, setup, teardown),
        cmocka_unit_test(make_refuses_a_path_too_long_to_hold),
        cmocka_unit_test_setup_teardown(
            make_parent_creates_the_folder_holding_a_file_but_not_the_file, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
