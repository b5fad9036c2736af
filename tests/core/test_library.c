/* Tests of engine/core/library.c: the search path, which file of an id wins, broken
 * files, sequences resolved against the library, and lengths. Every test builds its
 * own folders in a fresh temporary folder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "library.h"

struct fixture {
    char root[256];
    char config[300]; /* XDG_CONFIG_HOME */
    char user[320];   /* config/ebb/exercises */
    char data1[320];  /* one XDG_DATA_DIRS folder (its ebb/exercises) */
    char data2[320];
    char data_dirs[700];
    char prefix[320]; /* prefix_datadir */
    char src[320];    /* the source tree's exercises/ */
    struct ebb_search_env env;
    struct ebb_library lib;
    struct ebb_diags diags;
};

static void mkdirs(const char *path)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(buf, 0700);
            *p = '/';
        }
    }
    assert_true(mkdir(buf, 0700) == 0 || errno == EEXIST);
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* A valid breathing script: two phases of `seconds`, `cycles` cycles, prepare 3. */
static void breathing(const char *dir, const char *id, const char *title, double seconds,
                      int cycles)
{
    char text[1024], name[128];
    snprintf(text, sizeof text,
             "version = 1;\n"
             "exercise = {\n"
             "  id = \"%s\";\n"
             "  title = \"%s\";\n"
             "  kind = \"breathing\";\n"
             "  prepare = 3.0;\n"
             "  cycles = %d;\n"
             "  pattern = ( { phase = \"inhale\"; seconds = %.1f; },\n"
             "              { phase = \"exhale\"; seconds = %.1f; } );\n"
             "};\n",
             id, title, cycles, seconds, seconds);
    snprintf(name, sizeof name, "%s.cfg", id);
    write_file(dir, name, text);
}

/* A sequence of the given items (a libconfig array of strings), one item a line from
 * line 5 on; `items` ends without a newline so the closing bracket shares the last
 * item's line (libconfig dates an array element by the token after it). */
static void sequence(const char *dir, const char *id, const char *items, double pause)
{
    char text[1024], name[128];
    snprintf(text, sizeof text,
             "version = 1;\n"
             "exercise = {\n"
             "  id = \"%s\"; title = \"Sequence %s\"; kind = \"sequence\";\n"
             "  items = [\n"
             "%s ];\n"
             "  pause = %.1f;\n"
             "};\n",
             id, id, items, pause);
    snprintf(name, sizeof name, "%s.cfg", id);
    write_file(dir, name, text);
}

/* A file that does not parse: the error is on line 3. */
static void broken(const char *dir, const char *id)
{
    char name[128];
    snprintf(name, sizeof name, "%s.cfg", id);
    write_file(dir, name, "version = 1;\nexercise = {\n  id = ;\n};\n");
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    snprintf(f->root, sizeof f->root, "/tmp/ebb-test-library-XXXXXX");
    assert_non_null(mkdtemp(f->root));
    snprintf(f->config, sizeof f->config, "%s/config", f->root);
    snprintf(f->user, sizeof f->user, "%s/ebb/exercises", f->config);
    snprintf(f->data1, sizeof f->data1, "%s/data1/ebb/exercises", f->root);
    snprintf(f->data2, sizeof f->data2, "%s/data2/ebb/exercises", f->root);
    snprintf(f->data_dirs, sizeof f->data_dirs, "%s/data1:%s/data2", f->root, f->root);
    snprintf(f->prefix, sizeof f->prefix, "%s/prefix/share/ebb", f->root);
    snprintf(f->src, sizeof f->src, "%s/src/exercises", f->root);
    mkdirs(f->user);
    mkdirs(f->data1);
    mkdirs(f->data2);
    char pex[400];
    snprintf(pex, sizeof pex, "%s/exercises", f->prefix);
    mkdirs(pex);
    mkdirs(f->src);
    f->env.xdg_config_home = f->config;
    f->env.xdg_data_dirs = f->data_dirs;
    f->env.home = f->root;
    f->env.prefix_datadir = f->prefix;
    f->env.source_dir = f->src;
    ebb_diags_clear(&f->diags);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    ebb_library_free(&f->lib);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->root);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

static void load(struct fixture *f)
{
    ebb_library_free(&f->lib);
    ebb_diags_clear(&f->diags);
    assert_int_equal(ebb_library_load(&f->lib, &f->env, &f->diags), 0);
}

