/* app_input: what each action does on each screen (DESIGN.md, Keys). */
#include <stdio.h>

#include "app_internal.h"
#include "i18n.h"
#include "keymap.h"
#include "screenshot.h"
#include "sound.h"

static void volume(struct app *a, int delta, bool toggle_mute)
{
    if (toggle_mute) {
        a->mute = !a->mute;
    } else {
        a->volume_percent += delta;
        a->volume_percent = a->volume_percent < 0 ? 0 : a->volume_percent > 100 ? 100
                                                                              : a->volume_percent;
        a->mute = false;
    }
    sound_volume(a->audio, a->volume_percent, a->mute);
    a->state.volume_percent = a->volume_percent;
    a->state.mute = a->mute ? 1 : 0;
    a->state_dirty = true;
    if (a->mute)
        app_notice(a, _("Sound off"));
    else
        app_notice(a, _("Volume %d%%"), a->volume_percent);
}

/* V: the voice on or off; in the picker it waits for the next session. */
static void voice(struct app *a)
{
    bool on = sound_toggle_voice(a->audio);
    testhook_log(&a->hook, "voice %s", on ? "on" : "off");
    app_notice(a, "%s", on ? _("Voice on") : _("Voice off"));
}

static void fullscreen(struct app *a)
{
    a->fullscreen = !a->fullscreen;
    window_set_fullscreen(&a->win, a->fullscreen);
    a->state.fullscreen = a->fullscreen ? 1 : 0;
    a->state_dirty = true;
}

/* F1: help lists the keys of the screen it was opened from. Over a running session the
 * session pauses first (help is a calm place: nothing runs on under it); closing help
 * leaves it paused, and Space goes on. */
static void help(struct app *a)
{
    a->help = !a->help;
    if (!a->help)
        return;
    a->help_screen = app_keymap_screen(a);
    testhook_log(&a->hook, "help %s", keymap_name((enum keymap_screen)a->help_screen));
    if (a->screen == SCREEN_SESSION && a->session) {
        struct ebb_session_view v;
        ebb_session_view(a->session, a->now_us, &v);
        if (v.state == EBB_SESSION_RUNNING || v.state == EBB_SESSION_TRANSITION) {
            ebb_session_act(a->session, EBB_ACTION_PAUSE, a->now_us);
            sound_follow_on(a->audio, a->session, false, &a->clk);
        }
    }
}

/* Actions that mean the same on every screen; true when handled. */
static bool common(struct app *a, const struct input *in)
{
    switch (in->action) {
    case IN_QUIT: app_leave(a, AFTER_QUIT); return true;
    case IN_FULLSCREEN: fullscreen(a); return true;
    case IN_HELP: help(a); return true;
    case IN_SCREENSHOT: app_screenshot(a, NULL); return true;
    case IN_VOLUME_UP: volume(a, 5, false); return true;
    case IN_VOLUME_DOWN: volume(a, -5, false); return true;
    case IN_MUTE: volume(a, 0, true); return true;
    case IN_VOICE: voice(a); return true;
    case IN_JOURNAL: journal_flow_history_key(a); return true;
    case IN_HIDE:
        a->sc.hide_numbers = !a->sc.hide_numbers;
        return true;
    case IN_MOTION:
        a->mouse_until_us = a->now_us + APP_HINT_US;
        a->hint_until_us = a->now_us + APP_HINT_US;
        return true;
    case IN_CLICK:
        if (a->fullscreen && a->mouse_until_us > a->now_us &&
            scene_back_hit(&a->sc, in->x, in->y)) {
            app_leave(a, a->screen == SCREEN_PICKER || a->started_with_exercise ? AFTER_QUIT
                                                                                : AFTER_PICKER);
            return true;
        }
        return false;
    default: return false;
    }
}

/* Enter or a click on a row: starts the selected exercise, or opens the history. */
static void open_selected(struct app *a)
{
    const struct ebb_library_entry *e = picker_selected(&a->picker);
    if (e)
        app_start_session(a, e->id);
    else if (picker_on_history(&a->picker))
        journal_flow_history_key(a);
}

