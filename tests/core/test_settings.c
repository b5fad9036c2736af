/* Tests of engine/core/settings.c: what the person wrote is read, what they did not
 * write stays "not given" (so the state file and defaults can fill it), and every
 * mistake is a warning with its line that leaves the default. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "settings.h"

static int load_text(struct ebb_settings *s, const char *text, struct ebb_diags *d)
{
    ebb_diags_clear(d);
    return ebb_settings_load_buffer(s, text, strlen(text), "ebb.cfg", d);
}

static void an_empty_file_leaves_every_setting_unwritten(void **state)
{
    (void)state;
    struct ebb_settings s;
    struct ebb_diags d;
    assert_int_equal(load_text(&s, "# nothing yet\n", &d), 0);
    assert_int_equal(d.count, 0);
    assert_int_equal(s.volume_percent, -1);
    assert_false(s.mute.given);
    assert_false(s.fullscreen.given);
    assert_false(s.checkin.given);
    assert_false(s.no_holds.given);
    assert_string_equal(s.theme, "");
    assert_string_equal(s.default_exercise, "");
}

static void every_setting_written_is_read(void **state)
{
    (void)state;
    struct ebb_settings s;
    struct ebb_diags d;
    const char *text = "volume = 40;\n"
                       "mute = false;\n"
                       "theme = \"contrast\";\n"
                       "reduced_motion = true;\n"
                       "no_holds = true;\n"
                       "eyes_closed = true;\n"
                       "fullscreen = false;\n"
                       "checkin = false;\n"
                       "default_exercise = \"long-exhale\";\n";
    assert_int_equal(load_text(&s, text, &d), 0);
    assert_int_equal(d.count, 0);
    assert_int_equal(s.volume_percent, 40);
    assert_true(s.mute.given);
    assert_false(s.mute.value);
    assert_string_equal(s.theme, "contrast");
    assert_true(s.reduced_motion.given && s.reduced_motion.value);
    assert_true(s.no_holds.given && s.no_holds.value);
    assert_true(s.eyes_closed.given && s.eyes_closed.value);
    assert_true(s.fullscreen.given);
    assert_false(s.fullscreen.value);
    assert_true(s.checkin.given);
    assert_false(s.checkin.value);
    assert_string_equal(s.default_exercise, "long-exhale");
    assert_int_equal(s.default_exercise_line, 9); /* for the warning when it is unknown */
}

static void a_written_false_is_told_apart_from_an_unwritten_key(void **state)
{
    (void)state;
    struct ebb_settings s;
    struct ebb_diags d;
    assert_int_equal(load_text(&s, "mute = false;\n", &d), 0);
    assert_true(s.mute.given); /* the state file must not turn mute back on */
    assert_false(s.fullscreen.given);
}

static void a_whole_decimal_volume_is_accepted(void **state)
{
    (void)state;
    struct ebb_settings s;
    struct ebb_diags d;
    assert_int_equal(load_text(&s, "volume = 55.0;\n", &d), 0);
    assert_int_equal(s.volume_percent, 55);
    assert_int_equal(d.count, 0);
}

static void a_volume_out_of_range_warns_with_its_line_and_keeps_the_default(void **state)
{
    (void)state;
    struct ebb_settings s;
    struct ebb_diags d;
    assert_int_equal(load_text(&s, "mute = true;\n\nvolume = 150;\n", &d), 0);
    assert_int_equal(s.volume_percent, -1);
    assert_true(s.mute.given && s.mute.value); /* the good setting still counts */
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.warnings, 1);
    assert_int_equal(d.items[0].severity, EBB_SEVERITY_WARNING);
    assert_string_equal(d.items[0].file, "ebb.cfg");
    assert_int_equal(d.items[0].line, 3);
    assert_non_null(strstr(d.items[0].message, "volume"));
    assert_non_null(strstr(d.items[0].message, "0 to 100"));
}

static void the_voice_setting_is_read_and_a_bad_one_warns(void **state)
{
    (void)state;
    struct ebb_settings s;
    struct ebb_diags d;
    assert_int_equal(load_text(&s, "voice = \"prompts\";\n", &d), 0);
    assert_int_equal(s.voice, EBB_VOICE_PROMPTS);
    assert_int_equal(d.warnings, 0);
    assert_int_equal(load_text(&s, "voice = \"loud\";\n", &d), 0);
    assert_int_equal(s.voice, EBB_VOICE_UNSET);
    assert_int_equal(d.warnings, 1);
    assert_int_equal(d.items[0].line, 1);
    assert_non_null(strstr(d.items[0].message, "\"none\", \"prompts\" or \"all\""));
    assert_int_equal(load_text(&s, "voice = true;\n", &d), 0);
    assert_int_equal(s.voice, EBB_VOICE_UNSET);
    assert_int_equal(d.warnings, 1);
}

