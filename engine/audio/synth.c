/* synth: the built-in cues, synthesized once at open into float tables, and the noise
 * generators of the ambient beds. Glides are sums of a few harmonics whose frequency
 * moves smoothly (a raised cosine in log frequency); bells and ticks are sums of
 * exponentially decaying partials. Every clip fades in and out with raised-cosine edges,
 * so its first sample and its last are silence and it never clicks. */
#include "synth.h"

#include <math.h>
#include <stdlib.h>

#define TWO_PI 6.28318530717958647692

#define HARMONICS_MAX 4
#define PARTIALS_MAX 5
#define STRIKES_MAX 3
#define TOUCH_S 0.003 /* a glide's first quarter of level comes in over 3 ms */

/* A glide: harmonics of a frequency moving from f0_hz to f1_hz. */
struct glide_spec {
    double f0_hz, f1_hz;
    double harmonic[HARMONICS_MAX]; /* amplitude of harmonic k+1 */
    double seconds, attack_s, release_s;
    double peak; /* the clip's peak, 0..1 */
};

/* A struck sound: decaying partials, struck once or a few times. */
struct strike_spec {
    double hz[PARTIALS_MAX];
    double amp[PARTIALS_MAX];
    double decay_s[PARTIALS_MAX]; /* time constant of each partial */
    int partials;
    double strike_s[STRIKES_MAX]; /* when each strike sounds, from the clip's start */
    double strike_gain[STRIKES_MAX];
    int strikes;
    double seconds, attack_s, release_s;
    double peak;
};

double ebb_raised_cosine(double x)
{
    const double pi = TWO_PI / 2.0;
    if (x <= 0.0)
        return 0.0;
    if (x >= 1.0)
        return 1.0;
    return 0.5 - 0.5 * cos(pi * x);
}

void ebb_clip_free(struct ebb_clip *clip)
{
    if (!clip)
        return;
    free(clip->data);
    clip->data = NULL;
    clip->frames = 0;
    clip->channels = 0;
}

static int clip_alloc(struct ebb_clip *clip, double seconds)
{
    clip->frames = (size_t)(seconds * EBB_SYNTH_RATE);
    clip->channels = 1;
    clip->data = calloc(clip->frames, sizeof *clip->data);
    return clip->data ? 0 : -1;
}

/* Scales a clip so its largest sample is `peak`. */
static void normalize(struct ebb_clip *clip, double peak)
{
    double max = 0.0;
    size_t n = clip->frames * (size_t)clip->channels;
    for (size_t i = 0; i < n; i++)
        max = fmax(max, fabs(clip->data[i]));
    if (max <= 0.0)
        return;
    for (size_t i = 0; i < n; i++)
        clip->data[i] = (float)(clip->data[i] * (peak / max));
}

/* Attack and release edges of a clip of `frames` frames at frame i. */
static double edges(size_t i, size_t frames, double attack_s, double release_s)
{
    double t = (double)i / EBB_SYNTH_RATE;
    double left = (double)(frames - 1 - i) / EBB_SYNTH_RATE;
    return ebb_raised_cosine(t / attack_s) * ebb_raised_cosine(left / release_s);
}

static int make_glide(struct ebb_clip *clip, const struct glide_spec *g)
{
    if (clip_alloc(clip, g->seconds) != 0)
        return -1;
    double ratio = log(g->f1_hz / g->f0_hz);
    double phase = 0.0;
    for (size_t i = 0; i < clip->frames; i++) {
        double p = (double)i / (double)clip->frames;
        double hz = g->f0_hz * exp(ratio * ebb_raised_cosine(p));
        double x = 0.0;
        for (int k = 0; k < HARMONICS_MAX; k++)
            x += g->harmonic[k] * sin((double)(k + 1) * phase);
        /* a quick touch to a quarter of the level, then the slow swell: the start is
         * still soft, but it is heard (and measured) where it is */
        double t = (double)i / EBB_SYNTH_RATE;
        double left = (double)(clip->frames - 1 - i) / EBB_SYNTH_RATE;
        double attack = 0.25 * ebb_raised_cosine(t / TOUCH_S) +
                        0.75 * ebb_raised_cosine(t / g->attack_s);
        clip->data[i] = (float)(x * attack * ebb_raised_cosine(left / g->release_s));
        phase = fmod(phase + TWO_PI * hz / EBB_SYNTH_RATE, TWO_PI);
    }
    normalize(clip, g->peak);
    return 0;
}

