/* Tests of engine/core/speech.c: which voice mode wins, what a step says, when a phase's
 * text fits, and which language is spoken. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "speech.h"

static struct ebb_exercise grounding(enum ebb_voice_mode written)
{
    struct ebb_exercise ex;
    memset(&ex, 0, sizeof ex);
    ex.kind = EBB_KIND_GROUNDING;
    ex.audio.voice = written;
    return ex;
}

static void nothing_written_speaks_nothing_unless_eyes_are_closed_for_grounding(void **state)
{
    (void)state;
    struct ebb_exercise g = grounding(EBB_VOICE_UNSET), b = g;
    b.kind = EBB_KIND_BREATHING;
    struct ebb_speech_choice c = {.cli = -1};
    assert_int_equal(ebb_speech_mode(&g, &c), EBB_VOICE_NONE);
    c.eyes_closed = true;
    assert_int_equal(ebb_speech_mode(&g, &c), EBB_VOICE_PROMPTS);
    assert_int_equal(ebb_speech_mode(&b, &c), EBB_VOICE_NONE);
}

static void the_command_line_then_the_settings_then_the_script_decide(void **state)
{
    (void)state;
    struct ebb_exercise ex = grounding(EBB_VOICE_PROMPTS);
    struct ebb_speech_choice c = {.cli = -1};
    assert_int_equal(ebb_speech_mode(&ex, &c), EBB_VOICE_PROMPTS);
    c.setting = EBB_VOICE_NONE; /* the person's ebb.cfg wins over the script */
    assert_int_equal(ebb_speech_mode(&ex, &c), EBB_VOICE_NONE);
    c.eyes_closed = true; /* a written none stays none */
    assert_int_equal(ebb_speech_mode(&ex, &c), EBB_VOICE_NONE);
    c.cli = 1; /* --voice: the written mode when it speaks, else all */
    assert_int_equal(ebb_speech_mode(&ex, &c), EBB_VOICE_ALL);
    c.setting = EBB_VOICE_PROMPTS;
    assert_int_equal(ebb_speech_mode(&ex, &c), EBB_VOICE_PROMPTS);
    c.cli = 0; /* --no-voice silences everything */
    assert_int_equal(ebb_speech_mode(&ex, &c), EBB_VOICE_NONE);
    assert_int_equal(ebb_speech_mode(NULL, &c), EBB_VOICE_NONE);
}

static void a_step_says_its_prompt_and_with_all_its_detail_as_sentences(void **state)
{
    (void)state;
    char prompt[] = "Your feet", detail[] = "Notice your toes. ";
    struct ebb_step st = {.prompt = prompt, .detail = detail};
    char buf[128];
    assert_int_equal(ebb_speech_step_text(&st, EBB_VOICE_PROMPTS, buf, sizeof buf), 10);
    assert_string_equal(buf, "Your feet.");
    ebb_speech_step_text(&st, EBB_VOICE_ALL, buf, sizeof buf);
    assert_string_equal(buf, "Your feet. Notice your toes.");
    assert_int_equal(ebb_speech_step_text(&st, EBB_VOICE_NONE, buf, sizeof buf), 0);
    assert_string_equal(buf, "");
    char small[6];
    ebb_speech_step_text(&st, EBB_VOICE_ALL, small, sizeof small);
    assert_string_equal(small, "Your ");
}

static void only_all_speaks_phases_and_a_text_must_end_before_its_phase(void **state)
{
    (void)state;
    assert_true(ebb_speech_phases(EBB_VOICE_ALL));
    assert_false(ebb_speech_phases(EBB_VOICE_PROMPTS));
    assert_true(ebb_speech_fits(700000, 4000000));
    assert_true(ebb_speech_fits(3700000, 4000000));
    assert_false(ebb_speech_fits(3700001, 4000000));
    assert_false(ebb_speech_fits(4800000, 1000000));
}

static void the_language_is_the_scripts_else_the_locales_else_english(void **state)
{
    (void)state;
    char tag[EBB_SPEECH_LANGUAGE_MAX];
    assert_true(ebb_speech_language("pt-BR", "de_DE.UTF-8", NULL, NULL, tag, sizeof tag));
    assert_string_equal(tag, "pt-br");
    assert_false(ebb_speech_language(NULL, "", "es_ES.UTF-8@euro", "de_DE", tag, sizeof tag));
    assert_string_equal(tag, "es-es");
    ebb_speech_language(NULL, NULL, NULL, "de_AT.UTF-8", tag, sizeof tag);
    assert_string_equal(tag, "de-at");
    ebb_speech_language(NULL, "C.UTF-8", NULL, "de_AT", tag, sizeof tag);
    assert_string_equal(tag, "en");
    ebb_speech_language(NULL, NULL, NULL, NULL, tag, sizeof tag);
    assert_string_equal(tag, "en");
    ebb_speech_language(NULL, NULL, NULL, "!!", tag, sizeof tag);
    assert_string_equal(tag, "en");
}

static void language_tags_are_checked(void **state)
{
    (void)state;
    assert_true(ebb_language_valid("de"));
    assert_true(ebb_language_valid("yue"));
    assert_true(ebb_language_valid("pt-BR"));
    assert_true(ebb_language_valid("es_419"));
    assert_true(ebb_language_valid("sr-Latn-RS"));
    assert_false(ebb_language_valid("English"));
    assert_false(ebb_language_valid("d"));
    assert_false(ebb_language_valid("de-"));
    assert_false(ebb_language_valid("de--at"));
    assert_false(ebb_language_valid("12"));
    assert_false(ebb_language_valid("de-a-b"));
    assert_false(ebb_language_valid("en-aa-bb-cc-dd"));
    assert_false(ebb_language_valid("de at"));
    assert_false(ebb_language_valid(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nothing_written_speaks_nothing_unless_eyes_are_closed_for_grounding),
        cmocka_unit_test(the_command_line_then_the_settings_then_the_script_decide),
        cmocka_unit_test(a_step_says_its_prompt_and_with_all_its_detail_as_sentences),
        cmocka_unit_test(only_all_speaks_phases_and_a_text_must_end_before_its_phase),
        cmocka_unit_test(the_language_is_the_scripts_else_the_locales_else_english),
        cmocka_unit_test(language_tags_are_checked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
