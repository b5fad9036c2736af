/* Tests of the pure mixer (engine/sdl/mix.c) and the built-in sounds (synth.c), fed with
 * hand-built events: exact placement, clean edges, panning, levels, fades, mute. */
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

#define RATE EBB_MIX_RATE
#define MINUS_12_DBFS 0.25118864315095801 /* 10^(-12/20) */
#define TWO_PI 6.28318530717958647692

/* A hand-built event list as a mixer source. */
struct list {
    const struct ebb_event *ev;
    size_t n;
    double (*level)(uint64_t t_us);
};

static size_t list_events(const void *ctx, uint64_t from, uint64_t to, struct ebb_event *out,
                          size_t max)
{
    const struct list *l = ctx;
    size_t count = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (l->ev[i].t_us < from || l->ev[i].t_us >= to)
            continue;
        if (count < max)
            out[count] = l->ev[i];
        count++;
    }
    return count;
}

static double list_level(const void *ctx, uint64_t t_us)
{
    const struct list *l = ctx;
    return l->level ? l->level(t_us) : 0.5;
}

static struct ebb_event cue(double t_s, enum ebb_sound sound, enum ebb_side side)
{
    struct ebb_event e = {.t_us = (uint64_t)llround(t_s * 1e6), .kind = EBB_EVENT_CUE,
                          .side = side, .sound = sound};
    return e;
}

struct fixture {
    struct ebb_sound_bank bank;
    struct ebb_mix mix;
    struct list list;
    float *out; /* interleaved stereo */
    size_t frames;
};

static struct fixture *fixture_new(bool eyes_closed, double seconds)
{
    struct fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    assert_int_equal(ebb_synth_bank_init(&f->bank, eyes_closed), 0);
    ebb_mix_init(&f->mix, &f->bank);
    f->frames = (size_t)(seconds * RATE);
    f->out = calloc(2 * f->frames, sizeof *f->out);
    assert_non_null(f->out);
    return f;
}

static void fixture_free(struct fixture *f)
{
    ebb_synth_bank_deinit(&f->bank);
    free(f->out);
    free(f);
}

static void begin(struct fixture *f, const struct ebb_event *ev, size_t n,
                  enum ebb_ambient ambient)
{
    f->list = (struct list){.ev = ev, .n = n};
    struct ebb_mix_source src = {.events = list_events, .level = list_level, .ctx = &f->list};
    ebb_mix_begin(&f->mix, &src, NULL, 0, ambient, 1.0);
}

/* Renders the whole buffer in pieces of `chunk` frames, like a device would. */
static void render(struct fixture *f, size_t chunk)
{
    for (size_t at = 0; at < f->frames; at += chunk) {
        size_t n = f->frames - at < chunk ? f->frames - at : chunk;
        ebb_mix_render(&f->mix, f->out + 2 * at, n);
    }
}

static double peak(const float *out, size_t from, size_t to)
{
    double p = 0.0;
    for (size_t i = 2 * from; i < 2 * to; i++)
        p = fmax(p, fabs(out[i]));
    return p;
}

/* Mean square of one channel (0 left, 1 right) over frames [from, to). */
static double energy(const float *out, size_t from, size_t to, int ch)
{
    double e = 0.0;
    for (size_t i = from; i < to; i++)
        e += (double)out[2 * i + ch] * out[2 * i + ch];
    return e / (double)(to - from);
}

static double rms(const float *out, size_t from, size_t to)
{
    return sqrt((energy(out, from, to, 0) + energy(out, from, to, 1)) / 2.0);
}

static size_t first_nonzero(const float *out, size_t frames)
{
    for (size_t i = 0; i < frames; i++)
        if (out[2 * i] != 0.0f || out[2 * i + 1] != 0.0f)
            return i;
    return frames;
}

static double max_jump(const float *out, size_t from, size_t to)
{
    double j = 0.0;
    for (size_t i = from + 1; i < to; i++)
        for (int c = 0; c < 2; c++)
            j = fmax(j, fabs((double)out[2 * i + c] - out[2 * (i - 1) + c]));
    return j;
}

