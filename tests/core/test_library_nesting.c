/* Tests of sequences inside sequences (engine/core/library.c): a nested sequence is
 * opened in place, and sequences that multiply are stopped at EBB_SEQUENCE_ITEMS_MAX
 * exercises in all or EBB_SEQUENCE_DEPTH_MAX levels, each with one error at the line of
 * the item that passes the limit. Every test writes its library into a fresh temporary
 * folder (the user folder alone). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "library.h"
#include "session.h"

struct fixture {
    char root[256];
    char user[320]; /* root/config/ebb/exercises */
    char config[300];
    struct ebb_search_env env;
    struct ebb_library lib;
    struct ebb_diags diags;
};

static void write_script(struct fixture *f, const char *id, const char *text)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s.cfg", f->user, id);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

/* calm.cfg: 3 s prepare, two cycles of 4 + 4 s (19 s) */
static void calm(struct fixture *f, const char *id)
{
    char text[512];
    snprintf(text, sizeof text,
             "version = 1;\nexercise = { id = \"%s\"; title = \"C\"; kind = \"breathing\";\n"
             "  prepare = 3.0; cycles = 2;\n"
             "  pattern = ( { phase = \"inhale\"; seconds = 4.0; },\n"
             "              { phase = \"exhale\"; seconds = 4.0; } ); };\n",
             id);
    write_script(f, id, text);
}

