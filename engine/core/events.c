/* events: the rows of a breathing session (prepare, phase starts, cues, end), read off
 * the timeline's plan for any range of time. The audio callback asks for every buffer
 * (~10 ms), export for the whole session, the session for what just happened; all get
 * the same rows, found by binary search and written without allocating. */
#include "events.h"

const char *ebb_event_cue_name(const struct ebb_event *ev)
{
    switch (ev->sound) {
    case EBB_SOUND_INHALE:
        return "inhale";
    case EBB_SOUND_EXHALE:
        return "exhale";
    case EBB_SOUND_HOLD:
        return "hold";
    case EBB_SOUND_BELL:
        return "bell";
    case EBB_SOUND_TICK:
        return "tick";
    case EBB_SOUND_FILE:
        if (ev->cue && ev->cue->name && ev->cue->name[0])
            return ev->cue->name;
        if (ev->cue && ev->cue->file && ev->cue->file[0])
            return ev->cue->file;
        return "file";
    case EBB_SOUND_NONE:
    default:
        return "none";
    }
}

const char *ebb_event_kind_name(enum ebb_event_kind k)
{
    static const char *const names[EBB_EVENT_COUNT] = {
        "prepare", "phase", "cue", "step", "press", "transition", "end", "voice",
    };
    if ((int)k < 0 || k >= EBB_EVENT_COUNT)
        return "-";
    return names[k];
}

size_t ebb_tsv_escape(const char *text, char *buf, size_t size)
{
    if (!buf || size == 0)
        return 0;
    if (!text || !text[0])
        text = "-";
    size_t n = 0;
    for (const char *p = text; *p; p++) {
        char esc = *p == '\\' ? '\\' : *p == '\t' ? 't' : *p == '\n' ? 'n' : 0;
        size_t need = esc ? 2 : 1;
        if (n + need >= size) /* an escape is never cut in half */
            break;
        if (esc) {
            buf[n++] = '\\';
            buf[n++] = esc;
        } else {
            buf[n++] = *p;
        }
    }
    buf[n] = '\0';
    return n;
}

static const struct ebb_phase *kept(const struct ebb_timeline *tl, int phase)
{
    return &tl->ex->phases[tl->phase_index[phase]];
}

static enum ebb_sound phase_sound(const struct ebb_timeline *tl, int phase)
{
    const struct ebb_phase *ph = kept(tl, phase);
    return ebb_sound_for(tl->ex, &ph->cue, 0, ph->kind);
}

/* Rows at 0 (PREPARE) and at the end (END): the row and, with cues, a bell. */
static size_t edge_rows(const struct ebb_timeline *tl)
{
    return tl->ex->audio.cues == EBB_CUES_NONE ? 1 : 2;
}

/* How many rows fall strictly before t: O(log cycles), from the plan's row counts. */
static size_t rows_before(const struct ebb_timeline *tl, uint64_t t)
{
    if (t == 0)
        return 0;
    size_t rows = edge_rows(tl);
    if (t <= tl->prepare_us)
        return rows;
    size_t per_cycle = (size_t)tl->event_rows_before[tl->phase_count];
    if (t > tl->end_us)
        return rows + (size_t)tl->cycle_count * per_cycle + edge_rows(tl);
    /* Phases 0..i of cycle k start at or before t - 1. */
    int k;
    uint64_t start, end;
    int i = ebb_timeline_locate(tl, t - 1, &k, &start, &end);
    return rows + (size_t)k * per_cycle + (size_t)tl->event_rows_before[i + 1];
}

static void put(struct ebb_event *out, size_t max, size_t *n, const struct ebb_event *ev)
{
    if (*n < max)
        out[*n] = *ev;
    (*n)++;
}

static void put_bell(const struct ebb_timeline *tl, uint64_t t, struct ebb_event *out, size_t max,
                     size_t *n)
{
    if (tl->ex->audio.cues == EBB_CUES_NONE)
        return;
    struct ebb_event ev = {.t_us = t, .kind = EBB_EVENT_CUE, .sound = EBB_SOUND_BELL};
    ev.text = ebb_event_cue_name(&ev);
    put(out, max, n, &ev);
}

static void put_phase(const struct ebb_timeline *tl, uint64_t t, int phase, struct ebb_event *out,
                      size_t max, size_t *n)
{
    const struct ebb_phase *ph = kept(tl, phase);
    struct ebb_event ev = {.t_us = t,
                           .kind = EBB_EVENT_PHASE,
                           .has_phase = 1,
                           .phase = ph->kind,
                           .side = ph->side,
                           .text = ph->text};
    put(out, max, n, &ev);
    ev.sound = phase_sound(tl, phase);
    if (ev.sound == EBB_SOUND_NONE)
        return;
    ev.kind = EBB_EVENT_CUE;
    ev.cue = &ph->cue;
    ev.text = ebb_event_cue_name(&ev);
    put(out, max, n, &ev);
}

size_t ebb_breath_events(const struct ebb_timeline *tl, uint64_t from_us, uint64_t to_us,
                         struct ebb_event *out, size_t max)
{
    if (!tl || !tl->cycle_start_us || from_us >= to_us)
        return 0;
    if (!out)
        max = 0;
    size_t total = rows_before(tl, to_us) - rows_before(tl, from_us);
    size_t n = 0;
    if (from_us == 0) {
        struct ebb_event ev = {.t_us = 0, .kind = EBB_EVENT_PREPARE, .text = tl->ex->title};
        put(out, max, &n, &ev);
        put_bell(tl, 0, out, max, &n);
    }
    struct ebb_boundary b;
    if (ebb_timeline_next_boundary(tl, from_us, &b) != 0)
        return total;
    uint64_t t = b.t_us;
    int k = b.cycle, i = b.phase;
    while (n < max && t < to_us) {
        if (i < 0) {
            struct ebb_event ev = {.t_us = t, .kind = EBB_EVENT_END};
            put(out, max, &n, &ev);
            put_bell(tl, t, out, max, &n);
            break;
        }
        put_phase(tl, t, i, out, max, &n);
        t += ebb_timeline_phase_us(tl, k, i);
        if (++i == tl->phase_count) {
            if (++k == tl->cycle_count) {
                k--;
                i = -1;
                t = tl->end_us;
            } else {
                i = 0;
                t = tl->cycle_start_us[k];
            }
        }
    }
    return total;
}