static void the_language_setting_is_normalized_and_a_bad_one_warns(void **state)
{
    (void)state;
    struct ebb_settings s;
    struct ebb_diags d;
    assert_int_equal(load_text(&s, "language = \"pt-br\";\n", &d), 0);
    assert_int_equal(d.count, 0);
    assert_string_equal(s.language, "pt_BR");
    assert_int_equal(load_text(&s, "language = \"Deutsch\";\n", &d), 0);
    assert_string_equal(s.language, "");
    assert_int_equal(d.count, 1);
    assert_int_equal(d.items[0].line, 1);
    assert_non_null(strstr(d.items[0].message, "language code"));
    assert_int_equal(load_text(&s, "language = 3;\n", &d), 0);
    assert_string_equal(s.language, "");
    assert_int_equal(d.count, 1);
}

static void wrong_types_warn_and_keep_defaults(void **state)
{
    (void)state;
    struct ebb_settings s;
    struct ebb_diags d;
    const char *text = "mute = \"yes\";\n"
                       "volume = \"loud\";\n"
                       "fullscreen = 1;\n"
                       "theme = \"purple\";\n"
                       "default_exercise = \"Not An Id\";\n";
    assert_int_equal(load_text(&s, text, &d), 0);
    assert_int_equal(d.warnings, 5);
    assert_int_equal(d.errors, 0);
    for (int i = 0; i < 5; i++) {
        assert_int_equal(d.items[i].line, i + 1);
        assert_non_null(strstr(d.items[i].message, "using the default"));
    }
    assert_non_null(strstr(d.items[0].message, "true or false"));
    assert_non_null(strstr(d.items[3].message, "\"purple\""));
    assert_false(s.mute.given);
    assert_int_equal(s.volume_percent, -1);
    assert_false(s.fullscreen.given);
    assert_string_equal(s.theme, "");
    assert_string_equal(s.default_exercise, "");
}

static void an_unknown_key_gets_a_did_you_mean(void **state)
{
    (void)state;
    struct ebb_settings s;
    struct ebb_diags d;
    assert_int_equal(load_text(&s, "volume = 30;\nfulscreen = true;\ncolour = 3;\n", &d), 0);
    assert_int_equal(d.warnings, 2);
    assert_int_equal(d.items[0].line, 2);
    assert_non_null(strstr(d.items[0].message, "unknown setting \"fulscreen\""));
    assert_non_null(strstr(d.items[0].message, "did you mean \"fullscreen\"?"));
    assert_int_equal(d.items[1].line, 3);
    assert_null(strstr(d.items[1].message, "did you mean"));
    assert_int_equal(s.volume_percent, 30);
    assert_false(s.fullscreen.given);
}

static void a_syntax_error_warns_and_ignores_the_file(void **state)
{
    (void)state;
    struct ebb_settings s;
    struct ebb_diags d;
    assert_int_equal(load_text(&s, "volume = 30;\nmute = ;\n", &d), -1);
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.warnings, 1);
    assert_int_equal(d.items[0].line, 2);
    assert_int_equal(s.volume_percent, -1);
}

static void include_is_refused_before_parsing(void **state)
{
    (void)state;
    struct ebb_settings s;
    struct ebb_diags d;
    assert_int_equal(load_text(&s, "volume = 30;\n@include \"/etc/passwd\"\n", &d), -1);
    assert_int_equal(d.items[0].line, 2);
    assert_non_null(strstr(d.items[0].message, "@include is not supported"));
    assert_int_equal(s.volume_percent, -1);
}