static int make_strike(struct ebb_clip *clip, const struct strike_spec *s)
{
    if (clip_alloc(clip, s->seconds) != 0)
        return -1;
    for (size_t i = 0; i < clip->frames; i++) {
        double t = (double)i / EBB_SYNTH_RATE;
        double x = 0.0;
        for (int k = 0; k < s->strikes; k++) {
            double u = t - s->strike_s[k];
            if (u < 0.0)
                continue;
            /* each strike has its own soft attack, so a later strike does not click */
            double y = 0.0;
            for (int j = 0; j < s->partials; j++)
                y += s->amp[j] * exp(-u / s->decay_s[j]) * sin(TWO_PI * s->hz[j] * u);
            x += s->strike_gain[k] * y * ebb_raised_cosine(u / s->attack_s);
        }
        clip->data[i] = (float)(x * edges(i, clip->frames, s->attack_s, s->release_s));
    }
    normalize(clip, s->peak);
    return 0;
}

/* A singing-bowl-like bell: inharmonic partials, the high ones dying first. */
static struct strike_spec bell_spec(double base_hz)
{
    struct strike_spec s = {
        .hz = {base_hz, base_hz * 2.76, base_hz * 5.40, base_hz * 8.93},
        .amp = {1.0, 0.45, 0.22, 0.10},
        .decay_s = {1.1, 0.7, 0.4, 0.25},
        .partials = 4,
        .strike_s = {0.0},
        .strike_gain = {1.0},
        .strikes = 1,
        .seconds = 2.4, /* rung out before a default 3 s prepare ends */
        .attack_s = 0.005,
        .release_s = 0.4,
        .peak = 1.0,
    };
    return s;
}

static struct strike_spec tick_spec(void)
{
    /* a small wooden block: two damped modes, gone in a tenth of a second */
    struct strike_spec s = {
        .hz = {1100.0, 1870.0},
        .amp = {1.0, 0.5},
        .decay_s = {0.018, 0.010},
        .partials = 2,
        .strike_gain = {1.0},
        .strikes = 1,
        .seconds = 0.12,
        .attack_s = 0.0015,
        .release_s = 0.03,
        .peak = 0.6,
    };
    return s;
}

static struct strike_spec hold_spec(bool eyes_closed)
{
    /* a quiet low knock; with eyes closed two knocks, unlike anything else */
    struct strike_spec s = {
        .hz = {170.0, 343.0},
        .amp = {1.0, 0.3},
        .decay_s = {0.09, 0.05},
        .partials = 2,
        .strike_s = {0.0, 0.16},
        .strike_gain = {1.0, 0.8},
        .strikes = eyes_closed ? 2 : 1,
        .seconds = eyes_closed ? 0.5 : 0.35,
        .attack_s = 0.004,
        .release_s = 0.1,
        .peak = 0.55,
    };
    return s;
}

static struct strike_spec end_bell_spec(void)
{
    /* lower than the start bell, struck three times, falling: the session is over */
    struct strike_spec s = bell_spec(396.0);
    s.strike_s[1] = 0.7;
    s.strike_s[2] = 1.4;
    s.strike_gain[1] = 0.8;
    s.strike_gain[2] = 0.65;
    s.strikes = 3;
    s.seconds = 3.6;
    return s;
}

static struct glide_spec glide_spec(enum ebb_clip_id id, bool eyes_closed)
{
    struct glide_spec g = {.attack_s = 0.12, .peak = 1.0};
    if (id == EBB_CLIP_INHALE && !eyes_closed) {
        g.f0_hz = 330.0, g.f1_hz = 440.0, g.seconds = 1.3, g.release_s = 0.6;
        g.harmonic[0] = 1.0, g.harmonic[1] = 0.3, g.harmonic[2] = 0.08;
    } else if (id == EBB_CLIP_INHALE) {
        /* higher and brighter, rising a fifth */
        g.f0_hz = 392.0, g.f1_hz = 587.0, g.seconds = 1.3, g.release_s = 0.6;
        g.harmonic[0] = 1.0, g.harmonic[1] = 0.45, g.harmonic[2] = 0.2, g.harmonic[3] = 0.1;
    } else if (!eyes_closed) {
        g.f0_hz = 440.0, g.f1_hz = 330.0, g.seconds = 1.5, g.release_s = 0.8;
        g.harmonic[0] = 1.0, g.harmonic[1] = 0.2;
    } else {
        /* lower and darker, falling a fifth */
        g.f0_hz = 392.0, g.f1_hz = 262.0, g.seconds = 1.6, g.release_s = 0.9;
        g.harmonic[0] = 1.0, g.harmonic[1] = 0.15;
    }
    return g;
}

