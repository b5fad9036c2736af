/* Tests of engine/core/lang.c: locale names become language codes, the command line
 * and the settings file win over the environment, and the environment is read as
 * gettext reads it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "lang.h"

static const char *norm(const char *value)
{
    static char out[EBB_LANG_MAX];
    if (ebb_lang_normalize(value, out) != 0)
        return "(bad)";
    return out;
}

static void locale_names_lose_their_codeset_and_keep_their_territory(void **state)
{
    (void)state;
    assert_string_equal(norm("de_DE.UTF-8"), "de_DE");
    assert_string_equal(norm("de"), "de");
    assert_string_equal(norm("pt_BR"), "pt_BR");
    assert_string_equal(norm("pt-br"), "pt_BR");
    assert_string_equal(norm("AR_eg.utf8"), "ar_EG");
    assert_string_equal(norm("sr_RS.UTF-8@latin"), "sr_RS@latin");
    assert_string_equal(norm("es_419"), "es_419");
    assert_string_equal(norm("fil"), "fil");
}

static void c_and_posix_mean_english(void **state)
{
    (void)state;
    assert_string_equal(norm("C"), "en");
    assert_string_equal(norm("C.UTF-8"), "en");
    assert_string_equal(norm("POSIX"), "en");
}

static void what_is_not_a_code_is_refused(void **state)
{
    (void)state;
    char out[EBB_LANG_MAX] = "x";
    assert_int_equal(ebb_lang_normalize("", out), -1);
    assert_string_equal(out, "");
    assert_int_equal(ebb_lang_normalize(NULL, out), -1);
    assert_string_equal(norm("d"), "(bad)");
    assert_string_equal(norm("deutsch"), "(bad)");
    assert_string_equal(norm("de_"), "(bad)");
    assert_string_equal(norm("de_DEU1"), "(bad)");
    assert_string_equal(norm("de DE"), "(bad)");
    assert_string_equal(norm("../../etc"), "(bad)");
    assert_string_equal(norm(".UTF-8"), "(bad)");
    assert_string_equal(norm("de@"), "(bad)");
    assert_string_equal(norm("de@a/b"), "(bad)");
    assert_string_equal(norm("de@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), "(bad)");
    assert_false(ebb_lang_valid("klingon"));
    assert_true(ebb_lang_valid("ja"));
}

static const char *resolve(struct ebb_lang_sources src)
{
    static char out[EBB_LANG_MAX];
    ebb_lang_resolve(&src, out);
    return out;
}

static void the_command_line_wins_then_the_settings_file(void **state)
{
    (void)state;
    struct ebb_lang_sources s = {.cli = "ja", .cfg = "fr", .lang = "de_DE.UTF-8"};
    assert_string_equal(resolve(s), "ja");
    s.cli = NULL;
    assert_string_equal(resolve(s), "fr");
    s.cfg = "";
    assert_string_equal(resolve(s), "de_DE");
}

static void lc_all_wins_over_lc_messages_over_lang(void **state)
{
    (void)state;
    struct ebb_lang_sources s = {.lc_all = "es_ES.UTF-8", .lc_messages = "fr_FR", .lang = "de"};
    assert_string_equal(resolve(s), "es_ES");
    s.lc_all = "";
    assert_string_equal(resolve(s), "fr_FR");
    s.lc_messages = NULL;
    assert_string_equal(resolve(s), "de");
}

static void language_wins_over_the_locale_unless_it_is_c(void **state)
{
    (void)state;
    struct ebb_lang_sources s = {.language = "ar:fr", .lang = "de_DE.UTF-8"};
    assert_string_equal(resolve(s), "ar");
    s.language = ":bad value:fr_CA";
    assert_string_equal(resolve(s), "fr_CA");
    /* LC_ALL=C asks for English, as gettext reads it; so does no locale at all */
    s.lc_all = "C";
    assert_string_equal(resolve(s), "en");
    s.lc_all = NULL;
    s.lang = NULL;
    assert_string_equal(resolve(s), "en");
}

static void nothing_at_all_is_english(void **state)
{
    (void)state;
    struct ebb_lang_sources s = {0};
    assert_string_equal(resolve(s), "en");
    s.cli = "not a language";
    s.lang = "also not";
    assert_string_equal(resolve(s), "en");
}

static void arabic_hebrew_persian_and_urdu_are_right_to_left(void **state)
{
    (void)state;
    assert_true(ebb_lang_is_rtl("ar"));
    assert_true(ebb_lang_is_rtl("ar_EG"));
    assert_true(ebb_lang_is_rtl("he"));
    assert_true(ebb_lang_is_rtl("fa_IR"));
    assert_true(ebb_lang_is_rtl("ur"));
    assert_false(ebb_lang_is_rtl("en"));
    assert_false(ebb_lang_is_rtl("ja"));
    assert_false(ebb_lang_is_rtl("ary")); /* not "ar" itself, though also Arabic */
    assert_false(ebb_lang_is_rtl(""));
    assert_false(ebb_lang_is_rtl(NULL));
}

static void the_primary_language_drops_territory_and_modifier(void **state)
{
    (void)state;
    char out[EBB_LANG_MAX];
    ebb_lang_primary("pt_BR", out);
    assert_string_equal(out, "pt");
    ebb_lang_primary("sr_RS@latin", out);
    assert_string_equal(out, "sr");
    ebb_lang_primary("de", out);
    assert_string_equal(out, "de");
}

static void the_current_language_is_english_until_set(void **state)
{
    (void)state;
    assert_string_equal(ebb_lang_current(), "en");
    ebb_lang_set("de_DE.UTF-8");
    assert_string_equal(ebb_lang_current(), "de_DE");
    ebb_lang_set("nonsense!");
    assert_string_equal(ebb_lang_current(), "en");
    ebb_lang_set(NULL);
    assert_string_equal(ebb_lang_current(), "en");
}

static void decimals_are_written_with_the_locale_s_point(void **state)
{
    (void)state;
    char buf[32];
    assert_string_equal(ebb_lang_decimal(1.25, 1, buf, sizeof buf), "1.2");
    ebb_lang_set_decimal_point(",");
    assert_string_equal(ebb_lang_decimal(1.5, 1, buf, sizeof buf), "1,5");
    assert_string_equal(ebb_lang_decimal(-0.75, 2, buf, sizeof buf), "-0,75");
    assert_string_equal(ebb_lang_decimal(3, 0, buf, sizeof buf), "3");
    ebb_lang_set_decimal_point("\xd9\xab"); /* Arabic decimal separator */
    assert_string_equal(ebb_lang_decimal(2.5, 1, buf, sizeof buf), "2\xd9\xab" "5");
    ebb_lang_set_decimal_point(NULL);
    assert_string_equal(ebb_lang_decimal(2.5, 1, buf, sizeof buf), "2.5");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_current_language_is_english_until_set),
        cmocka_unit_test(locale_names_lose_their_codeset_and_keep_their_territory),
        cmocka_unit_test(c_and_posix_mean_english),
        cmocka_unit_test(what_is_not_a_code_is_refused),
        cmocka_unit_test(the_command_line_wins_then_the_settings_file),
        cmocka_unit_test(lc_all_wins_over_lc_messages_over_lang),
        cmocka_unit_test(language_wins_over_the_locale_unless_it_is_c),
        cmocka_unit_test(nothing_at_all_is_english),
        cmocka_unit_test(arabic_hebrew_persian_and_urdu_are_right_to_left),
        cmocka_unit_test(the_primary_language_drops_territory_and_modifier),
        cmocka_unit_test(decimals_are_written_with_the_locale_s_point),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
