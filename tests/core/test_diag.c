/* test_diag: one-line diagnostics, and the escaping every quoted value and file name
 * goes through before it reaches a terminal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"

static const char *esc(const char *in)
{
    static char buf[256];
    return ebb_escape(in, buf, sizeof buf);
}

static void plain_text_and_utf8_pass_unchanged(void **state)
{
    (void)state;
    assert_string_equal(esc("Box breathing"), "Box breathing");
    assert_string_equal(esc("Дыхание · 呼吸 ✓"), "Дыхание · 呼吸 ✓");
    assert_string_equal(esc("a\\xff stays as typed"), "a\\xff stays as typed");
    assert_string_equal(esc(""), "");
}

static void c0_controls_esc_and_del_become_visible_escapes(void **state)
{
    (void)state;
    assert_string_equal(esc("a\nb\tc\rd"), "a\\nb\\tc\\rd");
    assert_string_equal(esc("\x1b]0;pwned\x07"), "\\x1b]0;pwned\\x07");
    assert_string_equal(esc("\x1b[2J"), "\\x1b[2J");
    assert_string_equal(esc("x\x7fy\x01"), "x\\x7fy\\x01");
}

static void c1_controls_and_stray_bytes_are_escaped(void **state)
{
    (void)state;
    assert_string_equal(esc("\xc2\x9b" "2J"), "\\u009b2J");     /* CSI as UTF-8 */
    assert_string_equal(esc("\xc2\x85"), "\\u0085");            /* NEL */
    assert_string_equal(esc("\x9b" "2J"), "\\x9b2J");           /* an 8-bit CSI */
    assert_string_equal(esc("\xff\xc0\xaf"), "\\xff\\xc0\\xaf"); /* overlong */
    assert_string_equal(esc("\xed\xa0\x80"), "\\xed\\xa0\\x80"); /* a surrogate */
    assert_string_equal(esc("\xc2\xa0"), "\xc2\xa0");           /* U+00A0 is no control */
}

static void a_cut_keeps_whole_characters_and_escapes(void **state)
{
    (void)state;
    char buf[6];
    assert_string_equal(ebb_escape("ab\x1b" "cd", buf, sizeof buf), "ab"); /* \x1b does not fit */
    assert_string_equal(ebb_escape("abcé", buf, sizeof buf), "abcé");
    assert_string_equal(ebb_escape("abcdé", buf, sizeof buf), "abcd");
}

static void a_diagnostic_cannot_forge_a_second_line(void **state)
{
    (void)state;
    struct ebb_diags d;
    char line[1024];
    ebb_diags_clear(&d);
    ebb_diags_add(&d, EBB_SEVERITY_ERROR, "x\x1b[2J.cfg", 3, "found \"%s\"",
                  "box\nx.cfg:1: error: forged");
    ebb_diag_format(&d.items[0], line, sizeof line);
    assert_string_equal(line, "x\\x1b[2J.cfg:3: error: found \"box\\nx.cfg:1: error: forged\"");
    assert_null(strchr(line, '\n'));
    assert_null(strchr(line, '\x1b'));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_text_and_utf8_pass_unchanged),
        cmocka_unit_test(c0_controls_esc_and_del_become_visible_escapes),
        cmocka_unit_test(c1_controls_and_stray_bytes_are_escaped),
        cmocka_unit_test(a_cut_keeps_whole_characters_and_escapes),
        cmocka_unit_test(a_diagnostic_cannot_forge_a_second_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
