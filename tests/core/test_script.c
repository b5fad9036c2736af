/* Tests of the script loader (engine/core/script.c): the built-in exercises load,
 * every broken script in tests/bad/ gives exactly its one expected line, defaults
 * are filled, several mistakes are all reported, texts are data. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "script.h"
#include "test_script_util.h"

#define SOURCE_DIR EBB_TEST_DIR "/.."

/* Sorted names in a folder that end with `suffix`; returns the count. */
static int list_dir(const char *dir, const char *suffix, char names[][256], int max)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    size_t sl = strlen(suffix);
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l > sl && l < 256 && !strcmp(e->d_name + l - sl, suffix) && n < max)
            snprintf(names[n++], 256, "%s", e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, 256, (int (*)(const void *, const void *))strcmp);
    return n;
}

static void every_exercise_in_the_library_loads_without_a_diagnostic(void **state)
{
    (void)state;
    static char names[512][256];
    int n = list_dir(SOURCE_DIR "/exercises", ".cfg", names, 512);
    assert_true(n >= 3);
    for (int i = 0; i < n; i++) {
        char path[600], buf[1024];
        snprintf(path, sizeof path, "%s/exercises/%s", SOURCE_DIR, names[i]);
        struct ebb_diags d;
        ebb_diags_clear(&d);
        struct ebb_exercise *ex = ebb_script_load(path, NULL, &d);
        if (!ex || d.count)
            fail_msg("%s", first(&d, buf, sizeof buf));
        assert_int_equal(strncmp(names[i], ex->id, strlen(ex->id)), 0);
        ebb_script_free(ex);
    }
}

static void every_broken_script_gives_exactly_its_expected_line(void **state)
{
    (void)state;
    static char names[512][256];
    int n = list_dir(EBB_TEST_DIR "/bad", ".cfg", names, 512);
    assert_true(n >= 30);
    for (int i = 0; i < n; i++) {
        char path[600], display[600], expect_path[600], expect[1024] = "", got[1024];
        snprintf(path, sizeof path, "%s/bad/%s", EBB_TEST_DIR, names[i]);
        snprintf(display, sizeof display, "tests/bad/%s", names[i]);
        snprintf(expect_path, sizeof expect_path, "%s/bad/%.*s.expect", EBB_TEST_DIR,
                 (int)strlen(names[i]) - 4, names[i]);
        FILE *f = fopen(expect_path, "r");
        if (!f)
            fail_msg("%s has no .expect file", display);
        if (!fgets(expect, sizeof expect, f))
            expect[0] = '\0';
        fclose(f);
        expect[strcspn(expect, "\n")] = '\0';

        struct ebb_diags d;
        ebb_diags_clear(&d);
        struct ebb_exercise *ex = ebb_script_load(path, display, &d);
        assert_null(ex);
        assert_true(d.errors >= 1);
        /* the first diagnostic is the first error */
        assert_int_equal(d.items[0].severity, EBB_SEVERITY_ERROR);
        if (strcmp(first(&d, got, sizeof got), expect))
            fail_msg("%s\n  expected: %s\n  got:      %s", display, expect, got);
        /* one mistake, one line: a misspelt required key is not also reported missing */
        if (d.count != 1) {
            char second[1024];
            fail_msg("%s: %d diagnostics, expected only\n  %s\n  then: %s", display, d.count,
                     expect, ebb_diag_format(&d.items[1], second, sizeof second));
        }
    }
}

static void every_expect_file_has_its_broken_script(void **state)
{
    (void)state;
    static char names[512][256];
    int n = list_dir(EBB_TEST_DIR "/bad", ".expect", names, 512);
    assert_true(n >= 30);
    for (int i = 0; i < n; i++) {
        char path[600];
        struct stat st;
        snprintf(path, sizeof path, "%s/bad/%.*s.cfg", EBB_TEST_DIR, (int)strlen(names[i]) - 7,
                 names[i]);
        if (stat(path, &st) != 0)
            fail_msg("%s has no script", names[i]);
    }
}

