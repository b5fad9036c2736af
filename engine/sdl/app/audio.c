/* audio: the device side of ebb's sound (see audio.h). The device callback owns the
 * mixer (mix.c) and counts frames; the program talks to it only through atomics and a
 * single-producer ring, so the callback never waits. Only the calls that change what the
 * callback reads (begin, switch, end, close) hold the device lock, for a few pointer
 * stores: after any of them returns, the callback no longer reads the exercise and plans
 * it was given before, so the caller may free them. Export runs the same mixer on a
 * virtual clock into a WAV file (wav.c), with no device. */
#include "audio.h"

#include <SDL.h>

#include <fcntl.h>
#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audio_device.h"
#include "cuefile.h"
#include "mix.h"
#include "segment.h"
#include "synth.h"
#include "voice.h"
#include "wav.h"

#define RING 64                            /* cues waiting for the callback (a power of two) */
#define WARNED_MAX 32                      /* sound files already reported, each once */
#define EXPORT_TAIL_S 4.0 /* export lets the end bell ring out */
#define EXPORT_CHUNK 4096
#define EXPORT_FADE_MS 500 /* the last half second of the tail fades to silence */
#define SPEAK_LATE_MS 3000 /* a step's prompt still ready this late is spoken, late */
#define SEGMENTS_MAX 4     /* plans a reloaded session's sound keeps (the older are past) */
/* The device's buffer: ~85 ms. Every cue is planned ahead, so a long buffer costs nothing
 * in time (the picture follows the time the sound is heard) and lets a busy machine be
 * late with a buffer without the server running dry (docs/audio.md, the measurements). */
#define DEVICE_BUFFER_FRAMES 4096
#define DEVICE_LEAD_FRAMES 1024 /* a fresh stream's first frame is heard ~21 ms on */
#define LEARN_US 1000000u       /* the server's buffer fills up in the first second */
#define WINDOW_US 250000u       /* the time keeper looks at the best of each quarter second */
#define TIME_TOL_FRAMES 96      /* 2 ms: less is left alone (a callback's own jitter) */
#define PENDING_MAX_US 250000u  /* a correction waits this long at most for a quiet moment */
#define BEGIN_LATE_US 1000000u /* a session's first sounds wait this long for its device */
#define GATE_S 0.1              /* the device's own fade before it closes */
#define CLOSE_FADE_MS 30        /* leaving: the last sound fades this fast... */
#define CLOSE_BOUND_MS 150      /* ...and the device is waited for this long at most */

/* One begun exercise's sound: what the mixer's source reads. */
struct session {
    const struct ebb_exercise *ex;    /* NULL once ended: nothing reads it */
    const struct ebb_timeline *tl;    /* breathing plan (export), or NULL */
    /* live breathing: the plans in time order, on the sound's session time */
    struct ebb_segment seg[SEGMENTS_MAX];
    int seg_count;
    const struct ebb_event *events; /* export: every event, in time order */
    size_t event_count;
    struct ebb_mix_file *files; /* owned, with their clips */
    size_t file_count;
    struct ebb_voice *voice; /* owned: the utterances, or NULL (nothing spoken) */
};

/* The handle: the device, the callback's mixer and what the program tells it. */
struct ebb_audio {
    struct audio_device *dev; /* the thread holding the device; NULL: silent for good */
    SDL_mutex *lock;          /* the callback's render against the program's swaps */
    uint64_t base_ticks;      /* SDL_GetPerformanceCounter at open: the clock's zero */
    struct ebb_sound_bank bank;
    struct ebb_mix mix;      /* the callback's, or ours under the lock */
    struct session *session; /* the callback's, swapped under the lock */
    struct session *prev;    /* replaced by a reload; its clips may still sound */

    /* program -> callback */
    atomic_uint_fast64_t origin_word; /* origin_us << 1 | paused */
    atomic_int volume_word;           /* volume_percent << 1 | mute */
    atomic_bool want;                 /* a session is sounding: keep the device */
    struct ebb_event ring[RING];
    atomic_uint ring_head; /* written by the program */
    atomic_uint ring_tail; /* written by the callback */

    /* callback's copies of what it applied */
    uint_fast64_t cb_origin_word;
    int cb_volume_word;
    bool cb_begun; /* a session began since the device last opened: its first bell plays */

    /* callback's time keeping (see keep_time) */
    int64_t ref;            /* frames ahead of the wall clock when nothing is wrong */
    uint64_t learn_until;   /* until then ref is being learned (us on the handle clock) */
    int64_t win_max;        /* the most frames ahead in this window */
    uint64_t win_end;       /* the window's end */
    int below, above;       /* windows in a row off ref */
    int64_t pending;        /* frames to skip (> 0) or hold (< 0) at a quiet moment */
    uint64_t pending_since; /* when it was found */
    double gate;            /* 0..1: the device's own fade, down before it closes */
    float scratch[2 * EBB_MIX_BLOCK * 16]; /* skipped frames are rendered here */
    atomic_uint gaps;           /* corrections made (a gap, or the clocks parting) */
    atomic_int_fast64_t gap_frames; /* their sum, skips less holds */

    /* program only */
    bool session_on, paused, muted;
    uint64_t last_us; /* the clock never goes back */
    bool lost;        /* a loss was announced */
    char warned[WARNED_MAX][256];
    int warned_count;

