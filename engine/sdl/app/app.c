/* app: the program a person sees. Opens the window, runs the loop (events, session
 * time, drawing only when the picture changes) and moves between the picker, the
 * session and the end screen. What each key does is in app_input.c. */
#include "app.h"

#include <SDL.h>
#include <SDL_image.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_internal.h"
#include "i18n.h"
#include "keymap.h"
#include "screenshot.h"
#include "sound.h"

static const char *const screen_names[SCREEN_COUNT] = {"picker",  "session", "finished",
                                                           "checkin", "suggest", "history"};

const char *app_screen_name(enum screen s)
{
    return s >= 0 && s < SCREEN_COUNT ? screen_names[s] : "-";
}

void app_notice(struct app *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->notice, sizeof a->notice, fmt, ap);
    va_end(ap);
    a->notice_until_us = a->now_us + APP_NOTICE_US;
    a->dirty = true;
}

static void set_screen(struct app *a, enum screen s)
{
    a->screen = s;
    a->dirty = true;
    a->finish_sel = FINISH_LIST; /* the end screen offers the list first, not "Again" */
    testhook_log(&a->hook, "screen %s", screen_names[s]);
}

/* Ends the session: its sound fades (ebb_audio_end lets go of the plan at once, so the
 * session can be freed right away). */
static void end_session(struct app *a)
{
    journal_flow_session_end(a); /* its journal record */
    if (!a->session)
        return;
    a->first_time = false; /* "Esc to stop" in the corner: the first session only */
    sound_leave(a->audio, (int)(APP_FADE_US / 1000));
    ebb_session_free(a->session);
    a->session = NULL;
}

int app_start_session(struct app *a, const char *name)
{
    char keep[4096];
    snprintf(keep, sizeof keep, "%s", name); /* name may point into the launch freed below */
    end_session(a);
    launch_free(&a->launch);
    if (launch_resolve(keep, a->lib, &a->launch) != 0) {
        app_notice(a, _("“%s” cannot be started: see the terminal"), keep);
        return -1;
    }
    if (journal_flow_before(a, keep))
        return 0; /* the check-in first; it starts the session */
    struct ebb_timeline_options topt;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    launch_timeline_options(a->opt, &a->state, a->launch.ex, &topt);
    a->session = ebb_session_new_items(a->launch.ex, a->launch.has_items ? a->launch.items : NULL,
                                       a->launch.item_count, &topt, a->now_us, &d);
    launch_print(&d);
    if (!a->session) {
        app_notice(a, _("“%s” cannot be started: see the terminal"), keep);
        return -1;
    }
    a->last_state = EBB_SESSION_RUNNING;
    a->hint_until_us = a->now_us + APP_HINT_US;
    a->hint_faint = false;
    a->reloads_seen = 0;
    journal_flow_started(a);
    sound_follow_on(a->audio, a->session, true, &a->clk);
    /* a saved edit applies at the next boundary (a sequence's is refused, with why) */
    reload_watch(&a->reload, a->launch.ex->path, a->now_us);
    set_screen(a, SCREEN_SESSION);
    testhook_log(&a->hook, "start %s", a->launch.ex->id);
    return 0;
}

/* The session stays (finished) until the person leaves, so the end bell rings out. */
void app_finish(struct app *a)
{
    journal_flow_session_end(a); /* its journal record */
    if (journal_flow_after(a))
        return; /* the check-in after, then the end screen */
    set_screen(a, SCREEN_FINISHED);
}

void app_to_picker(struct app *a)
{
    bool from_history = a->screen == SCREEN_HISTORY; /* the History row stays selected */
    end_session(a);
    const char *id = a->launch.ex && !from_history ? a->launch.ex->id : NULL;
    int keep = a->picker.selected;
    picker_refilter(&a->picker);
    for (int i = 0; id && i < a->picker.count; i++)
        if (strcmp(a->lib->entries[a->picker.rows[i]].id, id) == 0)
            keep = i;
    a->picker.selected = keep <= a->picker.count ? keep : 0;
    set_screen(a, SCREEN_PICKER);
}

