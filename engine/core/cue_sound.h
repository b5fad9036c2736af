/* cue_sound: which sound a written cue makes (a built-in tone, a file, or none), after
 * the exercise's `audio.cues` default is applied. A leaf of the core: the timeline, the
 * events, the session and the eyes-closed check all ask it. */
#ifndef EBB_CUE_SOUND_H
#define EBB_CUE_SOUND_H

#include "script.h"

/* A built-in sound or a file, after `cue` / `audio.cues` defaults are applied. */
enum ebb_sound {
    EBB_SOUND_NONE,
    EBB_SOUND_INHALE, /* a soft rising glide */
    EBB_SOUND_EXHALE, /* a soft falling glide */
    EBB_SOUND_HOLD,   /* a quiet low tick */
    EBB_SOUND_BELL,   /* a few decaying partials: start, end, and `cues = "bell"` */
    EBB_SOUND_TICK,   /* a short wooden tick: grounding steps and taps */
    EBB_SOUND_FILE,   /* ebb_event.cue->file */
    EBB_SOUND_COUNT
};

/* Which sound a written cue makes, given the exercise's `audio.cues` and what it is
 * attached to (a phase of kind `phase`, or a step when is_step). */
enum ebb_sound ebb_sound_for(const struct ebb_exercise *ex, const struct ebb_cue *cue,
                             int is_step, enum ebb_phase_kind phase);

#endif
