/* Tests of engine/core/eyes.c: which exercises the picker marks as suited to
 * eyes-closed use. Scripts are read from text (ebb_script_load_buffer), and the
 * built-in library from the source tree. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "eyes.h"

static struct ebb_exercise *load(const char *name, const char *text)
{
    struct ebb_diags d;
    ebb_diags_clear(&d);
    struct ebb_exercise *ex = ebb_script_load_buffer(text, strlen(text), name, NULL, &d);
    if (!ex) {
        char line[600];
        for (int i = 0; i < d.count; i++) {
            ebb_diag_format(&d.items[i], line, sizeof line);
            fprintf(stderr, "%s\n", line);
        }
    }
    assert_non_null(ex);
    return ex;
}

#define BREATHING(id, cues, extra)                                                                 \
    "version = 1; exercise = { id = \"" id "\"; title = \"T\"; kind = \"breathing\";"              \
    " cycles = 2; pattern = ("                                                                     \
    " { phase = \"inhale\"; seconds = 4.0; }," extra " { phase = \"exhale\"; seconds = 6.0; } );"  \
    " audio = { cues = \"" cues "\"; }; };"

static void a_breathing_exercise_with_tones_suits_closed_eyes(void **state)
{
    (void)state;
    struct ebb_exercise *ex =
        load("tones.cfg", BREATHING("tones", "tones", " { phase = \"hold\"; seconds = 2.0; },"));
    assert_true(ebb_eyes_closed_suits(NULL, ex));
    ebb_script_free(ex);
}

static void a_breathing_exercise_without_cues_does_not_suit(void **state)
{
    (void)state;
    struct ebb_exercise *ex = load("quiet.cfg", BREATHING("quiet", "none", ""));
    assert_false(ebb_eyes_closed_suits(NULL, ex));
    ebb_script_free(ex);
}

static void a_silent_phase_makes_a_breathing_exercise_unsuited(void **state)
{
    (void)state;
    struct ebb_exercise *ex =
        load("gap.cfg",
             BREATHING("gap", "tones", " { phase = \"hold\"; seconds = 2.0; cue = \"none\"; },"));
    assert_false(ebb_eyes_closed_suits(NULL, ex));
    ebb_script_free(ex);
}

static void one_bell_for_every_phase_does_not_say_in_or_out(void **state)
{
    (void)state;
    struct ebb_exercise *ex = load("bells.cfg", BREATHING("bells", "bell", ""));
    assert_false(ebb_eyes_closed_suits(NULL, ex));
    ebb_script_free(ex);
}

static void two_inhales_may_share_a_sound(void **state)
{
    (void)state;
    /* a cyclic sigh: inhale, inhale again, exhale */
    struct ebb_exercise *ex =
        load("sigh.cfg", BREATHING("sigh", "tones", " { phase = \"inhale\"; seconds = 1.0; },"));
    assert_true(ebb_eyes_closed_suits(NULL, ex));
    ebb_script_free(ex);
}

#define GROUNDING(id, advance, cues, steps)                                                        \
    "version = 1; exercise = { id = \"" id "\"; title = \"T\"; kind = \"grounding\";"              \
    " advance = \"" advance "\"; steps = (" steps ");"                                             \
    " audio = { cues = \"" cues "\"; }; };"

static void a_grounding_exercise_that_waits_for_presses_does_not_suit(void **state)
{
    (void)state;
    struct ebb_exercise *ex =
        load("look.cfg", GROUNDING("look", "manual", "tones",
                                   "{ prompt = \"Five things you can see\"; count = 5; }"));
    assert_false(ebb_eyes_closed_suits(NULL, ex));
    ebb_script_free(ex);
}

static void timed_and_tapped_grounding_with_sound_suits(void **state)
{
    (void)state;
    struct ebb_exercise *ex =
        load("scan.cfg",
             GROUNDING("scan", "manual", "tones",
                       "{ prompt = \"Feet\"; seconds = 20.0; },"
                       "{ prompt = \"Tap\"; taps = { rate = 1.0; per_set = 8; sets = 2; rest = 4.0;"
                       " alternate = true; }; }"));
    assert_true(ebb_eyes_closed_suits(NULL, ex));
    ebb_script_free(ex);
}

static void timed_grounding_without_sound_does_not_suit(void **state)
{
    (void)state;
    struct ebb_exercise *quiet = load(
        "still.cfg", GROUNDING("still", "timed", "none", "{ prompt = \"Feet\"; seconds = 20.0; }"));
    assert_false(ebb_eyes_closed_suits(NULL, quiet));
    ebb_script_free(quiet);
    struct ebb_exercise *muted =
        load("hush.cfg", GROUNDING("hush", "timed", "tones",
                                   "{ prompt = \"Feet\"; seconds = 20.0; cue = \"none\"; }"));
    assert_false(ebb_eyes_closed_suits(NULL, muted));
    ebb_script_free(muted);
}

