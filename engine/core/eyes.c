/* eyes: the rule of eyes.h, from the same cue defaults the sound uses (events.c), so
 * the mark in the picker and what is heard agree. */
#include "eyes.h"

#include <string.h>

#include "events.h"

#define EYES_DEPTH_MAX 8 /* sequences inside sequences; deeper (a loop) does not suit */

/* Two sounds a person can tell apart: built-ins by kind, files by name. */
static bool same_sound(enum ebb_sound a, const struct ebb_cue *ca, enum ebb_sound b,
                       const struct ebb_cue *cb)
{
    if (a != b)
        return false;
    if (a != EBB_SOUND_FILE)
        return true;
    const char *na = ca && ca->name ? ca->name : "";
    const char *nb = cb && cb->name ? cb->name : "";
    return strcmp(na, nb) == 0;
}

static bool breathing_suits(const struct ebb_exercise *ex)
{
    if (ex->phase_count < 1 || ex->audio.cues == EBB_CUES_NONE)
        return false;
    for (int i = 0; i < ex->phase_count; i++) {
        const struct ebb_phase *p = &ex->phases[i];
        enum ebb_sound s = ebb_sound_for(ex, &p->cue, 0, p->kind);
        if (s == EBB_SOUND_NONE)
            return false;
        for (int j = 0; j < i; j++) {
            const struct ebb_phase *q = &ex->phases[j];
            enum ebb_sound t = ebb_sound_for(ex, &q->cue, 0, q->kind);
            if (q->kind != p->kind && same_sound(s, &p->cue, t, &q->cue))
                return false;
        }
    }
    return true;
}

static bool grounding_suits(const struct ebb_exercise *ex)
{
    if (ex->step_count < 1 || ex->audio.cues == EBB_CUES_NONE)
        return false;
    for (int i = 0; i < ex->step_count; i++) {
        const struct ebb_step *st = &ex->steps[i];
        if (st->taps.present)
            continue; /* each tap ticks, panned to its side */
        bool timed = st->seconds > 0 || ex->advance == EBB_ADVANCE_TIMED;
        if (!timed || ebb_sound_for(ex, &st->cue, 1, EBB_PHASE_INHALE) == EBB_SOUND_NONE)
            return false;
    }
    return true;
}

static bool suits(const struct ebb_library *lib, const struct ebb_exercise *ex, int depth)
{
    if (!ex || depth > EYES_DEPTH_MAX)
        return false;
    switch (ex->kind) {
    case EBB_KIND_BREATHING:
        return breathing_suits(ex);
    case EBB_KIND_GROUNDING:
        return grounding_suits(ex);
    case EBB_KIND_SEQUENCE:
        if (!lib || ex->item_count < 1)
            return false;
        for (int i = 0; i < ex->item_count; i++) {
            const struct ebb_library_entry *e = ebb_library_find(lib, ex->items[i]);
            if (!e || !suits(lib, e->ex, depth + 1))
                return false;
        }
        return true;
    default:
        return false;
    }
}

bool ebb_eyes_closed_suits(const struct ebb_library *lib, const struct ebb_exercise *ex)
{
    return suits(lib, ex, 0);
}
