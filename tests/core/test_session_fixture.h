/* Fixtures shared by the session tests: exercises filled in by hand (no loader), and a
 * recorder of the events a session queued. */
#ifndef EBB_TEST_SESSION_FIXTURE_H
#define EBB_TEST_SESSION_FIXTURE_H

#include <string.h>

#include "session.h"

#define FIXTURE_STEPS 8

struct fixture {
    struct ebb_exercise ex;
    struct ebb_phase phases[2];
    struct ebb_step steps[FIXTURE_STEPS];
};

static inline void fixture_common(struct fixture *f, const char *id, const char *title,
                                  enum ebb_kind kind)
{
    memset(f, 0, sizeof *f);
    f->ex.id = (char *)id;
    f->ex.title = (char *)title;
    f->ex.summary = (char *)"";
    f->ex.about = (char *)"";
    f->ex.kind = kind;
    f->ex.audio.cues = EBB_CUES_TONES;
    f->ex.audio.volume = 1.0;
    f->ex.dir = (char *)".";
}

/* prepare_s, then `cycles` cycles of 4 s in and 6 s out. */
static inline void fixture_breathing(struct fixture *f, double prepare_s, int cycles)
{
    fixture_common(f, "long-exhale", "Long exhale", EBB_KIND_BREATHING);
    f->ex.prepare_s = prepare_s;
    f->ex.cycles = cycles;
    f->phases[0].kind = EBB_PHASE_INHALE;
    f->phases[0].seconds = 4.0;
    f->phases[0].text = (char *)"Breathe in";
    f->phases[0].to = 1.0;
    f->phases[1].kind = EBB_PHASE_EXHALE;
    f->phases[1].seconds = 6.0;
    f->phases[1].text = (char *)"Breathe out";
    f->phases[1].to = 0.0;
    f->ex.phases = f->phases;
    f->ex.phase_count = 2;
}

/* `n` steps, each waiting for one press (manual) or lasting 10 s (timed). */
static inline void fixture_grounding(struct fixture *f, int n, enum ebb_advance advance)
{
    static const char *const prompts[FIXTURE_STEPS] = {"Notice one thing you can see",
                                                       "Notice one thing you can touch",
                                                       "Notice one sound",
                                                       "Notice your feet",
                                                       "Notice your hands",
                                                       "Notice your breath",
                                                       "Notice the room",
                                                       "Notice the light"};
    fixture_common(f, "senses", "Senses", EBB_KIND_GROUNDING);
    f->ex.advance = advance;
    for (int i = 0; i < n && i < FIXTURE_STEPS; i++) {
        f->steps[i].prompt = (char *)prompts[i];
        f->steps[i].detail = (char *)"";
        f->steps[i].count = 1;
        f->steps[i].seconds = advance == EBB_ADVANCE_TIMED ? 10.0 : 0.0;
    }
    f->ex.steps = f->steps;
    f->ex.step_count = n;
}

static inline void fixture_sequence(struct fixture *f, int items, double pause_s)
{
    fixture_common(f, "too-much", "When it is too much", EBB_KIND_SEQUENCE);
    f->ex.item_count = items;
    f->ex.pause_s = pause_s;
}

/* Updates the session every 100 ms of clock time from `from_us` up to `to_us` (inclusive),
 * as a program drawing frames would, so no step looks like a sleep. */
static inline void run_to(struct ebb_session *s, uint64_t from_us, uint64_t to_us)
{
    for (uint64_t t = from_us; t < to_us; t += 100000u)
        ebb_session_update(s, t);
    ebb_session_update(s, to_us);
}

#define RECORDED_MAX 512

struct recorded {
    struct ebb_event ev[RECORDED_MAX];
    int n;
};

/* Takes every queued event (replacing what r held). */
static inline void record(struct ebb_session *s, struct recorded *r)
{
    r->n = 0;
    struct ebb_event e;
    while (ebb_session_next_event(s, &e) == 0)
        if (r->n < RECORDED_MAX)
            r->ev[r->n++] = e;
}

/* Takes every queued event, adding to what r holds. */
static inline void record_more(struct ebb_session *s, struct recorded *r)
{
    struct ebb_event e;
    while (ebb_session_next_event(s, &e) == 0)
        if (r->n < RECORDED_MAX)
            r->ev[r->n++] = e;
}

static inline int count_kind(const struct recorded *r, enum ebb_event_kind k)
{
    int n = 0;
    for (int i = 0; i < r->n; i++)
        n += r->ev[i].kind == k;
    return n;
}

/* The nth (0-based) event of kind k, or NULL. */
static inline const struct ebb_event *nth_kind(const struct recorded *r, enum ebb_event_kind k,
                                               int nth)
{
    for (int i = 0; i < r->n; i++)
        if (r->ev[i].kind == k && nth-- == 0)
            return &r->ev[i];
    return NULL;
}

/* The nth CUE of sound `sound`, or NULL. */
static inline const struct ebb_event *nth_sound(const struct recorded *r, enum ebb_sound sound,
                                                int nth)
{
    for (int i = 0; i < r->n; i++)
        if (r->ev[i].kind == EBB_EVENT_CUE && r->ev[i].sound == sound && nth-- == 0)
            return &r->ev[i];
    return NULL;
}

#define assert_in_order(r)                                                                         \
    do {                                                                                           \
        for (int i_ = 1; i_ < (r)->n; i_++)                                                        \
            assert_true((r)->ev[i_ - 1].t_us <= (r)->ev[i_].t_us);                                 \
    } while (0)

#endif
