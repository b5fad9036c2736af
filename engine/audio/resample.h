/* resample: turns a sound file's stereo frames, at any rate from 1 Hz to 384 kHz, into
 * ebb's 48 kHz, as they are decoded: frames go in a chunk at a time and only a short
 * history is kept, so a file of any length costs the memory of its output, which is
 * capped (a cue plays at most its first seconds). A windowed-sinc filter interpolates
 * and, when the file's rate is higher, filters out what 48 kHz cannot carry. Equal rates
 * are copied unchanged. Pure C: no SDL. */
#ifndef EBB_RESAMPLE_H
#define EBB_RESAMPLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EBB_RESAMPLE_RATE_MIN 1
#define EBB_RESAMPLE_RATE_MAX 384000
#define EBB_RESAMPLE_ZEROS 8 /* zero crossings of the filter on each side */

struct ebb_resampler {
    long in_rate, out_rate; /* frames a second */
    double cutoff;          /* the filter's cutoff as a fraction of the input's Nyquist */
    double reach;           /* input frames the filter reaches on each side of a point */
    float *hist;            /* owned: input stereo frames from hist_base on */
    size_t hist_len, hist_cap; /* frames held, frames room */
    int64_t hist_base;      /* input frame index of hist[0] */
    int64_t in_total;       /* input frames pushed so far */
    int64_t next;           /* index of the next output frame */
    float *out;             /* owned: output stereo frames */
    size_t out_len, out_cap; /* frames made, frames room */
    size_t out_max;         /* frames at most; then the resampler is full */
    bool full;              /* out_max frames made */
    bool cut;               /* full, and the input went on past them */
    bool oom;               /* memory ran out: the output is what was made before */
};

/* Prepares a resampler from in_rate (1..384000) to out_rate (1..384000) that makes at
 * most out_max frames. Returns 0, or -1 for a rate out of range. Allocates nothing yet. */
int ebb_resampler_init(struct ebb_resampler *r, long in_rate, long out_rate, size_t out_max);

/* Adds `frames` interleaved stereo frames. Returns 0, or 1 when the resampler is full
 * (no more input is wanted; `cut` says whether some was lost), or -1 when memory ran
 * out. */
int ebb_resampler_push(struct ebb_resampler *r, const float *stereo, size_t frames);

/* The input has ended: makes the last frames (silence is assumed past the end). */
void ebb_resampler_finish(struct ebb_resampler *r);

/* Hands over the output (*frames of interleaved stereo floats; NULL when none; the
 * caller frees it) and frees the rest. */
float *ebb_resampler_take(struct ebb_resampler *r, size_t *frames);

/* Frees everything; accepts a zeroed or taken resampler. */
void ebb_resampler_free(struct ebb_resampler *r);

#endif
