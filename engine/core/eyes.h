/* eyes: which exercises can be followed with the eyes closed (issue 5: "the picker
 * marks the exercises that suit it"). Pure: it reads the scripts, nothing else. */
#ifndef EBB_EYES_H
#define EBB_EYES_H

#include <stdbool.h>

#include "library.h"
#include "script.h"

/* True when sound alone can carry `ex`:
 * - breathing: every phase makes a sound (audio.cues is not none and no phase's `cue`
 *   is none), and phases of different kinds never make the same sound, so the sound
 *   says whether to breathe in, out or hold (cues = "bell" rings the same bell for
 *   all: not suited);
 * - grounding: it runs by itself (every step timed or tapped, none waits for a
 *   press) and every step makes a sound, so the ear hears each step begin and end;
 * - sequence: every item suits (items are looked up in `lib`; an unknown item, or
 *   lib NULL, does not suit).
 * NULL does not suit. */
bool ebb_eyes_closed_suits(const struct ebb_library *lib, const struct ebb_exercise *ex);

#endif
