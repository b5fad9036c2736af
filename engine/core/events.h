/* events: what happens at an instant of a session (a phase begins, a cue sounds, a
 * step begins, a press is counted...). The same events feed the picture, the audio
 * mixer, and export's timeline.tsv, so what is drawn, heard and written agree. */
#ifndef EBB_EVENTS_H
#define EBB_EVENTS_H

#include <stddef.h>
#include <stdint.h>

#include "cue_sound.h"
#include "script.h"
#include "timeline.h"

/* The `event` column of timeline.tsv, in DESIGN.md's words. */
enum ebb_event_kind {
    EBB_EVENT_PREPARE,
    EBB_EVENT_PHASE,
    EBB_EVENT_CUE,
    EBB_EVENT_STEP,
    EBB_EVENT_PRESS,
    EBB_EVENT_TRANSITION,
    EBB_EVENT_END,
    EBB_EVENT_VOICE, /* an utterance begins (spoken guidance); text: what is said */
    EBB_EVENT_COUNT
};

struct ebb_event {
    uint64_t t_us;             /* session time (from the start of prepare) */
    enum ebb_event_kind kind;
    int has_phase;             /* 1 when `phase` means something (PHASE, and its CUE) */
    enum ebb_phase_kind phase;
    enum ebb_side side;        /* EBB_SIDE_NONE: "-" */
    const char *text;          /* borrowed from the exercise; NULL or "" means "-" */
    enum ebb_sound sound;      /* CUE only */
    const struct ebb_cue *cue; /* CUE only, for EBB_SOUND_FILE; borrowed */
};

/* The name shown in timeline.tsv for a cue event: inhale, exhale, hold, bell, tick, or
 * the file's name as written. */
const char *ebb_event_cue_name(const struct ebb_event *ev);

/* The event kind's name as in timeline.tsv. */
const char *ebb_event_kind_name(enum ebb_event_kind k);

/* Writes the events of a breathing session whose time falls in [from_us, to_us), in
 * time order, into out (at most max); returns how many there are in the range (which
 * may exceed max: call again from the last written time + 1). Pure: used by export, by
 * the session and by the audio callback alike. Events: PREPARE (+ a bell CUE) at 0,
 * PHASE + CUE at each phase start, END (+ a bell CUE) at the end. */
size_t ebb_breath_events(const struct ebb_timeline *tl, uint64_t from_us, uint64_t to_us,
                         struct ebb_event *out, size_t max);

/* Writes one timeline.tsv field: backslash, tab and newline as \\, \t, \n; NULL or ""
 * as "-". Returns bytes written (not counting the NUL), truncating to size. */
size_t ebb_tsv_escape(const char *text, char *buf, size_t size);

#endif
