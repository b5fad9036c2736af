/* Tests of the device side of audio (engine/sdl/audio.c): the dummy driver is a live
 * device whose clock runs; a missing driver is one line and a silent handle every call
 * accepts; a removed device is reopened, or the session goes on silently with its clock.
 * No test depends on how fast anything runs: waits are for a state, with a long limit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#include "audio.h"

static struct ebb_step steps[1];
static struct ebb_exercise grounding = {
    .id = "g", .title = "G", .kind = EBB_KIND_GROUNDING, .path = "g.cfg", .dir = ".",
    .steps = steps, .step_count = 1,
    .audio = {.cues = EBB_CUES_TONES, .ambient = EBB_AMBIENT_PINK, .volume = 1.0},
};

/* Waits (up to 10 s) until the clock passes `us`; returns the clock. */
static uint64_t clock_past(struct ebb_audio *a, uint64_t us)
{
    uint64_t now = 0;
    for (int i = 0; i < 1000; i++) {
        assert_true(ebb_audio_clock_us(a, &now));
        if (now > us)
            break;
        SDL_Delay(10);
    }
    return now;
}

static void use_every_call(struct ebb_audio *a)
{
    struct ebb_event tick = {.t_us = 1000, .kind = EBB_EVENT_CUE, .side = EBB_SIDE_LEFT,
                             .sound = EBB_SOUND_TICK};
    struct ebb_event end = {.t_us = 2000, .kind = EBB_EVENT_END};
    struct ebb_event bell = {.t_us = 2000, .kind = EBB_EVENT_CUE, .sound = EBB_SOUND_BELL};
    ebb_audio_begin(a, &grounding, NULL, 0);
    ebb_audio_cue(a, &tick);
    ebb_audio_set_volume(a, 100, false);
    ebb_audio_set_origin(a, 0, true);
    ebb_audio_set_origin(a, 500, false);
    ebb_audio_cue(a, &end);
    ebb_audio_cue(a, &bell);
    ebb_audio_set_volume(a, 50, true);
    ebb_audio_end(a, 300);
}

static void the_dummy_driver_is_a_live_device_whose_clock_runs(void **state)
{
    (void)state;
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    char notice[256] = "x";
    struct ebb_audio *a = ebb_audio_open(80, false, false, notice, sizeof notice);
    assert_non_null(a);
    assert_string_equal(notice, "");
    assert_true(ebb_audio_live(a));
    assert_int_not_equal(ebb_audio_device_id(a), 0);
    use_every_call(a);
    uint64_t first = clock_past(a, 0);
    uint64_t later = clock_past(a, first + 50000);
    assert_true(later > first);
    ebb_audio_close(a);
}

static void a_missing_driver_is_one_line_and_a_silent_session(void **state)
{
    (void)state;
    setenv("SDL_AUDIODRIVER", "nonexistent", 1);
    char notice[256] = "";
    struct ebb_audio *a = ebb_audio_open(80, false, true, notice, sizeof notice);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    assert_non_null(a);
    assert_non_null(strstr(notice, "no sound device"));
    assert_null(strchr(notice, '\n'));
    assert_false(ebb_audio_live(a));
    uint64_t now;
    assert_false(ebb_audio_clock_us(a, &now));
    use_every_call(a);
    assert_false(ebb_audio_device_removed(a, 2, notice, sizeof notice));
    ebb_audio_close(a);
    ebb_audio_close(NULL);
}

static void a_removed_device_is_reopened_and_the_clock_goes_on(void **state)
{
    (void)state;
    struct ebb_audio *a = ebb_audio_open(80, false, false, NULL, 0);
    assert_true(ebb_audio_live(a));
    use_every_call(a);
    uint32_t id = ebb_audio_device_id(a);
    uint64_t before = clock_past(a, 20000);
    char notice[256] = "";
    assert_false(ebb_audio_device_removed(a, id + 100, notice, sizeof notice)); /* not ours */
    assert_false(ebb_audio_device_removed(a, id, notice, sizeof notice));
    assert_string_equal(notice, "");
    assert_true(ebb_audio_live(a));
    uint64_t after;
    assert_true(ebb_audio_clock_us(a, &after));
    assert_true(after >= before);
    assert_true(clock_past(a, after + 20000) > after);
    ebb_audio_close(a);
}

static void a_removed_device_that_cannot_reopen_goes_on_silently(void **state)
{
    (void)state;
    struct ebb_audio *a = ebb_audio_open(80, false, false, NULL, 0);
    assert_true(ebb_audio_live(a));
    uint64_t before = clock_past(a, 20000);
    /* the sound system goes away under the handle, and cannot come back */
    setenv("SDL_AUDIODRIVER", "nonexistent", 1);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    char notice[256] = "";
    assert_true(ebb_audio_device_removed(a, ebb_audio_device_id(a), notice, sizeof notice));
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    assert_non_null(strstr(notice, "went away"));
    assert_false(ebb_audio_live(a));
    uint64_t after;
    assert_true(ebb_audio_clock_us(a, &after)); /* the session keeps its clock */
    assert_true(after >= before);
    assert_true(clock_past(a, after + 20000) > after);
    use_every_call(a);
    ebb_audio_close(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_dummy_driver_is_a_live_device_whose_clock_runs),
        cmocka_unit_test(a_missing_driver_is_one_line_and_a_silent_session),
        cmocka_unit_test(a_removed_device_is_reopened_and_the_clock_goes_on),
        cmocka_unit_test(a_removed_device_that_cannot_reopen_goes_on_silently),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
