/* sound: the window's and export's calls into audio.h. Breathing cues are scheduled by
 * the mixer from the plan and origin; only grounding presses and taps are sent here as
 * they happen. */
#include "sound.h"

#include "audio.h"

struct ebb_audio *sound_open(int volume_percent, bool mute, bool eyes_closed, char *notice,
                             size_t notice_size)
{
    return ebb_audio_open(volume_percent, mute, eyes_closed, notice, notice_size);
}

void sound_close(struct ebb_audio *a)
{
    if (a)
        ebb_audio_close(a);
}

void sound_follow(struct ebb_audio *a, const struct ebb_session *s, bool restart)
{
    if (!a || !s)
        return;
    struct ebb_session_view v;
    uint64_t origin = ebb_session_origin_us(s);
    ebb_session_view(s, origin, &v);
    bool paused = v.state == EBB_SESSION_PAUSED || v.state == EBB_SESSION_FINISHED;
    if (restart && v.ex)
        ebb_audio_begin(a, v.ex, ebb_session_timeline(s), origin);
    else
        ebb_audio_set_origin(a, origin, paused);
}

void sound_event(struct ebb_audio *a, const struct ebb_exercise *ex, const struct ebb_event *ev)
{
    if (!a || !ex || ev->kind != EBB_EVENT_CUE)
        return;
    if (ex->kind == EBB_KIND_BREATHING)
        return; /* the mixer places breathing cues (bells too) at their exact sample */
    ebb_audio_cue(a, ev);
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

int sound_export(const char *path, const struct ebb_exercise *ex, const struct ebb_timeline *tl,
                 const struct ebb_event *events, size_t count, uint64_t end_us,
                 int volume_percent, struct ebb_diags *diags)
{
    return ebb_audio_export_wav(path, ex, tl, events, count, end_us, volume_percent, diags);
}
