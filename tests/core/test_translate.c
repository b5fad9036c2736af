/* Tests of translations (engine/core/translate.c, script_translations.c): a script's
 * `translations` are read and checked, the right one is picked for a language code,
 * applied to every shown text and nothing else, and every built-in exercise is
 * translated completely into each shipped language. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "script.h"
#include "test_script_util.h"
#include "translate.h"

#define SOURCE_DIR EBB_TEST_DIR "/.."

static const char *const breathing =
    "version = 1;\n"
    "exercise = {\n"
    "  id = \"tr\"; title = \"Box\"; kind = \"breathing\";\n"
    "  summary = \"Four sides.\"; about = \"Why.\";\n"
    "  cycles = 2;\n"
    "  pattern = (\n"
    "    { phase = \"inhale\"; seconds = 4.0; },\n"
    "    { phase = \"hold\"; seconds = 4.0; text = \"Rest\"; },\n"
    "    { phase = \"exhale\"; seconds = 4.0; text = \"Breathe out\"; },\n"
    "    { phase = \"hold\"; seconds = 4.0; text = \"Rest\"; }\n"
    "  );\n"
    "  translations = {\n"
    "    de = { title = \"Kasten\"; summary = \"Vier Seiten.\";\n"
    "           strings = ( [ \"Breathe in\", \"Einatmen\" ], [ \"Rest\", \"Ruhe\" ] ); };\n"
    "    pt_BR = { title = \"Caixa\"; };\n"
    "    pt = { title = \"Caixa (pt)\"; };\n"
    "  };\n"
    "};\n";

static void a_translation_replaces_the_shown_texts_and_nothing_else(void **state)
{
    (void)state;
    struct ebb_diags d;
    char buf[1024];
    struct ebb_exercise *ex = load_text(breathing, "tr.cfg", &d);
    if (!ex || d.count)
        fail_msg("%s", first(&d, buf, sizeof buf));
    assert_int_equal(ex->translation_count, 3);
    assert_int_equal(ebb_script_translate(ex, "de_DE.UTF-8"), 1);
    assert_string_equal(ex->id, "tr");
    assert_string_equal(ex->title, "Kasten");
    assert_string_equal(ex->summary, "Vier Seiten.");
    assert_string_equal(ex->about, "Why."); /* not translated: as written */
    assert_string_equal(ex->phases[0].text, "Einatmen"); /* the default text counts too */
    assert_string_equal(ex->phases[1].text, "Ruhe");
    assert_string_equal(ex->phases[2].text, "Breathe out");
    assert_string_equal(ex->phases[3].text, "Ruhe");
    assert_true(ex->phases[2].seconds == 4.0);
    assert_string_equal(ex->language, "de"); /* the voice speaks it */
    assert_string_equal(ex->shown_language, "de");
    /* once applied, another language does not mix in */
    assert_int_equal(ebb_script_translate(ex, "pt_BR"), 0);
    assert_string_equal(ex->title, "Kasten");
    ebb_script_free(ex);
}

static void the_exact_code_then_the_language_part_else_as_written(void **state)
{
    (void)state;
    struct ebb_diags d;
    struct ebb_exercise *ex = load_text(breathing, "tr.cfg", &d);
    assert_non_null(ex);
    assert_string_equal(ebb_translation_find(ex, "pt_BR")->title, "Caixa");
    assert_string_equal(ebb_translation_find(ex, "pt-br")->title, "Caixa");
    assert_string_equal(ebb_translation_find(ex, "pt_PT")->title, "Caixa (pt)");
    assert_string_equal(ebb_translation_find(ex, "pt")->title, "Caixa (pt)");
    assert_string_equal(ebb_translation_find(ex, "DE")->title, "Kasten");
    assert_string_equal(ebb_translation_find(ex, "de_AT")->title, "Kasten");
    assert_null(ebb_translation_find(ex, "ja"));
    assert_null(ebb_translation_find(ex, "en_US.UTF-8"));
    assert_null(ebb_translation_find(ex, "d"));
    assert_null(ebb_translation_find(ex, ""));
    assert_null(ebb_translation_find(ex, NULL));
    assert_int_equal(ebb_script_translate(ex, "ja_JP.UTF-8"), 0);
    assert_string_equal(ex->title, "Box");
    assert_null(ex->shown_language);
    assert_null(ex->language);
    ebb_script_free(ex);
}

static void a_script_without_translations_is_shown_as_written(void **state)
{
    (void)state;
    struct ebb_diags d;
    const char *text = "version = 1;\n"
                       "exercise = { id = \"mine\"; title = \"Mein Atem\"; kind = \"grounding\";\n"
                       "  steps = ( { prompt = \"Spüre den Boden\"; } ); };\n";
    struct ebb_exercise *ex = load_text(text, "mine.cfg", &d);
    assert_non_null(ex);
    assert_int_equal(ebb_script_translate(ex, "en"), 0);
    assert_int_equal(ebb_script_translate(ex, "ja"), 0);
    assert_string_equal(ex->title, "Mein Atem");
    assert_string_equal(ex->steps[0].prompt, "Spüre den Boden");
    ebb_script_free(ex);
}

