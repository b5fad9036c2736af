/* mix: the sound of a session, one buffer of frames at a time. The same code runs in
 * the device callback (live) and in export (a virtual clock): it asks a source for the
 * cue events of each block's time range and starts each at its exact frame, generates
 * the ambient bed from the breath level, pans, applies the gains and fades, and a soft
 * limiter keeps every peak at or below -12 dBFS. Pure C: no SDL header, no locks, no
 * allocation; the caller owns every buffer. */
#ifndef EBB_MIX_H
#define EBB_MIX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "events.h"
#include "script.h"
#include "synth.h"

#define EBB_MIX_RATE EBB_SYNTH_RATE
#define EBB_MIX_VOICES 32   /* cues sounding at once; a cue past that is dropped */
#define EBB_MIX_BLOCK 64    /* frames per control block (ambient level, event queries) */
#define EBB_MIX_CUE_GAIN 0.2 /* a cue's peak per channel at full volume: -14 dBFS */
#define EBB_MIX_CEILING 0.2489 /* the limiter's ceiling: -12.08 dBFS, under -12 */
#define EBB_MIX_PAN 0.9      /* a side's pan position (1 = all one side): ~22 dB apart */
#define EBB_MIX_FADE_IN_S 1.5 /* the session swells in over this long... */
#define EBB_MIX_FADE_FLOOR 0.0316 /* ...from 30 dB down (a first bell's onset stays exact) */
#define EBB_MIX_AMBIENT_FADE_S 3.0 /* the ambient bed fades in from silence over this */
#define EBB_MIX_END_MS_MIN 20 /* a fade-out is never shorter: no click */
#define EBB_MIX_LATE_FRAMES (EBB_MIX_RATE / 4) /* a cue up to this late still sounds */
#define EBB_MIX_SPEECH_GAIN 0.2 /* an utterance's peak at full volume, like a cue: -14 dBFS */
#define EBB_MIX_DUCK 0.4        /* tones and ambient under speech: about -8 dB */
#define EBB_MIX_DUCK_S 0.08     /* the duck moves (linearly) over this long */
#define EBB_MIX_SPEECH_CUT_S 0.04 /* an utterance cut short fades out over this */

/* Where cues and the breath level come from: a breathing plan (live), or an event list
 * (export). Both functions must be pure and allocation-free. */
struct ebb_mix_source {
    /* Events whose session time is in [from_us, to_us), in time order, at most max
     * written; returns how many are in the range (ebb_breath_events' contract). NULL:
     * the mixer places no cues by itself (they come through ebb_mix_play). */
    size_t (*events)(const void *ctx, uint64_t from_us, uint64_t to_us, struct ebb_event *out,
                     size_t max);
    /* The breath level 0..1 at session time t_us; NULL: a steady half level. */
    double (*level)(const void *ctx, uint64_t t_us);
    const void *ctx;
};

/* Where utterances come from (the voice, engine/sdl/voice.c). */
struct ebb_mix_speech {
    /* The utterance that event `ev` starts, or NULL: VOICE events (export, grounding) and,
     * for a live breathing plan, PHASE events whose text fits in the phase. Must be pure
     * and allocation-free; NULL: nothing is spoken. */
    const struct ebb_clip *(*clip)(const void *ctx, const struct ebb_event *ev);
    const void *ctx;
};

/* One utterance sounding (the voice is one speaker: at most one speaks, and one cut
 * short fades under it). */
struct ebb_mix_utterance {
    const struct ebb_clip *clip; /* borrowed; NULL: silent */
    int64_t start;               /* absolute frame of its first frame */
    int64_t stop;                /* absolute frame its cut-short fade begins; INT64_MAX */
};

/* A decoded sound file named by a cue (looked up by the cue's address). */
struct ebb_mix_file {
    const struct ebb_cue *cue; /* borrowed from the exercise */
    struct ebb_clip clip;      /* owned by whoever filled the table */
};

struct ebb_mix_voice {
    const struct ebb_clip *clip; /* borrowed; NULL: the voice is free */
    int64_t start;               /* absolute frame of the clip's first frame */
    float gain_l, gain_r;        /* cue gain x pan */
};

