/* voice: spoken guidance. The words speech.h chooses are synthesized by espeak-ng ahead
 * of time (now, or on a background thread while the session begins) into 48 kHz clips,
 * or taken from a folder of the person's own recordings, and handed to the mixer, which
 * starts each at its exact sample. Nothing here runs in the audio callback but the
 * lookups, which only read. Without espeak-ng (not built in, its data missing, or
 * EBB_NO_ESPEAK set) there is one notice and nothing is spoken. */
#ifndef EBB_VOICE_H
#define EBB_VOICE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "events.h"
#include "script.h"
#include "speech.h"
#include "synth.h"

#define EBB_VOICE_RATE_WPM 135  /* espeak-ng's default is 175: slower is calmer */
#define EBB_VOICE_PITCH 38      /* 0..100, 50 is espeak-ng's default: a little lower */
#define EBB_VOICE_RANGE 40      /* pitch range 0..100, 50 default: a little flatter */
#define EBB_VOICE_FADE_IN_S 0.015
#define EBB_VOICE_FADE_OUT_S 0.04
#define EBB_VOICE_S_MAX 60.0    /* an utterance is cut (softly) after this long */

struct ebb_voice; /* opaque: the utterances of one session */

struct ebb_voice_config {
    struct ebb_speech_choice choice;
    const char *recordings; /* folder of ID/ folders of recordings; NULL: none looked for */
    bool background;        /* synthesize on a thread (a live session) rather than now */
};

/* Plans the utterances of `count` exercises (a session, or a sequence's items) and
 * starts synthesizing them; NULL when nothing is to be spoken (every mode none) or
 * memory runs out. Notices (no voice for a language, no espeak-ng) are warnings in
 * `diags`. The exercises are borrowed until ebb_voice_free. */
struct ebb_voice *ebb_voice_new(const struct ebb_exercise *const *exs, size_t count,
                                const struct ebb_voice_config *cfg, struct ebb_diags *diags);

/* Stops the synthesis (waiting for the thread) and frees every clip; accepts NULL. */
void ebb_voice_free(struct ebb_voice *v);

/* Waits until every utterance is synthesized (export). */
void ebb_voice_wait(struct ebb_voice *v);

/* The utterance that begins with the step or phase whose text is `key` (the pointer of a
 * STEP or PHASE event's text), if it is ready; *text (when not NULL) gets what it says,
 * the pointer a VOICE event carries. For a phase, only when the mode speaks phases. */
const struct ebb_clip *ebb_voice_for_key(const struct ebb_voice *v, const char *key,
                                         bool phase, const char **text);

/* The utterance a VOICE event names (by its text pointer), if it is ready. */
const struct ebb_clip *ebb_voice_for_text(const struct ebb_voice *v, const char *text);

/* True when `clip` is one of v's utterances. */
bool ebb_voice_owns(const struct ebb_voice *v, const struct ebb_clip *clip);

/* Export: a copy of `events` with a VOICE row after each STEP or PHASE row whose
 * utterance sounds (a phase's when it fits before the next phase or the end and the
 * voice is silent then; a step's always, cutting short what is still said). Returns 0
 * and the new list in *out (the caller frees it), or -1 when memory runs out. */
int ebb_voice_rows(const struct ebb_voice *v, const struct ebb_event *events, size_t count,
                   struct ebb_event **out, size_t *out_count);

/* The folder of recorded voices: $XDG_CONFIG_HOME/ebb/voices (else ~/.config/ebb/voices)
 * into buf; false when neither variable is set. */
bool ebb_voice_folder(char *buf, size_t size);

/* True when this ebb was built with espeak-ng. */
bool ebb_voice_built_in(void);

#endif
