/* synth: ebb's built-in sounds, computed once into tables (no sound files needed), and
 * the generators of the ambient beds. Pure C: no SDL header, so unit tests link it.
 * Every clip starts and ends at silence through raised-cosine edges (no clicks). */
#ifndef EBB_SYNTH_H
#define EBB_SYNTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EBB_SYNTH_RATE 48000 /* frames a second */

/* A sound held in memory: 32-bit float samples, -1..1. */
struct ebb_clip {
    float *data;   /* owned by whoever filled it; frames * channels samples */
    size_t frames; /* length in frames */
    int channels;  /* 1 (mono, panned when mixed) or 2 (interleaved stereo) */
};

/* The built-in sounds. END_BELL is the bell of a session's end (distinct with
 * eyes_closed; the same as BELL otherwise). */
enum ebb_clip_id {
    EBB_CLIP_INHALE, /* a soft rising glide */
    EBB_CLIP_EXHALE, /* a soft falling glide */
    EBB_CLIP_HOLD,   /* a quiet low tick */
    EBB_CLIP_BELL,   /* a few decaying inharmonic partials */
    EBB_CLIP_TICK,   /* a short wooden tick */
    EBB_CLIP_END_BELL,
    EBB_CLIP_COUNT
};

struct ebb_sound_bank {
    struct ebb_clip clips[EBB_CLIP_COUNT]; /* owned */
    bool eyes_closed;                      /* built with the more distinct set */
};

/* Synthesizes every built-in clip (about 1 MiB of floats). eyes_closed picks phase cues
 * in clearly different registers and timbres and a distinct end bell. Returns 0, or -1
 * when memory runs out (the bank is then empty). Free with ebb_synth_bank_deinit. */
int ebb_synth_bank_init(struct ebb_sound_bank *bank, bool eyes_closed);

/* Frees the clips; accepts a zeroed or already freed bank. */
void ebb_synth_bank_deinit(struct ebb_sound_bank *bank);

/* Frees one clip's samples and zeroes it; accepts NULL. */
void ebb_clip_free(struct ebb_clip *clip);

/* The highest frequency (Hz) a built-in clip contains, for slope checks in tests. */
double ebb_synth_max_hz(enum ebb_clip_id id, bool eyes_closed);

/* Raised-cosine edge: 0 at x <= 0, 1 at x >= 1, smooth in between. */
double ebb_raised_cosine(double x);

/* Noise generators for the ambient beds: deterministic (seeded), one sample at a time. */
struct ebb_noise {
    uint32_t seed;   /* xorshift state, never 0 */
    double pink[3];  /* three one-pole bands summed into pink noise */
    double brown;    /* leaky integrator of white noise */
    double low[2];   /* breath: two one-pole low passes (brightness follows the breath) */
    double bright;   /* breath: brightness the pole below was computed for */
    double pole;     /* breath: low-pass coefficient at that brightness */
};

void ebb_noise_init(struct ebb_noise *n, uint32_t seed);
double ebb_noise_white(struct ebb_noise *n); /* -1..1, flat */
double ebb_noise_pink(struct ebb_noise *n);  /* RMS about 0.3, about -3 dB an octave */
double ebb_noise_brown(struct ebb_noise *n); /* RMS about 0.3, about -6 dB an octave */
/* Breath noise with brightness 0..1: white noise through a low pass whose corner moves
 * from about 300 Hz (0) to about 2.5 kHz (1). RMS about 0.3 at brightness 1. */
double ebb_noise_breath(struct ebb_noise *n, double brightness);

#endif