static const struct ebb_library_entry *must_find(struct fixture *f, const char *id)
{
    const struct ebb_library_entry *e = ebb_library_find(&f->lib, id);
    assert_non_null(e);
    return e;
}

static bool has_message(const struct ebb_diags *d, enum ebb_severity sev, const char *part)
{
    for (int i = 0; i < d->count; i++)
        if (d->items[i].severity == sev && strstr(d->items[i].message, part))
            return true;
    return false;
}

static void folders_are_searched_user_first_then_data_dirs_prefix_and_source(void **state)
{
    struct fixture *f = *state;
    ebb_library_dirs(&f->lib, &f->env);
    assert_int_equal(f->lib.dir_count, 5);
    char pex[400];
    snprintf(pex, sizeof pex, "%s/exercises", f->prefix);
    const char *want[5] = {f->user, f->data1, f->data2, pex, f->src};
    for (int i = 0; i < 5; i++) {
        assert_string_equal(f->lib.dirs[i].path, want[i]);
        assert_int_equal(f->lib.dirs[i].source, i == 0 ? EBB_SOURCE_USER : EBB_SOURCE_BUILTIN);
        assert_true(f->lib.dirs[i].exists);
    }
}

static void without_xdg_config_home_the_user_folder_is_under_home(void **state)
{
    struct fixture *f = *state;
    f->env.xdg_config_home = "relative/is/ignored";
    f->env.xdg_data_dirs = NULL;
    f->env.prefix_datadir = NULL;
    f->env.source_dir = NULL;
    ebb_library_dirs(&f->lib, &f->env);
    char want[400];
    snprintf(want, sizeof want, "%s/.config/ebb/exercises", f->root);
    assert_true(f->lib.dir_count >= 3);
    assert_string_equal(f->lib.dirs[0].path, want);
    assert_false(f->lib.dirs[0].exists);
    /* the XDG default data folders follow */
    assert_string_equal(f->lib.dirs[1].path, "/usr/local/share/ebb/exercises");
    assert_string_equal(f->lib.dirs[2].path, "/usr/share/ebb/exercises");
}

static void a_folder_reached_twice_is_read_once(void **state)
{
    struct fixture *f = *state;
    char link_dir[400], link_target[400], dirs[1200];
    /* data2 becomes a symbolic link to data1: same real folder, another path */
    snprintf(link_dir, sizeof link_dir, "%s/data3", f->root);
    snprintf(link_target, sizeof link_target, "%s/data1", f->root);
    assert_int_equal(symlink(link_target, link_dir), 0);
    snprintf(dirs, sizeof dirs, "%s/data1:%s:%s/data1", f->root, link_dir, f->root);
    f->env.xdg_data_dirs = dirs;
    f->env.source_dir = f->data1; /* the same folder once more */
    breathing(f->data1, "calm", "Calm", 4.0, 2);
    load(f);
    assert_int_equal(f->lib.dir_count, 3); /* user, data1, prefix */
    assert_int_equal(f->lib.count, 1);
    assert_int_equal(f->diags.count, 0);
}

static void the_first_valid_file_of_an_id_wins(void **state)
{
    struct fixture *f = *state;
    breathing(f->data1, "calm", "First", 4.0, 2);
    breathing(f->data2, "calm", "Second", 5.0, 2);
    breathing(f->src, "calm", "Third", 6.0, 2);
    load(f);
    assert_int_equal(f->lib.count, 1);
    const struct ebb_library_entry *e = must_find(f, "calm");
    assert_non_null(e->ex);
    assert_string_equal(e->ex->title, "First");
    assert_non_null(strstr(e->path, "/data1/"));
}

static void a_user_file_overrides_a_built_in_of_the_same_id(void **state)
{
    struct fixture *f = *state;
    breathing(f->src, "box", "Built-in box", 4.0, 8);
    breathing(f->user, "box", "My box", 5.0, 3);
    load(f);
    const struct ebb_library_entry *e = must_find(f, "box");
    assert_int_equal(e->source, EBB_SOURCE_USER);
    assert_string_equal(e->ex->title, "My box");
}

