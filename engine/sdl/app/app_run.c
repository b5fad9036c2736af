/* app_run: ebb_app_run: start-up (display, font, state, sound), the loop, and saving
 * what the person changed. The loop computes everything from the clock; it sleeps on
 * SDL_WaitEventTimeout whenever the picture is still (picker, pause, end screen). */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app_internal.h"
#include "i18n.h"
#include "benchhook.h"
#include "damage.h"
#include "journal.h"
#include "keymap.h"
#include "platform.h"
#include "quit_signals.h"
#include "sound.h"
#include "voice.h"

#define APP_STILL_TEST_MS 100   /* a test's keys, or a session between states */
#define APP_STILL_PAUSED_MS 500 /* paused: the clock is looked at twice a second */
#define APP_STILL_IDLE_MS 1000  /* the picker and the end screen */

static void open_pad(struct app *a, int index)
{
    for (int i = 0; i < APP_PADS_MAX; i++) {
        if (!a->pads[i]) {
            a->pads[i] = SDL_GameControllerOpen(index);
            return;
        }
    }
}

/* Fills what the command line and the settings left unset from the state file. */
static void apply_state(struct app *a, struct window_req *req)
{
    const struct ebb_options *o = a->opt;
    const struct ebb_state *st = &a->state;
    req->width = st->window_width > 0 ? st->window_width : 1280;
    req->height = st->window_height > 0 ? st->window_height : 720;
    req->display = o->display;
    a->fullscreen = o->fullscreen_fixed || o->fullscreen ? o->fullscreen : st->fullscreen == 1;
    req->fullscreen = a->fullscreen;
    a->volume_percent = o->volume_percent >= 0   ? o->volume_percent
                        : st->volume_percent >= 0 ? st->volume_percent
                                                  : 80;
    a->mute = o->mute_fixed || o->mute ? o->mute : st->mute == 1;
}

/* A person who has neither a state file nor a journal has not used ebb here before. */
static bool new_person(const struct app *a)
{
    char journal[4096];
    if (a->opt->screenshot || (a->state_path[0] && access(a->state_path, F_OK) == 0))
        return false;
    if (ebb_journal_default_path(getenv("XDG_STATE_HOME"), getenv("HOME"), journal,
                                 sizeof journal) == 0 &&
        access(journal, F_OK) == 0)
        return false;
    return true;
}

static int start_up(struct app *a)
{
    char err[512];
    if (platform_video_init(err, sizeof err) != 0) {
        fprintf(stderr, "ebb: cannot open the display: %s\n", err);
        return 1;
    }
    testhook_log(&a->hook, "video %s", SDL_GetCurrentVideoDriver());
    SDL_InitSubSystem(SDL_INIT_GAMECONTROLLER); /* no gamepads is fine */
    quit_signals_follow_term(); /* SIGHUP, SIGQUIT: as SIGTERM, the session recorded */
    launch_state_path(a->state_path, sizeof a->state_path);
    launch_state_load(&a->state, a->state_path);
    a->state_loaded = a->state;
    a->first_time = new_person(a);
    struct window_req req;
    apply_state(a, &req);
    if (window_open(&a->win, &req, err, sizeof err) != 0) {
        fprintf(stderr, "ebb: %s\n", err);
        return 1;
    }
    a->text = text_open(a->win.ren, err, sizeof err);
    if (!a->text) {
        fprintf(stderr, "ebb: %s\n", err);
        return 1;
    }
    a->sc.ren = a->win.ren;
    a->sc.text = a->text;
    awake_init(&a->awake, a->win.win);
    if (theme_find(a->opt->theme, &a->sc.th) != 0) {
        char q[1024];
        fprintf(stderr, "ebb: warning: no theme \"%s\" (there are %s); using dark\n",
                ebb_escape(a->opt->theme, q, sizeof q), theme_names());
    }
    a->sc.reduced_motion = a->opt->reduced_motion;
    a->sc.visual = a->opt->visual;
    char notice[256] = "";
    if (!a->opt->screenshot)
        a->audio = sound_open(a->volume_percent, a->mute, a->opt->eyes_closed, notice,
                              sizeof notice);
    if (notice[0])
        fprintf(stderr, "%s%s\n", strncmp(notice, "ebb:", 4) ? "ebb: " : "", notice);
    struct ebb_speech_choice voice = {.cli = a->opt->voice,
                                      .setting = (enum ebb_voice_mode)a->opt->voice_setting,
                                      .eyes_closed = a->opt->eyes_closed};
    char voices[4096];
    sound_voice(a->audio, &voice, ebb_voice_folder(voices, sizeof voices) ? voices : NULL);
    return 0;
}

