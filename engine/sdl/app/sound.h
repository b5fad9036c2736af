/* sound: the one place the window and the export call the audio API (audio.h), so
 * wiring sound in or out touches only this file. Every call accepts a NULL handle.
 * Origins are given on the session clock (clock.h) and sent on the sound's own. */
#ifndef EBB_SOUND_H
#define EBB_SOUND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clock.h"
#include "session.h"
#include "speech.h"

struct ebb_audio;
struct ebb_voice;

/* Opens the device (silent without one); a notice for the person goes to `notice`. */
struct ebb_audio *sound_open(int volume_percent, bool mute, bool eyes_closed, char *notice,
                             size_t notice_size);
/* False when the sound system kept the device (SDL's audio must then be left up). */
bool sound_close(struct ebb_audio *a);

/* What became of the device since the last call (ebb_audio_poll): NULL, or a word for
 * the test log with the line for the person in `notice` ("" when there is none). */
const char *sound_poll(struct ebb_audio *a, char *notice, size_t size);

/* The session clock: the sound's sample clock while a device plays, else the system's
 * (clock_follow). */
uint64_t sound_now(struct ebb_audio *a, struct clock *clk);

/* A session (or a sequence's next item) starts, pauses, resumes or moves its origin;
 * clk converts its origin to the sound's clock (NULL: the same clock). */
void sound_follow_on(struct ebb_audio *a, const struct ebb_session *s, bool restart,
                     const struct clock *clk);

/* sound_follow_on with the session clock being the sound's own (clk NULL). */
void sound_follow(struct ebb_audio *a, const struct ebb_session *s, bool restart);

/* A live reload was scheduled (breathing: the sound switches to the waiting plan at its
 * boundary) or applied (grounding: the new version's cue files). */
void sound_reload(struct ebb_audio *a, const struct ebb_session *s);

/* True while the sound may still read the exercise `ex` or the plan `tl` (either may be
 * NULL): until then neither may be freed. */
bool sound_reads(struct ebb_audio *a, const struct ebb_exercise *ex, const struct ebb_timeline *tl);

/* The session's queued event `ev` happened: a grounding press or tap sounds at once, and
 * its END makes the next bell the end bell (breathing cues are placed by the mixer). */
void sound_event(struct ebb_audio *a, const struct ebb_exercise *ex, const struct ebb_event *ev);

/* The person leaves: the sound fades over fade_ms, and nothing of the session is read
 * by the sound any more when this returns (it may be freed). */
void sound_leave(struct ebb_audio *a, int fade_ms);

void sound_volume(struct ebb_audio *a, int volume_percent, bool mute);

/* The device clock, when there is a live one. */
bool sound_clock(struct ebb_audio *a, uint64_t *now_us);

/* SDL_AUDIODEVICEREMOVED for an output device `which`: true when `notice` got one line
 * for the person (the session goes on silently). */
bool sound_device_removed(struct ebb_audio *a, uint32_t which, char *notice, size_t size);

/* The SDL device id the sound plays on (SDL_AUDIODEVICEREMOVED's `which`), 0: none. */
uint32_t sound_device_id(const struct ebb_audio *a);

/* Export's audio.wav; returns 0 or -1 with an error in diags. */
int sound_export(const char *path, const struct ebb_exercise *ex, const struct ebb_timeline *tl,
                 const struct ebb_event *events, size_t count, uint64_t end_us, int volume_percent,
                 struct ebb_diags *diags);

/* The same with --mute and --eyes-closed. */
int sound_export_with(const char *path, const struct ebb_exercise *ex,
                      const struct ebb_timeline *tl, const struct ebb_event *events, size_t count,
                      uint64_t end_us, int volume_percent, bool mute, bool eyes_closed,
                      struct ebb_diags *diags);

/* What decides the voice of the sessions begun from now on, and the folder of recorded
 * voices (NULL: none). */
void sound_voice(struct ebb_audio *a, const struct ebb_speech_choice *choice,
                 const char *recordings);

/* V: the voice on or off; true when it is now on. */
bool sound_toggle_voice(struct ebb_audio *a);

/* sound_export_with, speaking the utterances of `voice` its VOICE events name. */
int sound_export_voiced(const char *path, const struct ebb_exercise *ex,
                        const struct ebb_timeline *tl, const struct ebb_event *events, size_t count,
                        uint64_t end_us, int volume_percent, bool mute, bool eyes_closed,
                        const struct ebb_voice *voice, struct ebb_diags *diags);

#endif