static void a_broken_user_file_falls_back_to_the_built_in_with_a_warning(void **state)
{
    struct fixture *f = *state;
    broken(f->user, "box");
    breathing(f->src, "box", "Built-in box", 4.0, 8);
    load(f);
    const struct ebb_library_entry *e = must_find(f, "box");
    assert_non_null(e->ex);
    assert_int_equal(e->source, EBB_SOURCE_BUILTIN);
    assert_string_equal(e->ex->title, "Built-in box");
    assert_int_equal(f->diags.errors, 0);
    assert_int_equal(f->diags.warnings, 1);
    const struct ebb_diag *w = &f->diags.items[0];
    char user_file[400];
    snprintf(user_file, sizeof user_file, "%s/box.cfg", f->user);
    assert_string_equal(w->file, user_file);
    assert_int_equal(w->line, 3);
    assert_non_null(strstr(w->message, "using the built-in"));
}

static void a_broken_file_with_no_valid_one_is_listed_broken_and_last(void **state)
{
    struct fixture *f = *state;
    broken(f->user, "aaa");
    breathing(f->src, "zzz", "Zzz", 4.0, 2);
    load(f);
    assert_int_equal(f->lib.count, 2);
    const struct ebb_library_entry *e = &f->lib.entries[1];
    assert_string_equal(e->id, "aaa");
    assert_null(e->ex);
    assert_true(e->diags.errors > 0);
    assert_int_equal(e->diags.items[0].line, 3);
    assert_string_equal(f->lib.entries[0].id, "zzz");
}

static void a_folder_named_like_a_script_is_a_broken_entry(void **state)
{
    struct fixture *f = *state;
    char dir[400];
    snprintf(dir, sizeof dir, "%s/odd.cfg", f->user);
    mkdirs(dir);
    write_file(f->user, ".hidden.cfg", "not even libconfig");
    write_file(f->user, "notes.txt", "not a script");
    load(f);
    assert_int_equal(f->lib.count, 1);
    assert_string_equal(f->lib.entries[0].id, "odd");
    assert_null(f->lib.entries[0].ex);
    assert_true(f->lib.entries[0].diags.errors > 0);
}

static void entries_are_sorted_by_kind_then_title(void **state)
{
    struct fixture *f = *state;
    breathing(f->src, "b-two", "beta", 4.0, 2);
    breathing(f->src, "b-one", "Alpha", 4.0, 2);
    write_file(f->src, "ground.cfg",
               "version = 1;\nexercise = { id = \"ground\"; title = \"Aaa ground\";\n"
               "kind = \"grounding\"; steps = ( { prompt = \"Look around\"; } ); };\n");
    sequence(f->src, "seq", "    \"b-one\"", 5.0);
    broken(f->src, "aardvark");
    load(f);
    assert_int_equal(f->lib.count, 5);
    const char *order[5] = {"b-one", "b-two", "ground", "seq", "aardvark"};
    for (int i = 0; i < 5; i++)
        assert_string_equal(f->lib.entries[i].id, order[i]);
}

static void a_sequence_with_an_unknown_item_is_broken_with_its_line(void **state)
{
    struct fixture *f = *state;
    breathing(f->src, "calm", "Calm", 4.0, 2);
    sequence(f->src, "seq", "    \"calm\",\n    \"nowhere\"", 5.0);
    load(f);
    const struct ebb_library_entry *e = must_find(f, "seq");
    assert_null(e->ex);
    assert_int_equal(e->diags.errors, 1);
    assert_int_equal(e->diags.items[0].line, 6);
    assert_non_null(strstr(e->diags.items[0].message, "\"nowhere\""));
    assert_non_null(must_find(f, "calm")->ex);
}

static void a_sequence_containing_itself_is_broken(void **state)
{
    struct fixture *f = *state;
    breathing(f->src, "calm", "Calm", 4.0, 2);
    sequence(f->src, "loop", "    \"calm\",\n    \"loop\"", 5.0);
    load(f);
    const struct ebb_library_entry *e = must_find(f, "loop");
    assert_null(e->ex);
    assert_int_equal(e->diags.items[0].line, 6);
    assert_true(has_message(&e->diags, EBB_SEVERITY_ERROR, "contains itself"));
}