static void shut_down(struct app *a)
{
    if (a->win.win && !a->fullscreen && !a->opt->screenshot) {
        int w, h;
        SDL_GetWindowSize(a->win.win, &w, &h);
        if (w != a->state.window_width || h != a->state.window_height) {
            a->state.window_width = w;
            a->state.window_height = h;
            a->state_dirty = true;
        }
    }
    if (a->win.win) {
        /* the window goes first: leaving is over for the person the moment it is gone;
         * letting the screen saver back (a D-Bus call that took 100 ms under Xvfb),
         * writing the state and the journal and closing the sound device take what they
         * take after it (docs/benchmark.md, the exit time) */
        SDL_HideWindow(a->win.win);
        testhook_log(&a->hook, "window hidden");
    }
    awake_release(&a->awake, &a->hook);
    if (a->state_dirty && a->state_path[0]) {
        struct ebb_diags d;
        ebb_diags_clear(&d);
        /* only what this window changed: another ebb's changes since stay */
        ebb_state_save_changes(&a->state_loaded, &a->state, a->state_path, &d);
        launch_print(&d);
    }
    /* first: the callback stops reading plans and exercises; bounded, whatever the
     * sound system does */
    bool audio_closed = sound_close(a->audio);
    journal_flow_quit(a); /* a session still open is recorded as left early */
    ebb_session_free(a->session);
    launch_free(&a->launch);
    reload_deinit(&a->reload); /* every version read: nothing points at them now */
    text_close(a->text);
    window_close(&a->win);
    for (int i = 0; i < APP_PADS_MAX; i++)
        if (a->pads[i])
            SDL_GameControllerClose(a->pads[i]);
    testhook_log(&a->hook, "exit %d", a->status);
    testhook_deinit(&a->hook);
    quit_signals_restore();
    if (audio_closed)
        SDL_Quit();
    else /* a device stuck in a dead server: SDL_Quit would wait for it for ever */
        SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_GAMECONTROLLER);
}

static void window_event(struct app *a, const SDL_Event *e)
{
    switch (e->window.event) {
    case SDL_WINDOWEVENT_MINIMIZED:
    case SDL_WINDOWEVENT_HIDDEN: a->visible = false; break;
    case SDL_WINDOWEVENT_RESTORED:
    case SDL_WINDOWEVENT_SHOWN:
    case SDL_WINDOWEVENT_EXPOSED:
    case SDL_WINDOWEVENT_MAXIMIZED: a->visible = true; break;
    default: break;
    }
    a->dirty = true;
}

static void event(struct app *a, const SDL_Event *e)
{
    struct input in;
    if (e->type == SDL_WINDOWEVENT) {
        window_event(a, e);
        return;
    }
    if (e->type == SDL_CONTROLLERDEVICEADDED) {
        open_pad(a, e->cdevice.which);
        return;
    }
    if (e->type == SDL_AUDIODEVICEREMOVED) {
        char notice[256];
        if (e->adevice.iscapture || e->adevice.which != sound_device_id(a->audio))
            return;
        sound_device_removed(a->audio, e->adevice.which, notice, sizeof notice);
        testhook_log(&a->hook, "sound removed"); /* what came of it: sound_news */
        return;
    }
    if (e->type == SDL_QUIT && quit_signals_caught()) {
        /* SIGTERM, SIGINT (a terminal's Ctrl+C, the system logging out): at once, with
         * no picture fade, so ebb is gone within 300 ms whatever the sound does; the
         * sound still fades (ebb_audio_close), the state and journal are written */
        testhook_log(&a->hook, "quit by signal");
        a->quit = true;
        return;
    }
    if (journal_flow_event(a, e))
        return; /* the check-in's slider and the offer take their own events */
    bool typing = a->screen == SCREEN_PICKER && a->picker.typing;
    if (input_translate(e, typing, a->scale_x, a->scale_y, a->sc.w, a->sc.h, &in))
        app_handle(a, &in);
}

