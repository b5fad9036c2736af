/* Tests of the mixer's voice (engine/sdl/mix.c): an utterance starts at its exact frame,
 * a phase's text never speaks over the voice while a step's prompt cuts in, tones under
 * speech are ducked and come back exactly, and V fades the voice out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mix.h"
#include "synth.h"

#define FRAMES 4800 /* a tenth of a second */

static float speech_data[FRAMES], other_data[FRAMES];
static const struct ebb_clip speech = {speech_data, FRAMES, 1};
static const struct ebb_clip other = {other_data, FRAMES, 1};

static const struct ebb_clip *lookup(const void *ctx, const struct ebb_event *ev)
{
    (void)ctx;
    return ev->text && ev->text[0] == 'B' ? &other : &speech;
}

static void setup_mix(struct ebb_mix *m, struct ebb_sound_bank *bank)
{
    for (int i = 0; i < FRAMES; i++) {
        speech_data[i] = 1.0f;
        other_data[i] = -1.0f;
    }
    memset(bank, 0, sizeof *bank);
    ebb_mix_init(m, bank);
    ebb_mix_set_volume(m, 100, false);
    ebb_mix_begin(m, NULL, NULL, 0, EBB_AMBIENT_NONE, 1.0);
    struct ebb_mix_speech sp = {lookup, NULL};
    ebb_mix_set_speech(m, &sp);
    float warm[2 * 48000]; /* past the session's fade-in */
    ebb_mix_render(m, warm, 48000);
}

static void an_utterance_starts_at_its_exact_frame(void **state)
{
    (void)state;
    struct ebb_sound_bank bank;
    struct ebb_mix m;
    setup_mix(&m, &bank);
    struct ebb_event ev = {.kind = EBB_EVENT_VOICE, .text = "A"};
    ebb_mix_play(&m, &ev, m.frame + 1000);
    float out[2 * 2000];
    ebb_mix_render(&m, out, 2000);
    assert_true(out[2 * 999] == 0.0f && out[2 * 999 + 1] == 0.0f);
    assert_true(out[2 * 1000] > 0.1f && out[2 * 1000 + 1] > 0.1f);
}

static void a_phase_text_waits_for_silence_and_a_step_prompt_cuts_in(void **state)
{
    (void)state;
    struct ebb_sound_bank bank;
    struct ebb_mix m;
    setup_mix(&m, &bank);
    struct ebb_event a = {.kind = EBB_EVENT_VOICE, .text = "A"};
    struct ebb_event phase = {.kind = EBB_EVENT_VOICE, .has_phase = 1, .text = "B"};
    ebb_mix_play(&m, &a, m.frame);
    assert_true(ebb_mix_speech_busy(&m, m.frame + 100));
    ebb_mix_play(&m, &phase, m.frame + 100); /* refused: the voice is speaking */
    float out[2 * FRAMES];
    ebb_mix_render(&m, out, FRAMES);
    for (int i = 0; i < FRAMES; i++)
        assert_true(out[2 * i] >= 0.0f); /* never the other (negative) utterance */
    assert_false(ebb_mix_speech_busy(&m, m.frame));

    struct ebb_event b = {.kind = EBB_EVENT_VOICE, .text = "B"};
    ebb_mix_play(&m, &a, m.frame);
    ebb_mix_play(&m, &b, m.frame + 2000); /* a step's prompt: cuts the first short */
    ebb_mix_render(&m, out, FRAMES);
    assert_true(out[2 * 1999] > 0.0f);
    int cut = (int)(EBB_MIX_SPEECH_CUT_S * EBB_MIX_RATE);
    assert_true(out[2 * (2000 + cut + 10)] < 0.0f); /* only the new one after the fade */
}

static void tones_under_speech_are_ducked_and_come_back_exactly(void **state)
{
    (void)state;
    struct ebb_sound_bank bank;
    struct ebb_mix m;
    setup_mix(&m, &bank);
    struct ebb_event a = {.kind = EBB_EVENT_VOICE, .text = "A"};
    ebb_mix_play(&m, &a, m.frame);
    float out[2 * 64];
    for (int i = 0; i < FRAMES / 64; i++)
        ebb_mix_render(&m, out, 64);
    assert_true(fabs(m.duck - EBB_MIX_DUCK) < 1e-9);
    for (int i = 0; i < 48000 / 64; i++)
        ebb_mix_render(&m, out, 64);
    assert_true(m.duck == 1.0); /* exactly: sound after speech is as it was */
}

static void turning_the_voice_off_fades_it_and_stops_new_utterances(void **state)
{
    (void)state;
    struct ebb_sound_bank bank;
    struct ebb_mix m;
    setup_mix(&m, &bank);
    struct ebb_event a = {.kind = EBB_EVENT_VOICE, .text = "A"};
    ebb_mix_play(&m, &a, m.frame);
    float out[2 * FRAMES];
    ebb_mix_render(&m, out, 100);
    ebb_mix_speech_on(&m, false);
    ebb_mix_render(&m, out, FRAMES);
    int cut = (int)(EBB_MIX_SPEECH_CUT_S * EBB_MIX_RATE);
    assert_true(out[0] > 0.0f);
    for (int i = cut + 1; i < FRAMES; i++)
        assert_true(out[2 * i] == 0.0f);
    ebb_mix_play(&m, &a, m.frame);
    ebb_mix_render(&m, out, 100);
    assert_true(out[2 * 50] == 0.0f);
}

static void a_loud_utterance_stays_under_the_ceiling(void **state)
{
    (void)state;
    struct ebb_sound_bank bank;
    struct ebb_mix m;
    setup_mix(&m, &bank);
    struct ebb_event a = {.kind = EBB_EVENT_VOICE, .text = "A"};
    ebb_mix_play(&m, &a, m.frame);
    float out[2 * FRAMES];
    ebb_mix_render(&m, out, FRAMES);
    for (int i = 0; i < 2 * FRAMES; i++)
        assert_true(fabsf(out[i]) <= (float)EBB_MIX_CEILING);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_utterance_starts_at_its_exact_frame),
        cmocka_unit_test(a_phase_text_waits_for_silence_and_a_step_prompt_cuts_in),
        cmocka_unit_test(tones_under_speech_are_ducked_and_come_back_exactly),
        cmocka_unit_test(turning_the_voice_off_fades_it_and_stops_new_utterances),
        cmocka_unit_test(a_loud_utterance_stays_under_the_ceiling),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