static void include_inside_a_comment_or_a_string_is_only_text(void **state)
{
    (void)state;
    struct ebb_settings s;
    struct ebb_diags d;
    const char *text = "# never @include \"other.cfg\": ebb reads one file\n"
                       "/* not even\n@include \"/etc/passwd\"\n*/\n"
                       "// @include\n"
                       "theme = \"light\"; # a theme, not an @include\n"
                       "volume = 30;\n";
    assert_int_equal(load_text(&s, text, &d), 0);
    assert_int_equal(d.count, 0);
    assert_int_equal(s.volume_percent, 30);
    assert_string_equal(s.theme, "light");
    /* one outside a comment is still refused, with its line */
    assert_int_equal(load_text(&s, "# @include\nvolume = 30;\n  @include \"x.cfg\"\n", &d), -1);
    assert_int_equal(d.items[0].line, 3);
    assert_non_null(strstr(d.items[0].message, "@include is not supported"));
}

static void a_byte_order_mark_at_the_start_is_skipped(void **state)
{
    (void)state;
    struct ebb_settings s;
    struct ebb_diags d;
    assert_int_equal(load_text(&s, "\xef\xbb\xbfvolume = 35;\nmute = true;\n", &d), 0);
    assert_int_equal(d.count, 0);
    assert_int_equal(s.volume_percent, 35);
    assert_true(s.mute.given);
    /* only at the start: elsewhere it is a mistake like any other */
    assert_int_equal(load_text(&s, "volume = 35;\n\xef\xbb\xbfmute = true;\n", &d), -1);
    assert_int_equal(d.items[0].line, 2);
}

static void a_nul_byte_is_refused(void **state)
{
    (void)state;
    struct ebb_settings s;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    static const char text[] = "volume = 30;\0mute = true;\n";
    assert_int_equal(ebb_settings_load_buffer(&s, text, sizeof text - 1, "ebb.cfg", &d), -1);
    assert_int_equal(d.warnings, 1);
    assert_int_equal(s.volume_percent, -1);
}

static void a_missing_file_is_no_problem_and_a_folder_is_refused(void **state)
{
    (void)state;
    struct ebb_settings s;
    struct ebb_diags d;
    char dir[] = "/tmp/ebb-test-settings-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/ebb.cfg", dir);
    ebb_diags_clear(&d);
    assert_int_equal(ebb_settings_load(&s, path, NULL, &d), 0);
    assert_int_equal(d.count, 0);

    assert_int_equal(mkdir(path, 0700), 0);
    assert_int_equal(ebb_settings_load(&s, path, NULL, &d), -1);
    assert_int_equal(d.warnings, 1);
    assert_string_equal(d.items[0].file, path);
    assert_non_null(strstr(d.items[0].message, "not a regular file"));
    rmdir(path);

    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("theme = \"light\";\nvolume = 20;\n", f);
    fclose(f);
    ebb_diags_clear(&d);
    assert_int_equal(ebb_settings_load(&s, path, "~/.config/ebb/ebb.cfg", &d), 0);
    assert_int_equal(d.count, 0);
    assert_string_equal(s.theme, "light");
    assert_int_equal(s.volume_percent, 20);
    unlink(path);
    rmdir(dir);
}

static void themes_are_dark_light_and_contrast(void **state)
{
    (void)state;
    assert_true(ebb_theme_valid("dark"));
    assert_true(ebb_theme_valid("light"));
    assert_true(ebb_theme_valid("contrast"));
    assert_false(ebb_theme_valid("Dark"));
    assert_false(ebb_theme_valid(""));
    assert_false(ebb_theme_valid(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_empty_file_leaves_every_setting_unwritten),
        cmocka_unit_test(the_voice_setting_is_read_and_a_bad_one_warns),
        cmocka_unit_test(every_setting_written_is_read),
        cmocka_unit_test(the_language_setting_is_normalized_and_a_bad_one_warns),
        cmocka_unit_test(a_written_false_is_told_apart_from_an_unwritten_key),
        cmocka_unit_test(a_whole_decimal_volume_is_accepted),
        cmocka_unit_test(a_volume_out_of_range_warns_with_its_line_and_keeps_the_default),
        cmocka_unit_test(wrong_types_warn_and_keep_defaults),
        cmocka_unit_test(an_unknown_key_gets_a_did_you_mean),
        cmocka_unit_test(a_syntax_error_warns_and_ignores_the_file),
        cmocka_unit_test(include_is_refused_before_parsing),
        cmocka_unit_test(include_inside_a_comment_or_a_string_is_only_text),
        cmocka_unit_test(a_byte_order_mark_at_the_start_is_skipped),
        cmocka_unit_test(a_nul_byte_is_refused),
        cmocka_unit_test(a_missing_file_is_no_problem_and_a_folder_is_refused),
        cmocka_unit_test(themes_are_dark_light_and_contrast),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