static void a_cue_starts_at_the_frame_of_its_time(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(false, 3.0);
    struct ebb_event ev[] = {cue(1.234567, EBB_SOUND_INHALE, EBB_SIDE_NONE)};
    begin(f, ev, 1, EBB_AMBIENT_NONE);
    render(f, 512);
    size_t expect = (size_t)llround(1.234567 * RATE);
    size_t onset = first_nonzero(f->out, f->frames);
    /* silence before, sound from the envelope's first sample (which may be 0) */
    assert_true(onset >= expect && onset <= expect + 1);
    fixture_free(f);
}

static void a_cue_an_hour_in_starts_at_its_exact_frame(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(false, 2.0);
    const double hour_s = 3599.5;
    struct ebb_event ev[] = {cue(hour_s + 0.987654, EBB_SOUND_EXHALE, EBB_SIDE_NONE)};
    begin(f, ev, 1, EBB_AMBIENT_NONE);
    /* session time 0 lies an hour before the frame rendered now */
    int64_t origin = -ebb_mix_frames_of_us((uint64_t)(hour_s * 1e6));
    ebb_mix_set_origin(&f->mix, origin, false);
    render(f, 1024);
    int64_t expect = origin + llround((double)ev[0].t_us * RATE / 1e6);
    size_t onset = first_nonzero(f->out, f->frames);
    assert_true((int64_t)onset >= expect && (int64_t)onset <= expect + 1);
    fixture_free(f);
}

static void the_buffer_size_does_not_change_a_single_sample(void **state)
{
    (void)state;
    struct ebb_event ev[] = {
        cue(0.0, EBB_SOUND_BELL, EBB_SIDE_NONE),
        cue(0.7, EBB_SOUND_TICK, EBB_SIDE_LEFT),
        cue(1.30001, EBB_SOUND_INHALE, EBB_SIDE_RIGHT),
    };
    struct fixture *a = fixture_new(false, 2.5);
    struct fixture *b = fixture_new(false, 2.5);
    begin(a, ev, 3, EBB_AMBIENT_PINK);
    begin(b, ev, 3, EBB_AMBIENT_PINK);
    render(a, 1024);
    render(b, 333);
    assert_memory_equal(a->out, b->out, 2 * a->frames * sizeof *a->out);
    fixture_free(a);
    fixture_free(b);
}

static void every_built_in_sound_starts_and_ends_in_silence_without_a_click(void **state)
{
    (void)state;
    for (int eyes = 0; eyes < 2; eyes++) {
        struct ebb_sound_bank bank;
        assert_int_equal(ebb_synth_bank_init(&bank, eyes), 0);
        for (int id = 0; id < EBB_CLIP_COUNT; id++) {
            const struct ebb_clip *c = &bank.clips[id];
            assert_true(c->frames > 1000);
            double p = 0.0, jump = 0.0;
            for (size_t i = 0; i < c->frames; i++) {
                p = fmax(p, fabs(c->data[i]));
                if (i > 0)
                    jump = fmax(jump, fabs((double)c->data[i] - c->data[i - 1]));
            }
            /* nothing sounds at either end: the first and last 0.25 ms are near silence */
            for (size_t i = 0; i < 12; i++) {
                assert_true(fabs(c->data[i]) <= 0.2 * p);
                assert_true(fabs(c->data[c->frames - 1 - i]) <= 0.05 * p);
            }
            assert_true(fabs(c->data[0]) < 1e-3 && fabs(c->data[c->frames - 1]) < 1e-3);
            /* no step steeper than the sound's own highest partial allows */
            double slope = TWO_PI * ebb_synth_max_hz((enum ebb_clip_id)id, eyes) / RATE * p;
            assert_true(jump <= 1.5 * slope);
        }
        ebb_synth_bank_deinit(&bank);
    }
}

