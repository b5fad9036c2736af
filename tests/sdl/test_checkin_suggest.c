/* Tests of the offer of grounding (engine/sdl/suggest.c): made at a rating of 7 and
 * above only, for breathing only, once; its decision is the core's
 * ebb_checkin_suggest_grounding; the default keeps what the person chose; which
 * grounding exercise is offered. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "journal.h"
#include "suggest.h"

#define W 1280
#define H 720

static struct ebb_exercise make_ex(const char *id, const char *title, enum ebb_kind kind)
{
    struct ebb_exercise ex;
    memset(&ex, 0, sizeof ex);
    ex.id = (char *)id;
    ex.title = (char *)title;
    ex.kind = kind;
    return ex;
}

static SDL_Event key_event(SDL_Keycode k)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    return e;
}

static void the_offer_is_made_from_seven_up_and_only_for_breathing(void **state)
{
    (void)state;
    struct suggest s;
    memset(&s, 0, sizeof s);
    struct ebb_exercise box = make_ex("box", "Box breathing", EBB_KIND_BREATHING);
    struct ebb_exercise feet = make_ex("feet-on-floor", "Feet on the floor", EBB_KIND_GROUNDING);
    struct ebb_exercise seq = make_ex("too-much", "Too much", EBB_KIND_SEQUENCE);
    assert_false(suggest_wanted(&s, EBB_JOURNAL_RATING_NONE, &box, &feet));
    for (int r = 0; r < 7; r++)
        assert_false(suggest_wanted(&s, r, &box, &feet));
    for (int r = 7; r <= 10; r++) {
        assert_true(suggest_wanted(&s, r, &box, &feet));
        assert_false(suggest_wanted(&s, r, &feet, &feet));
        assert_false(suggest_wanted(&s, r, &seq, &feet));
    }
    /* nothing to offer: no offer */
    assert_false(suggest_wanted(&s, 9, &box, NULL));
}

static void the_screens_decision_is_the_cores(void **state)
{
    (void)state;
    struct suggest s;
    memset(&s, 0, sizeof s);
    struct ebb_exercise feet = make_ex("feet-on-floor", "Feet", EBB_KIND_GROUNDING);
    for (int k = 0; k < EBB_KIND_COUNT; k++) {
        struct ebb_exercise ex = make_ex("x", "X", (enum ebb_kind)k);
        for (int r = -1; r <= 10; r++)
            assert_int_equal(suggest_wanted(&s, r, &ex, &feet),
                             ebb_checkin_suggest_grounding(r, (enum ebb_kind)k));
    }
}

static void the_offer_is_made_once(void **state)
{
    (void)state;
    struct suggest s;
    memset(&s, 0, sizeof s);
    struct ebb_exercise box = make_ex("box", "Box breathing", EBB_KIND_BREATHING);
    struct ebb_exercise feet = make_ex("feet-on-floor", "Feet on the floor", EBB_KIND_GROUNDING);
    assert_true(suggest_wanted(&s, 8, &box, &feet));
    suggest_open(&s, &box, &feet);
    assert_false(suggest_wanted(&s, 8, &box, &feet));
    assert_false(suggest_wanted(&s, 10, &box, &feet));
}