/* A sequence of `n` items, each `item`, one a line from line 4 on (item k on 3 + k). */
static void repeat(struct fixture *f, const char *id, const char *item, int n, double pause)
{
    size_t size = 256 + (size_t)n * 64;
    char *text = malloc(size);
    assert_non_null(text);
    int at = snprintf(text, size,
                      "version = 1;\nexercise = { id = \"%s\"; title = \"S\"; kind = \"sequence\";\n"
                      "  pause = %.1f; items = [\n",
                      id, pause);
    for (int i = 0; i < n; i++)
        at += snprintf(text + at, size - (size_t)at, "    \"%s\"%s\n", item, i + 1 < n ? "," : " ];");
    snprintf(text + at, size - (size_t)at, "};\n");
    write_script(f, id, text);
    free(text);
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    snprintf(f->root, sizeof f->root, "/tmp/ebb-test-nesting-XXXXXX");
    assert_non_null(mkdtemp(f->root));
    snprintf(f->config, sizeof f->config, "%s/config", f->root);
    snprintf(f->user, sizeof f->user, "%s/ebb/exercises", f->config);
    char path[400];
    assert_int_equal(mkdir(f->config, 0700), 0);
    snprintf(path, sizeof path, "%s/ebb", f->config);
    assert_int_equal(mkdir(path, 0700), 0);
    assert_int_equal(mkdir(f->user, 0700), 0);
    f->env.xdg_config_home = f->config;
    f->env.xdg_data_dirs = f->root; /* no ebb/exercises there */
    f->env.home = f->root;
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

static const struct ebb_library_entry *find(struct fixture *f, const char *id)
{
    const struct ebb_library_entry *e = ebb_library_find(&f->lib, id);
    assert_non_null(e);
    return e;
}

/* The entry's one error, as "LINE: message". */
static void assert_broken(const struct ebb_library_entry *e, int line, const char *message)
{
    assert_null(e->ex);
    assert_int_equal(e->diags.errors, 1);
    assert_int_equal(e->diags.items[0].line, line);
    assert_string_equal(e->diags.items[0].message, message);
}

static void a_nested_sequence_runs_its_items_in_its_place(void **state)
{
    struct fixture *f = *state;
    calm(f, "calm");
    calm(f, "slow");
    write_script(f, "inner",
                 "version = 1;\nexercise = { id = \"inner\"; title = \"I\"; kind = \"sequence\";\n"
                 "  pause = 60.0; items = [ \"slow\", \"calm\" ]; };\n");
    write_script(f, "outer",
                 "version = 1;\nexercise = { id = \"outer\"; title = \"O\"; kind = \"sequence\";\n"
                 "  pause = 5.0; items = [ \"calm\", \"inner\" ]; };\n");
    load(f);
    const struct ebb_exercise *out[8];
    int n = 0;
    const struct ebb_exercise *outer = find(f, "outer")->ex;
    assert_non_null(outer);
    assert_int_equal(ebb_library_expand(&f->lib, outer, out, 8, &n, &f->diags), 0);
    assert_int_equal(n, 3);
    assert_string_equal(out[0]->id, "calm");
    assert_string_equal(out[1]->id, "slow");
    assert_string_equal(out[2]->id, "calm");
    /* three items of 19 s, and the outer pause twice (the inner's is not used) */
    assert_float_equal(ebb_exercise_length_s(&f->lib, outer), 3 * 19.0 + 2 * 5.0, 1e-6);

    /* and it starts: three items, the middle one `slow` */
    struct ebb_diags d;
    ebb_diags_clear(&d);
    struct ebb_session *s = ebb_session_new_items(outer, out, n, NULL, 0, &d);
    assert_non_null(s);
    struct ebb_session_view v;
    ebb_session_view(s, 0, &v);
    assert_int_equal(v.item_count, 3);
    ebb_session_free(s);
}

static void sixty_four_of_sixty_four_five_levels_deep_is_refused_at_its_line(void **state)
{
    struct fixture *f = *state;
    calm(f, "calm");
    repeat(f, "b5", "calm", 64, 1.0);
    repeat(f, "b4", "b5", 64, 1.0);
    repeat(f, "b3", "b4", 64, 1.0);
    repeat(f, "b2", "b3", 64, 1.0);
    repeat(f, "b1", "b2", 64, 1.0);
    load(f);
    assert_non_null(find(f, "b5")->ex); /* 64 exercises: fine */
    /* 16 x 64 = 1024 passes 1000 at the 16th item, on line 3 + 16 */
    assert_broken(find(f, "b4"), 19,
                  "sequence \"b4\" would run more than 1000 exercises in all, with those inside "
                  "\"b5\": at most 1000 are allowed");
    for (int k = 1; k <= 3; k++) {
        char id[8];
        snprintf(id, sizeof id, "b%d", k);
        const struct ebb_library_entry *e = find(f, id);
        assert_null(e->ex);
        assert_int_equal(e->diags.errors, 1);
        assert_int_equal(e->diags.items[0].line, 4);
    }
    /* the list's lengths and a start of each are quick and bounded too */
    for (int i = 0; i < f->lib.count; i++)
        if (f->lib.entries[i].ex)
            (void)ebb_exercise_length_s(&f->lib, f->lib.entries[i].ex);
}

static void exactly_one_thousand_exercises_are_allowed(void **state)
{
    struct fixture *f = *state;
    calm(f, "calm");
    repeat(f, "hundred", "calm", 50, 1.0);
    repeat(f, "two", "hundred", 2, 1.0);  /* 100 */
    repeat(f, "top", "two", 10, 1.0);     /* 1000 */
    repeat(f, "over", "top", 1, 1.0);     /* 1000, one level more */
    write_script(f, "plus",
                 "version = 1;\nexercise = { id = \"plus\"; title = \"P\"; kind = \"sequence\";\n"
                 "  pause = 1.0; items = [\n    \"top\",\n    \"calm\" ];\n};\n");
    load(f);
    const struct ebb_exercise *top = find(f, "top")->ex;
    assert_non_null(top);
    static const struct ebb_exercise *out[EBB_SEQUENCE_ITEMS_MAX];
    int n = 0;
    assert_int_equal(ebb_library_expand(&f->lib, top, out, EBB_SEQUENCE_ITEMS_MAX, &n, &f->diags),
                     0);
    assert_int_equal(n, 1000);
    assert_non_null(find(f, "over")->ex);
    assert_broken(find(f, "plus"), 5,
                  "sequence \"plus\" would run more than 1000 exercises in all, with those inside "
                  "\"calm\": at most 1000 are allowed");
}

static void sequences_nest_at_most_three_levels_inside_one(void **state)
{
    struct fixture *f = *state;
    calm(f, "calm");
    repeat(f, "s5", "calm", 1, 1.0);
    repeat(f, "s4", "s5", 1, 1.0);
    repeat(f, "s3", "s4", 1, 1.0);
    repeat(f, "s2", "s3", 1, 1.0); /* s2 > s3 > s4 > s5: four levels, allowed */
    repeat(f, "s1", "s2", 1, 1.0); /* five levels */
    load(f);
    assert_non_null(find(f, "s2")->ex);
    assert_broken(find(f, "s1"), 4,
                  "sequences nest more than 3 levels deep inside \"s1\" through \"s2\": at most 3 "
                  "are allowed");
}

static void a_file_sequence_over_the_limit_is_refused_when_checked(void **state)
{
    struct fixture *f = *state;
    calm(f, "calm");
    repeat(f, "many", "calm", 64, 1.0);
    load(f);
    char text[] = "version = 1;\nexercise = { id = \"mine\"; title = \"M\"; kind = \"sequence\";\n"
                  "  items = [ \"many\", \"many\", \"many\", \"many\", \"many\", \"many\", \"many\",\n"
                  "            \"many\", \"many\", \"many\", \"many\", \"many\", \"many\", \"many\",\n"
                  "            \"many\", \"many\", \"many\" ]; };\n";
    struct ebb_diags d;
    ebb_diags_clear(&d);
    struct ebb_exercise *ex = ebb_script_load_buffer(text, strlen(text), "mine.cfg", f->root, &d);
    assert_non_null(ex);
    assert_int_equal(ebb_library_resolve(&f->lib, ex, NULL, &d), -1);
    assert_int_equal(d.errors, 1);
    assert_true(strstr(d.items[0].message, "would run more than 1000 exercises") != NULL);
    ebb_script_free(ex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_nested_sequence_runs_its_items_in_its_place, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            sixty_four_of_sixty_four_five_levels_deep_is_refused_at_its_line, setup, teardown),
        cmocka_unit_test_setup_teardown(exactly_one_thousand_exercises_are_allowed, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(sequences_nest_at_most_three_levels_inside_one, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_file_sequence_over_the_limit_is_refused_when_checked,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