/* What became of the sound device: one line for the person, once. */
static void sound_news(struct app *a)
{
    char notice[256];
    const char *what = sound_poll(a->audio, notice, sizeof notice);
    if (!what)
        return;
    if (notice[0])
        fprintf(stderr, "ebb: %s\n", notice);
    if (!strcmp(what, "silent"))
        app_notice(a, _("The sound went away; the session goes on silently"));
    else if (!strcmp(what, "back"))
        app_notice(a, _("The sound is back"));
    testhook_log(&a->hook, "sound %s", what);
}

/* Session time: events to the sound, pauses and the end to the screen. */
static void tick(struct app *a)
{
    if (!a->session || a->screen != SCREEN_SESSION)
        return;
    int item_before = -1;
    struct ebb_session_view v;
    ebb_session_view(a->session, a->now_us, &v);
    if (v.state != EBB_SESSION_TRANSITION)
        item_before = v.item;
    ebb_session_update(a->session, a->now_us);
    struct ebb_event ev;
    ebb_session_view(a->session, a->now_us, &v);
    while (ebb_session_next_event(a->session, &ev) == 0)
        sound_event(a->audio, v.ex, &ev);
    if (v.item_count > 1 && v.state != EBB_SESSION_TRANSITION && v.item != item_before)
        sound_follow_on(a->audio, a->session, true, &a->clk); /* a sequence's next item */
    if (a->clk.gen != a->clock_gen) { /* the session clock moved against the sound's */
        a->clock_gen = a->clk.gen;
        sound_follow_on(a->audio, a->session, false, &a->clk);
    }
    if (v.state != a->last_state) {
        testhook_log(&a->hook, "state %s", v.state == EBB_SESSION_PAUSED     ? "paused"
                                           : v.state == EBB_SESSION_FINISHED ? "finished"
                                                                             : "running");
        if (v.state == EBB_SESSION_PAUSED || a->last_state == EBB_SESSION_PAUSED)
            sound_follow_on(a->audio, a->session, false, &a->clk);
        a->last_state = v.state;
        a->dirty = true;
    }
    if (ebb_session_finished(a->session) && !a->fading)
        app_finish(a);
}

/* True while the picture of a running session changes by itself. A grounding step that
 * waits for a press (manual, fully faded in, not complete) and a transition that waits
 * for Space are still: nothing on them moves until an input, which marks the picture
 * dirty. A fade, the quiet pause after a completed step, a timed or tapped step and a
 * transition's countdown move. */
static bool moving(const struct app *a)
{
    if (a->screen != SCREEN_SESSION || !a->session ||
        (a->last_state != EBB_SESSION_RUNNING && a->last_state != EBB_SESSION_TRANSITION))
        return false;
    if (!ebb_session_waiting(a->session))
        return true;
    struct ebb_session_view v;
    ebb_session_view(a->session, a->now_us, &v);
    return !v.in_transition && v.step_fade < 1.0;
}

static bool transient(const struct app *a)
{
    return a->fading;
}

/* Hints, notices and the back mark show until a time, then go in one redraw: the loop
 * wakes for that and nothing is redrawn while they merely stand. Returns the ms to the
 * next such time (or `wait` when there is none sooner). */
