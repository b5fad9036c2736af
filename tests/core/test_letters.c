/* Tests of engine/core/letters.c with made-up fonts: font 0 has Latin and the shared
 * characters, font 1 Hebrew and the shared ones, font 2 han and kana; nothing has U+0378.
 * A line is cut where the script or the font changes, marks stay with their letter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "letters.h"

static bool has(void *ctx, int font, uint32_t cp)
{
    (void)ctx;
    const char *sc = ebb_letters_script(cp);
    if (cp == 0x378)
        return false;
    if (cp == 0x3000)
        return font == 2;
    if (!sc)
        return true; /* every made-up font has spaces, digits and punctuation */
    if (font == 0)
        return strcmp(sc, "Latn") == 0;
    if (font == 1)
        return strcmp(sc, "Hebr") == 0;
    return font == 2 && strcmp(sc, "Hani") == 0;
}

static int pick(void *ctx, uint32_t cp, const char *script)
{
    for (int f = 0; f < 3; f++)
        if (has(ctx, f, cp))
            return f;
    (void)script;
    return EBB_FONT_NONE;
}

/* The runs of s as "font:script:text|...". */
static const char *runs_of(const char *s)
{
    static char out[512];
    struct ebb_letters_fonts fonts = {pick, has, NULL};
    struct ebb_letters_run r[16];
    int n = ebb_letters_runs(s, strlen(s), &fonts, r, 16);
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        char one[128];
        snprintf(one, sizeof one, "%s%d:%s:%.*s", i ? "|" : "", r[i].font, r[i].script,
                 (int)r[i].len, s + r[i].start);
        strcat(out, one);
    }
    return out;
}

static void a_latin_line_is_one_run_of_the_main_font(void **state)
{
    (void)state;
    assert_string_equal(runs_of("Breathe in, 4 s."), "0:Latn:Breathe in, 4 s.");
    assert_string_equal(runs_of("42"), "0:Zyyy:42");
}

static void a_change_of_script_starts_a_run_and_shared_characters_stay_before(void **state)
{
    (void)state;
    assert_string_equal(runs_of("Hello שלום 123 ebb"),
                        "0:Latn:Hello |1:Hebr:שלום 123 |0:Latn:ebb");
    assert_string_equal(runs_of("ebb と 呼吸。"), "0:Latn:ebb |2:Hani:と 呼吸。");
}

static void a_letter_after_a_shared_character_in_another_font_goes_back_to_its_own(void **state)
{
    (void)state;
    /* U+3000 (ideographic space) only font 2 has: "M" after it is drawn in font 0 */
    assert_string_equal(runs_of("+\xe3\x80\x80M"), "0:Zyyy:+|2:Zyyy:\xe3\x80\x80|0:Latn:M");
}

static void a_mark_stays_with_its_letter(void **state)
{
    (void)state;
    /* U+05B8 (qamats) after a Hebrew letter, U+0301 (acute) after a Latin one */
    assert_string_equal(runs_of("שָׁ e\xcc\x81"), "1:Hebr:שָׁ |0:Latn:e\xcc\x81");
}

static void a_character_no_font_has_is_a_run_of_its_own(void **state)
{
    (void)state;
    assert_string_equal(runs_of("a\xcd\xb8\xcd\xb8 b"), "0:Latn:a|-1:Grek:\xcd\xb8\xcd\xb8|0:Latn: b");
}

static void utf8_is_decoded_and_a_broken_byte_is_one_replacement(void **state)
{
    (void)state;
    size_t len;
    assert_int_equal(ebb_utf8_next("\xd7\xa9", 2, &len), 0x5E9);
    assert_int_equal(len, 2);
    assert_int_equal(ebb_utf8_next("\xf0\xa0\x80\x80", 4, &len), 0x20000);
    assert_int_equal(len, 4);
    assert_int_equal(ebb_utf8_next("\xe3\x81", 2, &len), 0xFFFD); /* cut short */
    assert_int_equal(len, 1);
    assert_int_equal(ebb_utf8_next("\xc0\xaf", 2, &len), 0xFFFD); /* overlong */
    assert_string_equal(ebb_letters_script(0x627), "Arab");
    assert_string_equal(ebb_letters_script(0x915), "Deva");
    assert_string_equal(ebb_letters_script(0x30AB), "Hani");
    assert_null(ebb_letters_script(0x660)); /* Arabic-Indic digits are shared */
    assert_true(ebb_letters_is_mark(0x64E));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_latin_line_is_one_run_of_the_main_font),
        cmocka_unit_test(a_change_of_script_starts_a_run_and_shared_characters_stay_before),
        cmocka_unit_test(a_letter_after_a_shared_character_in_another_font_goes_back_to_its_own),
        cmocka_unit_test(a_mark_stays_with_its_letter),
        cmocka_unit_test(a_character_no_font_has_is_a_run_of_its_own),
        cmocka_unit_test(utf8_is_decoded_and_a_broken_byte_is_one_replacement),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
