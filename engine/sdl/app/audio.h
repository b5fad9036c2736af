/* audio: the sound of a session. Cues are mixed by ebb itself in the device callback
 * so each starts at the exact sample of its boundary; built-in cues are synthesized,
 * sound files are decoded once and mixed from memory. With no device the session runs
 * silently. Export renders the same mix to a WAV file with no device. */
#ifndef EBB_AUDIO_H
#define EBB_AUDIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "events.h"
#include "script.h"
#include "speech.h"
#include "synth.h"
#include "timeline.h"

#define EBB_AUDIO_RATE 48000 /* samples a second, both channels */

struct ebb_audio; /* opaque */
struct ebb_voice; /* voice.h */

/* Makes the handle. The device itself is held by a thread of its own (audio_device.h):
 * opened when a session starts sounding, closed when nothing sounds (the picker, a
 * pause, after the end bell, muted) so the server can suspend the sink. Never NULL
 * unless out of memory; `notice` (when not NULL) gets a line for the person when sound
 * cannot work at all. Master volume in percent. */
struct ebb_audio *ebb_audio_open(int volume_percent, bool mute, bool eyes_closed, char *notice,
                                 size_t notice_size);

/* Fades out and closes, waiting for the device at most ~200 ms. Returns true when
 * everything was freed; false when the sound system holds the device's thread (a server
 * that died under it): then the handle is left for its callback and SDL's audio must
 * not be shut down (SDL_Quit would wait for it). Accepts NULL. */
bool ebb_audio_close(struct ebb_audio *a);

/* True while a device is open. */
bool ebb_audio_live(const struct ebb_audio *a);

/* Starts the sound of an exercise at clock time now_us (the same clock the session is
 * given). For breathing, `tl` is the plan and `origin_us` the clock time of its t = 0;
 * the callback places every cue itself at its exact sample. Loads the exercise's cue
 * files (a missing one: a notice, and the built-in cue plays instead). `ex` and `tl` are
 * borrowed until ebb_audio_end, the next ebb_audio_begin or ebb_audio_close. */
void ebb_audio_begin(struct ebb_audio *a, const struct ebb_exercise *ex,
                     const struct ebb_timeline *tl, uint64_t origin_us);

/* The session moved its origin (pause, resume, reload). */
void ebb_audio_set_origin(struct ebb_audio *a, uint64_t origin_us, bool paused);

/* Plays one cue as soon as possible (a grounding press, a tap), panned to `side`: at a
 * steady two device buffers (~43 ms) after origin + ev->t_us, so taps stay evenly
 * spaced. Pass END events too: the bell that follows is then the end bell. Breathing
 * cues need not be passed: the mixer places them itself from the plan. */
void ebb_audio_cue(struct ebb_audio *a, const struct ebb_event *ev);

/* Live reload: from the sound's session time at_us on (the time of the plan begun
 * last, which pauses do not move), the sound follows `tl`, whose own time there is
 * offset_us; before it, the plans it follows now. A later switch at the same time
 * replaces this one. With tl NULL (grounding) only the exercise's cue files change.
 * Decodes ex's cue files first. `ex` and `tl` must stay valid until ebb_audio_end,
 * the next ebb_audio_begin or ebb_audio_close, as must every plan given before while
 * ebb_audio_reads says it is read. */
void ebb_audio_switch(struct ebb_audio *a, const struct ebb_exercise *ex,
                      const struct ebb_timeline *tl, uint64_t at_us, uint64_t offset_us);

/* Fades the session's sound out over `fade_ms` (a person leaving). When it returns the
 * callback reads nothing of the session any more (exercise, plans, queued cues): they
 * may be freed. Cues already sounding fade out with the rest. */
void ebb_audio_end(struct ebb_audio *a, int fade_ms);

/* True while the device callback may still read `ex` (NULL: not asked) or the plan `tl`
 * (NULL: not asked): what runs now and what the last switch replaced. Once it says false
 * for something no other part uses, that may be freed. */
bool ebb_audio_reads(struct ebb_audio *a, const struct ebb_exercise *ex,
                     const struct ebb_timeline *tl);

/* Master volume (0..100) and mute, applied with a short ramp (no clicks). */
void ebb_audio_set_volume(struct ebb_audio *a, int volume_percent, bool mute);