static void a_misspelt_key_gets_did_you_mean_at_its_line(void **state)
{
    (void)state;
    struct ebb_diags d;
    char buf[1024];
    const char *text = "version = 1;\n"
                       "exercise = {\n"
                       "  id = \"typo\"; title = \"Typo\"; kind = \"breathing\";\n"
                       "  pattern = (\n"
                       "    { phase = \"inhale\"; seconds = 4.0; },\n"
                       "    { phase = \"exhale\";\n"
                       "      secnds = 4.0; }\n"
                       "  );\n"
                       "};\n";
    assert_null(load_text(text, "typo.cfg", &d));
    assert_string_equal(first(&d, buf, sizeof buf),
                        "typo.cfg:7: error: unknown key \"secnds\" in a phase; did you mean "
                        "\"seconds\"?");
}

static void a_five_line_script_loads_with_every_default(void **state)
{
    (void)state;
    struct ebb_diags d;
    const char *text = "version = 1;\n"
                       "exercise = { id = \"first\"; title = \"My first\"; kind = \"breathing\";\n"
                       "  pattern = ( { phase = \"inhale\"; seconds = 4; },\n"
                       "              { phase = \"hold\"; seconds = 2; },\n"
                       "              { phase = \"exhale\"; seconds = 6; } ); };\n";
    struct ebb_exercise *ex = load_text(text, "some/folder/first.cfg", &d);
    assert_non_null(ex);
    assert_int_equal(d.count, 0);
    assert_string_equal(ex->id, "first");
    assert_string_equal(ex->title, "My first");
    assert_string_equal(ex->summary, "");
    assert_string_equal(ex->about, "");
    assert_int_equal(ex->tag_count, 0);
    assert_int_equal(ex->kind, EBB_KIND_BREATHING);
    assert_int_equal(ex->visual, EBB_VISUAL_CIRCLE);
    assert_true(ex->prepare_s == 3.0);
    assert_int_equal(ex->cycles, 0);
    assert_true(ex->duration_s == 300.0);
    assert_false(ex->ramp);
    assert_int_equal(ex->audio.cues, EBB_CUES_TONES);
    assert_int_equal(ex->audio.ambient, EBB_AMBIENT_NONE);
    assert_true(ex->audio.volume == 1.0);
    assert_string_equal(ex->dir, ".");
    assert_int_equal(ex->phase_count, 3);
    assert_true(ex->phases[0].seconds == 4.0); /* an integer reads as a number */
    assert_string_equal(ex->phases[0].text, "Breathe in");
    assert_string_equal(ex->phases[1].text, "Hold");
    assert_string_equal(ex->phases[2].text, "Breathe out");
    assert_true(ex->phases[0].to == 1.0);
    assert_true(ex->phases[1].to == 1.0); /* a hold stays where the inhale left it */
    assert_true(ex->phases[2].to == 0.0);
    assert_false(ex->phases[0].to_given);
    assert_int_equal(ex->phases[0].ease, EBB_EASE_SMOOTH);
    assert_int_equal(ex->phases[0].side, EBB_SIDE_NONE);
    assert_int_equal(ex->phases[0].cue.kind, EBB_CUE_AUTO);
    assert_int_equal(ex->phases[0].line, 3);
    assert_int_equal(ex->phases[2].line, 5);
    ebb_script_free(ex);
}