static int expire(struct app *a, int wait)
{
    uint64_t *untils[] = {&a->hint_until_us, &a->notice_until_us, &a->mouse_until_us};
    for (size_t i = 0; i < sizeof untils / sizeof untils[0]; i++) {
        uint64_t u = *untils[i];
        if (!u)
            continue;
        if (u <= a->now_us) {
            *untils[i] = 0;
            a->dirty = true;
        } else if ((u - a->now_us) / 1000 + 1 < (uint64_t)wait) {
            wait = (int)((u - a->now_us) / 1000 + 1);
        }
    }
    return wait;
}

/* How long a still picture may sleep at most. A test's keys and jumps are due to 100 ms.
 * Paused, nothing moves until a key, a hint's end (expire) or a saved script
 * (reload_wait_ms): a look at the clock twice a second keeps a suspend seen as a jump. A
 * step or transition waiting for a press has no clock to watch (the session does not
 * count a gap there as a jump): it waits for a key like the picker. A session otherwise
 * still is about to change (a state being entered): 100 ms. The picker and the end
 * screen wait for a key. */
static int still_wait_ms(const struct app *a)
{
    if (testhook_pending(&a->hook))
        return APP_STILL_TEST_MS;
    if (!a->session || a->screen != SCREEN_SESSION)
        return APP_STILL_IDLE_MS;
    if (a->last_state == EBB_SESSION_PAUSED)
        return APP_STILL_PAUSED_MS;
    return ebb_session_waiting(a->session) ? APP_STILL_IDLE_MS : APP_STILL_TEST_MS;
}

/* The screen stays awake while a session runs (and for a while of a pause), never on
 * the picker, a check-in or the end screen (awake.h). */
static void keep_awake(struct app *a)
{
    bool shown = a->screen == SCREEN_SESSION && a->session && !a->quit && !a->fading;
    enum ebb_session_state st = a->last_state;
    awake_update(&a->awake, shown,
                 st == EBB_SESSION_RUNNING || st == EBB_SESSION_TRANSITION,
                 st == EBB_SESSION_PAUSED, a->now_us, &a->hook);
}

static void after_fade(struct app *a)
{
    if (!a->fading || a->wall_us - a->fade_start_us < APP_FADE_US)
        return;
    a->fading = false;
    if (a->after == AFTER_QUIT)
        a->quit = true;
    else if (a->after == AFTER_PICKER)
        app_to_picker(a);
}

/* Draws and presents the picture. On the software framebuffer only what changed since
 * the last present is redrawn and sent (damage.h): a slow breath or a ticking number
 * costs a few small rectangles, not the window. Returns false when nothing changed. */
static bool draw(struct app *a, struct damage *dmg, bool whole)
{
    SDL_Renderer *ren = a->win.ren;
    damage_begin(dmg, ren);
    app_draw(a); /* records what would be drawn, draws nothing */
    int n = damage_end(dmg, whole, a->sc.w, a->sc.h);
    if (n > 0 && !a->win.software) {
        app_draw(a); /* a GPU's back buffer is whole or nothing */
        window_present(&a->win);
        return true;
    }
    const SDL_Rect *rects = damage_rects(dmg);
    for (int i = 0; i < n; i++) {
        SDL_RenderSetClipRect(ren, &rects[i]);
        app_draw(a);
    }
    SDL_RenderSetClipRect(ren, NULL);
    window_present_rects(&a->win, rects, n);
    return n > 0;
}

/* Text the layout cut or drew past the edges: one log line per text (tests look). */
static void log_clips(struct app *a)
{
    const char *what;
    if (text_clips(a->text, &what) > 0)
        testhook_log(&a->hook, "clipped %s: %s", keymap_name(app_keymap_screen(a)), what);
    text_clips_reset(a->text);
}

