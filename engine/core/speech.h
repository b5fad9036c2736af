/* speech: which words of an exercise are spoken, and when an utterance may sound. Pure:
 * the SDL layer's voice (engine/sdl/voice.c) synthesizes what this chooses, and the
 * mixer and export both follow the same rules, so what is heard and what timeline.tsv
 * says agree. */
#ifndef EBB_SPEECH_H
#define EBB_SPEECH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "script.h"

#define EBB_SPEECH_MARGIN_US 300000u /* a phase's text must end this long before the phase */
#define EBB_SPEECH_LANGUAGE_MAX 36   /* a language tag with its NUL */

/* What decides the voice, beside the script's `audio.voice`. */
struct ebb_speech_choice {
    int cli;                    /* --voice 1, --no-voice 0, not given -1 */
    enum ebb_voice_mode setting; /* ebb.cfg's `voice`, or UNSET */
    bool eyes_closed;           /* --eyes-closed (or the setting) */
};

/* The voice mode of `ex`: --no-voice silences it; then ebb.cfg's `voice`, then the
 * script's; --voice turns on whichever of those says prompts or all, else all; with
 * nothing written, --eyes-closed speaks a grounding exercise's prompts; else none. */
enum ebb_voice_mode ebb_speech_mode(const struct ebb_exercise *ex,
                                    const struct ebb_speech_choice *c);

/* The words spoken when step `st` begins, in `buf`: its prompt (PROMPTS), or its prompt
 * then its detail (ALL), each ended as a sentence. Returns the length, 0 when nothing is
 * spoken (mode NONE or UNSET, or an empty prompt). */
size_t ebb_speech_step_text(const struct ebb_step *st, enum ebb_voice_mode mode, char *buf,
                            size_t size);

/* True when a breathing phase's text is spoken in `mode` (ALL only). */
bool ebb_speech_phases(enum ebb_voice_mode mode);

/* True when an utterance of len_us fits in a phase of window_us (with the margin). */
bool ebb_speech_fits(uint64_t len_us, uint64_t window_us);

/* The language to speak: the script's tag when it has one, else the first of lc_all,
 * lc_messages, lang that is set and not empty ("de_DE.UTF-8" gives "de-de"; "C" and
 * "POSIX" give "en"), else "en". Lower case, '_' as '-', without codeset or modifier.
 * Writes at most size bytes. Returns true when it came from the script. */
bool ebb_speech_language(const char *script_tag, const char *lc_all, const char *lc_messages,
                         const char *lang, char *out, size_t size);

#endif