static void every_breathing_key_is_read(void **state)
{
    (void)state;
    struct ebb_diags d;
    const char *text =
        "version = 1;\n"
        "exercise = {\n"
        "  id = \"full\"; title = \"Full\"; kind = \"breathing\"; summary = \"S\";\n"
        "  about = \"Line one\\nline two\"; tags = [ \"calm\", \"sleep\" ];\n"
        "  visual = \"wave\"; prepare = 0; cycles = 12;\n"
        "  pattern = ( { phase = \"inhale\"; seconds = 3.5; to = 0.8; ease = \"linear\";\n"
        "                side = \"left\"; cue = \"bell\"; text = \"\"; },\n"
        "              { phase = \"inhale\"; seconds = 1; to = 1.0; cue = \"none\"; },\n"
        "              { phase = \"exhale\"; seconds = 8; ease = \"sine\"; side = \"right\"; } );\n"
        "  ramp = { to_scale = 1.44; over = 600; };\n"
        "  audio = { cues = \"bell\"; ambient = \"pink\"; volume = 0.25; };\n"
        "};\n";
    struct ebb_exercise *ex = load_text(text, "full.cfg", &d);
    assert_non_null(ex);
    assert_string_equal(ex->summary, "S");
    assert_string_equal(ex->about, "Line one\nline two");
    assert_int_equal(ex->tag_count, 2);
    assert_string_equal(ex->tags[1], "sleep");
    assert_int_equal(ex->visual, EBB_VISUAL_WAVE);
    assert_true(ex->prepare_s == 0.0);
    assert_int_equal(ex->cycles, 12);
    assert_true(ex->duration_s == 0.0);
    assert_true(ex->phases[0].to == 0.8);
    assert_true(ex->phases[0].to_given);
    assert_int_equal(ex->phases[0].ease, EBB_EASE_LINEAR);
    assert_int_equal(ex->phases[0].side, EBB_SIDE_LEFT);
    assert_int_equal(ex->phases[0].cue.kind, EBB_CUE_BELL);
    assert_int_equal(ex->phases[0].cue.line, 7);
    assert_string_equal(ex->phases[0].text, "");
    assert_int_equal(ex->phases[1].cue.kind, EBB_CUE_NONE);
    assert_int_equal(ex->phases[2].side, EBB_SIDE_RIGHT);
    assert_true(ex->ramp);
    assert_true(ex->ramp_to_scale == 1.44);
    assert_true(ex->ramp_over_s == 600.0);
    assert_int_equal(ex->audio.cues, EBB_CUES_BELL);
    assert_int_equal(ex->audio.ambient, EBB_AMBIENT_PINK);
    assert_true(ex->audio.volume == 0.25);
    ebb_script_free(ex);
}

static void a_grounding_script_reads_steps_and_taps_with_defaults(void **state)
{
    (void)state;
    struct ebb_diags d;
    const char *text =
        "version = 1;\n"
        "exercise = { id = \"ground\"; title = \"Ground\"; kind = \"grounding\";\n"
        "  steps = (\n"
        "    { prompt = \"Five things you can see\"; count = 5; },\n"
        "    { prompt = \"Tense your hands\"; detail = \"Then let go\"; seconds = 5;\n"
        "      action = \"tense\"; side = \"right\"; cue = \"tick\"; },\n"
        "    { prompt = \"Tap\"; taps = { rate = 2; per_set = 4; sets = 2; rest = 3;\n"
        "      alternate = false; }; },\n"
        "    { prompt = \"Tap again\"; taps = {}; }\n"
        "  ); };\n";
    struct ebb_exercise *ex = load_text(text, "ground.cfg", &d);
    assert_non_null(ex);
    assert_int_equal(ex->kind, EBB_KIND_GROUNDING);
    assert_int_equal(ex->advance, EBB_ADVANCE_MANUAL);
    assert_int_equal(ex->step_count, 4);
    assert_int_equal(ex->steps[0].count, 5);
    assert_string_equal(ex->steps[0].detail, "");
    assert_true(ex->steps[0].seconds == 0.0);
    assert_false(ex->steps[0].taps.present);
    assert_int_equal(ex->steps[1].count, 1);
    assert_string_equal(ex->steps[1].detail, "Then let go");
    assert_true(ex->steps[1].seconds == 5.0);
    assert_int_equal(ex->steps[1].action, EBB_STEP_ACTION_TENSE);
    assert_int_equal(ex->steps[1].side, EBB_SIDE_RIGHT);
    assert_int_equal(ex->steps[1].cue.kind, EBB_CUE_TICK);
    assert_int_equal(ex->steps[1].line, 5);
    const struct ebb_taps *t = &ex->steps[2].taps;
    assert_true(t->present);
    assert_true(t->rate == 2.0);
    assert_int_equal(t->per_set, 4);
    assert_int_equal(t->sets, 2);
    assert_true(t->rest_s == 3.0);
    assert_false(t->alternate);
    assert_int_equal(t->line, 7);
    t = &ex->steps[3].taps;
    assert_true(t->present);
    assert_true(t->rate == 1.0);
    assert_int_equal(t->per_set, 8);
    assert_int_equal(t->sets, 3);
    assert_true(t->rest_s == 5.0);
    assert_true(t->alternate);
    ebb_script_free(ex);
}