static void sequences_containing_each_other_are_both_broken(void **state)
{
    struct fixture *f = *state;
    breathing(f->src, "calm", "Calm", 4.0, 2);
    sequence(f->src, "one", "    \"calm\",\n    \"two\"", 5.0);
    sequence(f->src, "two", "    \"one\"", 5.0);
    sequence(f->src, "fine", "    \"calm\"", 5.0);
    load(f);
    assert_null(must_find(f, "one")->ex);
    assert_null(must_find(f, "two")->ex);
    assert_non_null(must_find(f, "fine")->ex);
    assert_true(has_message(&must_find(f, "one")->diags, EBB_SEVERITY_ERROR,
                            "contains itself through \"two\""));
}

static void resolving_a_sequence_gives_its_exercises_in_order(void **state)
{
    struct fixture *f = *state;
    breathing(f->src, "calm", "Calm", 4.0, 2);
    breathing(f->src, "slow", "Slow", 6.0, 2);
    sequence(f->src, "seq", "    \"slow\",\n    \"calm\"", 5.0);
    load(f);
    const struct ebb_exercise *items[EBB_ITEMS_MAX];
    struct ebb_diags d;
    ebb_diags_clear(&d);
    const struct ebb_library_entry *e = must_find(f, "seq");
    assert_non_null(e->ex);
    assert_int_equal(ebb_library_resolve(&f->lib, e->ex, items, &d), 0);
    assert_int_equal(d.count, 0);
    assert_ptr_equal(items[0], must_find(f, "slow")->ex);
    assert_ptr_equal(items[1], must_find(f, "calm")->ex);
}

static void lengths_include_prepare_and_add_up_sequences(void **state)
{
    struct fixture *f = *state;
    breathing(f->src, "calm", "Calm", 4.0, 2); /* 3 + 2 x 8 = 19 s */
    breathing(f->src, "slow", "Slow", 5.0, 3); /* 3 + 3 x 10 = 33 s */
    sequence(f->src, "seq", "    \"calm\",\n    \"slow\"", 5.0);
    sequence(f->src, "waits", "    \"calm\"", 0.0);
    load(f);
    assert_true(fabs(ebb_exercise_length_s(&f->lib, must_find(f, "calm")->ex) - 19.0) < 1e-6);
    assert_true(fabs(ebb_exercise_length_s(&f->lib, must_find(f, "seq")->ex) - 57.0) < 1e-6);
    assert_true(ebb_exercise_length_s(&f->lib, must_find(f, "waits")->ex) < 0.0);
}

static void timed_grounding_adds_steps_and_taps_while_manual_is_self_paced(void **state)
{
    struct fixture *f = *state;
    write_file(f->src, "timed.cfg",
               "version = 1;\nexercise = { id = \"timed\"; title = \"Timed\";\n"
               "kind = \"grounding\"; advance = \"timed\";\n"
               "steps = ( { prompt = \"Feet\"; seconds = 10.0; },\n"
               "          { prompt = \"Tap\"; taps = { rate = 2.0; per_set = 8; sets = 3;\n"
               "            rest = 2.0; alternate = true; }; } ); };\n");
    write_file(f->src, "manual.cfg",
               "version = 1;\nexercise = { id = \"manual\"; title = \"Manual\";\n"
               "kind = \"grounding\"; steps = ( { prompt = \"Look\"; count = 5; } ); };\n");
    /* advance is manual, but every step has its seconds or taps: it runs by itself */
    write_file(f->src, "all-timed.cfg",
               "version = 1;\nexercise = { id = \"all-timed\"; title = \"All timed\";\n"
               "kind = \"grounding\";\n"
               "steps = ( { prompt = \"Feet\"; seconds = 10.0; },\n"
               "          { prompt = \"Tap\"; taps = { rate = 1.0; per_set = 4; sets = 2;\n"
               "            rest = 3.0; }; } ); };\n");
    load(f);
    /* As the session runs it: 10 s and its 1.2 s pause; then the 1 s lead, 3 sets of 8
     * taps at 2 a second with 2 s between sets (12 + 4) and the 1.2 s pause. */
    const struct ebb_library_entry *t = must_find(f, "timed");
    assert_non_null(t->ex);
    assert_true(fabs(ebb_exercise_length_s(&f->lib, t->ex) - 29.4) < 1e-6);
    const struct ebb_library_entry *a = must_find(f, "all-timed");
    assert_non_null(a->ex);
    /* 10 + 1.2, then 1 + (8 taps at 1 a second + 3 s rest) + 1.2 */
    assert_true(fabs(ebb_exercise_length_s(&f->lib, a->ex) - 24.4) < 1e-6);
    const struct ebb_library_entry *m = must_find(f, "manual");
    assert_non_null(m->ex);
    assert_true(ebb_exercise_length_s(&f->lib, m->ex) < 0.0);
}