double ebb_synth_max_hz(enum ebb_clip_id id, bool eyes_closed)
{
    switch (id) {
    case EBB_CLIP_INHALE:
    case EBB_CLIP_EXHALE: {
        struct glide_spec g = glide_spec(id, eyes_closed);
        int top = 0;
        for (int k = 0; k < HARMONICS_MAX; k++)
            if (g.harmonic[k] > 0.0)
                top = k + 1;
        return fmax(g.f0_hz, g.f1_hz) * top;
    }
    case EBB_CLIP_HOLD:
        return 343.0;
    case EBB_CLIP_TICK:
        return 1870.0;
    case EBB_CLIP_BELL:
        return 528.0 * 8.93;
    case EBB_CLIP_END_BELL:
        return (eyes_closed ? 396.0 : 528.0) * 8.93;
    case EBB_CLIP_COUNT:
        break;
    }
    return 0.0;
}

int ebb_synth_bank_init(struct ebb_sound_bank *bank, bool eyes_closed)
{
    struct glide_spec in = glide_spec(EBB_CLIP_INHALE, eyes_closed);
    struct glide_spec out = glide_spec(EBB_CLIP_EXHALE, eyes_closed);
    struct strike_spec hold = hold_spec(eyes_closed);
    struct strike_spec bell = bell_spec(528.0);
    struct strike_spec tick = tick_spec();
    struct strike_spec end = eyes_closed ? end_bell_spec() : bell;

    *bank = (struct ebb_sound_bank){.eyes_closed = eyes_closed};
    if (make_glide(&bank->clips[EBB_CLIP_INHALE], &in) != 0 ||
        make_glide(&bank->clips[EBB_CLIP_EXHALE], &out) != 0 ||
        make_strike(&bank->clips[EBB_CLIP_HOLD], &hold) != 0 ||
        make_strike(&bank->clips[EBB_CLIP_BELL], &bell) != 0 ||
        make_strike(&bank->clips[EBB_CLIP_TICK], &tick) != 0 ||
        make_strike(&bank->clips[EBB_CLIP_END_BELL], &end) != 0) {
        ebb_synth_bank_deinit(bank);
        return -1;
    }
    return 0;
}

void ebb_synth_bank_deinit(struct ebb_sound_bank *bank)
{
    if (!bank)
        return;
    for (int i = 0; i < EBB_CLIP_COUNT; i++)
        ebb_clip_free(&bank->clips[i]);
}

void ebb_noise_init(struct ebb_noise *n, uint32_t seed)
{
    *n = (struct ebb_noise){.seed = seed ? seed : 0x9e3779b9u};
}

double ebb_noise_white(struct ebb_noise *n)
{
    uint32_t x = n->seed;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    n->seed = x;
    return (double)x / 2147483648.0 - 1.0;
}

/* One-pole low-pass coefficient for a corner at hz. */
static double pole(double hz)
{
    return exp(-TWO_PI * hz / EBB_SYNTH_RATE);
}

double ebb_noise_pink(struct ebb_noise *n)
{
    /* three bands a decade apart whose levels step by 10 dB a decade: close to 1/f
     * from about 60 Hz to 6 kHz, which is all a quiet bed needs */
    static const double hz[3] = {60.0, 600.0, 6000.0};
    static const double gain[3] = {9.5, 3.0, 1.0};
    double w = ebb_noise_white(n);
    double sum = 0.0;
    for (int i = 0; i < 3; i++) {
        double a = pole(hz[i]);
        n->pink[i] = a * n->pink[i] + (1.0 - a) * w;
        sum += gain[i] * n->pink[i];
    }
    return 0.5 * sum;
}

double ebb_noise_brown(struct ebb_noise *n)
{
    /* leaky integration: -6 dB an octave above about 23 Hz, never wandering off */
    n->brown = 0.997 * n->brown + 0.04 * ebb_noise_white(n);
    return n->brown;
}

double ebb_noise_breath(struct ebb_noise *n, double brightness)
{
    double b = brightness < 0.0 ? 0.0 : brightness > 1.0 ? 1.0 : brightness;
    if (b != n->bright || n->pole == 0.0) { /* recomputed only when it moves */
        n->bright = b;
        n->pole = pole(300.0 * pow(2500.0 / 300.0, b));
    }
    double a = n->pole;
    double w = ebb_noise_white(n);
    n->low[0] = a * n->low[0] + (1.0 - a) * w;
    n->low[1] = a * n->low[1] + (1.0 - a) * n->low[0];
    /* keep the loudness about the same at any brightness: the mixer sets loudness */
    return 0.5 * n->low[1] * sqrt((1.0 + a) / (1.0 - a));
}
