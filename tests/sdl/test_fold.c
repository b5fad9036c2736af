/* Tests of engine/sdl/fold.c: case folds for every script the filter meets, not only
 * ASCII; letters that fold to two; bytes that are not UTF-8 pass through. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <string.h>

#include "fold.h"

static const char *folded(const char *s)
{
    static char out[256];
    fold_utf8(s, out, sizeof out);
    return out;
}

static void cyrillic_greek_and_armenian_fold_like_latin(void **state)
{
    (void)state;
    assert_true(fold_contains("Дыхание", "дых"));
    assert_true(fold_contains("дыхание", "ДЫХ"));
    assert_true(fold_contains("Αναπνοή", "αναπνοή"));
    assert_true(fold_contains("ΑΝΑΠΝΟΉ", "αναπνοή")); /* Ή with its tonos */
    assert_true(fold_contains("Շնչառություն", "շնչառ")); /* Armenian */
    assert_true(fold_contains("Box breathing", "BREATH"));
    assert_false(fold_contains("Дыхание", "дым"));
    assert_string_equal(folded("ЁЖИК Ї Ґ"), "ёжик ї ґ");
    assert_string_equal(folded("ΣΟΦΟΣ σοφος"), "σοφοσ σοφοσ"); /* final sigma too */
}

static void latin_extended_georgian_and_cherokee_fold(void **state)
{
    (void)state;
    assert_string_equal(folded("ÀÉÎÕÜ ĄĆĘŁŃŚŹŻ ŐŰ ȘȚ ƏĞ"), "àéîõü ąćęłńśźż őű șț əğ");
    assert_string_equal(folded("ẠẾỆ"), "ạếệ"); /* Vietnamese */
    assert_string_equal(folded("Ა"), "ა");     /* Georgian Mtavruli -> Mkhedruli */
    assert_string_equal(folded("ꭰ"), "Ꭰ");     /* Cherokee folds to the capitals */
    assert_string_equal(folded("ＡＢＣ"), "ａｂｃ");
    assert_string_equal(folded("𐐀"), "𐐨"); /* Deseret, four bytes */
}

static void some_letters_fold_to_two(void **state)
{
    (void)state;
    assert_string_equal(folded("Straße"), "strasse");
    assert_string_equal(folded("ẞ"), "ss");
    assert_string_equal(folded("ﬁne"), "fine");
    assert_true(fold_contains("Atemübung Straße", "STRASSE"));
    assert_true(fold_contains("İstanbul", "istanbul"));
}

static void what_is_not_utf8_passes_and_the_end_is_a_whole_character(void **state)
{
    (void)state;
    assert_string_equal(folded("A\xFF" "B\xC3"), "a\xFF" "b\xC3");
    char small[4];
    fold_utf8("ДЫХ", small, sizeof small); /* room for one letter of two bytes, not two */
    assert_string_equal(small, "д");
    assert_true(fold_contains("anything", ""));
    assert_false(fold_contains(NULL, "a"));
    uint32_t out[3];
    assert_int_equal(fold_code('a', out), 1);
    assert_int_equal(out[0], 'a');
    assert_int_equal(fold_code(0x2126, out), 1); /* ohm sign */
    assert_int_equal(out[0], 0x3C9);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cyrillic_greek_and_armenian_fold_like_latin),
        cmocka_unit_test(latin_extended_georgian_and_cherokee_fold),
        cmocka_unit_test(some_letters_fold_to_two),
        cmocka_unit_test(what_is_not_utf8_passes_and_the_end_is_a_whole_character),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
