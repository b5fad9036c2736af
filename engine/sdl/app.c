/* app: the program a person sees. Opens the window, runs the loop (events, session
 * time, drawing only when the picture changes) and moves between the picker, the
 * session and the end screen. What each key does is in app_input.c. */
#include "app.h"

#include <SDL.h>
#include <SDL_image.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "app_internal.h"
#include "screenshot.h"
#include "sound.h"

static const char *const screen_names[SCREEN_COUNT] = {"picker",  "session", "finished",
                                                           "checkin", "suggest", "history"};

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
    a->finish_sel = 0;
    testhook_log(&a->hook, "screen %s", screen_names[s]);
}

static void end_session(struct app *a)
{
    journal_flow_session_end(a); /* its journal record */
    if (!a->session)
        return;
    ebb_session_free(a->retired); /* the audio moved past it when a->session began */
    a->retired = a->session;
    a->session = NULL;
}

int app_start_session(struct app *a, const char *name)
{
    char keep[4096];
    snprintf(keep, sizeof keep, "%s", name); /* name may point into the launch freed below */
    end_session(a);
    launch_free(&a->retired_launch);
    a->retired_launch = a->launch; /* still read by the audio until the next begin */
    memset(&a->launch, 0, sizeof a->launch);
    if (launch_resolve(keep, a->lib, &a->launch) != 0) {
        app_notice(a, "“%s” cannot be started: see the terminal", keep);
        return -1;
    }
    if (journal_flow_before(a, keep))
        return 0; /* the check-in first; it starts the session */
    struct ebb_timeline_options topt;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    launch_timeline_options(a->opt, &a->state, a->launch.ex, &topt);
    a->session = ebb_session_new(a->launch.ex, a->launch.has_items ? a->launch.items : NULL,
                                 &topt, a->now_us, &d);
    launch_print(&d);
    if (!a->session) {
        app_notice(a, "“%s” cannot be started: see the terminal", keep);
        return -1;
    }
    a->last_state = EBB_SESSION_RUNNING;
    a->hint_until_us = a->now_us + APP_HINT_US;
    journal_flow_started(a);
    sound_follow(a->audio, a->session, true);
    set_screen(a, SCREEN_SESSION);
    testhook_log(&a->hook, "start %s", a->launch.ex->id);
    return 0;
}

void app_finish(struct app *a)
{
    end_session(a);
    if (journal_flow_after(a))
        return; /* the check-in after, then the end screen */
    set_screen(a, SCREEN_FINISHED);
}

void app_to_picker(struct app *a)
{
    end_session(a);
    const char *id = a->launch.ex ? a->launch.ex->id : NULL;
    int keep = a->picker.selected;
    picker_refilter(&a->picker);
    for (int i = 0; id && i < a->picker.count; i++)
        if (strcmp(a->lib->entries[a->picker.rows[i]].id, id) == 0)
            keep = i;
    a->picker.selected = keep < a->picker.count ? keep : 0;
    set_screen(a, SCREEN_PICKER);
}

void app_leave(struct app *a, enum after_fade after)
{
    if (a->fading)
        return;
    a->fading = true;
    a->after = after;
    a->fade_start_us = a->now_us;
    if (a->session)
        sound_leave(a->audio, (int)(APP_FADE_US / 1000));
}

int app_screenshot(struct app *a, const char *path)
{
    char def[4096], err[512];
    if (!path) {
        if (screenshot_default_path(def, sizeof def) != 0) {
            app_notice(a, "No folder for screenshots");
            return -1;
        }
        path = def;
    }
    app_draw(a);
    if (screenshot_save(a->win.ren, a->sc.w, a->sc.h, path, err, sizeof err) != 0) {
        fprintf(stderr, "ebb: %s: %s\n", path, err);
        app_notice(a, "The screenshot could not be saved");
        return -1;
    }
    if (path == def)
        app_notice(a, "Saved %s", path);
    return 0;
}

static float until(uint64_t until_us, uint64_t now_us)
{
    return until_us > now_us ? 1.0f : 0.0f;
}

static const char *hint_line(const struct app *a)
{
    switch (a->screen) {
    case SCREEN_PICKER: return "Enter starts  ·  ← → length  ·  [ ] pace  ·  F1 help";
    case SCREEN_SESSION: return "Space pauses  ·  Escape leaves  ·  H hides this  ·  F1 help";
    default: return "Enter chooses  ·  Escape leaves";
    }
}

void app_draw(struct app *a)
{
    struct scene *sc = &a->sc;
    float sx, sy;
    window_output(&a->win, &sc->w, &sc->h, &sx, &sy);
    a->scale_x = sx;
    a->scale_y = sy;
    text_set_height(a->text, sc->h);
    scene_clear(sc);
    if (a->screen == SCREEN_PICKER) {
        picker_draw(&a->picker, sc, &a->state, a->opt);
    } else if (a->screen == SCREEN_SESSION && a->session) {
        struct ebb_session_view v;
        ebb_session_view(a->session, a->now_us, &v);
        scene_session(sc, &v, ebb_session_timeline(a->session));
    } else if (a->screen == SCREEN_FINISHED) {
        scene_finished(sc, a->launch.ex, a->finish_sel);
    } else {
        journal_flow_draw(a);
    }
    if (a->help)
        scene_help(sc);
    if (!a->help)
        scene_hint(sc, hint_line(a), until(a->hint_until_us, a->now_us));
    scene_notice(sc, a->notice, until(a->notice_until_us, a->now_us));
    if (a->fullscreen)
        scene_back_mark(sc, until(a->mouse_until_us, a->now_us));
    if (a->fading)
        scene_fade(sc, (float)(a->now_us - a->fade_start_us) / APP_FADE_US);
}