static void mixing_a_cue_adds_no_jump_at_its_start_or_end(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(false, 5.0);
    struct ebb_event ev[] = {cue(2.0, EBB_SOUND_TICK, EBB_SIDE_NONE),
                             cue(3.0, EBB_SOUND_HOLD, EBB_SIDE_LEFT)};
    begin(f, ev, 2, EBB_AMBIENT_NONE);
    render(f, 480);
    const struct ebb_clip *tick = &f->bank.clips[EBB_CLIP_TICK];
    double clip_jump = 0.0;
    for (size_t i = 1; i < tick->frames; i++)
        clip_jump = fmax(clip_jump, fabs((double)tick->data[i] - tick->data[i - 1]));
    /* the rendered jump never exceeds the clip's own, scaled by the cue's gain */
    assert_true(max_jump(f->out, 0, f->frames) <= clip_jump * EBB_MIX_CUE_GAIN + 1e-6);
    size_t end = (size_t)(2.0 * RATE) + tick->frames;
    assert_true(peak(f->out, end + 1, (size_t)(3.0 * RATE)) == 0.0);
    fixture_free(f);
}

static void a_left_cue_is_at_least_6_db_louder_on_the_left(void **state)
{
    (void)state;
    enum ebb_sound sounds[] = {EBB_SOUND_INHALE, EBB_SOUND_TICK, EBB_SOUND_HOLD};
    for (size_t s = 0; s < 3; s++) {
        struct fixture *f = fixture_new(false, 3.0);
        struct ebb_event ev[] = {cue(0.5, sounds[s], EBB_SIDE_LEFT),
                                 cue(1.5, sounds[s], EBB_SIDE_RIGHT)};
        begin(f, ev, 2, EBB_AMBIENT_NONE);
        render(f, 1024);
        size_t mid = (size_t)(1.5 * RATE);
        double l = energy(f->out, 0, mid, 0), r = energy(f->out, 0, mid, 1);
        assert_true(l > 0.0 && 10.0 * log10(l / r) >= 6.0);
        l = energy(f->out, mid, f->frames, 0), r = energy(f->out, mid, f->frames, 1);
        assert_true(r > 0.0 && 10.0 * log10(r / l) >= 6.0);
        fixture_free(f);
    }
}

static void a_middle_cue_is_equal_on_both_sides(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(false, 2.0);
    struct ebb_event ev[] = {cue(0.2, EBB_SOUND_BELL, EBB_SIDE_NONE)};
    begin(f, ev, 1, EBB_AMBIENT_NONE);
    render(f, 1024);
    assert_true(energy(f->out, 0, f->frames, 0) > 0.0);
    for (size_t i = 0; i < f->frames; i++)
        assert_true(f->out[2 * i] == f->out[2 * i + 1]);
    fixture_free(f);
}

static double triangle(uint64_t t_us)
{
    /* 4 s up, 4 s down */
    double t = fmod((double)t_us / 1e6, 8.0);
    return t < 4.0 ? t / 4.0 : (8.0 - t) / 4.0;
}

static void overlapping_cues_and_ambient_stay_under_minus_12_dbfs(void **state)
{
    (void)state;
    struct ebb_event ev[] = {
        cue(0.0, EBB_SOUND_BELL, EBB_SIDE_NONE),   cue(2.0, EBB_SOUND_BELL, EBB_SIDE_LEFT),
        cue(2.0, EBB_SOUND_INHALE, EBB_SIDE_LEFT), cue(2.0, EBB_SOUND_TICK, EBB_SIDE_LEFT),
        cue(2.01, EBB_SOUND_BELL, EBB_SIDE_LEFT),  cue(3.0, EBB_SOUND_EXHALE, EBB_SIDE_NONE),
        cue(3.0, EBB_SOUND_BELL, EBB_SIDE_NONE),
    };
    int volumes[] = {80, 100};
    for (int v = 0; v < 2; v++) {
        struct fixture *f = fixture_new(v == 1, 5.0);
        ebb_mix_set_volume(&f->mix, volumes[v], false);
        begin(f, ev, sizeof ev / sizeof ev[0], EBB_AMBIENT_BREATH);
        f->list.level = triangle;
        render(f, 1024);
        double p = peak(f->out, 0, f->frames);
        assert_true(p > 0.1);
        assert_true(p <= MINUS_12_DBFS);
        fixture_free(f);
    }
}

