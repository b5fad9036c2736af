/* Tests of engine/core/state.c: the state file round-trips, is written 0600 in a 0700
 * folder through a temporary file, and anything broken gives a warning and defaults. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "state.h"

struct fixture {
    char dir[256];
    char path[512];
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/ebb-test-state-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->path, sizeof f->path, "%s/ebb/state.cfg", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    if (system(cmd) != 0)
        return -1;
    free(f);
    return 0;
}

static void write_text(const char *path, const char *text)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s", path);
    *strrchr(dir, '/') = '\0';
    mkdir(dir, 0700);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

static void the_path_follows_xdg_state_home_else_home(void **state)
{
    (void)state;
    char buf[256];
    assert_int_equal(ebb_state_path("/x/state", "/home/a", buf, sizeof buf), 0);
    assert_string_equal(buf, "/x/state/ebb/state.cfg");
    assert_int_equal(ebb_state_path("", "/home/a", buf, sizeof buf), 0);
    assert_string_equal(buf, "/home/a/.local/state/ebb/state.cfg");
    assert_int_equal(ebb_state_path("relative", "/home/a", buf, sizeof buf), 0);
    assert_string_equal(buf, "/home/a/.local/state/ebb/state.cfg");
    assert_int_equal(ebb_state_path(NULL, NULL, buf, sizeof buf), -1);
    assert_int_equal(ebb_state_path("/x", NULL, buf, 8), -1);
}

static void a_missing_file_is_quietly_empty(void **state)
{
    struct fixture *f = *state;
    struct ebb_state st;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    assert_int_equal(ebb_state_load(&st, f->path, &d), 1);
    assert_int_equal(d.count, 0);
    assert_int_equal(st.volume_percent, -1);
    assert_int_equal(st.fullscreen, -1);
    assert_int_equal(st.window_width, 0);
}

static void a_saved_state_reads_back_the_same(void **state)
{
    struct fixture *f = *state;
    struct ebb_state st, back;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    ebb_state_init(&st);
    st.window_width = 1600;
    st.window_height = 900;
    st.fullscreen = 1;
    st.volume_percent = 35;
    st.mute = 1;
    struct ebb_state_choice *c = ebb_state_choice_for(&st, "box");
    assert_non_null(c);
    c->cycles = 12;
    c->pace = 1.3;
    c = ebb_state_choice_for(&st, "resonance");
    c->minutes = 7;
    assert_int_equal(ebb_state_save(&st, f->path, &d), 0);
    assert_int_equal(ebb_state_load(&back, f->path, &d), 0);
    assert_int_equal(d.count, 0);
    assert_int_equal(back.window_width, 1600);
    assert_int_equal(back.window_height, 900);
    assert_int_equal(back.fullscreen, 1);
    assert_int_equal(back.volume_percent, 35);
    assert_int_equal(back.mute, 1);
    assert_int_equal(back.choice_count, 2);
    const struct ebb_state_choice *b = ebb_state_find(&back, "box");
    assert_non_null(b);
    assert_int_equal(b->cycles, 12);
    assert_true(b->pace > 1.299 && b->pace < 1.301);
    assert_true(b->minutes == 0);
    b = ebb_state_find(&back, "resonance");
    assert_non_null(b);
    assert_true(b->minutes > 6.999 && b->minutes < 7.001);
    assert_int_equal(b->cycles, 0);
    assert_null(ebb_state_find(&back, "other"));
}

static void the_written_file_is_0600_in_a_0700_folder_with_no_temporary_left(void **state)
{
    struct fixture *f = *state;
    struct ebb_state st;
    struct ebb_diags d;
    struct stat sb;
    ebb_diags_clear(&d);
    ebb_state_init(&st);
    st.volume_percent = 50;
    umask(0022);
    assert_int_equal(ebb_state_save(&st, f->path, &d), 0);
    assert_int_equal(ebb_state_save(&st, f->path, &d), 0); /* over an existing one */
    assert_int_equal(stat(f->path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
    char dir[600];
    snprintf(dir, sizeof dir, "%s/ebb", f->dir);
    assert_int_equal(stat(dir, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0700);
    DIR *dp = opendir(dir);
    assert_non_null(dp);
    int files = 0;
    for (struct dirent *e; (e = readdir(dp));)
        if (e->d_name[0] != '.')
            files++;
    closedir(dp);
    assert_int_equal(files, 1);
}

static void a_wider_state_folder_is_narrowed_to_0700(void **state)
{
    struct fixture *f = *state;
    struct ebb_state st;
    struct ebb_diags d;
    struct stat sb;
    char dir[600];
    snprintf(dir, sizeof dir, "%s/ebb", f->dir);
    assert_int_equal(mkdir(dir, 0700), 0);
    assert_int_equal(chmod(dir, 0755), 0);
    ebb_diags_clear(&d);
    ebb_state_init(&st);
    assert_int_equal(ebb_state_save(&st, f->path, &d), 0);
    assert_int_equal(stat(dir, &sb), 0);
    assert_int_equal(sb.st_mode & 07777, 0700);
    /* the folder above it is not ebb's own: left as it was */
    assert_int_equal(chmod(f->dir, 0755), 0);
    assert_int_equal(ebb_state_save(&st, f->path, &d), 0);
    assert_int_equal(stat(f->dir, &sb), 0);
    assert_int_equal(sb.st_mode & 07777, 0755);
}

/* Writes a file in the state folder whose time stamps are `age_s` seconds old. */
static void leave_file(const struct fixture *f, const char *name, int age_s)
{
    char p[600];
    snprintf(p, sizeof p, "%s/ebb/%s", f->dir, name);
    write_text(p, "version = 1;\n");
    struct timespec ts[2];
    clock_gettime(CLOCK_REALTIME, &ts[0]);
    ts[0].tv_sec -= age_s;
    ts[1] = ts[0];
    assert_int_equal(utimensat(AT_FDCWD, p, ts, 0), 0);
}

static bool exists_in_state_folder(const struct fixture *f, const char *name)
{
    char p[600];
    struct stat sb;
    snprintf(p, sizeof p, "%s/ebb/%s", f->dir, name);
    return lstat(p, &sb) == 0;
}

static void temporary_files_a_killed_writer_left_are_removed_after_a_minute(void **state)
{
    struct fixture *f = *state;
    struct ebb_state st;
    struct ebb_diags d;
    leave_file(f, "state.cfg.Ab3xYz", 120);  /* a killed writer's, two minutes ago */
    leave_file(f, "state.cfg.Qw9Rt0", 600);  /* another, older */
    leave_file(f, "state.cfg.fresh1", 0);    /* another ebb writing right now */
    leave_file(f, "state.cfg.bak", 600);     /* not of the pattern: the person's */
    leave_file(f, "state.cfg.Ab3xYz7", 600); /* seven letters: not mkstemp's */
    leave_file(f, "other.cfg.Ab3xYz", 600);  /* another file's pattern */
    char p[600];
    snprintf(p, sizeof p, "%s/ebb/state.cfg.Lnk123", f->dir);
    assert_int_equal(symlink("/nowhere", p), 0); /* not a regular file: left alone */
    ebb_diags_clear(&d);
    ebb_state_init(&st);
    assert_int_equal(ebb_state_save(&st, f->path, &d), 0);
    assert_false(exists_in_state_folder(f, "state.cfg.Ab3xYz"));
    assert_false(exists_in_state_folder(f, "state.cfg.Qw9Rt0"));
    assert_true(exists_in_state_folder(f, "state.cfg.fresh1"));
    assert_true(exists_in_state_folder(f, "state.cfg.bak"));
    assert_true(exists_in_state_folder(f, "state.cfg.Ab3xYz7"));
    assert_true(exists_in_state_folder(f, "other.cfg.Ab3xYz"));
    assert_true(exists_in_state_folder(f, "state.cfg.Lnk123"));
    assert_true(exists_in_state_folder(f, "state.cfg"));
}

static void garbage_gives_one_warning_and_defaults(void **state)
{
    struct fixture *f = *state;
    struct ebb_state st;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    write_text(f->path, "version = 1;\nwindow = { width = 1600; \x01\x02 garbage ((;\n");
    assert_int_equal(ebb_state_load(&st, f->path, &d), -1);
    assert_int_equal(d.warnings, 1);
    assert_int_equal(d.errors, 0);
    assert_non_null(strstr(d.items[0].message, "using defaults"));
    assert_int_equal(st.window_width, 0);
    assert_int_equal(st.volume_percent, -1);
}

static void a_truncated_file_gives_a_warning_and_defaults(void **state)
{
    struct fixture *f = *state;
    struct ebb_state st;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    write_text(f->path, "version = 1;\naudio = { volume = 40; mute = tr");
    assert_int_equal(ebb_state_load(&st, f->path, &d), -1);
    assert_int_equal(d.warnings, 1);
    assert_int_equal(st.volume_percent, -1);
    assert_int_equal(st.mute, -1);
}

static void a_folder_in_place_of_the_file_gives_a_warning(void **state)
{
    struct fixture *f = *state;
    struct ebb_state st;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    char dir[600];
    snprintf(dir, sizeof dir, "%s/ebb", f->dir);
    mkdir(dir, 0700);
    assert_int_equal(mkdir(f->path, 0700), 0);
    assert_int_equal(ebb_state_load(&st, f->path, &d), -1);
    assert_int_equal(d.warnings, 1);
    assert_non_null(strstr(d.items[0].message, "not a regular file"));
    /* and saving over a folder fails cleanly */
    ebb_diags_clear(&d);
    assert_int_equal(ebb_state_save(&st, f->path, &d), -1);
    assert_int_equal(d.errors, 1);
}

static void values_out_of_range_are_dropped_one_by_one(void **state)
{
    struct fixture *f = *state;
    struct ebb_state st;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    write_text(f->path, "version = 1;\n"
                        "audio = { volume = 400; mute = false; };\n"
                        "exercises = ( { id = \"box\"; cycles = 4; pace = 9.0; },\n"
                        "  { id = \"Not An Id\"; cycles = 4; } );\n");
    assert_int_equal(ebb_state_load(&st, f->path, &d), 0);
    assert_int_equal(st.volume_percent, -1);
    assert_int_equal(st.mute, 0);
    assert_int_equal(st.choice_count, 1);
    assert_int_equal(st.choices[0].cycles, 4);
    assert_true(st.choices[0].pace == 0);
}

static void the_choice_table_rejects_bad_ids_and_reuses_entries(void **state)
{
    (void)state;
    static struct ebb_state st;
    ebb_state_init(&st);
    assert_null(ebb_state_choice_for(&st, "Bad Id"));
    assert_null(ebb_state_choice_for(&st, ""));
    struct ebb_state_choice *a = ebb_state_choice_for(&st, "box");
    assert_ptr_equal(ebb_state_choice_for(&st, "box"), a);
    assert_int_equal(st.choice_count, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_path_follows_xdg_state_home_else_home),
        cmocka_unit_test_setup_teardown(a_missing_file_is_quietly_empty, setup, teardown),
        cmocka_unit_test_setup_teardown(a_saved_state_reads_back_the_same, setup, teardown),
        cmocka_unit_test_setup_teardown(
            the_written_file_is_0600_in_a_0700_folder_with_no_temporary_left, setup, teardown),
        cmocka_unit_test_setup_teardown(a_wider_state_folder_is_narrowed_to_0700, setup, teardown),
        cmocka_unit_test_setup_teardown(
            temporary_files_a_killed_writer_left_are_removed_after_a_minute, setup, teardown),
        cmocka_unit_test_setup_teardown(garbage_gives_one_warning_and_defaults, setup, teardown),
        cmocka_unit_test_setup_teardown(a_truncated_file_gives_a_warning_and_defaults, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_folder_in_place_of_the_file_gives_a_warning, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(values_out_of_range_are_dropped_one_by_one, setup,
                                        teardown),
        cmocka_unit_test(the_choice_table_rejects_bad_ids_and_reuses_entries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
