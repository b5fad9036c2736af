/* mix: renders a session's sound block by block (see mix.h). Time is counted in frames
 * from one absolute origin, never accumulated from buffer lengths, so a cue an hour in
 * starts at the same exact frame as the first. */
#include "mix.h"

#include <math.h>
#include <string.h>

#include "segment.h"

#define HALF_PI 1.57079632679489661923
#define SQRT2 1.41421356237309504880
#define EVENT_BATCH 32
#define MASTER_SMOOTH_S 0.03 /* volume changes glide over about 30 ms */
#define LEVEL_SMOOTH_S 0.05  /* the breath level is smoothed over about 50 ms */
#define BREATH_GAIN 0.085    /* breath noise at the top of an inhale: about -32 dBFS RMS */
#define BED_GAIN 0.06        /* brown and pink beds: about -35 dBFS RMS */
#define LIMIT_KNEE 0.7       /* the limiter is exactly linear below 70 % of the ceiling */

int64_t ebb_mix_frames_of_us(uint64_t t_us)
{
    return (int64_t)((t_us * (uint64_t)EBB_MIX_RATE + 500000u) / 1000000u);
}

/* The first session time whose frame is >= k: the inverse of ebb_mix_frames_of_us, so
 * consecutive blocks ask for adjoining time ranges and every event falls in one. */
static uint64_t first_us_of_frame(int64_t k)
{
    if (k <= 0)
        return 0;
    uint64_t num = (uint64_t)k * 1000000u - 500000u;
    return (num + EBB_MIX_RATE - 1) / EBB_MIX_RATE;
}

double ebb_mix_volume_gain(int volume_percent, bool mute)
{
    if (mute || volume_percent <= 0)
        return 0.0;
    double v = volume_percent >= 100 ? 1.0 : volume_percent / 100.0;
    return v * v;
}

void ebb_mix_init(struct ebb_mix *m, const struct ebb_sound_bank *bank)
{
    memset(m, 0, sizeof *m);
    m->bank = bank;
    m->script_volume = 1.0;
    m->master_target = m->master = ebb_mix_volume_gain(80, false);
    m->speech_on = true;
    m->duck = 1.0;
    ebb_noise_init(&m->noise, 0x2545f491u);
}

void ebb_mix_begin(struct ebb_mix *m, const struct ebb_mix_source *src,
                   const struct ebb_mix_file *files, size_t file_count, enum ebb_ambient ambient,
                   double script_volume)
{
    memset(m->voices, 0, sizeof m->voices);
    m->source = src ? *src : (struct ebb_mix_source){0};
    m->files = files;
    m->file_count = file_count;
    m->ambient = ambient;
    m->script_volume = script_volume < 0.0 ? 0.0 : script_volume > 1.0 ? 1.0 : script_volume;
    m->active = true;
    m->begin_frame = m->frame;
    m->origin = m->frame;
    m->paused = false;
    m->paused_at = 0;
    m->done_us = 0;
    m->end_bell_next = false;
    m->ending = false;
    m->level = 0.0;
    m->amb_gain = 0.0;
    memset(m->said, 0, sizeof m->said);
    m->duck = 1.0;
}

void ebb_mix_set_speech(struct ebb_mix *m, const struct ebb_mix_speech *sp)
{
    m->speech = sp ? *sp : (struct ebb_mix_speech){0};
}

void ebb_mix_speech_on(struct ebb_mix *m, bool on)
{
    m->speech_on = on;
    if (!on && m->said[0].clip && m->said[0].stop > m->frame)
        m->said[0].stop = m->frame;
}

bool ebb_mix_speech_busy(const struct ebb_mix *m, int64_t at)
{
    const struct ebb_mix_utterance *u = &m->said[0];
    return u->clip && u->stop > at && at < u->start + (int64_t)u->clip->frames;
}

/* Starts the utterance of `ev` at frame `at`: a phase's text only when the voice is
 * silent then, a step's prompt cutting short whatever is still being said. */
static void speak(struct ebb_mix *m, const struct ebb_event *ev, int64_t at)
{
    if (!m->speech.clip || !m->speech_on)
        return;
    const struct ebb_clip *clip = m->speech.clip(m->speech.ctx, ev);
    if (!clip || !clip->data || clip->frames == 0)
        return;
    if (at < m->frame)
        at = m->frame;
    if (ebb_mix_speech_busy(m, at)) {
        if (ev->has_phase)
            return; /* a phase's text never speaks over the voice */
        m->said[1] = m->said[0];
        m->said[1].stop = at;
    }
    m->said[0] = (struct ebb_mix_utterance){clip, at, INT64_MAX};
}