static void a_single_cue_at_default_volume_is_not_touched_by_the_limiter(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(false, 4.0);
    struct ebb_event ev[] = {cue(2.0, EBB_SOUND_BELL, EBB_SIDE_LEFT)};
    begin(f, ev, 1, EBB_AMBIENT_NONE);
    render(f, 1024);
    /* default 80 % is 0.64 of the cue gain, hard left keeps ~all of it */
    double expect = EBB_MIX_CUE_GAIN * 0.64 * cos((1.0 - EBB_MIX_PAN) * TWO_PI / 8.0);
    assert_float_equal(peak(f->out, 0, f->frames), expect, 1e-3);
    fixture_free(f);
}

static void the_breath_ambient_swells_on_the_inhale_and_recedes_on_the_exhale(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(false, 17.0);
    begin(f, NULL, 0, EBB_AMBIENT_BREATH);
    f->list.level = triangle;
    render(f, 1024);
    /* the top of the second inhale (12 s) against the bottom of an exhale (16 s) */
    double top = rms(f->out, (size_t)(11.8 * RATE), (size_t)(12.2 * RATE));
    double bottom = rms(f->out, (size_t)(15.6 * RATE), (size_t)(16.0 * RATE));
    assert_true(top > 2.0 * bottom);
    assert_true(bottom > 0.0);
    /* and it is quiet: under -25 dBFS RMS at its loudest */
    assert_true(top < 0.056);
    fixture_free(f);
}

static void the_session_fades_in_over_more_than_a_second(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(false, 5.0);
    begin(f, NULL, 0, EBB_AMBIENT_BROWN);
    render(f, 1024);
    double first = rms(f->out, 0, RATE / 10);
    double half = rms(f->out, RATE / 2, RATE / 2 + RATE / 10);
    double one = rms(f->out, RATE, RATE + RATE / 10);
    double full = rms(f->out, 4 * RATE, 5 * RATE);
    assert_true(first < 0.05 * full);
    assert_true(half < one && one < full);
    assert_true(one < 0.9 * full); /* still rising after one second */
    fixture_free(f);

    /* a bell at t = 0 swells in rather than striking at full strength */
    f = fixture_new(false, 8.0);
    struct ebb_event ev[] = {cue(0.0, EBB_SOUND_BELL, EBB_SIDE_NONE),
                             cue(5.0, EBB_SOUND_BELL, EBB_SIDE_NONE)};
    begin(f, ev, 2, EBB_AMBIENT_NONE);
    render(f, 1024);
    assert_true(peak(f->out, 0, RATE / 50) < 0.1 * peak(f->out, 5 * RATE, 5 * RATE + RATE / 50));
    fixture_free(f);
}

static void mute_gives_exact_silence(void **state)
{
    (void)state;
    struct ebb_event ev[] = {cue(0.0, EBB_SOUND_BELL, EBB_SIDE_NONE),
                             cue(1.0, EBB_SOUND_TICK, EBB_SIDE_LEFT)};
    struct fixture *f = fixture_new(false, 3.0);
    ebb_mix_set_volume(&f->mix, 80, true);
    begin(f, ev, 2, EBB_AMBIENT_PINK);
    render(f, 1024);
    assert_true(peak(f->out, 0, f->frames) == 0.0);
    fixture_free(f);

    /* muting while sounding glides down to silence within a fraction of a second */
    f = fixture_new(false, 3.0);
    begin(f, ev, 2, EBB_AMBIENT_PINK);
    ebb_mix_render(&f->mix, f->out, RATE / 2);
    ebb_mix_set_volume(&f->mix, 80, true);
    ebb_mix_render(&f->mix, f->out + RATE, f->frames - RATE / 2);
    assert_true(max_jump(f->out, RATE / 2 - 1, RATE / 2 + 1) < 0.01);
    assert_true(peak(f->out, RATE, f->frames) < 1.0 / 65536.0);
    fixture_free(f);
}

