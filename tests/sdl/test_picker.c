/* Tests of engine/sdl/picker.c's model: every loadable exercise of the library is
 * listed once, grouped by kind; the filter; length and pace changes are remembered. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "launch.h"
#include "text.h"

#include "picker.h"

static struct ebb_library lib;
static struct ebb_options opt;
static struct ebb_state st;
static struct picker p;

static int setup(void **state)
{
    (void)state;
    struct ebb_search_env env = {EBB_TEST_DIR "/none", EBB_TEST_DIR "/none", EBB_TEST_DIR,
                                 NULL, EBB_SOURCE_DIR "/exercises"};
    struct ebb_diags d;
    ebb_diags_clear(&d);
    memset(&opt, 0, sizeof opt);
    ebb_timeline_options_default(&opt.timeline);
    opt.visual = -1;
    opt.volume_percent = -1;
    ebb_state_init(&st);
    return ebb_library_load(&lib, &env, &d);
}

static int teardown(void **state)
{
    (void)state;
    ebb_library_free(&lib);
    return 0;
}

static void every_loadable_exercise_is_listed_once_grouped_by_kind(void **state)
{
    (void)state;
    picker_init(&p, &lib, NULL, &opt, &st);
    int loadable = 0;
    for (int i = 0; i < lib.count; i++)
        loadable += lib.entries[i].ex != NULL;
    assert_true(loadable >= 3);
    assert_int_equal(p.count, loadable);
    int seen[EBB_LIBRARY_MAX] = {0};
    int last_kind = -1;
    for (int r = 0; r < p.count; r++) {
        assert_int_equal(seen[p.rows[r]]++, 0);
        int kind = (int)lib.entries[p.rows[r]].ex->kind;
        assert_true(kind >= last_kind);
        last_kind = kind;
    }
}

static void gentle_start_is_selected_unless_another_exercise_was_chosen(void **state)
{
    (void)state;
    picker_init(&p, &lib, NULL, &opt, &st);
    assert_string_equal(picker_selected(&p)->id, "gentle-start");
    assert_true(p.selected > 0); /* not merely the first row */
    picker_init(&p, &lib, "", &opt, &st);
    assert_string_equal(picker_selected(&p)->id, "gentle-start");
    picker_init(&p, &lib, "box", &opt, &st); /* the settings file's default_exercise */
    assert_string_equal(picker_selected(&p)->id, "box");
    picker_init(&p, &lib, "no-such-id", &opt, &st);
    assert_string_equal(picker_selected(&p)->id, "gentle-start");
}

static void the_filter_keeps_matching_rows_and_escape_clears_it(void **state)
{
    (void)state;
    picker_init(&p, &lib, "box", &opt, &st);
    assert_string_equal(picker_selected(&p)->id, "box");
    int all = p.count;
    p.typing = p.fresh = true;
    picker_type(&p, "/"); /* the key that began typing */
    assert_string_equal(p.filter, "");
    picker_type(&p, "B");
    picker_type(&p, "o");
    picker_type(&p, "X");
    assert_true(p.count >= 1 && p.count < all);
    assert_string_equal(picker_selected(&p)->id, "box");
    picker_type(&p, "zzzz");
    assert_int_equal(p.count, 0);
    assert_null(picker_selected(&p));
    for (int i = 0; i < 4; i++)
        picker_backspace(&p);
    assert_string_equal(p.filter, "BoX"); /* kept as typed, matched ignoring case */
    picker_clear_filter(&p);
    assert_int_equal(p.count, all);
    assert_false(p.typing);
}

static void moving_stops_at_both_ends(void **state)
{
    (void)state;
    picker_init(&p, &lib, NULL, &opt, &st);
    picker_move(&p, -10000);
    assert_int_equal(p.selected, 0);
    picker_move(&p, 10000);
    assert_int_equal(p.selected, p.count); /* the History row, after the exercises */
    assert_true(picker_on_history(&p));
}