void ebb_mix_set_origin(struct ebb_mix *m, int64_t origin, bool paused)
{
    if (paused && !m->paused)
        m->paused_at = m->frame - m->origin;
    m->origin = origin;
    m->paused = paused;
}

void ebb_mix_set_volume(struct ebb_mix *m, int volume_percent, bool mute)
{
    m->master_target = ebb_mix_volume_gain(volume_percent, mute);
    if (!m->active)
        m->master = m->master_target; /* nothing sounds: no ramp needed */
}

void ebb_mix_end(struct ebb_mix *m, int fade_ms)
{
    if (!m->active || m->ending)
        return;
    if (fade_ms < EBB_MIX_END_MS_MIN)
        fade_ms = EBB_MIX_END_MS_MIN;
    m->ending = true;
    m->end_start = m->frame;
    m->end_frames = (int64_t)fade_ms * EBB_MIX_RATE / 1000;
}

static const struct ebb_clip *builtin(const struct ebb_mix *m, enum ebb_clip_id id)
{
    const struct ebb_clip *c = &m->bank->clips[id];
    return c->data ? c : NULL;
}

/* The clip an event sounds: its built-in, its decoded file, or for a file that could
 * not be decoded the built-in its phase (or step) would have had. */
static const struct ebb_clip *clip_for(struct ebb_mix *m, const struct ebb_event *ev)
{
    static const enum ebb_clip_id by_phase[EBB_PHASE_COUNT] = {
        [EBB_PHASE_INHALE] = EBB_CLIP_INHALE,
        [EBB_PHASE_EXHALE] = EBB_CLIP_EXHALE,
        [EBB_PHASE_HOLD] = EBB_CLIP_HOLD,
    };
    bool end_bell = m->end_bell_next;
    m->end_bell_next = false;
    switch (ev->sound) {
    case EBB_SOUND_INHALE:
        return builtin(m, EBB_CLIP_INHALE);
    case EBB_SOUND_EXHALE:
        return builtin(m, EBB_CLIP_EXHALE);
    case EBB_SOUND_HOLD:
        return builtin(m, EBB_CLIP_HOLD);
    case EBB_SOUND_BELL:
        return builtin(m, end_bell ? EBB_CLIP_END_BELL : EBB_CLIP_BELL);
    case EBB_SOUND_TICK:
        return builtin(m, EBB_CLIP_TICK);
    case EBB_SOUND_FILE:
        for (size_t i = 0; i < m->file_count; i++)
            if (m->files[i].cue == ev->cue && m->files[i].clip.data)
                return &m->files[i].clip;
        if (ev->has_phase && (unsigned)ev->phase < EBB_PHASE_COUNT)
            return builtin(m, by_phase[ev->phase]);
        return builtin(m, EBB_CLIP_TICK);
    case EBB_SOUND_NONE:
    case EBB_SOUND_COUNT:
        break;
    }
    return NULL;
}

void ebb_mix_play(struct ebb_mix *m, const struct ebb_event *ev, int64_t at)
{
    if (!m->active || m->ending)
        return;
    if (ev->kind == EBB_EVENT_END) {
        m->end_bell_next = true;
        return;
    }
    if (ev->kind == EBB_EVENT_VOICE || ev->kind == EBB_EVENT_PHASE) {
        speak(m, ev, at);
        return;
    }
    if (ev->kind != EBB_EVENT_CUE)
        return;
    const struct ebb_clip *clip = clip_for(m, ev);
    if (!clip)
        return;
    struct ebb_mix_voice *v = NULL;
    for (int i = 0; i < EBB_MIX_VOICES && !v; i++)
        if (!m->voices[i].clip)
            v = &m->voices[i];
    if (!v)
        return; /* more than EBB_MIX_VOICES at once: dropping one is kinder than a cut */
    /* equal-power pan: a side sits at EBB_MIX_PAN of the way over */
    double pos = ev->side == EBB_SIDE_LEFT ? -EBB_MIX_PAN
                 : ev->side == EBB_SIDE_RIGHT ? EBB_MIX_PAN
                                              : 0.0;
    double angle = (pos + 1.0) * HALF_PI / 2.0;
    double gl = cos(angle), gr = sin(angle);
    if (clip->channels == 2) { /* a stereo file keeps its image; the side is a balance */
        gl = fmin(1.0, gl * SQRT2);
        gr = fmin(1.0, gr * SQRT2);
    }
    v->clip = clip;
    v->start = at > m->frame ? at : m->frame;
    v->gain_l = (float)(EBB_MIX_CUE_GAIN * gl);
    v->gain_r = (float)(EBB_MIX_CUE_GAIN * gr);
}