static void steps_have_their_prompts_and_details_translated(void **state)
{
    (void)state;
    struct ebb_diags d;
    char buf[1024];
    const char *text =
        "version = 1;\n"
        "exercise = { id = \"g\"; title = \"Ground\"; kind = \"grounding\";\n"
        "  steps = ( { prompt = \"Feet\"; detail = \"Press down.\"; },\n"
        "            { prompt = \"Look\"; detail = \"Feet\"; } );\n"
        "  translations = { fr = { title = \"Sol\"; strings = (\n"
        "    [ \"Feet\", \"Les pieds\" ], [ \"Press down.\", \"Appuyez.\" ] ); }; };\n"
        "};\n";
    struct ebb_exercise *ex = load_text(text, "g.cfg", &d);
    if (!ex || d.count)
        fail_msg("%s", first(&d, buf, sizeof buf));
    const char *missing = NULL;
    assert_int_equal(ebb_translation_missing(ex, &ex->translations[0], &missing), 1);
    assert_string_equal(missing, "Look");
    assert_int_equal(ebb_translation_missing(ex, NULL, &missing), 4); /* title, Feet, Press, Look */
    assert_int_equal(ebb_script_translate(ex, "fr_CA"), 1);
    assert_string_equal(ex->steps[0].prompt, "Les pieds");
    assert_string_equal(ex->steps[0].detail, "Appuyez.");
    assert_string_equal(ex->steps[1].prompt, "Look");
    assert_string_equal(ex->steps[1].detail, "Les pieds");
    ebb_script_free(ex);
}

static void a_string_the_script_does_not_show_is_a_warning_at_its_line(void **state)
{
    (void)state;
    struct ebb_diags d;
    char buf[1024];
    const char *text =
        "version = 1;\n"
        "exercise = { id = \"w\"; title = \"W\"; kind = \"grounding\";\n"
        "  steps = ( { prompt = \"Feet\"; } );\n"
        "  translations = { es = { strings = (\n"
        "    [ \"Feet\", \"Los pies\" ],\n"
        "    [ \"Fete\", \"Los pies\" ] ); }; };\n"
        "};\n";
    struct ebb_exercise *ex = load_text(text, "w.cfg", &d);
    assert_non_null(ex);
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.warnings, 1);
    assert_string_equal(first(&d, buf, sizeof buf),
                        "w.cfg:6: warning: \"Fete\" in \"strings\" of \"es\" is not a phase text, "
                        "step prompt or detail of this exercise: its translation is never shown");
    ebb_script_free(ex);
}

static void a_translation_is_held_to_the_limit_of_the_text_it_stands_for(void **state)
{
    (void)state;
    struct ebb_diags d;
    char buf[1024], text[2048], long_text[200];
    memset(long_text, 'a', 121);
    long_text[121] = '\0';
    snprintf(text, sizeof text,
             "version = 1;\n"
             "exercise = { id = \"l\"; title = \"L\"; kind = \"breathing\";\n"
             "  pattern = ( { phase = \"inhale\"; seconds = 4.0; } );\n"
             "  translations = { ja = { strings = (\n"
             "    [ \"Breathe in\", \"%s\" ] ); }; };\n"
             "};\n",
             long_text);
    assert_null(load_text(text, "l.cfg", &d));
    assert_string_equal(first(&d, buf, sizeof buf),
                        "l.cfg:5: error: the translation of a pair in \"strings\" of \"ja\" must "
                        "be a text of 1 to 120 characters, found 121");
}

/* Every built-in exercise, in every language ebb ships, shows no English. */
static void every_built_in_exercise_is_translated_completely(void **state)
{
    (void)state;
    static const char *const shipped[] = {"de", "es", "fr", "ar", "ja"};
    DIR *dir = opendir(SOURCE_DIR "/exercises");
    assert_non_null(dir);
    struct dirent *e;
    int files = 0, problems = 0;
    while ((e = readdir(dir)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".cfg"))
            continue;
        char path[600], buf[1024];
        snprintf(path, sizeof path, "%s/exercises/%s", SOURCE_DIR, e->d_name);
        struct ebb_diags d;
        ebb_diags_clear(&d);
        struct ebb_exercise *ex = ebb_script_load(path, NULL, &d);
        if (!ex)
            fail_msg("%s", first(&d, buf, sizeof buf));
        files++;
        /* Until every built-in is translated, the untranslated ones are left out. */
        for (size_t i = 0; ex->translation_count > 0 && i < sizeof shipped / sizeof shipped[0]; i++) {
            const struct ebb_translation *tr = ebb_translation_find(ex, shipped[i]);
            const char *missing = NULL;
            int count = ebb_translation_missing(ex, tr, &missing);
            if (count > 0 || !tr || strcmp(tr->language, shipped[i])) {
                print_error("exercises/%s: %d texts have no \"%s\" translation, the first: "
                            "\"%s\"\n",
                            e->d_name, count, shipped[i], missing ? missing : "");
                problems++;
            }
        }
        ebb_script_free(ex);
    }
    closedir(dir);
    assert_true(files >= 16);
    assert_int_equal(problems, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_translation_replaces_the_shown_texts_and_nothing_else),
        cmocka_unit_test(the_exact_code_then_the_language_part_else_as_written),
        cmocka_unit_test(a_script_without_translations_is_shown_as_written),
        cmocka_unit_test(steps_have_their_prompts_and_details_translated),
        cmocka_unit_test(a_string_the_script_does_not_show_is_a_warning_at_its_line),
        cmocka_unit_test(a_translation_is_held_to_the_limit_of_the_text_it_stands_for),
        cmocka_unit_test(every_built_in_exercise_is_translated_completely),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
