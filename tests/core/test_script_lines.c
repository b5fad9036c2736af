/* Tests of the element lines (engine/core/script_lines.c): libconfig 1.5 gives the last
 * string of a list the line of the token after it; the loader corrects every element to
 * the line its value starts on, whatever comments, joined strings and nesting surround
 * it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "script.h"
#include "test_script_util.h"

static void the_last_item_before_a_closing_bracket_on_a_later_line_keeps_its_own_line(void **state)
{
    (void)state;
    struct ebb_diags d;
    const char *text = "version = 1;\n"                                                     /* 1 */
                       "exercise = { id = \"seq\"; title = \"Seq\"; kind = \"sequence\";\n" /* 2 */
                       "  items = [\n"                                                      /* 3 */
                       "    \"box\",\n"                                                     /* 4 */
                       "    \"five-senses\"\n"                                              /* 5 */
                       "\n"                                                                 /* 6 */
                       "  ];\n"                                                             /* 7 */
                       "};\n";
    struct ebb_exercise *ex = load_text(text, "seq.cfg", &d);
    assert_non_null(ex);
    assert_int_equal(ex->item_count, 2);
    assert_int_equal(ex->item_lines[0], 4);
    assert_int_equal(ex->item_lines[1], 5);
    ebb_script_free(ex);
}

static void comments_joined_strings_and_brackets_in_text_do_not_move_the_lines(void **state)
{
    (void)state;
    struct ebb_diags d;
    const char *text = "# a comment with \"quotes\" and [ brackets (\n"             /* 1 */
                       "version = 1; /* ] ) } */\n"                                 /* 2 */
                       "exercise = {\n"                                             /* 3 */
                       "  id = \"seq\"; title = \"A [title], \\\"quoted\\\" (\";\n" /* 4 */
                       "  kind = \"sequence\";\n"                                   /* 5 */
                       "  tags = [ \"calm\", // ] \"x\"\n"                          /* 6 */
                       "    \"sh\"\n"                                               /* 7 */
                       "    \"ort\" ];\n"                                           /* 8 */
                       "  items = [ \"box\", /* \"nope\",\n"                        /* 9 */
                       "     still a comment */ \"gentle-start\" # ]\n"             /* 10 */
                       "    , \"coherent\"\n"                                       /* 11 */
                       "  ]\n"                                                      /* 12 */
                       "};\n";
    struct ebb_exercise *ex = load_text(text, "seq.cfg", &d);
    assert_non_null(ex);
    assert_string_equal(ex->tags[1], "short");
    assert_int_equal(ex->item_count, 3);
    assert_int_equal(ex->item_lines[0], 9);
    assert_int_equal(ex->item_lines[1], 10);
    assert_int_equal(ex->item_lines[2], 11);
    ebb_script_free(ex);
}

static void an_error_in_the_last_tag_names_the_tag_s_line(void **state)
{
    (void)state;
    struct ebb_diags d;
    char buf[256];
    const char *text = "version = 1;\n"
                       "exercise = { id = \"t\"; title = \"T\"; kind = \"breathing\";\n"
                       "  pattern = ( { phase = \"inhale\"; seconds = 4; } );\n"
                       "  tags = [ \"a\",\n"
                       "    \"\"\n"
                       "  ];\n"
                       "};\n";
    assert_null(load_text(text, "t.cfg", &d));
    assert_int_equal(d.count, 1);
    assert_string_equal(first(&d, buf, sizeof buf),
                        "t.cfg:5: error: \"tags\" must be a text of 1 to 32 characters, found 0");
}

static void a_phase_in_a_list_keeps_the_line_of_its_opening_brace(void **state)
{
    (void)state;
    struct ebb_diags d;
    char buf[256];
    const char *text = "version = 1;\n"
                       "exercise = { id = \"t\"; title = \"T\"; kind = \"breathing\";\n"
                       "  pattern = (\n"
                       "    { phase = \"inhale\"; seconds = 4; },\n"
                       "    \"exhale\"\n"
                       "\n"
                       "  );\n"
                       "};\n";
    assert_null(load_text(text, "t.cfg", &d));
    assert_int_equal(d.count, 1);
    assert_string_equal(first(&d, buf, sizeof buf),
                        "t.cfg:5: error: each phase must be a group { ... }, found \"exhale\"");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_last_item_before_a_closing_bracket_on_a_later_line_keeps_its_own_line),
        cmocka_unit_test(comments_joined_strings_and_brackets_in_text_do_not_move_the_lines),
        cmocka_unit_test(an_error_in_the_last_tag_names_the_tag_s_line),
        cmocka_unit_test(a_phase_in_a_list_keeps_the_line_of_its_opening_brace),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