static void nothing_suits_when_there_is_no_exercise(void **state)
{
    (void)state;
    assert_false(ebb_eyes_closed_suits(NULL, NULL));
}

/* The built-ins, through the real library: every breathing one suits (issue 5: "a
 * person with eyes closed can follow every built-in breathing exercise by sound
 * alone"); five-senses and orienting wait for presses; too-much contains them. */
static void the_built_in_library_is_marked_as_expected(void **state)
{
    (void)state;
    struct ebb_library lib;
    struct ebb_diags d;
    memset(&lib, 0, sizeof lib);
    ebb_diags_clear(&d);
    char src[600];
    snprintf(src, sizeof src, "%s/../exercises", EBB_TEST_DIR);
    struct ebb_search_env env = {"/nonexistent-ebb-test", "/nonexistent-ebb-test", "/nonexistent",
                                 NULL, src};
    assert_int_equal(ebb_library_load(&lib, &env, &d), 0);
    int breathing = 0;
    for (int i = 0; i < lib.count; i++) {
        const struct ebb_exercise *ex = lib.entries[i].ex;
        assert_non_null(ex);
        if (ex->kind == EBB_KIND_BREATHING) {
            breathing++;
            if (!ebb_eyes_closed_suits(&lib, ex))
                fail_msg("%s should suit closed eyes", ex->id);
        }
    }
    assert_true(breathing >= 5);
    const char *unsuited[] = {"five-senses", "orienting", "too-much"};
    for (size_t i = 0; i < sizeof unsuited / sizeof unsuited[0]; i++) {
        const struct ebb_library_entry *e = ebb_library_find(&lib, unsuited[i]);
        assert_non_null(e);
        if (ebb_eyes_closed_suits(&lib, e->ex))
            fail_msg("%s should not be marked", unsuited[i]);
    }
    assert_true(ebb_eyes_closed_suits(&lib, ebb_library_find(&lib, "body-scan")->ex));
    ebb_library_free(&lib);
}

static void a_sequence_suits_only_when_every_item_does(void **state)
{
    (void)state;
    struct ebb_exercise *a = load("a.cfg", BREATHING("a", "tones", ""));
    struct ebb_exercise *b = load("b.cfg", BREATHING("b", "none", ""));
    const char *seq_ab = "version = 1; exercise = { id = \"ab\"; title = \"T\"; kind = "
                         "\"sequence\"; items = [\"a\", \"b\"]; };";
    const char *seq_aa = "version = 1; exercise = { id = \"aa\"; title = \"T\"; kind = "
                         "\"sequence\"; items = [\"a\", \"a\"]; };";
    const char *seq_ax = "version = 1; exercise = { id = \"ax\"; title = \"T\"; kind = "
                         "\"sequence\"; items = [\"a\", \"x\"]; };";
    struct ebb_exercise *ab = load("ab.cfg", seq_ab);
    struct ebb_exercise *aa = load("aa.cfg", seq_aa);
    struct ebb_exercise *ax = load("ax.cfg", seq_ax);
    struct ebb_library_entry entries[2];
    memset(entries, 0, sizeof entries);
    entries[0].id = (char *)"a";
    entries[0].ex = a;
    entries[1].id = (char *)"b";
    entries[1].ex = b;
    struct ebb_library lib;
    memset(&lib, 0, sizeof lib);
    lib.entries = entries;
    lib.count = 2;
    assert_true(ebb_eyes_closed_suits(&lib, aa));
    assert_false(ebb_eyes_closed_suits(&lib, ab));
    assert_false(ebb_eyes_closed_suits(&lib, ax)); /* x is not in the library */
    assert_false(ebb_eyes_closed_suits(NULL, aa)); /* nothing to look the items up in */
    ebb_script_free(a);
    ebb_script_free(b);
    ebb_script_free(ab);
    ebb_script_free(aa);
    ebb_script_free(ax);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_breathing_exercise_with_tones_suits_closed_eyes),
        cmocka_unit_test(a_breathing_exercise_without_cues_does_not_suit),
        cmocka_unit_test(a_silent_phase_makes_a_breathing_exercise_unsuited),
        cmocka_unit_test(one_bell_for_every_phase_does_not_say_in_or_out),
        cmocka_unit_test(two_inhales_may_share_a_sound),
        cmocka_unit_test(a_grounding_exercise_that_waits_for_presses_does_not_suit),
        cmocka_unit_test(timed_and_tapped_grounding_with_sound_suits),
        cmocka_unit_test(timed_grounding_without_sound_does_not_suit),
        cmocka_unit_test(nothing_suits_when_there_is_no_exercise),
        cmocka_unit_test(the_built_in_library_is_marked_as_expected),
        cmocka_unit_test(a_sequence_suits_only_when_every_item_does),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
