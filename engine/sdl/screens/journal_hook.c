/* journal_hook: the record of a session, and the few steps the window program takes
 * around a session for the journal: check-in before, the offer of grounding, check-in
 * after, writing the record, the history screen. */
#include "journal_hook.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_internal.h"
#include "dirs.h"
#include "sound.h"

/* ---- the record ---- */

void journal_rec_begin(struct journal_rec *r, const char *id, double planned_s, int before,
                       time_t when, uint64_t now_us)
{
    memset(r, 0, sizeof *r);
    ebb_journal_record_init(&r->rec);
    snprintf(r->rec.exercise, sizeof r->rec.exercise, "%s", id ? id : "");
    ebb_journal_set_start(&r->rec, when);
    r->rec.planned_s = planned_s > 0 ? planned_s : 0;
    r->rec.rating_before = before;
    r->start_us = now_us;
    r->open = true;
}

void journal_rec_end(struct journal_rec *r, double actual_s, bool completed)
{
    if (!r->open || r->ended)
        return;
    r->rec.actual_s = actual_s > 0 ? actual_s : 0;
    r->rec.completed = completed;
    r->ended = true;
}

int journal_rec_write(struct journal_rec *r, const char *path, struct ebb_diags *diags)
{
    if (!r->open)
        return 0;
    r->open = false;
    if (!path || !path[0])
        return 0;
    return ebb_journal_append(path, &r->rec, diags);
}

/* ---- the glue ---- */

static const char *const my_screens[] = {"checkin", "suggest", "history"};

static void ready(struct app *a)
{
    struct journal_flow *f = &a->flow;
    if (f->ready)
        return;
    f->ready = true;
    f->rating_before = EBB_JOURNAL_RATING_NONE;
    /* a screenshot or a benchmark run (bench/, $EBB_BENCH) is nobody's session */
    const char *bench = getenv("EBB_BENCH");
    f->record_on = !a->opt->screenshot && !(bench && bench[0]);
    f->checkin_on = f->record_on && !a->opt->no_checkin;
    if (ebb_journal_default_path(getenv("XDG_STATE_HOME"), ebb_dirs_home(getenv("HOME")),
                                 f->path, sizeof f->path) != 0)
        f->path[0] = '\0';
}

/* Like app.c's set_screen, for the screens of this file. */
static void show(struct app *a, enum screen s)
{
    a->screen = s;
    a->dirty = true;
    a->finish_sel = FINISH_LIST;
    if (s >= SCREEN_CHECKIN && s <= SCREEN_HISTORY)
        testhook_log(&a->hook, "screen %s", my_screens[s - SCREEN_CHECKIN]);
    else
        testhook_log(&a->hook, "screen %s", s == SCREEN_FINISHED ? "finished" : "picker");
}

static void write_record(struct app *a)
{
    struct journal_flow *f = &a->flow;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    if (!f->rec.open)
        return;
    if (!f->record_on) {
        f->rec.open = false;
        return;
    }
    if (journal_rec_write(&f->rec, f->path, &d) != 0 && !f->warned) {
        launch_print(&d); /* one warning; the program goes on */
        f->warned = true;
    }
    testhook_log(&a->hook, "journal %s", d.count ? "failed" : "written");
}

bool journal_flow_before(struct app *a, const char *name)
{
    struct journal_flow *f = &a->flow;
    ready(a);
    if (f->passing || !f->checkin_on) {
        f->passing = false;
        return false;
    }
    snprintf(f->pending, sizeof f->pending, "%s", name);
    f->rating_before = EBB_JOURNAL_RATING_NONE;
    checkin_init(&f->checkin, CHECKIN_BEFORE);
    show(a, SCREEN_CHECKIN);
    return true;
}

void journal_flow_started(struct app *a)
{
    struct journal_flow *f = &a->flow;
    ready(a);
    const struct ebb_exercise *ex = a->launch.ex;
    const struct ebb_timeline *tl = ebb_session_timeline(a->session);
    double planned = 0;
    if (ex && ex->kind == EBB_KIND_BREATHING && tl)
        planned = (double)tl->end_us / 1e6;
    else if (ex)
        planned = ebb_exercise_length_s(a->lib, ex);
    journal_rec_begin(&f->rec, ex ? ex->id : "", planned, f->rating_before, time(NULL), a->now_us);
    f->rating_before = EBB_JOURNAL_RATING_NONE;
}

/* Seconds practised: the item's own clock (pauses not counted) for one exercise; for a
 * sequence the time since it started (the session keeps no total across items). */
static double practised_s(const struct app *a)
{
    struct ebb_session_view v;
    ebb_session_view(a->session, a->now_us, &v);
    if (v.item_count > 1)
        return (double)(a->now_us - a->flow.rec.start_us) / 1e6;
    double s = (double)v.item_elapsed_us / 1e6;
    const struct ebb_timeline *tl = ebb_session_timeline(a->session);
    if (tl && s > (double)tl->end_us / 1e6)
        s = (double)tl->end_us / 1e6;
    return s;
}