static void play_at_its_frame(void *ctx, const struct ebb_event *ev)
{
    struct ebb_mix *m = ctx;
    ebb_mix_play(m, ev, m->origin + ebb_mix_frames_of_us(ev->t_us));
}

/* Starts the cues of the source whose frames fall in [block, block + n). */
static void place_events(struct ebb_mix *m, int64_t block, size_t n)
{
    int64_t s1 = block + (int64_t)n - m->origin;
    if (!m->source.events || m->paused || s1 <= 0)
        return;
    /* every event not started yet; one that is a little late (the session began
     * between two buffers) starts now, an older one is let go */
    uint64_t from = first_us_of_frame(block - m->origin - EBB_MIX_LATE_FRAMES);
    uint64_t to = first_us_of_frame(s1);
    if (from < m->done_us)
        from = m->done_us;
    struct ebb_event ev[EVENT_BATCH];
    ebb_events_upto(m->source.events, m->source.ctx, from, to, ev, EVENT_BATCH, play_at_its_frame,
                    m);
    m->done_us = to;
}

/* The ambient gain and brightness for this block, from the breath level. */
static double ambient_target(struct ebb_mix *m, int64_t block, size_t n, double *bright)
{
    *bright = 0.5;
    if (m->ambient == EBB_AMBIENT_BROWN || m->ambient == EBB_AMBIENT_PINK)
        return BED_GAIN;
    if (m->ambient != EBB_AMBIENT_BREATH)
        return 0.0;
    double target = 0.5;
    if (m->source.level) {
        int64_t s = m->paused ? m->paused_at : block + (int64_t)n / 2 - m->origin;
        uint64_t t_us = s <= 0 ? 0 : (uint64_t)s * 1000000u / EBB_MIX_RATE;
        target = m->source.level(m->source.ctx, t_us);
    }
    double k = 1.0 - exp(-(double)n / (LEVEL_SMOOTH_S * EBB_MIX_RATE));
    m->level += (target - m->level) * k;
    *bright = m->level;
    /* swelling on the inhale, receding on the exhale, never quite gone */
    return BREATH_GAIN * (0.2 + 0.8 * m->level * m->level);
}

static double ambient_sample(struct ebb_mix *m, double bright)
{
    switch (m->ambient) {
    case EBB_AMBIENT_BREATH:
        return ebb_noise_breath(&m->noise, bright);
    case EBB_AMBIENT_BROWN:
        return ebb_noise_brown(&m->noise);
    case EBB_AMBIENT_PINK:
        return ebb_noise_pink(&m->noise);
    case EBB_AMBIENT_NONE:
    case EBB_AMBIENT_COUNT:
        break;
    }
    return 0.0;
}

/* Soft limiter: linear below the knee, then bending smoothly toward the ceiling,
 * which it never passes. */
static float limit(double x)
{
    const double c = EBB_MIX_CEILING, k = LIMIT_KNEE * EBB_MIX_CEILING;
    double a = fabs(x);
    if (a <= k)
        return (float)x;
    double y = k + (c - k) * tanh((a - k) / (c - k));
    return (float)(x < 0.0 ? -y : y);
}

static void mix_voices(struct ebb_mix *m, int64_t block, size_t n, float *l, float *r)
{
    for (int i = 0; i < EBB_MIX_VOICES; i++) {
        struct ebb_mix_voice *v = &m->voices[i];
        if (!v->clip)
            continue;
        int64_t first = v->start - block;
        size_t j = first > 0 ? (size_t)first : 0;
        for (; j < n; j++) {
            size_t idx = (size_t)(block + (int64_t)j - v->start);
            if (idx >= v->clip->frames) {
                v->clip = NULL;
                break;
            }
            if (v->clip->channels == 2) {
                l[j] += v->gain_l * v->clip->data[2 * idx];
                r[j] += v->gain_r * v->clip->data[2 * idx + 1];
            } else {
                l[j] += v->gain_l * v->clip->data[idx];
                r[j] += v->gain_r * v->clip->data[idx];
            }
        }
    }
}

