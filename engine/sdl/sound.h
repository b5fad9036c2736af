/* sound: the one place the window and the export call the audio API (audio.h), so
 * wiring sound in or out touches only this file. Every call accepts a NULL handle. */
#ifndef EBB_SOUND_H
#define EBB_SOUND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "session.h"

struct ebb_audio;

/* Opens the device (silent without one); a notice for the person goes to `notice`. */
struct ebb_audio *sound_open(int volume_percent, bool mute, bool eyes_closed, char *notice,
                             size_t notice_size);
void sound_close(struct ebb_audio *a);

/* A session (or a sequence's next item) starts, pauses, resumes or moves its origin. */
void sound_follow(struct ebb_audio *a, const struct ebb_session *s, bool restart);

/* The session's queued event `ev` happened: a grounding press or tap sounds at once
 * (breathing cues are placed by the mixer itself). */
void sound_event(struct ebb_audio *a, const struct ebb_exercise *ex, const struct ebb_event *ev);

/* The person leaves: the sound fades over fade_ms. */
void sound_leave(struct ebb_audio *a, int fade_ms);

void sound_volume(struct ebb_audio *a, int volume_percent, bool mute);

/* The device clock, when there is a live one. */
bool sound_clock(struct ebb_audio *a, uint64_t *now_us);

/* Export's audio.wav; returns 0 or -1 with an error in diags. */
int sound_export(const char *path, const struct ebb_exercise *ex, const struct ebb_timeline *tl,
                 const struct ebb_event *events, size_t count, uint64_t end_us,
                 int volume_percent, struct ebb_diags *diags);

#endif