static void no_cue_starts_while_paused_and_resuming_shifts_it(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(false, 6.0);
    struct ebb_event ev[] = {cue(2.0, EBB_SOUND_TICK, EBB_SIDE_NONE)};
    begin(f, ev, 1, EBB_AMBIENT_NONE);
    ebb_mix_render(&f->mix, f->out, RATE); /* one second runs */
    ebb_mix_set_origin(&f->mix, 0, true);  /* paused for two seconds */
    ebb_mix_render(&f->mix, f->out + 2 * RATE, 2 * RATE);
    ebb_mix_set_origin(&f->mix, 2 * RATE, false); /* resumed: t = 0 moved two seconds */
    ebb_mix_render(&f->mix, f->out + 6 * RATE, f->frames - 3 * RATE);
    assert_int_equal(first_nonzero(f->out, f->frames), 4 * RATE + 1);
    fixture_free(f);
}

static void leaving_fades_out_and_then_nothing_sounds(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(false, 4.0);
    struct ebb_event ev[] = {cue(2.0, EBB_SOUND_BELL, EBB_SIDE_NONE),
                             cue(3.0, EBB_SOUND_BELL, EBB_SIDE_NONE)};
    begin(f, ev, 2, EBB_AMBIENT_BROWN);
    ebb_mix_render(&f->mix, f->out, 2 * RATE + RATE / 10);
    ebb_mix_end(&f->mix, 300);
    ebb_mix_render(&f->mix, f->out + 2 * (2 * RATE + RATE / 10), f->frames - 2 * RATE - RATE / 10);
    size_t gone = 2 * RATE + RATE / 10 + (size_t)(0.3 * RATE);
    assert_true(peak(f->out, 2 * RATE, 2 * RATE + RATE / 10) > 0.05);
    assert_true(max_jump(f->out, gone - 100, gone + 100) < 0.002);
    assert_true(peak(f->out, gone, f->frames) == 0.0);
    fixture_free(f);
}

static size_t sounding_frames(const float *out, size_t frames)
{
    size_t last = 0;
    for (size_t i = 0; i < frames; i++)
        if (out[2 * i] != 0.0f)
            last = i;
    return last;
}

static void with_eyes_closed_the_end_bell_is_distinct(void **state)
{
    (void)state;
    struct ebb_event end = {.t_us = 100000, .kind = EBB_EVENT_END};
    struct ebb_event ev[] = {end, cue(0.1, EBB_SOUND_BELL, EBB_SIDE_NONE)};
    struct fixture *open = fixture_new(false, 5.0), *closed = fixture_new(true, 5.0);
    begin(open, ev, 2, EBB_AMBIENT_NONE);
    begin(closed, ev, 2, EBB_AMBIENT_NONE);
    render(open, 1024);
    render(closed, 1024);
    /* the end bell rings three times: it lasts longer than the start bell */
    size_t plain = sounding_frames(open->out, open->frames);
    size_t distinct = sounding_frames(closed->out, closed->frames);
    assert_true(plain < (size_t)(2.6 * RATE));
    assert_true(distinct > (size_t)(3.0 * RATE));
    /* and the phase cues move to different registers */
    assert_true(closed->bank.clips[EBB_CLIP_INHALE].data[2000] !=
                open->bank.clips[EBB_CLIP_INHALE].data[2000]);
    fixture_free(open);
    fixture_free(closed);
}