void app_leave(struct app *a, enum after_fade after)
{
    if (a->fading)
        return;
    a->fading = true;
    a->after = after;
    /* the fade keeps wall time: the session's clock follows the sound card's, which
     * may stand still or jump while nothing plays, and leaving must never wait on it */
    a->fade_start_us = a->wall_us = clock_system_us();
    if (a->session)
        sound_leave(a->audio, (int)(APP_FADE_US / 1000));
}

/* ---- live reload (issue 7) ---- */

/* A saved edit that cannot run: the old version goes on; one line on stderr and a
 * quiet banner for a few seconds. */
static void refuse(struct app *a, const struct ebb_diags *d)
{
    char line[EBB_DIAG_FILE_MAX + EBB_DIAG_MESSAGE_MAX + 32];
    const struct ebb_diag *first = NULL;
    for (int i = 0; i < d->count && !first; i++)
        if (d->items[i].severity == EBB_SEVERITY_ERROR)
            first = &d->items[i];
    if (!first) {
        snprintf(line, sizeof line, "%.500s: error: cannot be read", a->reload.path);
    } else {
        ebb_diag_format(first, line, sizeof line);
    }
    fprintf(stderr, "%s\n", line);
    /* on screen the file's own name is enough (a long path would crowd the top line) */
    const char *file = first ? first->file : a->reload.path;
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    if (first && first->line > 0)
        app_notice(a, _("%s:%d: %s · the earlier version goes on"), base, first->line,
                   first->message);
    else
        app_notice(a, _("%s: %s · the earlier version goes on"), base,
                   first ? first->message : "cannot be read");
    a->notice_until_us = a->now_us + APP_BANNER_US;
    testhook_log(&a->hook, "reload refused %s", line);
}

/* The library entry of ex's id, when ex came from the library. */
static struct ebb_library_entry *entry_of(struct app *a, const char *id, const char *path)
{
    for (int i = 0; i < a->lib->count; i++) {
        struct ebb_library_entry *e = &a->lib->entries[i];
        if (strcmp(e->id, id) == 0 && e->path && path && strcmp(e->path, path) == 0)
            return e;
    }
    return NULL;
}

/* The library holds the new version from now on; the old one is kept alive (a session,
 * the end screen or a sequence may point at it). */
static void replace_entry(struct app *a, struct ebb_library_entry *e, const struct ebb_exercise *ex)
{
    if (!e || !reload_release(&a->reload, ex))
        return;
    reload_keep(&a->reload, e->ex);
    e->ex = (struct ebb_exercise *)ex;
    ebb_diags_clear(&e->diags);
    if (a->screen != SCREEN_PICKER)
        return;
    char filter[PICKER_FILTER_MAX];
    bool typing = a->picker.typing;
    snprintf(filter, sizeof filter, "%s", a->picker.filter);
    picker_init(&a->picker, a->lib, e->id, a->opt, &a->state); /* lengths again */
    snprintf(a->picker.filter, sizeof a->picker.filter, "%s", filter);
    a->picker.typing = typing;
    picker_refilter(&a->picker);
}

static void reload_session(struct app *a, const struct ebb_exercise *ex, struct ebb_diags *d)
{
    int rc = ebb_session_reload(a->session, ex, a->now_us, d);
    if (rc < 0) {
        refuse(a, d);
        return;
    }
    launch_print(d); /* its warnings */
    if (rc > 0)
        return;
    sound_reload(a->audio, a->session);
    struct ebb_session_reload_info r;
    ebb_session_reload_info(a->session, &r);
    testhook_log(&a->hook, "reload pending %s at %.6f", ex->id, (double)r.pending_at_us / 1e6);
    if (!a->launch.owned) /* started from the library: the picker shows the edit too */
        replace_entry(a, entry_of(a, ex->id, a->launch.ex->path), ex);
}

