/* Tests of the streaming resampler (engine/sdl/resample.c): lengths at every rate from
 * 1 Hz to 384 kHz, a steady input staying steady, a tone keeping its pitch and level,
 * what 48 kHz cannot carry filtered out, chunked input giving the same output as whole
 * input, and the output cap. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "resample.h"

#define PI 3.14159265358979323846

/* `frames` stereo frames of a sine of `hz` at `rate`, amplitude `amp` (0 Hz: steady). */
static float *tone(long rate, size_t frames, double hz, double amp)
{
    float *x = malloc(frames * 2 * sizeof *x);
    assert_non_null(x);
    for (size_t i = 0; i < frames; i++) {
        double v = hz > 0.0 ? amp * sin(2.0 * PI * hz * (double)i / (double)rate) : amp;
        x[2 * i] = x[2 * i + 1] = (float)v;
    }
    return x;
}

/* Resamples x whole (chunk 0) or in chunks of `chunk` frames; returns the output. */
static float *run(long in, long out, const float *x, size_t frames, size_t chunk, size_t max,
                  size_t *got, bool *cut)
{
    struct ebb_resampler r;
    assert_int_equal(ebb_resampler_init(&r, in, out, max), 0);
    size_t step = chunk ? chunk : frames;
    for (size_t at = 0; at < frames; at += step) {
        size_t n = frames - at < step ? frames - at : step;
        if (ebb_resampler_push(&r, x + 2 * at, n) != 0)
            break;
    }
    ebb_resampler_finish(&r);
    if (cut)
        *cut = r.cut;
    return ebb_resampler_take(&r, got);
}

static double rms(const float *y, size_t from, size_t to)
{
    double s = 0.0;
    for (size_t i = from; i < to; i++)
        s += (double)y[2 * i] * y[2 * i];
    return sqrt(s / (double)(to - from));
}

static void the_output_lasts_as_long_as_the_input_at_every_rate(void **state)
{
    (void)state;
    static const long rates[] = {1, 7, 8000, 11025, 22050, 44100, 48000, 88200, 96000, 192000,
                                 384000};
    for (size_t i = 0; i < sizeof rates / sizeof rates[0]; i++) {
        long rate = rates[i];
        size_t frames = rate < 100 ? 5 : (size_t)rate / 10; /* 5 frames, or 0.1 s */
        float *x = tone(rate, frames, 0.0, 0.25);
        size_t got;
        float *y = run(rate, 48000, x, frames, 0, 48000 * 60, &got, NULL);
        size_t want = (size_t)(((uint64_t)frames * 48000 + (uint64_t)rate - 1) / (uint64_t)rate);
        assert_int_equal(got, want);
        for (size_t k = 0; k < 2 * got; k++)
            assert_true(isfinite(y[k]));
        free(x);
        free(y);
    }
}

static void equal_rates_copy_the_frames_unchanged(void **state)
{
    (void)state;
    float *x = tone(48000, 4800, 440.0, 0.5);
    size_t got;
    float *y = run(48000, 48000, x, 4800, 333, 100000, &got, NULL);
    assert_int_equal(got, 4800);
    assert_memory_equal(x, y, 4800 * 2 * sizeof *x);
    free(x);
    free(y);
}

static void a_steady_input_stays_steady_even_from_one_hertz(void **state)
{
    (void)state;
    float *x = tone(1, 20, 0.0, 0.3);
    size_t got;
    float *y = run(1, 48000, x, 20, 3, 48000 * 30, &got, NULL);
    assert_int_equal(got, 20 * 48000);
    /* away from the two ends (where silence is assumed outside), exactly steady */
    for (size_t i = 10 * 48000; i < 11 * 48000; i++)
        assert_float_equal(y[2 * i], 0.3f, 1e-4);
    free(x);
    free(y);
}

static void a_tone_keeps_its_pitch_and_level(void **state)
{
    (void)state;
    float *x = tone(44100, 44100, 1000.0, 0.5);
    size_t got;
    float *y = run(44100, 48000, x, 44100, 1000, 48000 * 2, &got, NULL);
    assert_int_equal(got, 48000);
    int crossings = 0;
    for (size_t i = 4800; i < 48000 - 4800; i++)
        crossings += (y[2 * i] < 0.0f) != (y[2 * i + 2] < 0.0f);
    /* 1000 Hz over 0.8 s: 1600 sign changes */
    assert_in_range(crossings, 1598, 1602);
    double level = rms(y, 4800, 48000 - 4800);
    assert_true(fabs(level - 0.5 / sqrt(2.0)) < 0.01);
    free(x);
    free(y);
}

