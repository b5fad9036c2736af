/* session_items: a sequence's items one after another. An item ends (its plan's end, or
 * its last step), then a transition shows what comes next for the sequence's `pause`
 * seconds, or until a key when the pause is 0; a single exercise is a sequence of one
 * item that finishes at its end. */
#include "session_int.h"

#include <string.h>

int session_items_check(const struct ebb_exercise *ex, const struct ebb_exercise *const *items,
                        int count, struct ebb_diags *diags)
{
    const char *file = ex->path ? ex->path : ex->id;
    if (ex->kind != EBB_KIND_SEQUENCE)
        return 0;
    if (!items || count < 1) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, 0,
                      "the sequence \"%s\" has no resolved items to run", ex->id);
        return -1;
    }
    for (int i = 0; i < count; i++) {
        if (!items[i] || items[i]->kind == EBB_KIND_SEQUENCE) {
            int line = ex->item_lines && i < ex->item_count ? ex->item_lines[i] : 0;
            ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, line,
                          "item %d of the sequence \"%s\" must be a breathing or grounding "
                          "exercise, not %s",
                          i + 1, ex->id, items[i] ? "another sequence" : "missing");
            return -1;
        }
    }
    return 0;
}

/* Pace and holds carry over to a sequence's items, lengths do not (each item keeps its
 * own). */
void session_items_options(const struct ebb_exercise *ex, const struct ebb_timeline_options *opt,
                           struct ebb_timeline_options *out)
{
    if (opt)
        *out = *opt;
    else
        ebb_timeline_options_default(out);
    if (ex->kind == EBB_KIND_SEQUENCE) {
        out->cycles = 0;
        out->minutes = 0.0;
    }
}

void session_item_start(struct ebb_session *s, int index, uint64_t at_clock_us)
{
    s->item = index;
    s->origin_us = at_clock_us;
    s->done_us = 0;
    s->step = 0;
    s->presses = 0;
    s->next_tap = 0;
    memset(s->pressed, 0, sizeof s->pressed);
    const struct ebb_exercise *ex = session_current(s);
    if (ex->kind != EBB_KIND_GROUNDING)
        session_set_stage(s, EBB_SESSION_STAGE_BREATHING);
    else if (ex->step_count > 0)
        session_step_start(s, 0, 0);
    else
        session_item_end(s, 0);
}

/* Breathing items queue their own END and bell from the plan; in a sequence only the
 * last END is kept, so timeline.tsv has one `end` row. */
void session_item_end(struct ebb_session *s, uint64_t at_us)
{
    const struct ebb_exercise *ex = session_current(s);
    uint64_t at_clock = s->origin_us + at_us;
    if (ex->kind != EBB_KIND_BREATHING) {
        if (session_last_item(s))
            session_emit(s, at_us, EBB_EVENT_END, EBB_SIDE_NONE, NULL);
        if (ex->audio.cues != EBB_CUES_NONE)
            session_emit_cue(s, at_us, EBB_SOUND_BELL, NULL, EBB_SIDE_NONE);
    }
    s->ended_in = s->stage;
    if (session_last_item(s)) {
        session_set_stage(s, EBB_SESSION_STAGE_FINISHED);
        return;
    }
    session_set_stage(s, EBB_SESSION_STAGE_TRANSITION);
    s->origin_us = at_clock;
    session_emit(s, 0, EBB_EVENT_TRANSITION, EBB_SIDE_NONE, s->items[s->item + 1]->title);
}

bool session_transition_advance(struct ebb_session *s, uint64_t loc)
{
    uint64_t wait = session_us_of(s->ex->pause_s);
    if (wait == 0 || loc < wait)
        return false;
    session_item_start(s, s->item + 1, s->origin_us + wait);
    return true;
}

bool session_transition_act(struct ebb_session *s, enum ebb_action a, uint64_t now_us)
{
    if (a != EBB_ACTION_PRESS && a != EBB_ACTION_SKIP)
        return false;
    session_item_start(s, s->item + 1, now_us);
    return true;
}

void session_transition_view(const struct ebb_session *s, uint64_t loc,
                             struct ebb_session_view *out)
{
    out->in_transition = true;
    out->next = s->items[s->item + 1];
    uint64_t wait = session_us_of(s->ex->pause_s);
    out->transition_left_s = wait > loc ? (double)(wait - loc) / 1e6 : 0.0;
    if (s->has_plan[s->item]) /* the item that ended, as it ended */
        ebb_timeline_at(&s->plans[s->item], s->plans[s->item].end_us, &out->frame);
}

bool session_transition_waiting(const struct ebb_session *s)
{
    return session_us_of(s->ex->pause_s) == 0;
}