static void enter_keeps_what_was_chosen_and_down_then_enter_grounds(void **state)
{
    (void)state;
    struct suggest s;
    memset(&s, 0, sizeof s);
    struct ebb_exercise box = make_ex("box", "Box breathing", EBB_KIND_BREATHING);
    struct ebb_exercise feet = make_ex("feet-on-floor", "Feet on the floor", EBB_KIND_GROUNDING);
    suggest_open(&s, &box, &feet);
    assert_int_equal(s.selected, SUGGEST_KEEP);
    assert_string_equal(s.keep_title, "Box breathing");
    assert_string_equal(s.ground_id, "feet-on-floor");
    SDL_Event e = key_event(SDLK_RETURN);
    assert_int_equal(suggest_event(&s, &e, 1, 1, W, H), SUGGEST_DONE);
    assert_int_equal(s.selected, SUGGEST_KEEP);

    suggest_open(&s, &box, &feet);
    e = key_event(SDLK_DOWN);
    assert_int_equal(suggest_event(&s, &e, 1, 1, W, H), SUGGEST_CHANGED);
    e = key_event(SDLK_SPACE);
    assert_int_equal(suggest_event(&s, &e, 1, 1, W, H), SUGGEST_DONE);
    assert_int_equal(s.selected, SUGGEST_GROUNDING);

    e = key_event(SDLK_ESCAPE);
    assert_int_equal(suggest_event(&s, &e, 1, 1, W, H), SUGGEST_LEAVE);
    e = key_event(SDLK_q);
    assert_int_equal(suggest_event(&s, &e, 1, 1, W, H), SUGGEST_PASS);
}

static void a_click_chooses_the_choice_under_it(void **state)
{
    (void)state;
    struct suggest s;
    memset(&s, 0, sizeof s);
    struct ebb_exercise box = make_ex("box", "Box breathing", EBB_KIND_BREATHING);
    struct ebb_exercise feet = make_ex("feet-on-floor", "Feet on the floor", EBB_KIND_GROUNDING);
    suggest_open(&s, &box, &feet);
    int x = -1, y = -1;
    for (int yy = 0; yy < H && y < 0; yy += 2)
        if (suggest_hit(W, H, W / 2.0f, (float)yy) == SUGGEST_GROUNDING)
            y = yy;
    assert_true(y >= 0);
    x = W / 2;
    assert_int_equal(suggest_hit(W, H, 5, (float)y), -1);
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONUP;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = x;
    e.button.y = y;
    assert_int_equal(suggest_event(&s, &e, 1, 1, W, H), SUGGEST_DONE);
    assert_int_equal(s.selected, SUGGEST_GROUNDING);
}

static void feet_on_floor_is_offered_first_then_five_senses_then_any(void **state)
{
    (void)state;
    struct ebb_exercise box = make_ex("box", "Box", EBB_KIND_BREATHING);
    struct ebb_exercise body = make_ex("body-scan", "Body scan", EBB_KIND_GROUNDING);
    struct ebb_exercise five = make_ex("five-senses", "5-4-3-2-1", EBB_KIND_GROUNDING);
    struct ebb_exercise feet = make_ex("feet-on-floor", "Feet", EBB_KIND_GROUNDING);
    struct ebb_library_entry entries[4];
    memset(entries, 0, sizeof entries);
    struct ebb_exercise *exs[4] = {&box, &body, &five, &feet};
    for (int i = 0; i < 4; i++) {
        entries[i].id = exs[i]->id;
        entries[i].ex = exs[i];
    }
    struct ebb_library lib;
    memset(&lib, 0, sizeof lib);
    lib.entries = entries;
    lib.count = 4;
    assert_ptr_equal(suggest_pick_grounding(&lib), &feet);
    lib.count = 3;
    assert_ptr_equal(suggest_pick_grounding(&lib), &five);
    lib.count = 2;
    assert_ptr_equal(suggest_pick_grounding(&lib), &body);
    lib.count = 1;
    assert_null(suggest_pick_grounding(&lib));
    entries[3].ex = NULL; /* a broken feet-on-floor is skipped */
    lib.count = 4;
    assert_ptr_equal(suggest_pick_grounding(&lib), &five);
    assert_null(suggest_pick_grounding(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_offer_is_made_from_seven_up_and_only_for_breathing),
        cmocka_unit_test(the_screens_decision_is_the_cores),
        cmocka_unit_test(the_offer_is_made_once),
        cmocka_unit_test(enter_keeps_what_was_chosen_and_down_then_enter_grounds),
        cmocka_unit_test(a_click_chooses_the_choice_under_it),
        cmocka_unit_test(feet_on_floor_is_offered_first_then_five_senses_then_any),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
