/* Tests of engine/sdl/wrap.c with a made-up font ten pixels a byte: greedy breaks, '\n',
 * the line limit, and the balanced width that leaves no word alone on its last line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <string.h>

#include "wrap.h"

static float ten_a_byte(void *ctx, const char *s, size_t n)
{
    (void)ctx;
    (void)s;
    return 10.0f * (float)n;
}

/* The lines of s wrapped at width, joined with '|'. */
static const char *wrapped(const char *s, float width, int max_lines, bool *more)
{
    static char out[256];
    struct wrap_line lines[16];
    int n = wrap_greedy(s, width, max_lines, ten_a_byte, NULL, lines, more);
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (i)
            strcat(out, "|");
        strncat(out, s + lines[i].start, lines[i].len);
    }
    return out;
}

static void greedy_lines_hold_as_many_words_as_fit(void **state)
{
    (void)state;
    bool more;
    assert_string_equal(wrapped("one two three", 75, 4, &more), "one two|three");
    assert_false(more);
    assert_string_equal(wrapped("one two three", 200, 4, &more), "one two three");
}

static void a_word_wider_than_the_line_is_broken_between_whole_characters(void **state)
{
    (void)state;
    bool more;
    assert_string_equal(wrapped("a enormous b", 30, 8, &more), "a|eno|rmo|us|b");
    assert_false(more);
    /* two bytes a letter: never half a letter on a line */
    assert_string_equal(wrapped("дыхание", 40, 8, &more), "ды|ха|ни|е");
    assert_string_equal(wrapped("дыхание", 30, 8, &more), "д|ы|х|а|н|и|е");
    /* a line narrower than one letter still shows that letter */
    assert_string_equal(wrapped("ab", 5, 8, &more), "a|b");
}

static void a_newline_always_breaks_and_the_limit_says_more_remains(void **state)
{
    (void)state;
    bool more;
    assert_string_equal(wrapped("one\ntwo three", 500, 4, &more), "one|two three");
    assert_false(more);
    assert_string_equal(wrapped("aa bb cc dd", 20, 2, &more), "aa|bb");
    assert_true(more);
    assert_string_equal(wrapped("  lead  and   trail  ", 500, 4, &more), "lead  and   trail");
    assert_false(more);
}

static void the_balanced_width_leaves_no_word_alone_on_the_last_line(void **state)
{
    (void)state;
    bool more;
    const char *s = "aaaa bbbb cccc dddd eeee";
    assert_string_equal(wrapped(s, 200, 3, &more), "aaaa bbbb cccc dddd|eeee");
    float w = wrap_balanced_width(s, 200, 3, ten_a_byte, NULL);
    assert_true(w < 200);
    assert_string_equal(wrapped(s, w, 3, &more), "aaaa bbbb cccc|dddd eeee");
}

static void balancing_never_adds_a_line_and_leaves_one_line_or_a_cut_text_alone(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Notice the weight of your body where it rests, and let the breath come and go",
        "one two", "a bb ccc dddd eeeee ffffff ggggggg", "x\ny z w v", "wordlongerthanthelineitself a",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        for (float width = 40; width <= 900; width += 37) {
            struct wrap_line lines[16];
            bool more, more_b;
            int n = wrap_greedy(texts[i], width, 16, ten_a_byte, NULL, lines, &more);
            float w = wrap_balanced_width(texts[i], width, 16, ten_a_byte, NULL);
            assert_true(w <= width);
            int nb = wrap_greedy(texts[i], w, 16, ten_a_byte, NULL, lines, &more_b);
            assert_int_equal(nb, n);
            assert_int_equal(more_b, more); /* a cut text stays as it was */
        }
    }
    assert_true(wrap_balanced_width("one two", 500, 3, ten_a_byte, NULL) == 500);
    assert_true(wrap_balanced_width("aa bb cc dd", 20, 2, ten_a_byte, NULL) == 20);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(greedy_lines_hold_as_many_words_as_fit),
        cmocka_unit_test(a_word_wider_than_the_line_is_broken_between_whole_characters),
        cmocka_unit_test(a_newline_always_breaks_and_the_limit_says_more_remains),
        cmocka_unit_test(the_balanced_width_leaves_no_word_alone_on_the_last_line),
        cmocka_unit_test(balancing_never_adds_a_line_and_leaves_one_line_or_a_cut_text_alone),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