/* A waiting edit took over at its boundary (checked every turn). */
static void reload_applied(struct app *a)
{
    struct ebb_session_reload_info r;
    ebb_session_reload_info(a->session, &r);
    if (r.applied == a->reloads_seen)
        return;
    a->reloads_seen = r.applied;
    struct ebb_session_view v;
    ebb_session_view(a->session, a->now_us, &v);
    if (v.ex && v.ex->kind == EBB_KIND_GROUNDING)
        sound_reload(a->audio, a->session); /* its cue files */
    testhook_log(&a->hook, "reload applied %s at %.6f mark %d", v.ex ? v.ex->id : "-",
                 (double)r.applied_at_us / 1e6, r.applied_mark);
    a->dirty = true;
}

/* The screens on which app_reload looks at the file: elsewhere the look is not due, and a
 * wait shortened to it would never end (the loop would spin). */
static bool reload_looks(const struct app *a)
{
    return (a->screen == SCREEN_SESSION && a->session) || a->screen == SCREEN_PICKER;
}

int app_reload_wait_ms(const struct app *a, int wait)
{
    return reload_looks(a) ? reload_wait_ms(&a->reload, a->now_us, wait) : wait;
}

/* True while anything may still read ex: the library, what was launched, the session
 * or the sound. */
static bool version_in_use(const struct ebb_exercise *ex, void *ctx)
{
    const struct app *a = ctx;
    for (int i = 0; i < a->lib->count; i++)
        if (a->lib->entries[i].ex == ex)
            return true;
    if (a->launch.ex == ex || a->launch.owned == ex)
        return true;
    for (int i = 0; a->launch.has_items && i < EBB_ITEMS_MAX; i++)
        if (a->launch.items[i] == ex)
            return true;
    return ebb_session_uses(a->session, ex) || sound_reads(a->audio, ex, NULL);
}

static bool plan_read(const struct ebb_timeline *tl, void *ctx)
{
    const struct app *a = ctx;
    return sound_reads(a->audio, NULL, tl);
}

/* Frees the plans and versions that nothing reads any more, so that saving a script
 * again and again does not grow the program. */
static void collect(struct app *a, bool loaded)
{
    ebb_session_drop_retired(a->session, plan_read, a);
    size_t kept = reload_collect(&a->reload, version_in_use, a);
    if (loaded || kept != a->reload_kept_logged)
        testhook_log(&a->hook, "reload kept %zu", kept);
    a->reload_kept_logged = kept;
}

void app_reload(struct app *a)
{
    if (!reload_looks(a))
        return; /* the end screen, a check-in, history: the file is looked at again later */
    if (a->screen == SCREEN_SESSION) {
        reload_applied(a);
    } else {
        const struct ebb_library_entry *e = picker_selected(&a->picker);
        reload_watch(&a->reload, e ? e->path : NULL, a->now_us);
    }
    if (reload_wait_ms(&a->reload, a->now_us, 1) > 0)
        return;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    const struct ebb_exercise *ex;
    enum reload_result r = reload_poll(&a->reload, a->now_us, &ex, &d);
    if (r == RELOAD_BROKEN) {
        refuse(a, &d);
    } else if (r == RELOAD_LOADED && a->screen == SCREEN_SESSION) {
        reload_session(a, ex, &d);
    } else if (r == RELOAD_LOADED) {
        launch_print(&d);
        const struct ebb_library_entry *sel = picker_selected(&a->picker);
        replace_entry(a, sel ? entry_of(a, sel->id, sel->path) : NULL, ex);
        testhook_log(&a->hook, "reload picker %s", ex->id);
        a->dirty = true;
    }
    collect(a, r == RELOAD_LOADED);
}

/* The saved file as the one-line notice names it: under the home folder with "~", and by
 * its name alone when the folder would make the notice wrap over what is on screen. */
static const char *shown_path(const char *path, char *buf, size_t size)
{
    const char *home = getenv("HOME");
    size_t n = home ? strlen(home) : 0;
    const char *shown = path;
    if (n > 1 && strncmp(path, home, n) == 0 && path[n] == '/') {
        snprintf(buf, size, "~%s", path + n);
        shown = buf;
    }
    if (strlen(shown) > APP_NOTICE_PATH_MAX) {
        const char *slash = strrchr(path, '/');
        shown = slash ? slash + 1 : path;
    }
    return shown;
}