/* The voice into s[0..n) (mono, before gains); duck[j] the tones' gain at each frame. */
static void mix_speech(struct ebb_mix *m, int64_t block, size_t n, float *s, float *duck)
{
    double cut = EBB_MIX_SPEECH_CUT_S * EBB_MIX_RATE;
    double step = 1.0 / (EBB_MIX_DUCK_S * EBB_MIX_RATE);
    for (size_t j = 0; j < n; j++) {
        int64_t f = block + (int64_t)j;
        bool speaking = false;
        for (int k = 0; k < 2; k++) {
            struct ebb_mix_utterance *u = &m->said[k];
            if (!u->clip || f < u->start)
                continue;
            size_t idx = (size_t)(f - u->start);
            if (idx >= u->clip->frames || (u->stop != INT64_MAX && (double)(f - u->stop) >= cut)) {
                u->clip = NULL;
                continue;
            }
            double g = EBB_MIX_SPEECH_GAIN;
            if (f >= u->stop)
                g *= 1.0 - ebb_raised_cosine((double)(f - u->stop) / cut);
            const float *d = u->clip->data;
            double x = u->clip->channels == 2 ? 0.5 * (d[2 * idx] + d[2 * idx + 1]) : d[idx];
            s[j] += (float)(g * x);
            speaking = true;
        }
        /* the duck follows in straight lines, so it is exactly 1 again once speech ends */
        double target = speaking ? EBB_MIX_DUCK : 1.0;
        if (m->duck > target)
            m->duck = m->duck - step < target ? target : m->duck - step;
        else if (m->duck < target)
            m->duck = m->duck + step > target ? target : m->duck + step;
        duck[j] = (float)m->duck;
    }
}

static void render_block(struct ebb_mix *m, float *out, size_t n)
{
    float l[EBB_MIX_BLOCK] = {0}, r[EBB_MIX_BLOCK] = {0};
    float sp[EBB_MIX_BLOCK] = {0}, duck[EBB_MIX_BLOCK];
    int64_t block = m->frame;
    place_events(m, block, n);
    mix_voices(m, block, n, l, r);
    mix_speech(m, block, n, sp, duck);
    double bright;
    double amb0 = m->amb_gain, amb1 = ambient_target(m, block, n, &bright);
    double k = 1.0 - exp(-1.0 / (MASTER_SMOOTH_S * EBB_MIX_RATE));
    for (size_t j = 0; j < n; j++) {
        int64_t f = block + (int64_t)j;
        double since = (double)(f - m->begin_frame) / EBB_MIX_RATE;
        double fade = EBB_MIX_FADE_FLOOR +
                      (1.0 - EBB_MIX_FADE_FLOOR) * ebb_raised_cosine(since / EBB_MIX_FADE_IN_S);
        double amb_fade = ebb_raised_cosine(since / EBB_MIX_AMBIENT_FADE_S);
        double amb = 0.0;
        if (m->ambient != EBB_AMBIENT_NONE)
            amb = ambient_sample(m, bright) * (amb0 + (amb1 - amb0) * (double)(j + 1) / (double)n) *
                  amb_fade;
        double end = 1.0;
        if (m->ending)
            end = 1.0 - ebb_raised_cosine((double)(f - m->end_start) / (double)m->end_frames);
        m->master += (m->master_target - m->master) * k;
        double g = m->master * m->script_volume * end;
        double said = sp[j] * fade; /* centred, the same in both ears */
        out[2 * j] = limit(((l[j] * fade + amb) * duck[j] + said) * g);
        out[2 * j + 1] = limit(((r[j] * fade + amb) * duck[j] + said) * g);
    }
    m->amb_gain = amb1;
    m->frame = block + (int64_t)n;
    if (m->ending && m->frame - m->end_start >= m->end_frames) {
        m->active = false; /* faded out: nothing more sounds until the next begin */
        m->ending = false;
        memset(m->voices, 0, sizeof m->voices);
        memset(m->said, 0, sizeof m->said);
    }
}

void ebb_mix_render(struct ebb_mix *m, float *out, size_t frames)
{
    while (frames > 0) {
        size_t n = frames < EBB_MIX_BLOCK ? frames : EBB_MIX_BLOCK;
        if (m->active) {
            render_block(m, out, n);
        } else {
            memset(out, 0, n * 2 * sizeof *out);
            m->frame += (int64_t)n;
        }
        out += 2 * n;
        frames -= n;
    }
}