/* The sound's clock: microseconds of CLOCK_MONOTONIC since ebb_audio_open, which every
 * origin given to the handle is on. The sound keeps to it: a gap in the stream is made
 * up by dropping the late part, and the mixer's frames are the time they are heard, so
 * the picture drawn at this clock goes with what is heard. Never goes back; false only
 * for a NULL handle. */
bool ebb_audio_clock_us(struct ebb_audio *a, uint64_t *now_us);

/* Renders a whole session to a 48 kHz stereo 16-bit WAV at `path`: the events (as
 * written to timeline.tsv, times from t = 0), the breathing plan (NULL for grounding),
 * the exercise's ambient sound and gains, up to end_us. No device is used. Returns 0, or
 * -1 with an error in diags (a full disk, an unwritable folder). */
int ebb_audio_export_wav(const char *path, const struct ebb_exercise *ex,
                         const struct ebb_timeline *tl, const struct ebb_event *events,
                         size_t event_count, uint64_t end_us, int volume_percent,
                         struct ebb_diags *diags);

/* The device the handle plays on was removed (SDL_AUDIODEVICEREMOVED with iscapture 0
 * and this `which`; other devices are ignored): its thread reopens the default device
 * at once, else tries again now and then. What came of it arrives by ebb_audio_poll;
 * this returns false and leaves `notice` empty. The clock keeps running either way. */
bool ebb_audio_device_removed(struct ebb_audio *a, uint32_t which, char *notice,
                              size_t notice_size);

/* What happened to the device since the last call, once each: NULL when nothing, else
 * a word for the test log ("none": no server or device was found; "silent": the device
 * went away and did not come straight back; "reopened": it came straight back; "back":
 * a later try worked). `notice` gets the line for the person, or "" when there is
 * nothing to say ("reopened"). Call it once a loop. */
const char *ebb_audio_poll(struct ebb_audio *a, char *notice, size_t notice_size);

/* Figures for tests and the benchmark. */
struct ebb_audio_stats {
    unsigned opens;       /* times the device was opened */
    unsigned corrections; /* times the sound was put back on the clock (a gap, a drift) */
    int64_t corrected_us; /* their sum: skipped less held */
    int buffer_frames;    /* the device's buffer */
};
void ebb_audio_stats(struct ebb_audio *a, struct ebb_audio_stats *out);

/* The SDL audio device id the handle plays on (what SDL_AUDIODEVICEREMOVED's `which`
 * names), or 0 when it is silent. */
uint32_t ebb_audio_device_id(const struct ebb_audio *a);

/* What decides the voice of every session begun from now on (the command line, ebb.cfg,
 * --eyes-closed), and the folder of recorded voices (ID/step-N.wav...; NULL: none).
 * Without it nothing is spoken unless a script asks for a voice. */
void ebb_audio_set_voice(struct ebb_audio *a, const struct ebb_speech_choice *choice,
                         const char *recordings);

/* A grounding step began (a STEP event): its prompt is spoken as soon as possible, at the
 * same steady delay as ebb_audio_cue, when its utterance is ready. Breathing phases are
 * spoken by the mixer from the plan. */
void ebb_audio_speak(struct ebb_audio *a, const struct ebb_event *ev);

/* A step's prompt that was not synthesized yet when its step began is spoken once it is
 * (late, within a few seconds); called every frame. */
void ebb_audio_speak_late(struct ebb_audio *a);

/* V: the voice on or off, for this session and the later ones of this run (turned on,
 * a session without a voice gets one). Returns true when it is now on. */
bool ebb_audio_toggle_voice(struct ebb_audio *a);

/* The settings of an export's sound beyond the master volume. */
struct ebb_audio_export {
    int volume_percent; /* master volume, 0..100 (default 80) */
    bool mute;          /* a silent file of the same length */
    bool eyes_closed;   /* the more distinct cues and end bell */
    const struct ebb_voice *voice; /* the utterances the VOICE events name, or NULL */
};

/* ebb_audio_export_wav with every setting; sound files that cannot be decoded are
 * warnings in diags (the built-in cue plays instead). */
int ebb_audio_export_wav_with(const char *path, const struct ebb_exercise *ex,
                              const struct ebb_timeline *tl, const struct ebb_event *events,
                              size_t event_count, uint64_t end_us,
                              const struct ebb_audio_export *opt, struct ebb_diags *diags);

#endif
