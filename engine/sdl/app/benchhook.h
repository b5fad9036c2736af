/* benchhook: what bench/run measures from inside the window program (docs/benchmark.md).
 * Read only here, and only when $EBB_BENCH is set; otherwise every call does nothing.
 *   EBB_BENCH=first-frame  at the first present, prints "ebb-first-present NS" to stdout
 *                          (NS: CLOCK_MONOTONIC in nanoseconds), for bench/bench_launch
 *   EBB_BENCH=frames:N     draws N whole frames back to back (no pacing, nothing
 *                          skipped), prints the figures below to stdout and quits:
 *                            bench-frame-size W H
 *                            bench-frame-us P50 P99 MAX  (draw and present, microseconds)
 *                            bench-frame-allocs A        (heap allocations per frame over
 *                                                         the second half, or -1 without
 *                                                         bench/alloc_count.so preloaded) */
#ifndef EBB_BENCHHOOK_H
#define EBB_BENCHHOOK_H

#include <stdbool.h>
#include <stdint.h>

#define BENCHHOOK_FRAMES_MAX 10000

enum benchhook_mode { BENCHHOOK_OFF, BENCHHOOK_FIRST_FRAME, BENCHHOOK_FRAMES };

struct benchhook {
    enum benchhook_mode mode;
    bool first_done;             /* first-frame: printed */
    int frames_want, frames_done;
    uint64_t frame_start_ns;     /* CLOCK_MONOTONIC at benchhook_frame_begin */
    unsigned long allocs_start;  /* the preloaded counter at the second half's start */
    unsigned long (*alloc_count)(void); /* from bench/alloc_count.so, or NULL */
    uint32_t frame_us[BENCHHOOK_FRAMES_MAX]; /* each frame's draw and present */
};

void benchhook_init(struct benchhook *b);

/* True in frames mode: the loop must draw every turn, whole, and not sleep. */
bool benchhook_unpaced(const struct benchhook *b);

/* Around one frame's drawing and present. frame_end returns true when the frames are
 * all done (and printed): the program should quit. */
void benchhook_frame_begin(struct benchhook *b);
bool benchhook_frame_end(struct benchhook *b, int width, int height);

/* Right after a present: first-frame prints its line once. */
void benchhook_presented(struct benchhook *b);

#endif
