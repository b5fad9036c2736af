/* Tests of engine/sdl/keymap.c: every screen's rows name keys that give the action they
 * describe (input.c's table), a screen's hint line and help list only its own keys, and
 * the hints say what the keys do there (Space counts in grounding, P pauses). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <string.h>

#include "keymap.h"

static void every_row_names_a_key_that_gives_its_action(void **state)
{
    (void)state;
    for (int s = 0; s <= KEYMAP_COUNT; s++) {
        int n;
        const struct keymap_row *rows = s < KEYMAP_COUNT ? keymap_rows((enum keymap_screen)s, &n)
                                                         : keymap_common(&n);
        assert_true(n > 0);
        for (int i = 0; i < n; i++) {
            assert_non_null(rows[i].keys);
            assert_non_null(rows[i].does);
            if (!rows[i].first_key)
                continue;
            SDL_Keycode k = SDL_GetKeyFromName(rows[i].first_key);
            assert_int_not_equal(k, SDLK_UNKNOWN);
            if (input_key(k, false) != rows[i].action)
                fail_msg("%s: \"%s\" says %s but gives action %d, not %d",
                         s < KEYMAP_COUNT ? keymap_name((enum keymap_screen)s) : "common",
                         rows[i].keys, rows[i].does, input_key(k, false), rows[i].action);
        }
    }
}

static bool lists(enum keymap_screen s, enum input_action a)
{
    int n;
    const struct keymap_row *rows = keymap_rows(s, &n);
    for (int i = 0; i < n; i++)
        if (rows[i].action == a)
            return true;
    return false;
}

static void a_session_lists_no_keys_of_the_picker(void **state)
{
    (void)state;
    static const enum input_action picker_only[] = {IN_UP, IN_LEFT, IN_SLOWER, IN_FILTER,
                                                    IN_JOURNAL, IN_HOME, IN_PAGE_UP};
    static const enum keymap_screen sessions[] = {KEYMAP_BREATHING, KEYMAP_GROUNDING,
                                                  KEYMAP_TRANSITION, KEYMAP_PAUSED};
    for (size_t s = 0; s < sizeof sessions / sizeof sessions[0]; s++)
        for (size_t a = 0; a < sizeof picker_only / sizeof picker_only[0]; a++)
            assert_false(lists(sessions[s], picker_only[a]));
    assert_true(lists(KEYMAP_PICKER, IN_FILTER));
    assert_true(lists(KEYMAP_PICKER, IN_HOME));
    assert_false(lists(KEYMAP_BREATHING, IN_SKIP)); /* N skips grounding steps only */
    assert_true(lists(KEYMAP_GROUNDING, IN_SKIP));
}

static void the_hints_say_what_the_keys_do_on_that_screen(void **state)
{
    (void)state;
    char buf[256];
    const char *g = keymap_hint(KEYMAP_GROUNDING, buf, sizeof buf);
    assert_non_null(strstr(g, "Space counts"));
    assert_non_null(strstr(g, "P pauses"));
    assert_null(strstr(g, "Space pauses"));
    assert_non_null(strstr(keymap_hint(KEYMAP_BREATHING, buf, sizeof buf), "Space pauses"));
    assert_non_null(strstr(keymap_hint(KEYMAP_BREATHING, buf, sizeof buf), "Escape stops"));
    assert_non_null(strstr(keymap_hint(KEYMAP_PAUSED, buf, sizeof buf), "Space goes on"));
    assert_null(strstr(keymap_hint(KEYMAP_HISTORY, buf, sizeof buf), "Enter"));
    const char *c = keymap_hint(KEYMAP_CHECKIN, buf, sizeof buf);
    assert_non_null(strstr(c, "Enter skips"));
    assert_null(strstr(c, "chooses"));
    assert_non_null(strstr(keymap_hint(KEYMAP_CHECKIN_SET, buf, sizeof buf), "Enter to go on"));
    assert_string_equal(keymap_hint(KEYMAP_PICKER, buf, sizeof buf),
                        "Enter starts  ·  ← → length  ·  [ ] pace  ·  J history");
    /* a short buffer ends on a whole hint */
    char small[20];
    assert_string_equal(keymap_hint(KEYMAP_PICKER, small, sizeof small), "Enter starts");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_row_names_a_key_that_gives_its_action),
        cmocka_unit_test(a_session_lists_no_keys_of_the_picker),
        cmocka_unit_test(the_hints_say_what_the_keys_do_on_that_screen),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