static void picker_input(struct app *a, const struct input *in)
{
    struct picker *p = &a->picker;
    switch (in->action) {
    case IN_BACK:
        if (p->typing || p->filter[0])
            picker_clear_filter(p);
        else
            app_leave(a, AFTER_QUIT);
        break;
    case IN_FILTER:
        p->typing = true;
        p->fresh = true;
        break;
    case IN_TEXT: picker_type(p, in->text); break;
    case IN_BACKSPACE:
        if (p->filter[0])
            picker_backspace(p);
        else
            p->typing = false;
        break;
    case IN_UP: picker_move(p, -1); break;
    case IN_DOWN: picker_move(p, 1); break;
    case IN_WHEEL:
        if (picker_over_about(&a->sc, in->mouse_x))
            picker_scroll_about(p, -in->wheel * 3);
        else
            picker_move(p, -in->wheel);
        break;
    case IN_ABOUT_UP: picker_scroll_about(p, -3); break;
    case IN_ABOUT_DOWN: picker_scroll_about(p, 3); break;
    case IN_HOME: picker_jump(p, PICKER_HOME); break;
    case IN_END: picker_jump(p, PICKER_END); break;
    case IN_PAGE_UP: picker_jump(p, PICKER_PAGE_UP); break;
    case IN_PAGE_DOWN: picker_jump(p, PICKER_PAGE_DOWN); break;
    case IN_LEFT:
    case IN_RIGHT:
        a->state_dirty |= picker_change_length(p, &a->state, a->opt,
                                               in->action == IN_LEFT ? -1 : 1);
        break;
    case IN_SLOWER:
    case IN_FASTER:
        a->state_dirty |= picker_change_pace(p, &a->state, a->opt,
                                             in->action == IN_SLOWER ? -1 : 1);
        break;
    case IN_CLICK: {
        int row = picker_hit(p, &a->sc, in->x, in->y);
        if (row < 0)
            break;
        p->selected = row; /* a click starts the row (or opens the history) */
        open_selected(a);
        break;
    }
    case IN_PRESS:
        open_selected(a);
        break;
    default: break;
    }
}

static void session_input(struct app *a, const struct input *in)
{
    struct ebb_session_view v;
    ebb_session_view(a->session, a->now_us, &v);
    bool grounding = v.ex && v.ex->kind == EBB_KIND_GROUNDING && v.state != EBB_SESSION_PAUSED;
    switch (in->action) {
    case IN_BACK:
        app_leave(a, a->started_with_exercise ? AFTER_QUIT : AFTER_PICKER);
        return;
    case IN_PRESS:
    case IN_CLICK: ebb_session_act(a->session, EBB_ACTION_PRESS, a->now_us); break;
    case IN_PAUSE: ebb_session_act(a->session, EBB_ACTION_PAUSE, a->now_us); break;
    case IN_SKIP:
    case IN_RIGHT:
        if (grounding || v.state == EBB_SESSION_TRANSITION)
            ebb_session_act(a->session, EBB_ACTION_SKIP, a->now_us);
        break;
    case IN_BACKSPACE:
        if (grounding)
            ebb_session_act(a->session, EBB_ACTION_UNDO, a->now_us);
        break;
    default: return;
    }
    sound_follow_on(a->audio, a->session, false, &a->clk);
}

static void finished_input(struct app *a, const struct input *in)
{
    int choice = -1;
    switch (in->action) {
    case IN_BACK: app_leave(a, a->started_with_exercise ? AFTER_QUIT : AFTER_PICKER); return;
    case IN_UP: a->finish_sel = a->finish_sel > 0 ? a->finish_sel - 1 : 0; return;
    case IN_DOWN:
        a->finish_sel = a->finish_sel < FINISH_COUNT - 1 ? a->finish_sel + 1 : FINISH_COUNT - 1;
        return;
    case IN_PRESS: choice = a->finish_sel; break;
    case IN_CLICK: choice = scene_finished_hit(&a->sc, in->x, in->y); break;
    default: return;
    }
    if (choice == FINISH_AGAIN && a->launch.ex) {
        char id[EBB_ID_MAX + 1];
        snprintf(id, sizeof id, "%s", a->launch.ex->id);
        app_start_session(a, a->launch.owned ? a->launch.owned->path : id);
    } else if (choice == FINISH_LIST) {
        app_to_picker(a);
    } else if (choice == FINISH_QUIT) {
        app_leave(a, AFTER_QUIT);
    }
}

void app_handle(struct app *a, const struct input *in)
{
    a->dirty = true;
    if (a->screen == SCREEN_SESSION && in->action != IN_HIDE) {
        /* any key or movement brings the hint (how to stop) back, faintly */
        a->hint_until_us = a->now_us + APP_HINT_US;
        a->hint_faint = true;
    }
    if (a->fading) {
        if (in->action == IN_QUIT)
            a->quit = true; /* a second close: at once */
        return;
    }
    if (a->help && (in->action == IN_BACK || in->action == IN_PRESS || in->action == IN_CLICK)) {
        a->help = false;
        return;
    }
    bool typing = a->screen == SCREEN_PICKER && a->picker.typing;
    if (!typing && common(a, in))
        return;
    if (typing && (in->action == IN_QUIT || in->action == IN_FULLSCREEN ||
                   in->action == IN_HELP || in->action == IN_MOTION) && common(a, in))
        return;
    switch (a->screen) {
    case SCREEN_PICKER: picker_input(a, in); break;
    case SCREEN_SESSION: session_input(a, in); break;
    case SCREEN_FINISHED: finished_input(a, in); break;
    case SCREEN_HISTORY: journal_flow_history_input(a, in); break;
    default: break;
    }
}
