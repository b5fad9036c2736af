/* cue_sound: a cue's sound from what is written and the exercise's default. */
#include "cue_sound.h"

enum ebb_sound ebb_sound_for(const struct ebb_exercise *ex, const struct ebb_cue *cue, int is_step,
                             enum ebb_phase_kind phase)
{
    switch (cue ? cue->kind : EBB_CUE_AUTO) {
    case EBB_CUE_INHALE:
        return EBB_SOUND_INHALE;
    case EBB_CUE_EXHALE:
        return EBB_SOUND_EXHALE;
    case EBB_CUE_HOLD:
        return EBB_SOUND_HOLD;
    case EBB_CUE_BELL:
        return EBB_SOUND_BELL;
    case EBB_CUE_TICK:
        return EBB_SOUND_TICK;
    case EBB_CUE_NONE:
        return EBB_SOUND_NONE;
    case EBB_CUE_FILE:
        return EBB_SOUND_FILE;
    case EBB_CUE_AUTO:
    default:
        break;
    }
    enum ebb_cues cues = ex ? ex->audio.cues : EBB_CUES_TONES;
    if (cues == EBB_CUES_NONE)
        return EBB_SOUND_NONE;
    if (is_step)
        return EBB_SOUND_TICK;
    if (cues == EBB_CUES_BELL)
        return EBB_SOUND_BELL;
    switch (phase) {
    case EBB_PHASE_INHALE:
        return EBB_SOUND_INHALE;
    case EBB_PHASE_EXHALE:
        return EBB_SOUND_EXHALE;
    case EBB_PHASE_HOLD:
        return EBB_SOUND_HOLD;
    default:
        return EBB_SOUND_NONE;
    }
}
