/* Tests of the device side of audio (engine/sdl/audio.c, audio_device.c): the device is
 * open only while a session sounds (not on the picker, paused, muted or after the end);
 * a missing driver is one plain line and a silent handle every call accepts; a removed
 * device is reopened quietly, or said once and tried again until it comes back, while
 * the clock runs on.
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

/* Waits (up to 10 s) until the device is open (or closed). */
static bool live_within(struct ebb_audio *a, bool want)
{
    for (int i = 0; i < 1000; i++) {
        if (ebb_audio_live(a) == want)
            return true;
        SDL_Delay(10);
    }
    return false;
}

/* Waits (up to 10 s) for the device's next news; returns its word. */
static const char *news_within(struct ebb_audio *a, char *notice, size_t size)
{
    for (int i = 0; i < 1000; i++) {
        const char *w = ebb_audio_poll(a, notice, size);
        if (w)
            return w;
        SDL_Delay(10);
    }
    return "";
}

static void the_device_opens_only_while_a_session_sounds(void **state)
{
    (void)state;
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    char notice[256] = "x";
    struct ebb_audio *a = ebb_audio_open(80, false, false, notice, sizeof notice);
    assert_non_null(a);
    assert_string_equal(notice, "");
    SDL_Delay(200);
    assert_false(ebb_audio_live(a)); /* the picker: no stream */
    ebb_audio_begin(a, &grounding, NULL, 0);
    assert_true(live_within(a, true));
    assert_int_not_equal(ebb_audio_device_id(a), 0);
    uint64_t first = clock_past(a, 0);
    assert_true(clock_past(a, first + 50000) > first);
    ebb_audio_set_origin(a, 0, true); /* paused: closed once it fell quiet */
    assert_true(live_within(a, false));
    ebb_audio_set_origin(a, 100000, false);
    assert_true(live_within(a, true));
    ebb_audio_set_volume(a, 80, true); /* muted */
    assert_true(live_within(a, false));
    ebb_audio_set_volume(a, 80, false);
    assert_true(live_within(a, true));
    ebb_audio_end(a, 100); /* after the end: closed */
    assert_true(live_within(a, false));
    struct ebb_audio_stats st;
    ebb_audio_stats(a, &st);
    assert_int_equal(st.opens, 3);
    ebb_audio_close(a); /* true or not: how long a device takes to close is timing */
}

static void a_missing_driver_is_one_plain_line_and_a_silent_session(void **state)
{
    (void)state;
    setenv("SDL_AUDIODRIVER", "nonexistent", 1);
    char notice[256] = "";
    struct ebb_audio *a = ebb_audio_open(80, false, true, notice, sizeof notice);
    assert_non_null(a);
    ebb_audio_begin(a, &grounding, NULL, 0);
    assert_string_equal(news_within(a, notice, sizeof notice), "none");
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    assert_string_equal(notice, "no sound: no sound server or device was found; the session "
                                "runs silently");
    assert_false(ebb_audio_live(a));
    uint64_t now;
    assert_true(ebb_audio_clock_us(a, &now)); /* the monotonic clock all the same */
    use_every_call(a);
    assert_false(ebb_audio_device_removed(a, 2, notice, sizeof notice));
    ebb_audio_close(a); /* true or not: how long a device takes to close is timing */
    assert_true(ebb_audio_close(NULL));
}

static void a_removed_device_is_reopened_quietly_and_the_clock_goes_on(void **state)
{
    (void)state;
    struct ebb_audio *a = ebb_audio_open(80, false, false, NULL, 0);
    use_every_call(a);
    ebb_audio_set_volume(a, 80, false); /* use_every_call left it muted */
    ebb_audio_begin(a, &grounding, NULL, 0);
    assert_true(live_within(a, true));
    uint32_t id = ebb_audio_device_id(a);
    uint64_t before = clock_past(a, 20000);
    char notice[256] = "x";
    assert_false(ebb_audio_device_removed(a, id + 100, notice, sizeof notice)); /* not ours */
    assert_false(ebb_audio_device_removed(a, id, notice, sizeof notice));
    assert_string_equal(news_within(a, notice, sizeof notice), "reopened");
    assert_string_equal(notice, "");
    assert_true(ebb_audio_live(a));
    uint64_t after;
    assert_true(ebb_audio_clock_us(a, &after));
    assert_true(after >= before);
    assert_true(clock_past(a, after + 20000) > after);
    ebb_audio_close(a); /* true or not: how long a device takes to close is timing */
}

static void a_lost_device_is_said_once_and_comes_back_later(void **state)
{
    (void)state;
    struct ebb_audio *a = ebb_audio_open(80, false, false, NULL, 0);
    ebb_audio_begin(a, &grounding, NULL, 0);
    assert_true(live_within(a, true));
    /* the sound system goes away under the handle, and for a while cannot come back */
    setenv("SDL_AUDIODRIVER", "nonexistent", 1);
    char notice[256] = "";
    assert_false(ebb_audio_device_removed(a, ebb_audio_device_id(a), notice, sizeof notice));
    assert_string_equal(news_within(a, notice, sizeof notice), "silent");
    assert_non_null(strstr(notice, "went away"));
    assert_null(strchr(notice, '\n'));
    assert_false(ebb_audio_live(a));
    SDL_Delay(300);
    assert_null(ebb_audio_poll(a, notice, sizeof notice)); /* said once */
    uint64_t now;
    assert_true(ebb_audio_clock_us(a, &now)); /* the session keeps its clock */
    assert_true(clock_past(a, now + 20000) > now);
    setenv("SDL_AUDIODRIVER", "dummy", 1); /* it comes back: a later try finds it */
    assert_string_equal(news_within(a, notice, sizeof notice), "back");
    assert_string_equal(notice, "the sound is back");
    assert_true(ebb_audio_live(a));
    use_every_call(a);
    ebb_audio_close(a); /* true or not: how long a device takes to close is timing */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_device_opens_only_while_a_session_sounds),
        cmocka_unit_test(a_missing_driver_is_one_plain_line_and_a_silent_session),
        cmocka_unit_test(a_removed_device_is_reopened_quietly_and_the_clock_goes_on),
        cmocka_unit_test(a_lost_device_is_said_once_and_comes_back_later),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