static void seconds_or_count_beside_taps_are_warnings_and_timed_steps_load(void **state)
{
    (void)state;
    struct ebb_diags d;
    char buf[1024];
    const char *text = "version = 1;\n"
                       "exercise = { id = \"tap\"; title = \"Tap\"; kind = \"grounding\";\n"
                       "  advance = \"timed\";\n"
                       "  steps = ( { prompt = \"Look\"; },\n"
                       "    { prompt = \"Tap\"; taps = { sets = 2; };\n"
                       "      seconds = 30; count = 3; } ); };\n";
    struct ebb_exercise *ex = load_text(text, "tap.cfg", &d);
    assert_non_null(ex);
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.warnings, 2);
    assert_string_equal(ebb_diag_format(&d.items[0], buf, sizeof buf),
                        "tap.cfg:6: warning: a step with \"taps\" ends after its last set: "
                        "\"seconds\" is ignored");
    assert_int_equal(ex->advance, EBB_ADVANCE_TIMED);
    assert_true(ex->steps[0].seconds == 0.0); /* the session gives it its default length */
    ebb_script_free(ex);
}

static void a_sequence_script_reads_items_and_their_lines(void **state)
{
    (void)state;
    struct ebb_diags d;
    const char *text = "version = 1;\n"
                       "exercise = { id = \"seq\"; title = \"Seq\"; kind = \"sequence\";\n"
                       "  items = [ \"box\",\n"
                       "            \"five-senses\" ];\n"
                       "  pause = 10; };\n";
    struct ebb_exercise *ex = load_text(text, "seq.cfg", &d);
    assert_non_null(ex);
    assert_int_equal(ex->kind, EBB_KIND_SEQUENCE);
    assert_int_equal(ex->item_count, 2);
    assert_string_equal(ex->items[0], "box");
    assert_string_equal(ex->items[1], "five-senses");
    assert_int_equal(ex->item_lines[0], 3);
    assert_int_equal(ex->item_lines[1], 4);
    assert_true(ex->pause_s == 10.0);
    ebb_script_free(ex);

    text = "version = 1;\nexercise = { id = \"seq\"; title = \"Seq\"; kind = \"sequence\";\n"
           "  items = [ \"box\" ]; };\n";
    ex = load_text(text, "seq.cfg", &d);
    assert_non_null(ex);
    assert_true(ex->pause_s == 0.0); /* waits for a key unless told otherwise */
    ebb_script_free(ex);
}

static void several_mistakes_are_all_reported_in_line_order(void **state)
{
    (void)state;
    struct ebb_diags d;
    char buf[1024];
    const char *text = "version = 1;\n"
                       "exercise = {\n"
                       "  id = \"many\"; title = \"Many\"; kind = \"breathing\";\n"
                       "  visual = \"spiral\";\n"
                       "  pattern = (\n"
                       "    { phase = \"inhale\"; seconds = 0; },\n"
                       "    { phase = \"exhale\"; seconds = 4; ease = \"bouncy\"; }\n"
                       "  );\n"
                       "};\n";
    assert_null(load_text(text, "many.cfg", &d));
    assert_int_equal(d.errors, 3);
    assert_int_equal(d.count, 3);
    assert_int_equal(d.items[0].line, 4);
    assert_int_equal(d.items[1].line, 6);
    assert_int_equal(d.items[2].line, 7);
    assert_string_equal(ebb_diag_format(&d.items[1], buf, sizeof buf),
                        "many.cfg:6: error: \"seconds\" must be a number from 0.5 to 60, found 0");
}

static void errors_past_the_kept_limit_are_still_counted(void **state)
{
    (void)state;
    struct ebb_diags d;
    char text[4096];
    int used = snprintf(text, sizeof text,
                        "version = 1;\nexercise = { id = \"lots\"; title = "
                        "\"Lots\"; kind = \"breathing\";\n");
    for (int i = 0; i < 40; i++)
        used += snprintf(text + used, sizeof text - (size_t)used, "  x%d = 1;\n", i);
    snprintf(text + used, sizeof text - (size_t)used,
             "  pattern = ( { phase = \"inhale\"; seconds = 4; } ); };\n");
    assert_null(load_text(text, "lots.cfg", &d));
    assert_int_equal(d.count, EBB_DIAG_MAX);
    assert_int_equal(d.errors, 40);
}