struct ebb_mix {
    const struct ebb_sound_bank *bank;  /* borrowed: the built-in clips */
    const struct ebb_mix_file *files;   /* borrowed: the session's decoded files */
    size_t file_count;
    struct ebb_mix_source source;
    enum ebb_ambient ambient;
    double script_volume; /* the exercise's audio.volume, 0..1 */

    bool active;         /* a session is sounding */
    int64_t frame;       /* absolute frame of the next frame rendered */
    int64_t begin_frame; /* absolute frame at which the session began (fades) */
    int64_t origin;      /* absolute frame of session time 0 */
    bool paused;         /* no new cues; the breath level holds */
    int64_t paused_at;   /* session frame at which the pause began */
    uint64_t done_us;    /* events before this session time have been started */
    bool end_bell_next;  /* an END event was seen: its bell is the end bell */

    double master_target; /* volume curve x mute, 0..1 */
    double master;        /* the same, smoothed per frame */
    bool ending;          /* fading out (ebb_mix_end) */
    int64_t end_start;    /* absolute frame the fade-out began */
    int64_t end_frames;   /* its length */

    struct ebb_noise noise;
    double level;      /* breath level, smoothed per block */
    double amb_gain;   /* ambient gain at the end of the last block */
    struct ebb_mix_voice voices[EBB_MIX_VOICES];

    struct ebb_mix_speech speech; /* NULL clip: no voice */
    bool speech_on;               /* the voice is heard (V) */
    struct ebb_mix_utterance said[2]; /* [0] speaking, [1] fading after a cut */
    double duck;                  /* gain of tones and ambient, EBB_MIX_DUCK..1 */
};

/* A frame count for a session time: round(t_us * 48000 / 1e6). */
int64_t ebb_mix_frames_of_us(uint64_t t_us);

/* The master gain of a volume percentage (0..100, squared: a perceptual curve); 0 when
 * muted. */
double ebb_mix_volume_gain(int volume_percent, bool mute);

/* Silent, with no session, at absolute frame 0, volume 80 %. `bank` must outlive it. */
void ebb_mix_init(struct ebb_mix *m, const struct ebb_sound_bank *bank);

/* Starts a session's sound at the current frame (fading in): session time 0 is at
 * absolute frame `origin`; cues come from `src` (copied; its ctx must outlive the
 * session) and from ebb_mix_play; `files` (borrowed) holds the decoded cue files. */
void ebb_mix_begin(struct ebb_mix *m, const struct ebb_mix_source *src,
                   const struct ebb_mix_file *files, size_t file_count, enum ebb_ambient ambient,
                   double script_volume);

/* The session's origin moved (pause, resume); while paused no cue starts. */
void ebb_mix_set_origin(struct ebb_mix *m, int64_t origin, bool paused);

/* Master volume and mute; the gain moves there smoothly (about 30 ms). */
void ebb_mix_set_volume(struct ebb_mix *m, int volume_percent, bool mute);

/* Starts the cue of `ev` at absolute frame `at` (the current frame if that has passed).
 * Only CUE events sound; an END event marks the next bell as the end bell. */
void ebb_mix_play(struct ebb_mix *m, const struct ebb_event *ev, int64_t at);

/* Sets where utterances come from (copied; its ctx must outlive the session or the next
 * call). An utterance already sounding goes on: its clip must stay valid until it ends
 * or m->said is cleared (ebb_mix_begin clears it). */
void ebb_mix_set_speech(struct ebb_mix *m, const struct ebb_mix_speech *sp);

/* The voice heard or not (V): turned off, an utterance sounding fades out at once. */
void ebb_mix_speech_on(struct ebb_mix *m, bool on);

/* True when an utterance starting at absolute frame `at` would be refused because the
 * voice is still speaking: the rule for a phase's text (a step's prompt cuts in). */
bool ebb_mix_speech_busy(const struct ebb_mix *m, int64_t at);

/* Fades the session out over fade_ms (at least EBB_MIX_END_MS_MIN), then falls silent. */
void ebb_mix_end(struct ebb_mix *m, int fade_ms);

/* Mixes the next `frames` frames into `out` (interleaved stereo, left first, -1..1)
 * and advances the frame counter. */
void ebb_mix_render(struct ebb_mix *m, float *out, size_t frames);

#endif