    /* spoken guidance */
    struct ebb_voice_config voice_cfg; /* what decides the voice of each begun session */
    char *voice_recordings;            /* owned: voice_cfg.recordings */
    atomic_bool speech_on;             /* program -> callback: the voice is heard (V) */
    bool cb_speech_on;
    struct ebb_event said_next;        /* a step whose prompt was not ready yet */
    uint64_t said_next_ms;             /* SDL_GetTicks64 when it began; 0: none waits */
};

static uint64_t ticks_to_us(uint64_t ticks)
{
    uint64_t f = SDL_GetPerformanceFrequency();
    return ticks / f * 1000000u + ticks % f * 1000000u / f;
}

/* --- sources: a breathing plan (live and export) or an event list (export) --- */

/* The events of every segment in [from, to), on the sound's session time. */
static size_t plan_events(const void *ctx, uint64_t from, uint64_t to, struct ebb_event *out,
                          size_t max)
{
    const struct session *s = ctx;
    size_t total = 0, n = 0;
    for (int i = 0; i < s->seg_count; i++) {
        uint64_t end = i + 1 < s->seg_count ? s->seg[i + 1].start_us : UINT64_MAX;
        size_t got =
            ebb_segment_events(&s->seg[i], from, to < end ? to : end, out ? out + n : NULL, max - n);
        n += got < max - n ? got : max - n;
        total += got;
    }
    return total;
}

static double plan_level(const void *ctx, uint64_t t_us)
{
    const struct session *s = ctx;
    int i = s->seg_count - 1;
    while (i > 0 && t_us < s->seg[i].start_us)
        i--;
    if (i < 0)
        return 0.5;
    const struct ebb_segment *g = &s->seg[i];
    uint64_t pt = t_us > g->start_us ? t_us - g->start_us + g->offset_us : g->offset_us;
    struct ebb_frame f;
    ebb_timeline_at(g->tl, pt, &f);
    return f.level;
}

/* Export's source: one plan, as is. */
static size_t export_plan_events(const void *ctx, uint64_t from, uint64_t to, struct ebb_event *out,
                                 size_t max)
{
    const struct session *s = ctx;
    return ebb_breath_events(s->tl, from, to, out, max);
}

static double export_plan_level(const void *ctx, uint64_t t_us)
{
    const struct session *s = ctx;
    struct ebb_frame f;
    ebb_timeline_at(s->tl, t_us, &f);
    return f.level;
}