void journal_flow_session_end(struct app *a)
{
    struct journal_flow *f = &a->flow;
    if (!f->rec.open || f->rec.ended || !a->session)
        return;
    bool completed = ebb_session_finished(a->session);
    journal_rec_end(&f->rec, practised_s(a), completed);
    if (!completed || !f->checkin_on)
        write_record(a);
}

bool journal_flow_after(struct app *a)
{
    struct journal_flow *f = &a->flow;
    if (!f->rec.open || !f->checkin_on)
        return false;
    checkin_init(&f->checkin, CHECKIN_AFTER);
    show(a, SCREEN_CHECKIN);
    return true;
}

void journal_flow_quit(struct app *a)
{
    struct journal_flow *f = &a->flow;
    if (!f->rec.open)
        return;
    if (!f->rec.ended && a->session)
        journal_rec_end(&f->rec, practised_s(a), ebb_session_finished(a->session));
    write_record(a);
}

static void leave(struct app *a)
{
    app_leave(a, a->started_with_exercise ? AFTER_QUIT : AFTER_PICKER);
}

static void start(struct app *a, const char *name)
{
    char keep[JOURNAL_PATH_MAX];
    snprintf(keep, sizeof keep, "%s", name);
    a->flow.passing = true;
    if (app_start_session(a, keep) != 0) {
        a->flow.passing = false;
        if (a->started_with_exercise)
            app_leave(a, AFTER_QUIT);
        else
            app_to_picker(a);
    }
}

static void before_done(struct app *a)
{
    struct journal_flow *f = &a->flow;
    f->rating_before = checkin_rating(&f->checkin);
    testhook_log(&a->hook, "checkin before %d", f->rating_before);
    const struct ebb_exercise *ground = suggest_pick_grounding(a->lib);
    if (suggest_wanted(&f->suggest, f->rating_before, a->launch.ex, ground)) {
        suggest_open(&f->suggest, a->launch.ex, ground);
        show(a, SCREEN_SUGGEST);
        return;
    }
    start(a, f->pending);
}

static void after_done(struct app *a, bool leaving)
{
    struct journal_flow *f = &a->flow;
    f->rec.rec.rating_after = checkin_rating(&f->checkin);
    testhook_log(&a->hook, "checkin after %d", f->rec.rec.rating_after);
    write_record(a);
    if (leaving)
        leave(a);
    else
        show(a, SCREEN_FINISHED);
}

static bool checkin_input(struct app *a, const SDL_Event *e)
{
    struct journal_flow *f = &a->flow;
    bool after = f->checkin.question == CHECKIN_AFTER;
    switch (checkin_event(&f->checkin, e, a->scale_x, a->scale_y, a->sc.w, a->sc.h)) {
    case CHECKIN_PASS:
        return false;
    case CHECKIN_CHANGED:
        break;
    case CHECKIN_DONE:
        if (after)
            after_done(a, false);
        else
            before_done(a);
        break;
    case CHECKIN_LEAVE:
        if (after)
            after_done(a, true);
        else
            leave(a);
        break;
    default:
        break;
    }
    a->dirty = true;
    return true;
}

static bool suggest_input(struct app *a, const SDL_Event *e)
{
    struct journal_flow *f = &a->flow;
    switch (suggest_event(&f->suggest, e, a->scale_x, a->scale_y, a->sc.w, a->sc.h)) {
    case SUGGEST_PASS:
        return false;
    case SUGGEST_CHANGED:
        break;
    case SUGGEST_DONE:
        testhook_log(&a->hook, "suggest %s",
                     f->suggest.selected == SUGGEST_GROUNDING ? "grounding" : "keep");
        start(a, f->suggest.selected == SUGGEST_GROUNDING ? f->suggest.ground_id : f->pending);
        break;
    case SUGGEST_LEAVE:
        leave(a);
        break;
    default:
        break;
    }
    a->dirty = true;
    return true;
}

bool journal_flow_event(struct app *a, const SDL_Event *e)
{
    if (a->help || a->fading)
        return false; /* help closes first; a fade takes nothing */
    if (a->screen == SCREEN_CHECKIN)
        return checkin_input(a, e);
    if (a->screen == SCREEN_SUGGEST)
        return suggest_input(a, e);
    return false;
}

void journal_flow_history_key(struct app *a)
{
    struct journal_flow *f = &a->flow;
    ready(a);
    if (a->screen == SCREEN_HISTORY) {
        app_to_picker(a);
        return;
    }
    if (a->screen != SCREEN_PICKER)
        return;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    history_view_load(&f->history, f->path, time(NULL), &d);
    launch_print(&d);
    show(a, SCREEN_HISTORY);
}

void journal_flow_history_input(struct app *a, const struct input *in)
{
    if (in->action == IN_BACK || in->action == IN_PRESS)
        app_to_picker(a);
}

void journal_flow_draw(struct app *a)
{
    struct journal_flow *f = &a->flow;
    if (a->screen == SCREEN_CHECKIN)
        checkin_draw(&f->checkin, &a->sc);
    else if (a->screen == SCREEN_SUGGEST)
        suggest_draw(&f->suggest, &a->sc);
    else if (a->screen == SCREEN_HISTORY)
        history_view_draw(&f->history, &a->sc);
}