static void format_specifiers_in_texts_are_kept_as_written(void **state)
{
    (void)state;
    struct ebb_diags d;
    const char *text = "version = 1;\n"
                       "exercise = { id = \"fmt\"; title = \"%s%n%x\"; kind = \"grounding\";\n"
                       "  summary = \"%s%n\"; about = \"%n%n%n%s\"; tags = [ \"%s%n\" ];\n"
                       "  steps = ( { prompt = \"%s%n%p\"; detail = \"%999999999s\"; } ); };\n";
    struct ebb_exercise *ex = load_text(text, "fmt.cfg", &d);
    assert_non_null(ex);
    assert_string_equal(ex->title, "%s%n%x");
    assert_string_equal(ex->summary, "%s%n");
    assert_string_equal(ex->about, "%n%n%n%s");
    assert_string_equal(ex->tags[0], "%s%n");
    assert_string_equal(ex->steps[0].prompt, "%s%n%p");
    assert_string_equal(ex->steps[0].detail, "%999999999s");
    ebb_script_free(ex);

    /* and in a message that quotes them */
    text = "version = 1;\nexercise = { id = \"fmt\"; title = \"T\"; kind = \"%s%n%s%n\"; };\n";
    char buf[1024];
    assert_null(load_text(text, "fmt.cfg", &d));
    assert_string_equal(first(&d, buf, sizeof buf),
                        "fmt.cfg:2: error: \"kind\" must be breathing, grounding or sequence, "
                        "found \"%s%n%s%n\"");
}

static void include_in_a_string_or_comment_is_only_text(void **state)
{
    (void)state;
    struct ebb_diags d;
    const char *text = "# @include \"x.cfg\"\n"
                       "/* @include \"y.cfg\"\n   @include \"z\" */\n"
                       "version = 1; // @include \"w\"\n"
                       "exercise = { id = \"inc\"; title = \"@include \\\"me\\\"\";\n"
                       "  kind = \"sequence\"; items = [ \"box\" ]; };\n";
    struct ebb_exercise *ex = load_text(text, "inc.cfg", &d);
    assert_non_null(ex);
    assert_string_equal(ex->title, "@include \"me\"");
    ebb_script_free(ex);

    char buf[1024];
    text = "version = 1;\n  @include \"other.cfg\"\nexercise = {};\n";
    assert_null(load_text(text, "inc.cfg", &d));
    assert_string_equal(first(&d, buf, sizeof buf), "inc.cfg:2: error: @include is not "
                                                    "supported: a script must stand alone");
}