static void a_file_cue_that_could_not_be_read_plays_the_built_in_sound(void **state)
{
    (void)state;
    struct ebb_cue file = {.kind = EBB_CUE_FILE, .file = "missing.ogg", .name = "missing.ogg"};
    struct ebb_event ev = cue(2.0, EBB_SOUND_FILE, EBB_SIDE_NONE);
    ev.cue = &file;
    ev.has_phase = 1;
    ev.phase = EBB_PHASE_EXHALE;
    struct fixture *f = fixture_new(false, 4.0);
    begin(f, &ev, 1, EBB_AMBIENT_NONE);
    render(f, 1024);
    size_t at = (size_t)(2.0 * RATE);
    const struct ebb_clip *ex = &f->bank.clips[EBB_CLIP_EXHALE];
    assert_int_equal(first_nonzero(f->out, f->frames), at + 1);
    size_t probe = at + ex->frames / 2;
    double expect = ex->data[ex->frames / 2] * EBB_MIX_CUE_GAIN * 0.64 * cos(TWO_PI / 8.0);
    assert_float_equal(f->out[2 * probe], expect, 1e-4);
    fixture_free(f);
}

static void a_decoded_file_cue_plays_its_own_samples(void **state)
{
    (void)state;
    struct ebb_cue file = {.kind = EBB_CUE_FILE, .file = "gong.wav", .name = "gong.wav"};
    float data[2 * 100];
    for (int i = 0; i < 100; i++)
        data[2 * i] = data[2 * i + 1] = (float)sin(i * 0.05) * 0.5f;
    struct ebb_mix_file files[] = {{.cue = &file, .clip = {data, 100, 2}}};
    struct ebb_event ev = cue(0.5, EBB_SOUND_FILE, EBB_SIDE_NONE);
    ev.cue = &file;
    struct fixture *f = fixture_new(false, 2.0);
    f->list = (struct list){.ev = &ev, .n = 1};
    struct ebb_mix_source src = {.events = list_events, .ctx = &f->list};
    ebb_mix_begin(&f->mix, &src, files, 1, EBB_AMBIENT_NONE, 1.0);
    render(f, 256);
    size_t at = (size_t)(0.5 * RATE);
    double fade = EBB_MIX_FADE_FLOOR +
                  (1.0 - EBB_MIX_FADE_FLOOR) * ebb_raised_cosine((0.5 + 50.0 / RATE) / 1.5);
    assert_float_equal(f->out[2 * (at + 50)], data[100] * EBB_MIX_CUE_GAIN * 0.64 * fade, 1e-4);
    assert_true(peak(f->out, at + 100, f->frames) == 0.0);
    fixture_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_cue_starts_at_the_frame_of_its_time),
        cmocka_unit_test(a_cue_an_hour_in_starts_at_its_exact_frame),
        cmocka_unit_test(the_buffer_size_does_not_change_a_single_sample),
        cmocka_unit_test(every_built_in_sound_starts_and_ends_in_silence_without_a_click),
        cmocka_unit_test(mixing_a_cue_adds_no_jump_at_its_start_or_end),
        cmocka_unit_test(a_left_cue_is_at_least_6_db_louder_on_the_left),
        cmocka_unit_test(a_middle_cue_is_equal_on_both_sides),
        cmocka_unit_test(overlapping_cues_and_ambient_stay_under_minus_12_dbfs),
        cmocka_unit_test(a_single_cue_at_default_volume_is_not_touched_by_the_limiter),
        cmocka_unit_test(the_breath_ambient_swells_on_the_inhale_and_recedes_on_the_exhale),
        cmocka_unit_test(the_session_fades_in_over_more_than_a_second),
        cmocka_unit_test(mute_gives_exact_silence),
        cmocka_unit_test(no_cue_starts_while_paused_and_resuming_shifts_it),
        cmocka_unit_test(leaving_fades_out_and_then_nothing_sounds),
        cmocka_unit_test(with_eyes_closed_the_end_bell_is_distinct),
        cmocka_unit_test(a_file_cue_that_could_not_be_read_plays_the_built_in_sound),
        cmocka_unit_test(a_decoded_file_cue_plays_its_own_samples),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
