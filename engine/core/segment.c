/* segment: reading a session's events up to an instant (see segment.h). */
#include "segment.h"

/* Rows a plan can have at its time 0: PREPARE, its bell, and with no prepare the first
 * phase, its cue. */
#define FIRST_ROWS_MAX 8

bool ebb_segment_skips(const struct ebb_event *ev)
{
    return ev->t_us == 0 &&
           (ev->kind == EBB_EVENT_PREPARE ||
            (ev->kind == EBB_EVENT_CUE && !ev->has_phase && ev->sound == EBB_SOUND_BELL));
}

/* Reader time of plan time t (t at or after offset_us). */
static uint64_t reader_us(const struct ebb_segment *g, uint64_t t)
{
    return t - g->offset_us + g->start_us;
}

/* Plan time of reader time t (t at or after start_us), UINT64_MAX past the end. */
static uint64_t plan_us(const struct ebb_segment *g, uint64_t t)
{
    uint64_t in = t - g->start_us;
    return in > UINT64_MAX - g->offset_us ? UINT64_MAX : in + g->offset_us;
}

size_t ebb_segment_events(const struct ebb_segment *g, uint64_t from_us, uint64_t to_us,
                          struct ebb_event *out, size_t max)
{
    uint64_t a = from_us > g->start_us ? from_us : g->start_us;
    if (a >= to_us)
        return 0;
    if (!out)
        max = 0;
    uint64_t pa = plan_us(g, a), pb = plan_us(g, to_us);
    size_t total = 0, n = 0;
    if (g->resumed && pa == 0) {
        /* time 0 on its own, so that the rows left out are not counted */
        struct ebb_event first[FIRST_ROWS_MAX];
        size_t k = ebb_breath_events(g->tl, 0, 1, first, FIRST_ROWS_MAX);
        for (size_t i = 0; i < k && i < FIRST_ROWS_MAX; i++) {
            if (ebb_segment_skips(&first[i]))
                continue;
            if (n < max) {
                out[n] = first[i];
                out[n].t_us = reader_us(g, first[i].t_us);
                n++;
            }
            total++;
        }
        pa = 1;
    }
    if (pa >= pb)
        return total;
    size_t got = ebb_breath_events(g->tl, pa, pb, n < max ? out + n : NULL, max - n);
    size_t written = got < max - n ? got : max - n;
    for (size_t i = 0; i < written; i++)
        out[n + i].t_us = reader_us(g, out[n + i].t_us);
    return total + got;
}

void ebb_events_upto(ebb_events_fn events, const void *ctx, uint64_t from_us, uint64_t to_us,
                     struct ebb_event *buf, size_t cap,
                     void (*visit)(void *vctx, const struct ebb_event *ev), void *vctx)
{
    while (from_us < to_us) {
        size_t total = events(ctx, from_us, to_us, buf, cap);
        size_t got = total < cap ? total : cap;
        uint64_t next = to_us;
        if (total > got) {
            /* more than fit: keep whole instants only, and go on from the cut */
            uint64_t cut = buf[got - 1].t_us;
            size_t keep = got;
            while (keep > 0 && buf[keep - 1].t_us == cut)
                keep--;
            if (keep > 0) {
                got = keep;
                next = cut;
            } else {
                next = cut + 1; /* one instant filled the batch: its rest is let go */
            }
        }
        for (size_t i = 0; i < got; i++)
            visit(vctx, &buf[i]);
        from_us = next;
    }
}
