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
    /* a relative HOME would put the state under the current folder */
    assert_int_equal(ebb_dirs_state_file(NULL, "home", "state.cfg", buf, sizeof buf), -1);
}

static void home_is_used_only_when_absolute_and_there(void **state)
{
    char *dir = *state, file[300];
    assert_ptr_equal(ebb_dirs_home(dir), dir);
    assert_null(ebb_dirs_home(NULL));
    assert_null(ebb_dirs_home(""));
    assert_null(ebb_dirs_home("relative/home"));
    snprintf(file, sizeof file, "%s/missing", dir);
    assert_null(ebb_dirs_home(file));
    snprintf(file, sizeof file, "%s/a-file", dir);
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fclose(f);
    assert_null(ebb_dirs_home(file));
}

/* The messages of one environment, joined by newlines. */
static const char *check(const char *home, const char *config, const char *state_home,
                         const char *data, int *count)
{
    static char all[4096];
    struct ebb_dirs_env env = {home, config, state_home, data};
    struct ebb_diags d;
    ebb_diags_clear(&d);
    ebb_dirs_check_env(&env, &d);
    all[0] = '\0';
    for (int i = 0; i < d.count; i++) {
        assert_int_equal(d.items[i].severity, EBB_SEVERITY_WARNING);
        assert_string_equal(d.items[i].file, "ebb");
        strncat(all, d.items[i].message, sizeof all - strlen(all) - 2);
        strcat(all, "\n");
    }
    *count = d.count;
    return all;
}

static void the_environment_gets_one_line_for_each_value_ignored(void **state)
{
    char *dir = *state, missing[300];
    int n;
    snprintf(missing, sizeof missing, "%s/missing", dir);
    check(dir, NULL, NULL, NULL, &n);
    assert_int_equal(n, 0);
    check(NULL, "/c", "/s", NULL, &n); /* HOME is not needed then */
    assert_int_equal(n, 0);
    assert_non_null(strstr(check(NULL, NULL, NULL, NULL, &n), "HOME is not set"));
    assert_int_equal(n, 1);
    assert_non_null(strstr(check("", "/c", NULL, NULL, &n), "nothing is remembered"));
    assert_null(strstr(check("", "/c", NULL, NULL, &n), "ebb.cfg"));
    assert_non_null(strstr(check("rel", NULL, NULL, NULL, &n), "HOME=\"rel\" is not an absolute"));
    assert_int_equal(n, 1);
    assert_non_null(strstr(check(missing, NULL, NULL, NULL, &n), "does not create it"));
    assert_int_equal(n, 1);
    const char *all = check(dir, "cfg", "st", "/usr/share:data::/x", &n);
    assert_int_equal(n, 3);
    assert_non_null(strstr(all, "XDG_CONFIG_HOME=\"cfg\" is not an absolute path"));
    assert_non_null(strstr(all, "XDG_STATE_HOME=\"st\" is not an absolute path"));
    assert_non_null(strstr(all, "XDG_DATA_DIRS holds \"data\""));
    /* relative XDG values and no HOME: both said */
    check(NULL, "cfg", "/s", NULL, &n);
    assert_int_equal(n, 2);
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
        cmocka_unit_test_setup_teardown(home_is_used_only_when_absolute_and_there, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(the_environment_gets_one_line_for_each_value_ignored,
                                        setup, teardown),
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
