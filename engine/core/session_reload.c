/* session_reload: live reload of a single exercise. A saved version waits for the next
 * boundary (breathing: the next cycle start, or the end of prepare; grounding: the next
 * step) and takes over there; until then the old version runs. A breathing plan once
 * handed out is kept until the session ends or nobody reads it (the sound may still). */
#include "session_int.h"

#include <stdlib.h>
#include <string.h>

const struct ebb_timeline *session_plan(const struct ebb_session *s)
{
    return s->live ? s->live : &s->plans[s->item];
}

/* Keeps a replaced plan until the session ends (the audio may still read it); room
 * was reserved by ebb_session_reload, so this cannot fail. */
static void retire(struct ebb_session *s, struct ebb_timeline *tl)
{
    if (tl)
        s->retired[s->retired_count++] = tl;
}

/* The breathing boundary of a pending reload is reached: the item's origin moves
 * there and the new plan runs on from its own time pending_offset_us. */
static void apply_breath(struct ebb_session *s)
{
    uint64_t at = s->pending_at_us;
    retire(s, s->live);
    s->live = s->pending;
    s->pending = NULL;
    s->origin_us += at;
    s->rebase_us += at;
    s->plan_offset_us = s->pending_offset_us;
    s->done_us = 0;
    s->ex = s->pending_ex;
    s->pending_ex = NULL;
    s->reloads++;
    s->reload_at_us = s->origin_us - s->start_us;
    s->reload_mark = s->pending_mark;
}

bool session_reload_breath(struct ebb_session *s, uint64_t loc)
{
    if (!s->pending || loc < s->pending_at_us)
        return false;
    if (s->pending_at_us > 0)
        session_breath_until(s, s->pending_at_us - 1); /* the old version up to its boundary */
    apply_breath(s);
    return true;
}

void session_reload_step(struct ebb_session *s, uint64_t at_us)
{
    if (!s->pending_ex || s->items)
        return;
    s->ex = s->pending_ex;
    s->pending_ex = NULL;
    s->reloads++;
    s->reload_at_us = s->origin_us + at_us - s->start_us;
    s->reload_mark = s->step + 1;
}

void session_reload_free(struct ebb_session *s)
{
    struct ebb_timeline *own[] = {s->live, s->pending};
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
        ebb_timeline_deinit(own[i]);
        free(own[i]);
    }
    for (size_t i = 0; i < s->retired_count; i++) {
        ebb_timeline_deinit(s->retired[i]);
        free(s->retired[i]);
    }
    free(s->retired);
}

/* Room for two more retired plans (the pending one replaced, the live one at apply). */
static int reserve(struct ebb_session *s)
{
    if (s->retired_count + 2 <= s->retired_cap)
        return 0;
    size_t cap = s->retired_cap ? s->retired_cap * 2 : 8;
    struct ebb_timeline **n = realloc(s->retired, cap * sizeof *n);
    if (!n)
        return -1;
    s->retired = n;
    s->retired_cap = cap;
    return 0;
}

/* The new version's plan, and the cycle of the running plan it takes over at. */
static struct ebb_timeline *reload_plan(struct ebb_session *s, const struct ebb_exercise *ex,
                                        int from_cycle, struct ebb_diags *diags)
{
    struct ebb_timeline *np = calloc(1, sizeof *np);
    if (!np)
        return NULL;
    struct ebb_timeline_options o = s->opt;
    if (ebb_timeline_init(np, ex, &o, diags) == 0 && np->cycle_count < from_cycle) {
        /* the new version is shorter than what has been done: it ends at the boundary */
        ebb_timeline_deinit(np);
        o.cycles = from_cycle;
        o.minutes = 0.0;
        if (ebb_timeline_init(np, ex, &o, diags) == 0)
            return np;
    } else if (np->cycle_start_us) {
        return np;
    }
    ebb_timeline_deinit(np);
    free(np);
    return NULL;
}

