/* sound: the window's and export's calls into audio.h. Breathing cues are scheduled by
 * the mixer from the plan and origin; only grounding presses, taps and the end are sent
 * here as they happen. */
#include "sound.h"

#include "audio.h"

struct ebb_audio *sound_open(int volume_percent, bool mute, bool eyes_closed, char *notice,
                             size_t notice_size)
{
    return ebb_audio_open(volume_percent, mute, eyes_closed, notice, notice_size);
}

bool sound_close(struct ebb_audio *a)
{
    return ebb_audio_close(a);
}

const char *sound_poll(struct ebb_audio *a, char *notice, size_t size)
{
    return ebb_audio_poll(a, notice, size);
}

uint64_t sound_now(struct ebb_audio *a, struct clock *clk)
{
    uint64_t audio_us = 0;
    ebb_audio_speak_late(a);
    bool live = a && ebb_audio_clock_us(a, &audio_us);
    return clock_follow(clk, live, audio_us, clock_system_us());
}

/* The origin of the plan the sound began with, on the sound's clock: reloads moved the
 * session's origin, the sound keeps its own (ebb_audio_switch). */
static uint64_t sound_origin(const struct ebb_session *s, const struct clock *clk)
{
    struct ebb_session_reload_info r;
    ebb_session_reload_info(s, &r);
    uint64_t origin = ebb_session_origin_us(s);
    origin = origin > r.rebase_us ? origin - r.rebase_us : 0u;
    return clock_to_audio(clk, origin);
}

void sound_follow(struct ebb_audio *a, const struct ebb_session *s, bool restart)
{
    sound_follow_on(a, s, restart, NULL);
}

void sound_follow_on(struct ebb_audio *a, const struct ebb_session *s, bool restart,
                     const struct clock *clk)
{
    if (!a || !s)
        return;
    struct ebb_session_view v;
    ebb_session_view(s, ebb_session_origin_us(s), &v);
    bool paused = v.state == EBB_SESSION_PAUSED || v.state == EBB_SESSION_FINISHED;
    uint64_t origin = sound_origin(s, clk);
    if (restart && v.ex)
        ebb_audio_begin(a, v.ex, ebb_session_timeline(s), origin);
    else
        ebb_audio_set_origin(a, origin, paused);
}

void sound_reload(struct ebb_audio *a, const struct ebb_session *s)
{
    if (!a || !s)
        return;
    struct ebb_session_reload_info r;
    ebb_session_reload_info(s, &r);
    if (r.pending_plan) {
        ebb_audio_switch(a, r.pending_plan->ex, r.pending_plan, r.pending_sound_us,
                         r.pending_offset_us);
        return;
    }
    struct ebb_session_view v;
    ebb_session_view(s, ebb_session_origin_us(s), &v);
    if (v.ex && v.ex->kind == EBB_KIND_GROUNDING)
        ebb_audio_switch(a, v.ex, NULL, 0, 0);
}

bool sound_reads(struct ebb_audio *a, const struct ebb_exercise *ex, const struct ebb_timeline *tl)
{
    return ebb_audio_reads(a, ex, tl);
}

void sound_event(struct ebb_audio *a, const struct ebb_exercise *ex, const struct ebb_event *ev)
{
    if (a && ex && ev->kind == EBB_EVENT_STEP)
        ebb_audio_speak(a, ev); /* its prompt, spoken */
    if (!a || !ex || (ev->kind != EBB_EVENT_CUE && ev->kind != EBB_EVENT_END))
        return;
    if (ex->kind == EBB_KIND_BREATHING)
        return;           /* the mixer places breathing cues (bells too) at their exact sample */
    ebb_audio_cue(a, ev); /* an END first makes the bell after it the end bell */
}

void sound_leave(struct ebb_audio *a, int fade_ms)
{
    if (a)
        ebb_audio_end(a, fade_ms);
}

void sound_volume(struct ebb_audio *a, int volume_percent, bool mute)
{
    if (a)
        ebb_audio_set_volume(a, volume_percent, mute);
}

bool sound_clock(struct ebb_audio *a, uint64_t *now_us)
{
    return a && ebb_audio_clock_us(a, now_us);
}

bool sound_device_removed(struct ebb_audio *a, uint32_t which, char *notice, size_t size)
{
    return a && ebb_audio_device_removed(a, which, notice, size);
}

uint32_t sound_device_id(const struct ebb_audio *a)
{
    return a ? ebb_audio_device_id(a) : 0;
}

int sound_export(const char *path, const struct ebb_exercise *ex, const struct ebb_timeline *tl,
                 const struct ebb_event *events, size_t count, uint64_t end_us, int volume_percent,
                 struct ebb_diags *diags)
{
    return sound_export_with(path, ex, tl, events, count, end_us, volume_percent, false, false,
                             diags);
}

int sound_export_with(const char *path, const struct ebb_exercise *ex,
                      const struct ebb_timeline *tl, const struct ebb_event *events, size_t count,
                      uint64_t end_us, int volume_percent, bool mute, bool eyes_closed,
                      struct ebb_diags *diags)
{
    struct ebb_audio_export opt = {.volume_percent = volume_percent < 0 ? 80 : volume_percent,
                                   .mute = mute,
                                   .eyes_closed = eyes_closed};
    return ebb_audio_export_wav_with(path, ex, tl, events, count, end_us, &opt, diags);
}

void sound_voice(struct ebb_audio *a, const struct ebb_speech_choice *choice,
                 const char *recordings)
{
    if (a)
        ebb_audio_set_voice(a, choice, recordings);
}

bool sound_toggle_voice(struct ebb_audio *a)
{
    return a && ebb_audio_toggle_voice(a);
}

int sound_export_voiced(const char *path, const struct ebb_exercise *ex,
                        const struct ebb_timeline *tl, const struct ebb_event *events, size_t count,
                        uint64_t end_us, int volume_percent, bool mute, bool eyes_closed,
                        const struct ebb_voice *voice, struct ebb_diags *diags)
{
    struct ebb_audio_export opt = {.volume_percent = volume_percent < 0 ? 80 : volume_percent,
                                   .mute = mute,
                                   .eyes_closed = eyes_closed,
                                   .voice = voice};
    return ebb_audio_export_wav_with(path, ex, tl, events, count, end_us, &opt, diags);
}