int app_screenshot(struct app *a, const char *path)
{
    char def[4096], err[512];
    if (!path) {
        if (screenshot_default_path(def, sizeof def) != 0) {
            app_notice(a, _("No folder for screenshots"));
            return -1;
        }
        path = def;
    }
    app_draw(a);
    if (screenshot_save(a->win.ren, a->sc.w, a->sc.h, path, err, sizeof err) != 0) {
        char q[sizeof def * EBB_ESCAPE_GROWTH];
        fprintf(stderr, "ebb: %s: %s\n", ebb_escape(path, q, sizeof q), err);
        app_notice(a, _("The screenshot could not be saved"));
        return -1;
    }
    if (path == def)
        app_notice(a, _("Saved %s"), shown_path(path, err, sizeof err));
    return 0;
}

static float until(uint64_t until_us, uint64_t now_us)
{
    return until_us > now_us ? 1.0f : 0.0f;
}

int app_keymap_screen(const struct app *a)
{
    switch (a->screen) {
    case SCREEN_PICKER: return KEYMAP_PICKER;
    case SCREEN_FINISHED: return KEYMAP_FINISHED;
    case SCREEN_CHECKIN: return a->flow.checkin.touched ? KEYMAP_CHECKIN_SET : KEYMAP_CHECKIN;
    case SCREEN_SUGGEST: return KEYMAP_SUGGEST;
    case SCREEN_HISTORY: return KEYMAP_HISTORY;
    case SCREEN_SESSION:
    default: {
        struct ebb_session_view v;
        if (!a->session)
            return KEYMAP_BREATHING;
        ebb_session_view(a->session, a->now_us, &v);
        if (v.state == EBB_SESSION_PAUSED)
            return KEYMAP_PAUSED;
        if (v.in_transition)
            return KEYMAP_TRANSITION;
        return v.ex && v.ex->kind == EBB_KIND_GROUNDING ? KEYMAP_GROUNDING : KEYMAP_BREATHING;
    }
    }
}

/* The hint line at the bottom, from the screen's key map; the check-in, the offer and
 * the history say their keys themselves, under what they are about. */
static void draw_hint(struct app *a)
{
    char line[256];
    if (a->help || a->screen == SCREEN_CHECKIN || a->screen == SCREEN_SUGGEST ||
        a->screen == SCREEN_HISTORY)
        return;
    float alpha = until(a->hint_until_us, a->now_us) * (a->hint_faint ? 0.6f : 1.0f);
    scene_hint(&a->sc, keymap_hint((enum keymap_screen)app_keymap_screen(a), line, sizeof line),
               alpha);
}

void app_draw(struct app *a)
{
    struct scene *sc = &a->sc;
    float sx, sy;
    window_output(&a->win, &sc->w, &sc->h, &sx, &sy);
    a->scale_x = sx;
    a->scale_y = sy;
    text_set_height(a->text, sc->h);
    text_set_bounds(a->text, sc->w, sc->h);
    scene_clear(sc);
    if (a->help) {
        scene_help(sc, a->help_screen); /* solid: nothing of the screen under it */
    } else if (a->screen == SCREEN_PICKER) {
        picker_draw(&a->picker, sc, &a->state, a->opt);
    } else if (a->screen == SCREEN_SESSION && a->session) {
        struct ebb_session_view v;
        ebb_session_view(a->session, a->now_us, &v);
        sc->first_time = a->first_time;
        scene_session(sc, &v, ebb_session_timeline(a->session));
    } else if (a->screen == SCREEN_FINISHED) {
        scene_finished(sc, a->launch.ex, a->finish_sel);
    } else {
        journal_flow_draw(a);
    }
    draw_hint(a);
    scene_notice(sc, a->notice, until(a->notice_until_us, a->now_us));
    if (a->fullscreen)
        scene_back_mark(sc, until(a->mouse_until_us, a->now_us),
                        a->screen == SCREEN_PICKER || a->started_with_exercise ? _("close")
                                                                               : _("← back"));
    if (a->fading)
        scene_fade(sc, (float)(a->wall_us - a->fade_start_us) / APP_FADE_US);
}