static size_t list_events(const void *ctx, uint64_t from, uint64_t to, struct ebb_event *out,
                          size_t max)
{
    const struct session *s = ctx;
    size_t lo = 0, hi = s->event_count;
    while (lo < hi) { /* the first event at or after `from` */
        size_t mid = lo + (hi - lo) / 2;
        if (s->events[mid].t_us < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t n = 0;
    for (size_t i = lo; i < s->event_count && s->events[i].t_us < to; i++, n++)
        if (n < max)
            out[n] = s->events[i];
    return n;
}

/* --- sound files --- */

static void add_file(struct session *s, const struct ebb_cue *cue, size_t max)
{
    if (!cue || cue->kind != EBB_CUE_FILE || !cue->file || s->file_count >= max)
        return;
    for (size_t i = 0; i < s->file_count; i++)
        if (s->files[i].cue == cue)
            return;
    s->files[s->file_count++].cue = cue;
}

/* Frees the decoded clips of `files`; a clip shared by several cues is freed once (the
 * first cue naming its file holds it, so the loop goes backwards). */
static void free_clips(struct ebb_mix_file *files, size_t count)
{
    for (size_t i = count; i-- > 0;) {
        bool shared = false;
        for (size_t j = 0; j < i && !shared; j++)
            shared = files[j].clip.data && files[j].clip.data == files[i].clip.data;
        if (!shared)
            ebb_clip_free(&files[i].clip);
    }
}

/* Decodes every file cue of the session, each file once however many cues name it;
 * each failure is one warning in diags, at the first cue naming the file. */
static void load_files(struct session *s, const struct ebb_event *events, size_t count,
                       struct ebb_diags *diags)
{
    const struct ebb_exercise *ex = s->ex;
    size_t max = (size_t)ex->phase_count + (size_t)ex->step_count + count;
    s->files = calloc(max ? max : 1, sizeof *s->files);
    if (!s->files)
        return;
    for (int i = 0; i < ex->phase_count; i++)
        add_file(s, &ex->phases[i].cue, max);
    for (int i = 0; i < ex->step_count; i++)
        add_file(s, &ex->steps[i].cue, max);
    for (size_t i = 0; i < count; i++)
        if (events[i].kind == EBB_EVENT_CUE && events[i].sound == EBB_SOUND_FILE)
            add_file(s, events[i].cue, max);
    for (size_t i = 0; i < s->file_count; i++) {
        const struct ebb_cue *cue = s->files[i].cue;
        size_t same = i;
        for (size_t j = 0; j < i && same == i; j++)
            if (strcmp(s->files[j].cue->file, cue->file) == 0)
                same = j;
        if (same != i) { /* decoded already (or failed already: then it stays empty) */
            s->files[i].clip = s->files[same].clip;
            continue;
        }
        char why[200] = "not a sound file";
        bool cut = false;
        const char *file = ex->path ? ex->path : cue->file;
        const char *name = cue->name ? cue->name : cue->file;
        enum ebb_cuefile_status rc = ebb_cuefile_load(cue->file, EBB_CUEFILE_S_MAX,
                                                      &s->files[i].clip, &cut, why, sizeof why);
        if (rc == EBB_CUEFILE_FAILED)
            ebb_diags_add(diags, EBB_SEVERITY_WARNING, file, cue->line,
                          "cannot play sound file \"%s\" (%s); the built-in cue "
                          "plays instead",
                          name, why);
        else if (rc == EBB_CUEFILE_OK && cut)
            ebb_diags_add(diags, EBB_SEVERITY_WARNING, file, cue->line,
                          "sound file \"%s\" is longer than %.0f seconds; only its first %.0f "
                          "seconds play",
                          name, EBB_CUEFILE_S_MAX, EBB_CUEFILE_S_MAX);
    }
}

static void session_free(struct session *s)
{
    if (!s)
        return;
    free_clips(s->files, s->file_count);
    free(s->files);
    ebb_voice_free(s->voice);
    free(s);
}

/* --- spoken guidance --- */

/* The utterance of an event for the mixer (it runs in the callback: it only reads). A
 * VOICE event names its utterance; in a live breathing plan a PHASE event speaks its
 * text when it fits in the phase. */
static const struct ebb_clip *session_speech(const void *ctx, const struct ebb_event *ev)
{
    const struct session *s = ctx;
    if (!s->voice)
        return NULL;
    if (ev->kind == EBB_EVENT_VOICE)
        return ebb_voice_for_text(s->voice, ev->text);
    if (ev->kind != EBB_EVENT_PHASE || s->events || s->tl || s->seg_count == 0)
        return NULL;
    const struct ebb_clip *c = ebb_voice_for_key(s->voice, ev->text, true, NULL);
    int i = s->seg_count - 1;
    while (i > 0 && ev->t_us < s->seg[i].start_us)
        i--;
    const struct ebb_segment *g = &s->seg[i];
    if (!c || ev->t_us < g->start_us)
        return NULL;
    uint64_t pt = ev->t_us - g->start_us + g->offset_us;
    struct ebb_frame f;
    ebb_timeline_at(g->tl, pt, &f);
    uint64_t len_us = (uint64_t)c->frames * 1000000u / EBB_MIX_RATE;
    return f.phase_end_us > pt && ebb_speech_fits(len_us, f.phase_end_us - pt) ? c : NULL;
}

/* Export's: the VOICE rows of its event list name their utterances. */
static const struct ebb_clip *export_speech(const void *ctx, const struct ebb_event *ev)
{
    return ev->kind == EBB_EVENT_VOICE ? ebb_voice_for_text(ctx, ev->text) : NULL;
}

/* The voice of a live session's exercise, started on a thread; notices reported. */
static struct ebb_voice *voice_for(struct ebb_audio *a, const struct ebb_exercise *ex,
                                   struct ebb_diags *diags)
{
    struct ebb_voice_config cfg = a->voice_cfg;
    cfg.background = true;
    return ebb_voice_new(&ex, 1, &cfg, diags);
}

static struct ebb_mix_source session_source(const struct session *s)
{
    struct ebb_mix_source src = {.ctx = s};
    if (s->tl) { /* export */
        src.level = export_plan_level;
        src.events = s->events ? list_events : export_plan_events;
    } else if (s->events) {
        src.events = list_events;
    } else if (s->seg_count > 0) { /* live breathing */
        src.level = plan_level;
        src.events = plan_events;
    }
    return src;
}

/* Silences the voices playing a clip of session s (about to be freed). Under the lock. */
static void drop_voices_of(struct ebb_mix *m, const struct session *s)
{
    if (!s)
        return;
    for (int i = 0; i < EBB_MIX_VOICES; i++)
        for (size_t j = 0; j < s->file_count && m->voices[i].clip; j++)
            if (m->voices[i].clip == &s->files[j].clip)
                m->voices[i].clip = NULL;
}

/* --- the device --- */

/* Applies what the program asked for since the last buffer. Runs in the callback. */
static void take_requests(struct ebb_audio *a, int buffer_frames)
{
    uint_fast64_t ow = atomic_load_explicit(&a->origin_word, memory_order_acquire);
    if (ow != a->cb_origin_word) {
        a->cb_origin_word = ow;
        ebb_mix_set_origin(&a->mix, ebb_mix_frames_of_us(ow >> 1), (ow & 1u) != 0);
    }
    int vw = atomic_load_explicit(&a->volume_word, memory_order_acquire);
    if (vw != a->cb_volume_word) {
        a->cb_volume_word = vw;
        ebb_mix_set_volume(&a->mix, vw >> 1, (vw & 1) != 0);
    }
    bool on = atomic_load_explicit(&a->speech_on, memory_order_acquire);
    if (on != a->cb_speech_on) {
        a->cb_speech_on = on;
        ebb_mix_speech_on(&a->mix, on);
    }
    unsigned tail = atomic_load_explicit(&a->ring_tail, memory_order_relaxed);
    unsigned head = atomic_load_explicit(&a->ring_head, memory_order_acquire);
    for (; tail != head; tail++) {
        const struct ebb_event *ev = &a->ring[tail % RING];
        /* a steady two buffers after its time (past what the server holds) keeps taps
         * evenly spaced */
        int64_t at = a->mix.origin + ebb_mix_frames_of_us(ev->t_us) + 2 * buffer_frames;
        ebb_mix_play(&a->mix, ev, at);
    }
    atomic_store_explicit(&a->ring_tail, tail, memory_order_release);
}

/* The handle's clock: microseconds of CLOCK_MONOTONIC since ebb_audio_open. */
static uint64_t handle_us(const struct ebb_audio *a)
{
    uint64_t now = SDL_GetPerformanceCounter();
    return now > a->base_ticks ? ticks_to_us(now - a->base_ticks) : 0;
}

static bool voices_sounding(const struct ebb_mix *m)
{
    for (int i = 0; i < EBB_MIX_VOICES; i++)
        if (m->voices[i].clip)
            return true;
    return false;
}

/* A (re)opened device: the frame about to be rendered is heard DEVICE_LEAD_FRAMES from
 * now. A session begun meanwhile keeps its first bell (a little late); one that was
 * running resumes at its next cue, swelling in as a session does. */
static void place_afresh(struct ebb_audio *a, int64_t wall, uint64_t now_us)
{
    struct ebb_mix *m = &a->mix;
    int64_t target = wall + DEVICE_LEAD_FRAMES;
    memset(m->voices, 0, sizeof m->voices);
    m->frame = target;
    m->begin_frame = target;
    if (!a->cb_begun && m->active && !m->paused && target > m->origin) {
        uint64_t t = (uint64_t)(target - m->origin) * 1000000u / EBB_MIX_RATE;
        if (t > m->done_us)
            m->done_us = t; /* cues missed while there was no device are let go */
    }
    a->ref = target - wall;
    a->learn_until = now_us + LEARN_US;
    a->win_max = INT64_MIN;
    a->win_end = a->learn_until + WINDOW_US;
    a->below = a->above = 0;
    a->pending = 0;
    a->gate = 1.0;
}

/* A session just began (its first buffer): what it should already have sounded (the
 * device was still opening, or the program was slow to say so) starts now, late,
 * rather than not at all. */
static void begin_late(struct ebb_audio *a)
{
    struct ebb_mix *m = &a->mix;
    a->cb_begun = false;
    if (!m->active || m->paused || !m->source.events || m->frame <= m->origin)
        return;
    uint64_t t = (uint64_t)(m->frame - m->origin) * 1000000u / EBB_MIX_RATE;
    if (t >= BEGIN_LATE_US || t <= m->done_us)
        return;
    struct ebb_event ev[8];
    size_t n = m->source.events(m->source.ctx, m->done_us, t, ev, 8);
    for (size_t i = 0; i < n && i < 8; i++)
        ebb_mix_play(m, &ev[i], m->frame);
    m->done_us = t;
}

/* Renders `n` frames nobody hears: the late part of what sounds is dropped, and a cue
 * due inside them starts where it belongs. */
static void skip_frames(struct ebb_audio *a, int64_t n)
{
    struct ebb_mix *m = &a->mix;
    if (n > (int64_t)EBB_MIX_RATE * 5) { /* a long gap: nothing of it is worth rendering */
        memset(m->voices, 0, sizeof m->voices);
        m->frame += n;
        return;
    }
    size_t chunk = sizeof a->scratch / sizeof a->scratch[0] / 2;
    while (n > 0) {
        size_t k = n < (int64_t)chunk ? (size_t)n : chunk;
        ebb_mix_render(m, a->scratch, k);
        n -= (int64_t)k;
    }
}

/* Keeps the sound on the monotonic clock. `e`, how many frames the mixer is ahead of the
 * wall clock at a callback, is steady while all is well and only dips for a callback
 * that comes late. A gap (the server played silence because a buffer came too late, or
 * the machine stalled) lowers it for good, and a sound card whose clock runs apart from
 * the computer's moves it slowly: both are seen as a window's highest e staying off the
 * reference for a while, and mended at the next quiet moment by skipping frames (the late
 * part of a cue is dropped) or holding some (silence), never by moving later cues. */
static void keep_time(struct ebb_audio *a, int64_t wall, uint64_t now_us)
{
    int64_t e = a->mix.frame - wall;
    if (now_us < a->learn_until) {
        if (e > a->ref)
            a->ref = e; /* the server's buffer filling up */
        return;
    }
    if (e > a->win_max)
        a->win_max = e;
    if (now_us < a->win_end)
        return;
    if (a->win_max < a->ref - TIME_TOL_FRAMES) {
        a->below++;
        a->above = 0;
    } else if (a->win_max > a->ref + TIME_TOL_FRAMES) {
        a->above++;
        a->below = 0;
    } else {
        a->below = a->above = 0;
    }
    if (a->pending == 0 && (a->below >= 2 || a->above >= 4)) {
        a->pending = a->ref - a->win_max;
        a->pending_since = now_us;
        a->below = a->above = 0;
    }
    a->win_max = INT64_MIN;
    a->win_end = now_us + WINDOW_US;
}

/* Applies a pending correction when nothing sounds (or when it waited too long).
 * Returns the frames of silence to put before this buffer's sound. */
static size_t correct(struct ebb_audio *a, size_t frames, uint64_t now_us)
{
    if (a->pending == 0)
        return 0;
    if (voices_sounding(&a->mix) && now_us < a->pending_since + PENDING_MAX_US)
        return 0;
    atomic_fetch_add(&a->gaps, 1);
    atomic_fetch_add(&a->gap_frames, a->pending);
    if (a->pending > 0) {
        skip_frames(a, a->pending);
        a->pending = 0;
        return 0;
    }
    size_t hold = (size_t)-a->pending < frames ? (size_t)-a->pending : frames;
    a->pending += (int64_t)hold;
    return hold;
}

/* The device's own fade: down over GATE_S once the program no longer wants sound and no
 * cue rings, back up when it does. Returns true when the buffer is silence that may
 * stop (the device may close and the sink suspend). */
static bool gate(struct ebb_audio *a, float *out, size_t frames)
{
    bool down = !atomic_load_explicit(&a->want, memory_order_acquire) &&
                (!a->mix.active || !voices_sounding(&a->mix));
    double target = down ? 0.0 : 1.0, step = 1.0 / (GATE_S * EBB_MIX_RATE);
    if (a->gate == target && target == 1.0)
        return false;
    for (size_t j = 0; j < frames; j++) {
        a->gate = a->gate < target ? fmin(target, a->gate + step) : fmax(target, a->gate - step);
        out[2 * j] *= (float)a->gate;
        out[2 * j + 1] *= (float)a->gate;
    }
    return down && a->gate == 0.0;
}

static bool fill(void *ctx, float *out, size_t frames, bool fresh)
{
    struct ebb_audio *a = ctx;
    uint64_t now_us = handle_us(a);
    int64_t wall = ebb_mix_frames_of_us(now_us);
    SDL_LockMutex(a->lock);
    take_requests(a, (int)frames);
    if (fresh)
        place_afresh(a, wall, now_us);
    else
        keep_time(a, wall, now_us);
    if (a->cb_begun)
        begin_late(a);
    size_t hold = correct(a, frames, now_us);
    memset(out, 0, hold * 2 * sizeof *out);
    ebb_mix_render(&a->mix, out + 2 * hold, frames - hold);
    bool quiet = gate(a, out, frames);
    SDL_UnlockMutex(a->lock);
    return quiet;
}

/* The program's wish for the device: while a session sounds, not paused, not muted. */
static void update_want(struct ebb_audio *a)
{
    bool w = a->session_on && !a->paused && !a->muted;
    atomic_store_explicit(&a->want, w, memory_order_release);
    audio_device_want(a->dev, w);
}

struct ebb_audio *ebb_audio_open(int volume_percent, bool mute, bool eyes_closed, char *notice,
                                 size_t notice_size)
{
    struct ebb_audio *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->base_ticks = SDL_GetPerformanceCounter();
    if (notice && notice_size)
        notice[0] = '\0';
    a->lock = SDL_CreateMutex();
    if (!a->lock || ebb_synth_bank_init(&a->bank, eyes_closed) != 0) {
        if (notice && notice_size)
            snprintf(notice, notice_size,
                     "not enough memory for sound; the session "
                     "runs silently");
        return a;
    }
    ebb_mix_init(&a->mix, &a->bank);
    ebb_mix_set_volume(&a->mix, volume_percent, mute);
    a->voice_cfg.choice = (struct ebb_speech_choice){.cli = -1};
    atomic_init(&a->speech_on, true);
    a->cb_speech_on = true;
    a->cb_volume_word = volume_percent << 1 | (mute ? 1 : 0);
    atomic_store(&a->volume_word, a->cb_volume_word);
    a->muted = mute || volume_percent <= 0;
    a->dev = audio_device_new(fill, a, DEVICE_BUFFER_FRAMES);
    if (!a->dev && notice && notice_size)
        snprintf(notice, notice_size, "no sound: the sound thread cannot start; the session "
                                      "runs silently");
    return a;
}

/* Frees what the device's callback reads, once nothing calls it any more. */
static void audio_free(void *p)
{
    struct ebb_audio *a = p;
    session_free(a->session);
    session_free(a->prev);
    ebb_synth_bank_deinit(&a->bank);
    free(a->voice_recordings);
    if (a->lock)
        SDL_DestroyMutex(a->lock);
    free(a);
}

bool ebb_audio_close(struct ebb_audio *a)
{
    if (!a)
        return true;
    if (a->lock) {
        SDL_LockMutex(a->lock);
        bool sounding = a->mix.active && !a->mix.ending && audio_device_open(a->dev);
        SDL_UnlockMutex(a->lock);
        ebb_audio_end(a, CLOSE_FADE_MS);
        if (sounding)
            SDL_Delay(CLOSE_FADE_MS + 10); /* let the short fade play rather than cut it */
    }
    /* When the sound system holds the device's thread, `a` stays for its callback and
     * the thread frees it if it ever returns. */
    return audio_device_free(a->dev, CLOSE_BOUND_MS, audio_free, a);
}

bool ebb_audio_live(const struct ebb_audio *a)
{
    return a && audio_device_open(a->dev);
}

uint32_t ebb_audio_device_id(const struct ebb_audio *a)
{
    return a ? audio_device_id(a->dev) : 0;
}

/* Prints each sound file's warning once per run: a sequence may begin it often. */
static void report(struct ebb_audio *a, const struct ebb_diags *d)
{
    for (int i = 0; i < d->count; i++) {
        char line[EBB_DIAG_FILE_MAX + EBB_DIAG_MESSAGE_MAX + 32];
        ebb_diag_format(&d->items[i], line, sizeof line);
        bool seen = false;
        for (int j = 0; j < a->warned_count && !seen; j++)
            seen = strncmp(a->warned[j], line, sizeof a->warned[j] - 1) == 0;
        if (seen)
            continue;
        if (a->warned_count < WARNED_MAX) { /* the first 255 bytes tell lines apart */
            size_t n = strlen(line);
            n = n < sizeof a->warned[0] - 1 ? n : sizeof a->warned[0] - 1;
            memcpy(a->warned[a->warned_count], line, n);
            a->warned[a->warned_count++][n] = '\0';
        }
        fprintf(stderr, "%s\n", line);
    }
}

void ebb_audio_begin(struct ebb_audio *a, const struct ebb_exercise *ex,
                     const struct ebb_timeline *tl, uint64_t origin_us)
{
    if (!a || !a->lock || !ex)
        return;
    struct session *s = calloc(1, sizeof *s);
    if (!s)
        return;
    s->ex = ex;
    if (tl)
        s->seg[s->seg_count++] = (struct ebb_segment){tl, 0, 0, false};
    struct ebb_diags diags;
    ebb_diags_clear(&diags);
    load_files(s, NULL, 0, &diags); /* before the lock: decoding takes a while */
    s->voice = voice_for(a, ex, &diags);
    report(a, &diags);
    struct ebb_mix_source src = session_source(s);
    struct ebb_mix_speech sp = {session_speech, s};
    uint_fast64_t ow = (uint_fast64_t)origin_us << 1;

    SDL_LockMutex(a->lock);
    a->cb_begun = true;
    struct session *old = a->session, *older = a->prev;
    a->session = s;
    a->prev = NULL;
    ebb_mix_begin(&a->mix, &src, s->files, s->file_count, ex->audio.ambient, ex->audio.volume);
    ebb_mix_set_speech(&a->mix, &sp);
    ebb_mix_speech_on(&a->mix, a->cb_speech_on);
    ebb_mix_set_origin(&a->mix, ebb_mix_frames_of_us(origin_us), false);
    atomic_store(&a->origin_word, ow);
    a->cb_origin_word = ow;
    atomic_store(&a->ring_tail, atomic_load(&a->ring_head)); /* old cues are dropped */
    SDL_UnlockMutex(a->lock);
    a->session_on = true;
    a->paused = false;
    audio_device_afresh(a->dev, ex->title); /* a new session always tries afresh */
    update_want(a); /* after the swap: the first buffer finds the session begun */
    session_free(old);
    session_free(older);
}

void ebb_audio_switch(struct ebb_audio *a, const struct ebb_exercise *ex,
                      const struct ebb_timeline *tl, uint64_t at_us, uint64_t offset_us)
{
    if (!a || !a->lock || !ex || !a->session || !a->session->ex)
        return;
    struct session *s = calloc(1, sizeof *s);
    if (!s)
        return;
    s->ex = ex;
    const struct session *cur = a->session;
    int first = 0, keep = 0; /* the segments before at_us, the newest SEGMENTS_MAX - 1 */
    while (keep < cur->seg_count && cur->seg[keep].start_us < at_us)
        keep++;
    if (tl && keep > SEGMENTS_MAX - 1)
        first = keep - (SEGMENTS_MAX - 1);
    for (int i = first; i < keep; i++)
        s->seg[s->seg_count++] = cur->seg[i];
    if (tl)
        s->seg[s->seg_count++] = (struct ebb_segment){tl, at_us, offset_us, true};
    struct ebb_diags diags;
    ebb_diags_clear(&diags);
    load_files(s, NULL, 0, &diags); /* before the lock */
    s->voice = voice_for(a, ex, &diags);
    report(a, &diags);
    struct ebb_mix_source src = session_source(s);
    struct ebb_mix_speech sp = {session_speech, s};

    SDL_LockMutex(a->lock);
    struct session *older = a->prev;
    drop_voices_of(&a->mix, older);
    a->prev = a->session; /* its clips may still be sounding */
    a->session = s;
    ebb_mix_set_speech(&a->mix, &sp); /* what is being said ends as it would */
    for (int i = 0; older && older->voice && i < 2; i++)
        if (ebb_voice_owns(older->voice, a->mix.said[i].clip))
            a->mix.said[i].clip = NULL; /* about to be freed */
    a->mix.source = src;
    a->mix.files = s->files;
    a->mix.file_count = s->file_count;
    SDL_UnlockMutex(a->lock);
    session_free(older);
}

void ebb_audio_set_origin(struct ebb_audio *a, uint64_t origin_us, bool paused)
{
    if (!a)
        return;
    atomic_store_explicit(&a->origin_word, (uint_fast64_t)origin_us << 1 | (paused ? 1u : 0u),
                          memory_order_release);
    if (paused != a->paused) {
        a->paused = paused; /* paused, or finished: the device closes once all rang out */
        update_want(a);
    }
}

void ebb_audio_cue(struct ebb_audio *a, const struct ebb_event *ev)
{
    if (!a || !a->lock || !ev || (ev->kind != EBB_EVENT_CUE && ev->kind != EBB_EVENT_END))
        return;
    unsigned head = atomic_load_explicit(&a->ring_head, memory_order_relaxed);
    unsigned tail = atomic_load_explicit(&a->ring_tail, memory_order_acquire);
    if (head - tail >= RING)
        return; /* the callback is far behind: a dropped tick is better than a wait */
    a->ring[head % RING] = *ev;
    atomic_store_explicit(&a->ring_head, head + 1, memory_order_release);
}

static void push(struct ebb_audio *a, const struct ebb_event *ev)
{
    unsigned head = atomic_load_explicit(&a->ring_head, memory_order_relaxed);
    unsigned tail = atomic_load_explicit(&a->ring_tail, memory_order_acquire);
    if (head - tail >= RING)
        return;
    a->ring[head % RING] = *ev;
    atomic_store_explicit(&a->ring_head, head + 1, memory_order_release);
}

void ebb_audio_set_voice(struct ebb_audio *a, const struct ebb_speech_choice *choice,
                         const char *recordings)
{
    if (!a)
        return;
    a->voice_cfg.choice = *choice;
    free(a->voice_recordings);
    a->voice_recordings = recordings ? strdup(recordings) : NULL;
    a->voice_cfg.recordings = a->voice_recordings;
}

void ebb_audio_speak(struct ebb_audio *a, const struct ebb_event *ev)
{
    if (!a || !a->dev || !ev || ev->kind != EBB_EVENT_STEP || !a->session || !a->session->voice)
        return;
    const char *text = NULL;
    a->said_next_ms = 0;
    if (!ebb_voice_for_key(a->session->voice, ev->text, false, &text)) {
        a->said_next = *ev; /* not synthesized yet: ebb_audio_speak_late tries again */
        a->said_next_ms = SDL_GetTicks64() | 1u;
        return;
    }
    struct ebb_event said = {.t_us = ev->t_us, .kind = EBB_EVENT_VOICE, .text = text};
    push(a, &said);
}

void ebb_audio_speak_late(struct ebb_audio *a)
{
    if (!a || !a->said_next_ms)
        return;
    if (SDL_GetTicks64() - a->said_next_ms > SPEAK_LATE_MS || !a->session || !a->session->voice) {
        a->said_next_ms = 0; /* too late now: the step has its tone */
        return;
    }
    const char *text = NULL;
    if (!ebb_voice_for_key(a->session->voice, a->said_next.text, false, &text))
        return;
    a->said_next_ms = 0;
    struct ebb_event said = {.t_us = a->said_next.t_us, .kind = EBB_EVENT_VOICE, .text = text};
    push(a, &said); /* its time has passed: the mixer starts it at once */
}

bool ebb_audio_toggle_voice(struct ebb_audio *a)
{
    if (!a)
        return false;
    bool heard = atomic_load(&a->speech_on) && a->session && a->session->voice;
    bool on = !heard;
    a->voice_cfg.choice.cli = on ? 1 : 0; /* later sessions of this run follow it */
    if (on && a->dev && a->session && a->session->ex && !a->session->voice) {
        struct ebb_diags diags;
        ebb_diags_clear(&diags);
        struct ebb_voice *v = voice_for(a, a->session->ex, &diags);
        report(a, &diags);
        SDL_LockMutex(a->lock);
        a->session->voice = v;
        SDL_UnlockMutex(a->lock);
    }
    atomic_store_explicit(&a->speech_on, on, memory_order_release);
    return on;
}

static bool session_reads(const struct session *s, const struct ebb_exercise *ex,
                          const struct ebb_timeline *tl)
{
    if (!s)
        return false;
    if (ex && s->ex == ex)
        return true;
    for (int i = 0; i < s->seg_count; i++)
        if ((tl && s->seg[i].tl == tl) || (ex && s->seg[i].tl->ex == ex))
            return true;
    return false;
}

bool ebb_audio_reads(struct ebb_audio *a, const struct ebb_exercise *ex,
                     const struct ebb_timeline *tl)
{
    if (!a || !a->lock)
        return false;
    SDL_LockMutex(a->lock);
    bool reads = session_reads(a->session, ex, tl) || session_reads(a->prev, ex, tl);
    SDL_UnlockMutex(a->lock);
    return reads;
}

void ebb_audio_end(struct ebb_audio *a, int fade_ms)
{
    if (!a || !a->lock)
        return;
    /* Under the lock, so that when this returns the callback reads no plan, event or
     * exercise of the session any more: the caller may free them at once. What already
     * sounds (built-in clips, this handle's decoded files) fades out. */
    SDL_LockMutex(a->lock);
    ebb_mix_end(&a->mix, fade_ms);
    a->mix.source = (struct ebb_mix_source){0};
    if (a->session) {
        a->session->ex = NULL;
        a->session->seg_count = 0;
    }
    atomic_store(&a->ring_tail, atomic_load(&a->ring_head)); /* queued cues are let go */
    a->said_next_ms = 0;
    SDL_UnlockMutex(a->lock);
    a->session_on = false; /* the device closes once the fade has played */
    update_want(a);
}

void ebb_audio_set_volume(struct ebb_audio *a, int volume_percent, bool mute)
{
    if (!a)
        return;
    volume_percent = volume_percent < 0 ? 0 : volume_percent > 100 ? 100 : volume_percent;
    atomic_store_explicit(&a->volume_word, volume_percent << 1 | (mute ? 1 : 0),
                          memory_order_release);
    bool muted = mute || volume_percent == 0;
    if (muted != a->muted) {
        a->muted = muted; /* nothing to hear: the device closes */
        update_want(a);
    }
}

/* The handle's clock: the monotonic clock, whatever the device does, so that a gap in
 * the sound or a server that goes away never moves the session's time; the sound keeps
 * to it (keep_time). */
bool ebb_audio_clock_us(struct ebb_audio *a, uint64_t *now_us)
{
    if (!a)
        return false;
    uint64_t us = handle_us(a);
    if (us < a->last_us)
        us = a->last_us;
    a->last_us = us;
    *now_us = us;
    return true;
}

bool ebb_audio_device_removed(struct ebb_audio *a, uint32_t which, char *notice,
                              size_t notice_size)
{
    if (notice && notice_size)
        notice[0] = '\0';
    if (a)
        audio_device_removed(a->dev, which); /* its thread reopens it, or says it cannot */
    return false;
}

const char *ebb_audio_poll(struct ebb_audio *a, char *notice, size_t notice_size)
{
    if (notice && notice_size)
        notice[0] = '\0';
    char why[200] = "";
    switch (a ? audio_device_news(a->dev, why, sizeof why) : AUDIO_NEWS_NONE) {
    case AUDIO_NEWS_NONE_FOUND:
        if (notice && notice_size)
            snprintf(notice, notice_size,
                     "no sound: no sound server or device was found; the session runs "
                     "silently");
        return "none";
    case AUDIO_NEWS_LOST:
        if (notice && notice_size)
            snprintf(notice, notice_size,
                     "the sound went away (%s); the session goes on silently, and ebb will "
                     "listen for it to come back",
                     why);
        return "silent";
    case AUDIO_NEWS_REOPENED:
        return "reopened";
    case AUDIO_NEWS_BACK:
        if (notice && notice_size)
            snprintf(notice, notice_size, "the sound is back");
        return "back";
    case AUDIO_NEWS_NONE:
        break;
    }
    return NULL;
}

void ebb_audio_stats(struct ebb_audio *a, struct ebb_audio_stats *out)
{
    *out = (struct ebb_audio_stats){0};
    if (!a)
        return;
    out->opens = audio_device_opens(a->dev);
    out->corrections = atomic_load(&a->gaps);
    out->corrected_us = (int64_t)atomic_load(&a->gap_frames) * 1000000 / EBB_MIX_RATE;
    out->buffer_frames = audio_device_frames(a->dev);
}

/* --- export --- */

int ebb_audio_export_wav_with(const char *path, const struct ebb_exercise *ex,
                              const struct ebb_timeline *tl, const struct ebb_event *events,
                              size_t event_count, uint64_t end_us,
                              const struct ebb_audio_export *opt, struct ebb_diags *diags)
{
    struct ebb_sound_bank bank;
    if (ebb_synth_bank_init(&bank, opt->eyes_closed) != 0) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, path, 0, "cannot write: out of memory");
        return -1;
    }
    struct session s = {.ex = ex, .tl = tl, .events = events, .event_count = event_count};
    load_files(&s, events, event_count, diags);
    struct ebb_mix *m = malloc(sizeof *m);
    float *buf = malloc(2 * EXPORT_CHUNK * sizeof *buf);
    struct ebb_wav *w = malloc(sizeof *w);
    int rc = -1;
    if (!m || !buf || !w) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, path, 0, "cannot write: out of memory");
        goto done;
    }
    ebb_mix_init(m, &bank);
    ebb_mix_set_volume(m, opt->volume_percent, opt->mute);
    struct ebb_mix_source src = session_source(&s);
    ebb_mix_begin(m, &src, s.files, s.file_count, ex->audio.ambient, ex->audio.volume);
    if (opt->voice) {
        struct ebb_mix_speech sp = {export_speech, opt->voice};
        ebb_mix_set_speech(m, &sp);
    }
    if (ebb_wav_open(w, path, diags) != 0)
        goto done;
    int64_t total = ebb_mix_frames_of_us(end_us) + (int64_t)(EXPORT_TAIL_S * EBB_MIX_RATE);
    int64_t fade_at = total - (int64_t)EXPORT_FADE_MS * EBB_MIX_RATE / 1000;
    for (int64_t at = 0; at < total;) {
        int64_t n = total - at < EXPORT_CHUNK ? total - at : EXPORT_CHUNK;
        if (at < fade_at && at + n > fade_at)
            n = fade_at - at;
        if (at == fade_at)
            ebb_mix_end(m, EXPORT_FADE_MS); /* the file ends in silence, not in a cut */
        ebb_mix_render(m, buf, (size_t)n);
        if (ebb_wav_write(w, buf, (size_t)n, diags) != 0)
            goto done;
        at += n;
    }
    rc = ebb_wav_close(w, diags);
done:
    free(w);
    free(buf);
    free(m);
    free_clips(s.files, s.file_count);
    free(s.files);
    ebb_synth_bank_deinit(&bank);
    return rc;
}

int ebb_audio_export_wav(const char *path, const struct ebb_exercise *ex,
                         const struct ebb_timeline *tl, const struct ebb_event *events,
                         size_t event_count, uint64_t end_us, int volume_percent,
                         struct ebb_diags *diags)
{
    struct ebb_audio_export opt = {.volume_percent = volume_percent < 0 ? 80 : volume_percent};
    return ebb_audio_export_wav_with(path, ex, tl, events, event_count, end_us, &opt, diags);
}
