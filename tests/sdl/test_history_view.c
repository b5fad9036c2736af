/* Tests of the history screen's pure parts (engine/sdl/history_view.c): where ratings
 * and days sit on the chart, the weeks' bars, dates from day numbers, and the chart
 * built from a journal (empty when nothing was practised in the 30 days). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "history_view.h"

#define W 1280
#define H 720
#define DAY_2024_05_01 19844 /* days from 1970-01-01 */

static void day_numbers_become_calendar_dates(void **state)
{
    (void)state;
    int y, m, d;
    history_civil_of_day(0, &y, &m, &d);
    assert_true(y == 1970 && m == 1 && d == 1);
    history_civil_of_day(-1, &y, &m, &d);
    assert_true(y == 1969 && m == 12 && d == 31);
    history_civil_of_day(DAY_2024_05_01, &y, &m, &d);
    assert_true(y == 2024 && m == 5 && d == 1);
    history_civil_of_day(11016, &y, &m, &d); /* a leap day */
    assert_true(y == 2000 && m == 2 && d == 29);
    history_civil_of_day(11017, &y, &m, &d);
    assert_true(y == 2000 && m == 3 && d == 1);
}

static void calm_is_at_the_bottom_and_ten_at_the_top(void **state)
{
    (void)state;
    struct history_layout l;
    history_layout(W, H, &l);
    assert_float_equal(history_rating_y(&l, 0), l.ratings.y + l.ratings.h, 1e-3);
    assert_float_equal(history_rating_y(&l, 10), l.ratings.y, 1e-3);
    assert_float_equal(history_rating_y(&l, 5), l.ratings.y + l.ratings.h / 2, 1e-3);
    assert_true(history_rating_y(&l, 3) > history_rating_y(&l, 4));
    assert_float_equal(history_rating_y(&l, -2), history_rating_y(&l, 0), 1e-3);
    assert_float_equal(history_rating_y(&l, 12), history_rating_y(&l, 10), 1e-3);
}

static void days_run_left_to_right_inside_the_plot(void **state)
{
    (void)state;
    struct history_layout l;
    history_layout(W, H, &l);
    float prev = -1;
    for (int i = 0; i < EBB_JOURNAL_CHART_DAYS; i++) {
        float x = history_day_x(&l, i);
        assert_true(x > prev);
        assert_true(x > l.ratings.x && x < l.ratings.x + l.ratings.w);
        prev = x;
    }
    /* both charts fit on the screen and do not overlap */
    assert_true(l.ratings.y > 0 && l.ratings.y + l.ratings.h < l.weeks.y);
    assert_true(l.weeks.y + l.weeks.h < H);
}

static void the_largest_week_fills_its_bar_and_others_scale(void **state)
{
    (void)state;
    struct history_layout l;
    history_layout(W, H, &l);
    assert_float_equal(history_bar_h(&l, 40, 40), l.weeks.h, 1e-3);
    assert_float_equal(history_bar_h(&l, 10, 40), l.weeks.h / 4, 1e-3);
    assert_float_equal(history_bar_h(&l, 0, 40), 0, 1e-6);
    assert_float_equal(history_bar_h(&l, 5, 0), 0, 1e-6);
}

static void the_chart_comes_from_the_journals_last_thirty_days(void **state)
{
    (void)state;
    /* two sessions on 2024-05-01 (7 -> 4 and 5 -> 3), one 40 days earlier */
    const char *text =
        EBB_JOURNAL_HEADER "\n"
                           "2024-05-01T08:30:00+00:00\tbox\t300.0\t300.0\tcompleted\t7\t4\n"
                           "2024-05-01T20:00:00+00:00\tbox\t300.0\t240.0\tleft-early\t5\t3\n"
                           "2024-03-22T08:30:00+00:00\tbox\t300.0\t300.0\tcompleted\t9\t9\n";
    struct ebb_journal j = {0};
    struct ebb_diags d;
    ebb_diags_clear(&d);
    assert_int_equal(ebb_journal_parse(text, strlen(text), "journal.tsv", &j, &d), 0);
    assert_int_equal((int)j.count, 3);
    struct history_view hv;
    history_view_from_journal(&hv, &j, DAY_2024_05_01);
    assert_false(history_view_empty(&hv));
    assert_int_equal(hv.chart.sessions, 2);
    const struct ebb_journal_day *today = &hv.chart.days[EBB_JOURNAL_CHART_DAYS - 1];
    assert_int_equal((int)today->day, DAY_2024_05_01);
    assert_int_equal(today->before_count, 2);
    assert_float_equal(today->before_mean, 6.0, 1e-9);
    assert_float_equal(today->after_mean, 3.5, 1e-9);
    assert_float_equal(hv.chart.week_minutes[EBB_JOURNAL_CHART_WEEKS - 1], 9.0, 1e-9);

    /* thirty days later, nothing is inside the window: the plain line is shown */
    history_view_from_journal(&hv, &j, DAY_2024_05_01 + 40);
    assert_true(history_view_empty(&hv));
    ebb_journal_free(&j);
}

static void a_missing_journal_is_an_empty_history(void **state)
{
    (void)state;
    struct history_view hv;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    history_view_load(&hv, EBB_BUILD_DIR "/no-such-folder/journal.tsv", 1714552200, &d);
    assert_true(history_view_empty(&hv));
    assert_false(hv.unreadable);
    history_view_load(&hv, NULL, 1714552200, &d);
    assert_true(history_view_empty(&hv));
    /* a folder where the journal should be cannot be read: said, not shown as empty */
    history_view_load(&hv, EBB_BUILD_DIR, 1714552200, &d);
    assert_true(hv.unreadable);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(day_numbers_become_calendar_dates),
        cmocka_unit_test(calm_is_at_the_bottom_and_ten_at_the_top),
        cmocka_unit_test(days_run_left_to_right_inside_the_plot),
        cmocka_unit_test(the_largest_week_fills_its_bar_and_others_scale),
        cmocka_unit_test(the_chart_comes_from_the_journals_last_thirty_days),
        cmocka_unit_test(a_missing_journal_is_an_empty_history),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