static void numbers_too_large_for_libconfig_are_refused_not_wrapped(void **state)
{
    (void)state;
    struct ebb_diags d;
    char buf[1024];
    const char *cases[][2] = {
        {"cycles = 4294967297;", "the number 4294967297 is too large"},
        {"cycles = 2147483648;", "the number 2147483648 is too large"},
        {"cycles = 99999999999999999999L;", "the number 99999999999999999999L is too large"},
        {"cycles = 0x100000000;", "the number 0x100000000 is too large"},
        {"cycles = 0x80000000;", "the number 0x80000000 is too large"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[512];
        snprintf(text, sizeof text,
                 "version = 1;\nexercise = { id = \"n\"; title = \"N\"; kind = \"breathing\";\n"
                 "  %s pattern = ( { phase = \"inhale\"; seconds = 4; } ); };\n",
                 cases[i][0]);
        assert_null(load_text(text, "n.cfg", &d));
        if (!strstr(first(&d, buf, sizeof buf), cases[i][1]))
            fail_msg("%s gave: %s", cases[i][0], buf);
        assert_int_equal(d.items[0].line, 3);
    }
    /* within range they still reach the range check */
    const char *text = "version = 1;\nexercise = { id = \"n\"; title = \"N\"; kind = "
                       "\"breathing\";\n  cycles = 2147483647; pattern = ( { phase = "
                       "\"inhale\"; seconds = 4; } ); };\n";
    assert_null(load_text(text, "n.cfg", &d));
    assert_string_equal(first(&d, buf, sizeof buf),
                        "n.cfg:3: error: \"cycles\" must be a whole number from 1 to 1000, "
                        "found 2147483647");
    text = "version = 1;\nexercise = { id = \"n\"; title = \"N\"; kind = \"breathing\";\n"
           "  cycles = 0x0A; prepare = 1e1; pattern = ( { phase = \"inhale\"; seconds = .5; "
           "}, { phase = \"exhale\"; seconds = 5L; } ); };\n";
    struct ebb_exercise *ex = load_text(text, "n.cfg", &d);
    assert_non_null(ex);
    assert_int_equal(ex->cycles, 10);
    assert_true(ex->prepare_s == 10.0);
    assert_true(ex->phases[0].seconds == 0.5);
    assert_true(ex->phases[1].seconds == 5.0);
    ebb_script_free(ex);
}

static void the_id_must_equal_the_file_name_wherever_it_is_loaded_from(void **state)
{
    (void)state;
    struct ebb_diags d;
    char buf[1024];
    const char *text = "version = 1;\nexercise = { id = \"calm\"; title = \"Calm\"; kind = "
                       "\"sequence\"; items = [\"box\"]; };\n";
    struct ebb_exercise *ex = load_text(text, "/some/where/calm.cfg", &d);
    assert_non_null(ex);
    ebb_script_free(ex);
    assert_null(load_text(text, "calm.txt", &d));
    assert_string_equal(first(&d, buf, sizeof buf),
                        "calm.txt:2: error: id \"calm\" must match the file name \"calm.txt\": "
                        "rename the file to calm.cfg");
    assert_null(load_text(text, "My Calm.cfg", &d));
    assert_string_equal(first(&d, buf, sizeof buf),
                        "My Calm.cfg:2: error: id \"calm\" must match the file name \"My "
                        "Calm.cfg\": rename the file to calm.cfg");
}

static void a_buffer_needs_no_terminating_nul_and_is_limited_to_1_mib(void **state)
{
    (void)state;
    struct ebb_diags d;
    char buf[1024];
    const char *text = "version = 1;\nexercise = { id = \"b\"; title = \"B\"; kind = "
                       "\"sequence\"; items = [\"box\"]; };\n";
    size_t n = strlen(text);
    char *copy = malloc(n); /* exactly the bytes, no NUL after them */
    assert_non_null(copy);
    memcpy(copy, text, n);
    ebb_diags_clear(&d);
    struct ebb_exercise *ex = ebb_script_load_buffer(copy, n, "b.cfg", "assets", &d);
    assert_non_null(ex);
    assert_string_equal(ex->dir, "assets");
    ebb_script_free(ex);
    free(copy);

    size_t big = EBB_SCRIPT_BYTES_MAX + 1;
    char *large = malloc(big);
    assert_non_null(large);
    memset(large, ' ', big);
    ebb_diags_clear(&d);
    assert_null(ebb_script_load_buffer(large, big, "big.cfg", NULL, &d));
    assert_string_equal(first(&d, buf, sizeof buf),
                        "big.cfg: error: file is larger than 1 MiB (1048577 bytes)");
    free(large);
}

static void version_is_one_however_it_is_written(void **state)
{
    (void)state;
    struct ebb_diags d;
    char buf[1024];
    const char *tail = "exercise = { id = \"v\"; title = \"V\"; kind = \"sequence\"; items = "
                       "[\"box\"]; };\n";
    const char *ok[] = {"version = 1;\n", "version = 1.0;\n", "version = 1L;\n"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        char text[256];
        snprintf(text, sizeof text, "%s%s", ok[i], tail);
        struct ebb_exercise *ex = load_text(text, "v.cfg", &d);
        if (!ex)
            fail_msg("%s refused: %s", ok[i], first(&d, buf, sizeof buf));
        ebb_script_free(ex);
    }
    char text[256];
    snprintf(text, sizeof text, "version = \"1\";\n%s", tail);
    assert_null(load_text(text, "v.cfg", &d));
    assert_string_equal(first(&d, buf, sizeof buf),
                        "v.cfg:1: error: \"version\" must be 1 (the script format this ebb "
                        "reads), found \"1\"");
}

static void a_byte_order_mark_is_skipped(void **state)
{
    (void)state;
    struct ebb_diags d;
    const char *text = "\xEF\xBB\xBFversion = 1;\nexercise = { id = \"bom\"; title = \"B\"; "
                       "kind = \"sequence\"; items = [\"box\"]; };\n";
    struct ebb_exercise *ex = load_text(text, "bom.cfg", &d);
    assert_non_null(ex);
    ebb_script_free(ex);
}

static void names_and_ids_follow_the_design(void **state)
{
    (void)state;
    assert_string_equal(ebb_kind_name(EBB_KIND_GROUNDING), "grounding");
    assert_string_equal(ebb_phase_name(EBB_PHASE_HOLD), "hold");
    assert_string_equal(ebb_visual_name(EBB_VISUAL_BAR), "bar");
    assert_string_equal(ebb_side_name(EBB_SIDE_NONE), "-");
    assert_string_equal(ebb_side_name(EBB_SIDE_LEFT), "left");
    struct ebb_cue c = {EBB_CUE_BELL, NULL, NULL, 0};
    assert_string_equal(ebb_cue_name(&c), "bell");
    c.kind = EBB_CUE_FILE;
    c.name = "sounds/in.wav";
    assert_string_equal(ebb_cue_name(&c), "sounds/in.wav");
    enum ebb_visual v = EBB_VISUAL_CIRCLE;
    assert_int_equal(ebb_visual_parse("wave", &v), 0);
    assert_int_equal(v, EBB_VISUAL_WAVE);
    assert_int_equal(ebb_visual_parse("Wave", &v), -1);
    assert_true(ebb_id_valid("box"));
    assert_true(ebb_id_valid("4-7-8"));
    assert_true(ebb_id_valid("a234567890123456789012345678901234567890"));
    assert_false(ebb_id_valid("a2345678901234567890123456789012345678901"));
    assert_false(ebb_id_valid(""));
    assert_false(ebb_id_valid("-box"));
    assert_false(ebb_id_valid("Box"));
    assert_false(ebb_id_valid("box_1"));
    assert_false(ebb_id_valid("b\xc3\xa9"));
    assert_false(ebb_id_valid(NULL));
}

static void known_keys_name_every_key_of_the_design_once(void **state)
{
    (void)state;
    const char *design[] = {"version",  "exercise", "id",      "title",   "kind",     "summary",
                            "about",    "tags",     "audio",   "visual",  "prepare",  "cycles",
                            "duration", "pattern",  "ramp",    "phase",   "seconds",  "text",
                            "to",       "ease",     "side",    "cue",     "to_scale", "over",
                            "advance",  "steps",    "prompt",  "detail",  "count",    "action",
                            "taps",     "rate",     "per_set", "sets",    "rest",     "alternate",
                            "items",    "pause",    "cues",    "ambient", "volume",   "voice",
                            "language", "translations", "strings"};
    const char *const *keys = ebb_script_known_keys();
    int n = 0;
    while (keys[n])
        n++;
    assert_int_equal(n, (int)(sizeof design / sizeof design[0]));
    for (size_t i = 0; i < sizeof design / sizeof design[0]; i++) {
        int found = 0;
        for (int k = 0; k < n; k++)
            found += !strcmp(keys[k], design[i]);
        if (found != 1)
            fail_msg("%s listed %d times", design[i], found);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_exercise_in_the_library_loads_without_a_diagnostic),
        cmocka_unit_test(every_broken_script_gives_exactly_its_expected_line),
        cmocka_unit_test(every_expect_file_has_its_broken_script),
        cmocka_unit_test(a_misspelt_key_gets_did_you_mean_at_its_line),
        cmocka_unit_test(a_five_line_script_loads_with_every_default),
        cmocka_unit_test(every_breathing_key_is_read),
        cmocka_unit_test(a_grounding_script_reads_steps_and_taps_with_defaults),
        cmocka_unit_test(seconds_or_count_beside_taps_are_warnings_and_timed_steps_load),
        cmocka_unit_test(a_sequence_script_reads_items_and_their_lines),
        cmocka_unit_test(several_mistakes_are_all_reported_in_line_order),
        cmocka_unit_test(errors_past_the_kept_limit_are_still_counted),
        cmocka_unit_test(format_specifiers_in_texts_are_kept_as_written),
        cmocka_unit_test(include_in_a_string_or_comment_is_only_text),
        cmocka_unit_test(numbers_too_large_for_libconfig_are_refused_not_wrapped),
        cmocka_unit_test(the_id_must_equal_the_file_name_wherever_it_is_loaded_from),
        cmocka_unit_test(a_buffer_needs_no_terminating_nul_and_is_limited_to_1_mib),
        cmocka_unit_test(version_is_one_however_it_is_written),
        cmocka_unit_test(a_byte_order_mark_is_skipped),
        cmocka_unit_test(names_and_ids_follow_the_design),
        cmocka_unit_test(known_keys_name_every_key_of_the_design_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