/* True when a summary states a length: an m:ss, "N cycles", "N rounds", "N minutes"
 * or "one minute" (the picker shows the length from the timeline beside it, and the two
 * would disagree as soon as the person changes the length or the pace). */
static bool states_length(const char *summary)
{
    static const char *const units[] = {" cycle", " round", " minute"};
    static const char *const numbers[] = {"one", "two",   "three", "four", "five", "six",
                                          "seven", "eight", "nine", "ten", "twelve", "fifteen",
                                          "twenty", "few"};
    for (const char *p = summary; p && *p; p++) {
        int m, sec, n = 0;
        if (*p >= '0' && *p <= '9' && sscanf(p, "%d:%2d%n", &m, &sec, &n) == 2 && n >= 4)
            return true;
    }
    for (size_t i = 0; summary && i < sizeof units / sizeof units[0]; i++) {
        for (const char *u = strstr(summary, units[i]); u; u = strstr(u + 1, units[i])) {
            const char *w = u; /* the word before the unit */
            while (w > summary && w[-1] != ' ' && w[-1] != '(')
                w--;
            size_t n = (size_t)(u - w);
            if (n > 0 && w[0] >= '0' && w[0] <= '9')
                return true;
            for (size_t k = 0; k < sizeof numbers / sizeof numbers[0]; k++)
                if (strlen(numbers[k]) == n && strncasecmp(w, numbers[k], n) == 0)
                    return true;
        }
    }
    return false;
}

static void every_built_in_loads_and_its_summary_leaves_the_length_to_the_timeline(void **state)
{
    struct fixture *f = *state;
    f->env.xdg_config_home = f->config;
    f->env.xdg_data_dirs = f->data_dirs;
    f->env.prefix_datadir = NULL;
    f->env.source_dir = EBB_TEST_DIR "/../exercises";
    load(f);
    static const char *const breathing_ids[] = {
        "box",         "four-seven-eight", "coherent",          "resonance-ramp", "cyclic-sigh",
        "long-exhale", "long-exhale-8",    "alternate-nostril", "gentle-start",
    };
    for (size_t i = 0; i < sizeof breathing_ids / sizeof breathing_ids[0]; i++) {
        const struct ebb_library_entry *e = must_find(f, breathing_ids[i]);
        assert_non_null(e->ex);
        assert_int_equal(e->ex->kind, EBB_KIND_BREATHING);
        assert_true(strlen(e->ex->about) > 100);
        for (int p = 0; p < e->ex->phase_count; p++)
            if (e->ex->phases[p].kind == EBB_PHASE_HOLD)
                assert_true(e->ex->phases[p].seconds <= 7.0);
    }
    for (int i = 0; i < f->lib.count; i++) {
        const struct ebb_library_entry *e = &f->lib.entries[i];
        if (!e->ex)
            fail_msg("%s is broken: %s", e->path, e->diags.items[0].message);
        if (states_length(e->ex->summary))
            fail_msg("%s's summary states a length: \"%s\"", e->id, e->ex->summary);
    }
    assert_true(states_length("In for 4, hold for 7. 4 cycles, 1:19."));
    assert_true(states_length("About 5 minutes."));
    assert_true(states_length("One minute: feel your feet."));
    assert_false(states_length("From about 6.5 to 4.5 breaths a minute, slowing by itself."));
}

/* A folder that is there but cannot be opened is said, not left to vanish. Root opens
 * anything, so the failure is made without permissions: no file descriptor is left for
 * opendir (in a child, whose limit dies with it). */
