/* Tests of engine/core/bidi.c: lines of Hebrew with numbers, Arabic, and mixed Hebrew and
 * Latin put from logical into visual order (the leftmost character first), the paragraph's
 * direction from its first strong character, and the runs handed to the shaper. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <string.h>

#include "bidi.h"

static const char *visual(const char *s, bool base_rtl)
{
    static char out[512];
    ebb_bidi_visual(s, strlen(s), base_rtl, out, sizeof out);
    return out;
}

static void hebrew_reads_from_the_right_and_its_numbers_from_the_left(void **state)
{
    (void)state;
    assert_string_equal(visual("שלום 123 עולם", true), "םלוע 123 םולש");
    assert_string_equal(visual("נשימה 4 שניות.", true), ".תוינש 4 המישנ");
    assert_string_equal(visual("7-4", true), "7-4");
}

static void arabic_is_reversed_as_a_whole_word_order(void **state)
{
    (void)state;
    /* "اشعر بقدميك" (feel your feet): the last word is drawn leftmost */
    assert_string_equal(visual("اشعر بقدميك", true), "كيمدقب رعشا");
    assert_string_equal(visual("تنفس 5 مرات", true), "تارم 5 سفنت");
}

static void mixed_lines_keep_each_words_own_direction(void **state)
{
    (void)state;
    assert_string_equal(visual("Press שלום now", false), "Press םולש now");
    assert_string_equal(visual("שלום ebb עולם", true), "םלוע ebb םולש");
    assert_string_equal(visual("ebb 1.0 שלום", false), "ebb 1.0 םולש");
}

static void the_first_strong_character_gives_the_paragraphs_direction(void **state)
{
    (void)state;
    assert_true(ebb_bidi_is_rtl("שלום"));
    assert_true(ebb_bidi_is_rtl("123 مرحبا"));
    assert_false(ebb_bidi_is_rtl("Hello שלום"));
    assert_false(ebb_bidi_is_rtl("42"));
    assert_false(ebb_bidi_is_rtl(""));
    assert_false(ebb_bidi_is_rtl("足の裏"));
}

static void runs_come_in_visual_order_with_their_direction(void **state)
{
    (void)state;
    const char *s = "abc אבג";
    struct ebb_bidi_run r[8];
    int n = ebb_bidi_runs(s, strlen(s), false, r, 8);
    assert_int_equal(n, 2);
    assert_int_equal(r[0].start, 0);
    assert_false(r[0].rtl);
    assert_int_equal(r[1].start, 4);
    assert_true(r[1].rtl);
    s = "אבג abc";
    n = ebb_bidi_runs(s, strlen(s), true, r, 8);
    assert_int_equal(n, 2);
    assert_false(r[0].rtl); /* "abc", leftmost */
    assert_int_equal(r[0].start, strlen("אבג "));
    assert_true(r[1].rtl);
    assert_int_equal(r[1].start, 0);
    assert_int_equal(ebb_bidi_runs("", 0, true, r, 8), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hebrew_reads_from_the_right_and_its_numbers_from_the_left),
        cmocka_unit_test(arabic_is_reversed_as_a_whole_word_order),
        cmocka_unit_test(mixed_lines_keep_each_words_own_direction),
        cmocka_unit_test(the_first_strong_character_gives_the_paragraphs_direction),
        cmocka_unit_test(runs_come_in_visual_order_with_their_direction),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