static void loop(struct app *a)
{
    static struct damage dmg;   /* two frames' item lists: not on the stack */
    static struct benchhook bench;
    damage_init(&dmg);
    benchhook_init(&bench);
    a->win.unpaced = benchhook_unpaced(&bench);
    SDL_Event e;
    unsigned long frames = 0, unchanged = 0, wakes = 0;
    bool was_moving = false; /* the frame after motion stops shows where it stopped */
    while (!a->quit) {
        a->now_us = sound_now(a->audio, &a->clk); /* the sound leads */
        a->wall_us = clock_system_us();
        testhook_poll(&a->hook, &a->clk, a->fading);
        if (testhook_lose_sound(&a->hook)) { /* as when headphones are pulled */
            SDL_Event lost = {.adevice = {.type = SDL_AUDIODEVICEREMOVED,
                                          .which = sound_device_id(a->audio)}};
            SDL_PushEvent(&lost);
        }
        struct redraw_in r = {a->visible, a->dirty, was_moving || moving(a), transient(a)};
        if (redraw_animating(&r)) {
            while (SDL_PollEvent(&e))
                event(a, &e);
        } else {
            /* still: sleep until something happens (or a little, to keep time) */
            int wait = expire(a, still_wait_ms(a));
            wait = app_reload_wait_ms(a, wait); /* a saved script */
            bool woke = SDL_WaitEventTimeout(&e, wait);
            testhook_log(&a->hook, "wake %lu %s", ++wakes, app_screen_name(a->screen));
            if (woke) {
                event(a, &e);
                while (SDL_PollEvent(&e))
                    event(a, &e);
            }
        }
        a->now_us = sound_now(a->audio, &a->clk); /* the sound leads */
        a->wall_us = clock_system_us();
        sound_news(a);
        tick(a);
        app_reload(a);
        after_fade(a);
        keep_awake(a);
        expire(a, 0);
        bool now_moving = moving(a);
        r = (struct redraw_in){a->visible, a->dirty, now_moving || was_moving, transient(a)};
        was_moving = now_moving;
        if (a->quit || !redraw_needed(&r))
            continue;
        if (a->opt->screenshot) {
            app_draw(a);
            a->status = app_screenshot(a, a->opt->screenshot) == 0 ? 0 : 1;
            a->quit = true;
            continue;
        }
        benchhook_frame_begin(&bench);
        bool shown = draw(a, &dmg, a->dirty || benchhook_unpaced(&bench));
        benchhook_presented(&bench);
        if (benchhook_frame_end(&bench, a->sc.w, a->sc.h))
            a->quit = true;
        a->dirty = false;
        if (!shown) { /* woke and drew for nothing: a waiting picture should not */
            testhook_log(&a->hook, "unchanged %lu", ++unchanged);
            continue;
        }
        frames++;
        log_clips(a);
        testhook_log(&a->hook, "present %lu %s%s", frames,
                     a->screen == SCREEN_PICKER     ? "picker"
                     : a->screen == SCREEN_FINISHED ? "finished"
                     : a->last_state == EBB_SESSION_PAUSED ? "paused"
                                                           : "session",
                     a->help ? " help" : "");
    }
}

int ebb_app_run(const struct ebb_options *opt, struct ebb_library *lib)
{
    static struct app app; /* large (the picker's tables): not on the stack */
    struct app *a = &app;
    memset(a, 0, sizeof *a);
    a->opt = opt;
    a->lib = lib;
    a->visible = true;
    a->sc.visual = -1;
    testhook_init(&a->hook);
    reload_init(&a->reload);
    clock_init(&a->clk);
    a->now_us = clock_now(&a->clk);
    a->status = start_up(a);
    a->now_us = sound_now(a->audio, &a->clk); /* start-up took a while: a session begins now */
    if (a->status == 0) {
        picker_init(&a->picker, lib, opt->default_exercise, opt, &a->state);
        if (opt->exercise) {
            a->started_with_exercise = true;
            if (app_start_session(a, opt->exercise) != 0)
                a->status = 2;
        } else {
            app_to_picker(a);
        }
    }
    if (a->status == 0)
        loop(a);
    shut_down(a);
    return a->status;
}