static void length_and_pace_changes_are_remembered_per_exercise(void **state)
{
    (void)state;
    picker_init(&p, &lib, "box", &opt, &st);
    const struct ebb_library_entry *e = picker_selected(&p);
    assert_int_equal(e->ex->cycles, 8); /* box is written with 8 cycles */
    double before = p.length_s[p.rows[p.selected]];
    assert_true(picker_change_length(&p, &st, &opt, +1));
    assert_int_equal(ebb_state_find(&st, "box")->cycles, 9);
    double after = p.length_s[p.rows[p.selected]];
    assert_true(after > before + 15.9 && after < before + 16.1); /* one 16 s cycle more */
    assert_true(picker_change_pace(&p, &st, &opt, -1)); /* slower: longer phases */
    assert_true(ebb_state_find(&st, "box")->pace > 1.09 && ebb_state_find(&st, "box")->pace < 1.11);
    assert_true(picker_pace_of(&st, &opt, e->ex) > 1.09);
    for (int i = 0; i < 20; i++)
        picker_change_pace(&p, &st, &opt, +1);
    assert_true(ebb_state_find(&st, "box")->pace >= EBB_PACE_MIN - 1e-9);
    /* the command line wins over the remembered pace */
    opt.pace_given = true;
    opt.timeline.pace = 2.0;
    assert_true(picker_pace_of(&st, &opt, e->ex) > 1.99);
    opt.pace_given = false;
    opt.timeline.pace = 1.0;
}

static void lengths_are_formatted_as_minutes_and_seconds(void **state)
{
    (void)state;
    char buf[32];
    picker_format_length(131, buf, sizeof buf);
    assert_string_equal(buf, "2:11");
    picker_format_length(-1, buf, sizeof buf);
    assert_string_equal(buf, "self-paced");
}

static int row_of(const char *id)
{
    for (int i = 0; i < p.count; i++)
        if (strcmp(lib.entries[p.rows[i]].id, id) == 0)
            return p.rows[i];
    return -1;
}

static void the_history_row_stays_selected_through_the_filter_and_is_all_an_empty_list_has(
    void **state)
{
    (void)state;
    picker_init(&p, &lib, NULL, &opt, &st);
    picker_move(&p, p.count);
    assert_true(picker_on_history(&p));
    assert_null(picker_selected(&p));
    picker_type(&p, "b"); /* fewer rows: History is still the one selected */
    assert_true(picker_on_history(&p));
    picker_type(&p, "qqqq");
    assert_int_equal(p.count, 0);
    assert_true(picker_on_history(&p));
    picker_clear_filter(&p);
    assert_true(picker_on_history(&p));
    picker_move(&p, -1); /* up from History: the last exercise */
    assert_false(picker_on_history(&p));
    assert_non_null(picker_selected(&p));
}

static void exercises_that_sound_alone_carries_are_marked(void **state)
{
    (void)state;
    picker_init(&p, &lib, NULL, &opt, &st);
    assert_false(p.eyes_closed);
    assert_true(p.eyes[row_of("box")]);
    assert_true(p.eyes[row_of("body-scan")]);
    assert_false(p.eyes[row_of("five-senses")]);
    assert_false(p.eyes[row_of("too-much")]);
    opt.eyes_closed = true;
    picker_init(&p, &lib, NULL, &opt, &st);
    assert_true(p.eyes_closed);
    opt.eyes_closed = false;
}

/* Draws the picker at w x h into a software surface, as the window would. */
static void draw_at(int w, int h)
{
    char err[256];
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
    SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
    struct text *t = text_open(ren, err, sizeof err);
    assert_non_null(t);
    struct scene sc = {ren, t, {0}, w, h, false, false, -1, false};
    theme_find("dark", &sc.th);
    text_set_height(t, h);
    picker_draw(&p, &sc, &st, &opt);
    text_close(t);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
}

static int shown_matches(void)
{
    int n = 0;
    for (int i = p.scroll; i < p.count && i < p.scroll + p.page; i++)
        n++;
    return n;
}

static void a_filter_typed_on_the_history_row_keeps_its_matches_in_view(void **state)
{
    (void)state;
    picker_init(&p, &lib, NULL, &opt, &st);
    picker_jump(&p, PICKER_END); /* the History row, the list scrolled to its end */
    assert_true(picker_on_history(&p));
    draw_at(1280, 720);
    assert_true(p.scroll > 0);
    p.typing = true;
    picker_type(&p, "breath");
    draw_at(1280, 720);
    assert_true(p.count >= 5);
    assert_true(picker_on_history(&p));
    /* the view is filled with matches down to the History row, not left empty above it */
    assert_true(shown_matches() >= 4);
    assert_int_equal(p.scroll + p.page, p.count + 1);
    picker_backspace(&p);
    picker_type(&p, "x"); /* "breatx": nothing matches; the History row alone */
    draw_at(1280, 720);
    assert_int_equal(p.scroll, 0);
    picker_clear_filter(&p);
    p.typing = true;
    picker_type(&p, "sigh");
    draw_at(1280, 720);
    assert_int_equal(p.scroll, 0); /* a short list shows whole */
    assert_int_equal(shown_matches(), p.count);
    picker_clear_filter(&p);
    /* at 640x480 the list is longer than the view; the selection always shows */
    for (int i = 0; i <= p.count; i++) {
        p.selected = i;
        draw_at(640, 480);
        assert_true(p.selected >= p.scroll && p.selected < p.scroll + p.page);
    }
}

