/* segment: the events of a session up to an instant, read the same way by the session
 * (what it queues) and by the audio mixer (what it starts). A segment is a stretch of
 * a reader's time that follows one breathing plan; after a live reload a new plan takes
 * over mid-way, from one of its own cycle starts, and does not repeat its prepare row and
 * first bell. Pure C, no allocation. */
#ifndef EBB_SEGMENT_H
#define EBB_SEGMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "events.h"
#include "timeline.h"

/* A plan on the reader's clock: from start_us on, where the plan's own time is
 * offset_us (reader time t is plan time t - start_us + offset_us). */
struct ebb_segment {
    const struct ebb_timeline *tl; /* borrowed */
    uint64_t start_us;             /* reader time at which the plan takes over */
    uint64_t offset_us;            /* the plan's own time at start_us */
    bool resumed;                  /* a reloaded plan taking over mid-way */
};

/* True for the rows a resumed plan does not sound or write again: its PREPARE row and
 * the bell at plan time 0 (ev on the plan's own time). */
bool ebb_segment_skips(const struct ebb_event *ev);

/* The events of `g` whose reader time is in [from_us, to_us) (nothing before start_us),
 * with times on the reader's clock, the rows ebb_segment_skips names left out when
 * resumed. ebb_breath_events' contract: at most max written, in time order; returns
 * how many there are in the range. */
size_t ebb_segment_events(const struct ebb_segment *g, uint64_t from_us, uint64_t to_us,
                          struct ebb_event *out, size_t max);

/* Where events come from: ebb_breath_events' contract on ctx's time. */
typedef size_t (*ebb_events_fn)(const void *ctx, uint64_t from_us, uint64_t to_us,
                                struct ebb_event *out, size_t max);

/* Calls visit for every event of `events` in [from_us, to_us), in time order, reading
 * `cap` (at least 1) at a time into the caller's `buf`. A batch that was cut is cut
 * before its last instant, which the next read begins with, so no instant is split; an
 * instant with more than `cap` events keeps its first `cap`. */
void ebb_events_upto(ebb_events_fn events, const void *ctx, uint64_t from_us, uint64_t to_us,
                     struct ebb_event *buf, size_t cap,
                     void (*visit)(void *vctx, const struct ebb_event *ev), void *vctx);

#endif