static void what_48_khz_cannot_carry_is_filtered_out(void **state)
{
    (void)state;
    /* 30 kHz at 384 kHz would fold back to 18 kHz at 48 kHz: it must be gone (> 40 dB
     * down), while 1 kHz passes unchanged */
    float *hi = tone(384000, 384000 / 5, 30000.0, 0.5);
    float *lo = tone(384000, 384000 / 5, 1000.0, 0.5);
    size_t got_hi, got_lo;
    float *yh = run(384000, 48000, hi, 384000 / 5, 4096, 48000, &got_hi, NULL);
    float *yl = run(384000, 48000, lo, 384000 / 5, 4096, 48000, &got_lo, NULL);
    assert_int_equal(got_hi, 9600);
    double in = 0.5 / sqrt(2.0);
    assert_true(rms(yh, 1000, 8600) < in * 0.01);
    assert_true(fabs(rms(yl, 1000, 8600) - in) < 0.01);
    free(hi);
    free(lo);
    free(yh);
    free(yl);
}

static void chunked_input_gives_the_same_output_as_whole_input(void **state)
{
    (void)state;
    static const long rates[] = {1, 8000, 44100, 96000, 384000};
    for (size_t i = 0; i < sizeof rates / sizeof rates[0]; i++) {
        size_t frames = rates[i] < 100 ? 9 : (size_t)rates[i] / 20;
        float *x = tone(rates[i], frames, rates[i] < 100 ? 0.0 : 440.0, 0.4);
        size_t a, b;
        float *whole = run(rates[i], 48000, x, frames, 0, 48000 * 10, &a, NULL);
        float *bits = run(rates[i], 48000, x, frames, 7, 48000 * 10, &b, NULL);
        assert_int_equal(a, b);
        assert_memory_equal(whole, bits, a * 2 * sizeof *whole);
        free(x);
        free(whole);
        free(bits);
    }
}

static void the_output_stops_at_its_cap_and_says_it_was_cut(void **state)
{
    (void)state;
    float *x = tone(1, 100, 0.0, 0.2); /* 100 s at 1 Hz */
    size_t got;
    bool cut = false;
    float *y = run(1, 48000, x, 100, 1, 48000 * 30, &got, &cut);
    assert_int_equal(got, 48000 * 30);
    assert_true(cut);
    free(y);
    y = run(1, 48000, x, 30, 1, 48000 * 30, &got, &cut); /* exactly the cap: not cut */
    assert_int_equal(got, 48000 * 30);
    assert_false(cut);
    free(y);
    free(x);

    struct ebb_resampler r;
    assert_int_equal(ebb_resampler_init(&r, 48000, 48000, 10), 0);
    float more[40] = {0};
    assert_int_equal(ebb_resampler_push(&r, more, 20), 1);
    assert_true(r.full && r.cut);
    assert_int_equal(ebb_resampler_push(&r, more, 1), 1);
    ebb_resampler_free(&r);
}

static void rates_outside_the_range_are_refused(void **state)
{
    (void)state;
    struct ebb_resampler r;
    assert_int_equal(ebb_resampler_init(&r, 0, 48000, 10), -1);
    assert_int_equal(ebb_resampler_init(&r, 384001, 48000, 10), -1);
    assert_int_equal(ebb_resampler_init(&r, -5, 48000, 10), -1);
    assert_int_equal(ebb_resampler_init(&r, 384000, 48000, 10), 0);
    ebb_resampler_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_output_lasts_as_long_as_the_input_at_every_rate),
        cmocka_unit_test(equal_rates_copy_the_frames_unchanged),
        cmocka_unit_test(a_steady_input_stays_steady_even_from_one_hertz),
        cmocka_unit_test(a_tone_keeps_its_pitch_and_level),
        cmocka_unit_test(what_48_khz_cannot_carry_is_filtered_out),
        cmocka_unit_test(chunked_input_gives_the_same_output_as_whole_input),
        cmocka_unit_test(the_output_stops_at_its_cap_and_says_it_was_cut),
        cmocka_unit_test(rates_outside_the_range_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