static void home_end_and_page_keys_move_in_the_list(void **state)
{
    (void)state;
    picker_init(&p, &lib, "box", &opt, &st);
    draw_at(640, 480);
    assert_true(p.page >= 2 && p.page < p.count);
    picker_jump(&p, PICKER_END);
    assert_true(picker_on_history(&p));
    picker_jump(&p, PICKER_HOME);
    assert_int_equal(p.selected, 0);
    picker_jump(&p, PICKER_PAGE_DOWN);
    assert_int_equal(p.selected, p.page - 1);
    picker_jump(&p, PICKER_PAGE_UP);
    assert_int_equal(p.selected, 0);
    for (int i = 0; i < 20; i++)
        picker_jump(&p, PICKER_PAGE_DOWN);
    assert_int_equal(p.selected, p.count); /* stops at the History row */
}

static void tags_and_every_script_case_are_searched(void **state)
{
    (void)state;
    picker_init(&p, &lib, NULL, &opt, &st);
    p.typing = true;
    picker_type(&p, "YOGA"); /* a tag of alternate-nostril only */
    assert_int_equal(p.count, 1);
    assert_string_equal(lib.entries[p.rows[0]].id, "alternate-nostril");
    picker_clear_filter(&p);
    /* titles in Cyrillic and Greek: the filter folds case beyond ASCII */
    int box = row_of("box"), cyc = row_of("cyclic-sigh");
    char *keep_box = lib.entries[box].ex->title, *keep_cyc = lib.entries[cyc].ex->title;
    lib.entries[box].ex->title = "Дыхание по квадрату";
    lib.entries[cyc].ex->title = "Αναπνοή με αναστεναγμό";
    picker_type(&p, "дых");
    assert_int_equal(p.count, 1);
    assert_string_equal(lib.entries[p.rows[0]].id, "box");
    picker_clear_filter(&p);
    picker_type(&p, "αναπνοή");
    assert_int_equal(p.count, 1);
    assert_string_equal(lib.entries[p.rows[0]].id, "cyclic-sigh");
    picker_clear_filter(&p);
    lib.entries[box].ex->title = keep_box;
    lib.entries[cyc].ex->title = keep_cyc;
}

static void the_length_shown_is_the_timelines(void **state)
{
    (void)state;
    struct ebb_state mine;
    ebb_state_init(&mine);
    picker_init(&p, &lib, "box", &opt, &mine);
    assert_true(picker_change_length(&p, &mine, &opt, 1));
    assert_true(picker_change_pace(&p, &mine, &opt, -1));
    const struct ebb_exercise *ex = picker_selected(&p)->ex;
    struct ebb_timeline_options o;
    struct ebb_timeline tl;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    launch_timeline_options(&opt, &mine, ex, &o);
    memset(&tl, 0, sizeof tl);
    assert_int_equal(ebb_timeline_init(&tl, ex, &o, &d), 0);
    assert_true(fabs(p.length_s[p.rows[p.selected]] - (double)tl.end_us / 1e6) < 1e-6);
    ebb_timeline_deinit(&tl);
    /* and the summary beside it states no length of its own to disagree with */
    assert_null(strstr(ex->summary, "2:11"));
    assert_null(strstr(ex->summary, "cycles"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_loadable_exercise_is_listed_once_grouped_by_kind),
        cmocka_unit_test(gentle_start_is_selected_unless_another_exercise_was_chosen),
        cmocka_unit_test(the_filter_keeps_matching_rows_and_escape_clears_it),
        cmocka_unit_test(moving_stops_at_both_ends),
        cmocka_unit_test(the_history_row_stays_selected_through_the_filter_and_is_all_an_empty_list_has),
        cmocka_unit_test(exercises_that_sound_alone_carries_are_marked),
        cmocka_unit_test(length_and_pace_changes_are_remembered_per_exercise),
        cmocka_unit_test(lengths_are_formatted_as_minutes_and_seconds),
        cmocka_unit_test(a_filter_typed_on_the_history_row_keeps_its_matches_in_view),
        cmocka_unit_test(home_end_and_page_keys_move_in_the_list),
        cmocka_unit_test(tags_and_every_script_case_are_searched),
        cmocka_unit_test(the_length_shown_is_the_timelines),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