static void a_folder_that_cannot_be_opened_gets_a_warning(void **state)
{
    struct fixture *f = *state;
    breathing(f->user, "mine", "Mine", 4.0, 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        struct ebb_library lib;
        struct ebb_diags d;
        ebb_diags_clear(&d);
        int top = dup(0); /* the lowest free descriptor: allow none past it */
        struct rlimit lim = {(rlim_t)top, (rlim_t)top};
        close(top);
        if (setrlimit(RLIMIT_NOFILE, &lim) != 0)
            _exit(10);
        int rc = ebb_library_load(&lib, &f->env, &d);
        bool said = false;
        for (int i = 0; i < d.count; i++)
            said |= strcmp(d.items[i].file, f->user) == 0 &&
                    strstr(d.items[i].message, "cannot read this folder of exercises (") != NULL;
        ebb_library_free(&lib);
        _exit(rc == 0 && said ? 0 : 11);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    /* with descriptors, the same folder is read quietly */
    load(f);
    must_find(f, "mine");
    assert_false(has_message(&f->diags, EBB_SEVERITY_WARNING, "cannot read this folder"));
}

/* 5 000 files of your own: the first 1 024 by name are read (not the first readdir
 * gives), every built-in stays, and one warning says what was left out. */
static void a_big_user_folder_never_pushes_out_the_built_ins(void **state)
{
    struct fixture *f = *state;
    enum { FILES = 5000 };
    char id[32];
    for (int i = FILES; i >= 1; i--) { /* written backwards: readdir's order is not name order */
        snprintf(id, sizeof id, "u%04d", i);
        breathing(f->user, id, id, 4.0, 2);
    }
    breathing(f->data1, "box", "Box breathing", 4.0, 4);
    breathing(f->src, "calm", "Calm", 5.0, 4);
    assert_int_equal(ebb_library_load(&f->lib, &f->env, &f->diags), 0);
    const struct ebb_library_entry *box = ebb_library_find(&f->lib, "box");
    const struct ebb_library_entry *calm = ebb_library_find(&f->lib, "calm");
    assert_non_null(box);
    assert_non_null(calm);
    assert_int_equal(box->source, EBB_SOURCE_BUILTIN);
    assert_int_equal(calm->source, EBB_SOURCE_BUILTIN);
    int users = 0;
    for (int i = 0; i < f->lib.count; i++)
        users += f->lib.entries[i].source == EBB_SOURCE_USER;
    assert_int_equal(users, EBB_LIBRARY_USER_MAX);
    assert_non_null(ebb_library_find(&f->lib, "u0001"));
    assert_non_null(ebb_library_find(&f->lib, "u1024"));
    assert_null(ebb_library_find(&f->lib, "u1025"));
    assert_int_equal(f->diags.warnings, 1); /* said once, not 3 976 times */
    assert_int_equal(f->diags.errors, 0);
    assert_string_equal(f->diags.items[0].file, f->user);
    assert_non_null(strstr(f->diags.items[0].message,
                           "3976 exercise files left out, from u1025.cfg on in name order"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(
            folders_are_searched_user_first_then_data_dirs_prefix_and_source, setup, teardown),
        cmocka_unit_test_setup_teardown(without_xdg_config_home_the_user_folder_is_under_home,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(a_folder_reached_twice_is_read_once, setup, teardown),
        cmocka_unit_test_setup_teardown(the_first_valid_file_of_an_id_wins, setup, teardown),
        cmocka_unit_test_setup_teardown(a_user_file_overrides_a_built_in_of_the_same_id, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            a_broken_user_file_falls_back_to_the_built_in_with_a_warning, setup, teardown),
        cmocka_unit_test_setup_teardown(a_broken_file_with_no_valid_one_is_listed_broken_and_last,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(a_folder_named_like_a_script_is_a_broken_entry, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(entries_are_sorted_by_kind_then_title, setup, teardown),
        cmocka_unit_test_setup_teardown(a_sequence_with_an_unknown_item_is_broken_with_its_line,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(a_sequence_containing_itself_is_broken, setup, teardown),
        cmocka_unit_test_setup_teardown(sequences_containing_each_other_are_both_broken, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(resolving_a_sequence_gives_its_exercises_in_order, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(lengths_include_prepare_and_add_up_sequences, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            timed_grounding_adds_steps_and_taps_while_manual_is_self_paced, setup, teardown),
        cmocka_unit_test_setup_teardown(a_folder_that_cannot_be_opened_gets_a_warning, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            every_built_in_loads_and_its_summary_leaves_the_length_to_the_timeline, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_big_user_folder_never_pushes_out_the_built_ins, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