/* A breathing version waits for the start of the next cycle (or the end of prepare). */
static int schedule_breath(struct ebb_session *s, const struct ebb_exercise *ex,
                           struct ebb_diags *diags)
{
    const struct ebb_timeline *tl = session_plan(s);
    uint64_t pt = session_local_at(s, s->last_us) + s->plan_offset_us;
    int next = 0; /* the cycle whose start is the next boundary */
    if (pt >= tl->prepare_us) {
        struct ebb_frame f;
        ebb_timeline_at(tl, pt, &f);
        if (f.done)
            return 1;
        next = f.cycle + 1;
    }
    struct ebb_timeline *np = reload_plan(s, ex, next, diags);
    if (!np)
        return -1;
    retire(s, s->pending);
    s->pending = np;
    s->pending_ex = ex;
    s->pending_at_us = tl->cycle_start_us[next] - s->plan_offset_us;
    s->pending_offset_us = np->cycle_start_us[next];
    s->pending_mark = next;
    return 0;
}

int ebb_session_reload(struct ebb_session *s, const struct ebb_exercise *ex, uint64_t now_us,
                       struct ebb_diags *diags)
{
    if (!s || !ex)
        return -1;
    const char *file = ex->path ? ex->path : ex->id;
    if (s->items) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, 0,
                      "a running sequence does not change; start it again to use the edit");
        return -1;
    }
    if (ex->kind != s->ex->kind) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, 0,
                      "the kind changed from %s to %s; start the exercise again to use the edit",
                      ebb_kind_name(s->ex->kind), ebb_kind_name(ex->kind));
        return -1;
    }
    ebb_session_update(s, now_us);
    if (s->stage == EBB_SESSION_STAGE_FINISHED)
        return 1;
    if (reserve(s) != 0) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, 0, "out of memory");
        return -1;
    }
    if (ex->kind == EBB_KIND_GROUNDING) {
        s->pending_ex = ex; /* from the next step on */
        return 0;
    }
    return schedule_breath(s, ex, diags);
}

bool ebb_session_uses(const struct ebb_session *s, const struct ebb_exercise *ex)
{
    if (!s || !ex)
        return false;
    if (s->ex == ex || s->pending_ex == ex || (s->live && s->live->ex == ex) ||
        (s->pending && s->pending->ex == ex))
        return true;
    for (int i = 0; i < s->item_count; i++)
        if ((s->items && s->items[i] == ex) || (s->has_plan[i] && s->plans[i].ex == ex))
            return true;
    for (size_t i = 0; i < s->retired_count; i++)
        if (s->retired[i]->ex == ex)
            return true;
    return false;
}

void ebb_session_drop_retired(struct ebb_session *s,
                              bool (*read)(const struct ebb_timeline *plan, void *ctx), void *ctx)
{
    if (!s)
        return;
    size_t kept = 0;
    for (size_t i = 0; i < s->retired_count; i++) {
        struct ebb_timeline *tl = s->retired[i];
        if (read && read(tl, ctx)) {
            s->retired[kept++] = tl;
        } else {
            ebb_timeline_deinit(tl);
            free(tl);
        }
    }
    s->retired_count = kept;
}

void ebb_session_reload_info(const struct ebb_session *s, struct ebb_session_reload_info *out)
{
    memset(out, 0, sizeof *out);
    if (!s)
        return;
    out->applied = s->reloads;
    out->applied_at_us = s->reload_at_us;
    out->applied_mark = s->reload_mark;
    out->rebase_us = s->rebase_us;
    out->pending = s->pending_ex != NULL;
    if (s->pending) {
        out->pending_at_us = s->origin_us + s->pending_at_us - s->start_us;
        out->pending_plan = s->pending;
        out->pending_sound_us = s->rebase_us + s->pending_at_us;
        out->pending_offset_us = s->pending_offset_us;
    }
}
