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
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
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

static void include_in_the_state_file_is_refused_before_parsing(void **state)
{
    struct fixture *f = *state;
    static struct ebb_state st;
    struct ebb_diags d;
    char fifo[600];
    snprintf(fifo, sizeof fifo, "%s/fifo", f->dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    char text[1400];
    /* a FIFO with no writer would block libconfig's open for ever */
    snprintf(text, sizeof text,
             "version = 1;\n# @include in a comment is only text\n@include \"%s\"\n"
             "audio = { volume = 30; mute = false; };\n",
             fifo);
    write_text(f->path, text);
    ebb_diags_clear(&d);
    assert_int_equal(ebb_state_load(&st, f->path, &d), -1);
    assert_int_equal(d.warnings, 1);
    assert_int_equal(d.items[0].line, 3);
    assert_non_null(strstr(d.items[0].message, "@include is not supported"));
    assert_int_equal(st.volume_percent, -1);
    write_text(f->path, "version = 1;\n@include \"/etc/passwd\"\n");
    ebb_diags_clear(&d);
    assert_int_equal(ebb_state_load(&st, f->path, &d), -1);
    assert_non_null(strstr(d.items[0].message, "@include is not supported"));
    /* the same words in a comment or a string are not an include */
    write_text(f->path, "version = 1;\n# @include \"x\"\naudio = { volume = 30; };\n"
                        "exercises = ( { id = \"box\"; note = \"@include\"; pace = 1.2; } );\n");
    ebb_diags_clear(&d);
    assert_int_equal(ebb_state_load(&st, f->path, &d), 0);
    assert_int_equal(d.count, 0);
    assert_int_equal(st.volume_percent, 30);
}

static void a_state_file_that_is_a_symlink_or_a_fifo_is_not_read(void **state)
{
    struct fixture *f = *state;
    static struct ebb_state st;
    struct ebb_diags d;
    char elsewhere[600];
    snprintf(elsewhere, sizeof elsewhere, "%s/elsewhere.cfg", f->dir);
    write_text(elsewhere, "version = 1;\naudio = { volume = 30; mute = false; };\n");
    write_text(f->path, "");
    unlink(f->path);
    assert_int_equal(symlink(elsewhere, f->path), 0);
    ebb_diags_clear(&d);
    assert_int_equal(ebb_state_load(&st, f->path, &d), -1);
    assert_int_equal(d.warnings, 1);
    assert_non_null(strstr(d.items[0].message, "symbolic link"));
    assert_int_equal(st.volume_percent, -1);
    /* saving replaces the link with a file of ebb's own; the target is untouched */
    st.volume_percent = 55;
    ebb_diags_clear(&d);
    assert_int_equal(ebb_state_save(&st, f->path, &d), 0);
    struct stat sb;
    assert_int_equal(lstat(f->path, &sb), 0);
    assert_true(S_ISREG(sb.st_mode));
    assert_int_equal(ebb_state_load(&st, elsewhere, &d), 0);
    assert_int_equal(st.volume_percent, 30);
    /* a FIFO in its place: a warning at once, nothing waits for a writer */
    unlink(f->path);
    assert_int_equal(mkfifo(f->path, 0600), 0);
    ebb_diags_clear(&d);
    assert_int_equal(ebb_state_load(&st, f->path, &d), -1);
    assert_non_null(strstr(d.items[0].message, "not a regular file"));
}

static void a_symlinked_state_folder_target_is_not_chmodded(void **state)
{
    struct fixture *f = *state;
    static struct ebb_state st;
    struct ebb_diags d;
    struct stat sb;
    char target[600], link_path[600];
    snprintf(target, sizeof target, "%s/shared", f->dir);
    snprintf(link_path, sizeof link_path, "%s/ebb", f->dir);
    assert_int_equal(mkdir(target, 0755), 0);
    assert_int_equal(chmod(target, 0755), 0);
    assert_int_equal(symlink(target, link_path), 0);
    ebb_state_init(&st);
    st.volume_percent = 40;
    ebb_diags_clear(&d);
    assert_int_equal(ebb_state_save(&st, f->path, &d), 0);
    assert_int_equal(stat(target, &sb), 0);
    assert_int_equal(sb.st_mode & 07777, 0755);
    /* the file itself is written (through the folder the person chose), 0600 */
    assert_int_equal(stat(f->path, &sb), 0);
    assert_int_equal(sb.st_mode & 07777, 0600);
}

static struct ebb_state load_or_fail(const char *path)
{
    static struct ebb_state st;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    assert_int_equal(ebb_state_load(&st, path, &d), 0);
    assert_int_equal(d.count, 0);
    return st;
}

static void two_ebbs_at_once_keep_each_others_changes(void **state)
{
    struct fixture *f = *state;
    static struct ebb_state first, first_base, second, second_base, now;
    struct ebb_diags d;
    write_text(f->path, "version = 1;\naudio = { volume = 80; mute = false; };\n"
                        "exercises = ( { id = \"box\"; cycles = 8; minutes = 0.0; pace = 1.0; },"
                        " { id = \"sigh\"; cycles = 3; minutes = 0.0; pace = 1.0; } );\n");
    /* both start from the same file */
    first = first_base = load_or_fail(f->path);
    second = second_base = load_or_fail(f->path);
    /* the first makes box slower and the window full screen, and leaves */
    ebb_state_choice_for(&first, "box")->pace = 1.3;
    first.fullscreen = 1;
    ebb_diags_clear(&d);
    assert_int_equal(ebb_state_save_changes(&first_base, &first, f->path, &d), 0);
    /* the second, still open, changes the volume, sigh's length and a new exercise */
    second.volume_percent = 35;
    ebb_state_choice_for(&second, "sigh")->cycles = 5;
    ebb_state_choice_for(&second, "coherent")->minutes = 10;
    second.window_width = 900;
    second.window_height = 600;
    assert_int_equal(ebb_state_save_changes(&second_base, &second, f->path, &d), 0);
    assert_int_equal(d.count, 0);
    now = load_or_fail(f->path);
    assert_int_equal(now.fullscreen, 1);               /* the first's */
    assert_true(ebb_state_find(&now, "box")->pace == 1.3); /* the first's */
    assert_int_equal(ebb_state_find(&now, "box")->cycles, 8);
    assert_int_equal(now.volume_percent, 35); /* the second's */
    assert_int_equal(now.mute, 0);
    assert_int_equal(ebb_state_find(&now, "sigh")->cycles, 5);
    assert_true(ebb_state_find(&now, "sigh")->pace == 1.0);
    assert_true(ebb_state_find(&now, "coherent")->minutes == 10);
    assert_int_equal(now.window_width, 900);
    assert_int_equal(now.window_height, 600);
    /* a key both changed: the later save wins */
    first_base = first;
    first.volume_percent = 60;
    assert_int_equal(ebb_state_save_changes(&first_base, &first, f->path, &d), 0);
    now = load_or_fail(f->path);
    assert_int_equal(now.volume_percent, 60);
    assert_int_equal(ebb_state_find(&now, "sigh")->cycles, 5);
}

/* Holds the state folder's lock while a child saves its change and this process writes
 * the file as another ebb would: the child must wait, read what was written, and keep
 * it. */
static void a_save_waits_for_another_ebbs_save_in_progress(void **state)
{
    struct fixture *f = *state;
    static struct ebb_state base, mine, other;
    struct ebb_diags d;
    char dir[600];
    snprintf(dir, sizeof dir, "%s/ebb", f->dir);
    write_text(f->path, "version = 1;\n");
    int lock = open(dir, O_RDONLY | O_DIRECTORY);
    assert_true(lock >= 0);
    assert_int_equal(flock(lock, LOCK_EX), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        ebb_state_init(&base);
        mine = base;
        ebb_state_choice_for(&mine, "box")->pace = 1.5;
        ebb_diags_clear(&d);
        _exit(ebb_state_save_changes(&base, &mine, f->path, &d) == 0 ? 0 : 1);
    }
    struct timespec ts = {0, 300 * 1000 * 1000}; /* the child reaches its lock */
    nanosleep(&ts, NULL);
    ebb_state_init(&other);
    other.volume_percent = 25;
    ebb_diags_clear(&d);
    assert_int_equal(ebb_state_save(&other, f->path, &d), 0);
    close(lock);
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    other = load_or_fail(f->path);
    assert_int_equal(other.volume_percent, 25);
    assert_true(ebb_state_find(&other, "box")->pace == 1.5);
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
        cmocka_unit_test_setup_teardown(include_in_the_state_file_is_refused_before_parsing, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_state_file_that_is_a_symlink_or_a_fifo_is_not_read,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(a_symlinked_state_folder_target_is_not_chmodded, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(two_ebbs_at_once_keep_each_others_changes, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_save_waits_for_another_ebbs_save_in_progress, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
