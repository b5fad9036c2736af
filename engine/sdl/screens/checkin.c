/* checkin: the 0..10 slider asked before and after a session. The model first (keys,
 * pointer, layout: pure), then the translation of SDL events, then the drawing. */
#include "checkin.h"

#include <stdio.h>

#include "journal.h"
#include "keymap.h"
#include "render.h"

static float unit_of(int w, int h)
{
    return (float)(w < h ? w : h) / 720.0f;
}

static int clamp_value(int v)
{
    return v < 0 ? 0 : v > CHECKIN_MAX ? CHECKIN_MAX : v;
}

void checkin_init(struct checkin *c, enum checkin_question q)
{
    c->question = q;
    c->value = CHECKIN_MIDDLE;
    c->touched = false;
    c->dragging = false;
    c->finger_down = false;
    c->finger = 0;
}

void checkin_layout(int w, int h, struct checkin_layout *out)
{
    float u = unit_of(w, h);
    out->x0 = w * 0.2f;
    out->x1 = w * 0.8f;
    out->y = h * 0.5f;
    out->grab = 44 * u;
    out->knob_r = 17 * u;
    out->button = (SDL_FRect){w / 2.0f - 110 * u, h * 0.68f, 220 * u, 54 * u};
}

int checkin_value_at(const struct checkin_layout *l, float x)
{
    float span = l->x1 - l->x0;
    if (span <= 0)
        return 0;
    float f = (x - l->x0) / span * CHECKIN_MAX;
    return clamp_value((int)(f < 0 ? f - 0.5f : f + 0.5f));
}

float checkin_x_of(const struct checkin_layout *l, int value)
{
    return l->x0 + (l->x1 - l->x0) * (float)clamp_value(value) / CHECKIN_MAX;
}

bool checkin_on_slider(const struct checkin_layout *l, float x, float y)
{
    /* a little beyond each end, so 0 and 10 are easy to reach with a finger */
    float margin = l->grab;
    return x >= l->x0 - margin && x <= l->x1 + margin && y >= l->y - l->grab && y <= l->y + l->grab;
}

static bool in_rect(SDL_FRect r, float x, float y)
{
    return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

int checkin_digit(SDL_Keycode key)
{
    if (key >= SDLK_0 && key <= SDLK_9)
        return (int)(key - SDLK_0);
    if (key >= SDLK_KP_1 && key <= SDLK_KP_9)
        return (int)(key - SDLK_KP_1) + 1;
    if (key == SDLK_KP_0)
        return 0;
    return -1;
}

static enum checkin_result choose(struct checkin *c, int value)
{
    c->value = clamp_value(value);
    c->touched = true;
    return CHECKIN_CHANGED;
}

static enum checkin_result step(struct checkin *c, int delta)
{
    return choose(c, (c->touched ? c->value : CHECKIN_MIDDLE) + delta);
}

enum checkin_result checkin_key(struct checkin *c, SDL_Keycode key)
{
    int d = checkin_digit(key);
    if (d >= 0)
        return choose(c, d);
    switch (key) {
    case SDLK_LEFT:
    case SDLK_DOWN:
        return step(c, -1);
    case SDLK_RIGHT:
    case SDLK_UP:
        return step(c, 1);
    case SDLK_HOME:
        return choose(c, 0);
    case SDLK_END:
        return choose(c, CHECKIN_MAX);
    case SDLK_SPACE:
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        c->dragging = false;
        return CHECKIN_DONE;
    case SDLK_ESCAPE:
        c->dragging = false;
        return CHECKIN_LEAVE;
    default:
        return CHECKIN_PASS;
    }
}

enum checkin_result checkin_pointer(struct checkin *c, int w, int h, float x, float y, int kind)
{
    struct checkin_layout l;
    checkin_layout(w, h, &l);
    switch (kind) {
    case CHECKIN_POINTER_DOWN:
        if (checkin_on_slider(&l, x, y)) {
            c->dragging = true;
            return choose(c, checkin_value_at(&l, x));
        }
        return in_rect(l.button, x, y) ? CHECKIN_CHANGED : CHECKIN_PASS;
    case CHECKIN_POINTER_MOVE:
        if (!c->dragging)
            return CHECKIN_PASS;
        return choose(c, checkin_value_at(&l, x));
    case CHECKIN_POINTER_UP:
        if (c->dragging) {
            c->dragging = false;
            return CHECKIN_CHANGED;
        }
        return in_rect(l.button, x, y) ? CHECKIN_DONE : CHECKIN_PASS;
    default:
        return CHECKIN_PASS;
    }
}

static enum checkin_result pad(struct checkin *c, Uint8 button)
{
    switch (button) {
    case SDL_CONTROLLER_BUTTON_A:
        return CHECKIN_DONE;
    case SDL_CONTROLLER_BUTTON_B:
        return CHECKIN_LEAVE;
    case SDL_CONTROLLER_BUTTON_DPAD_LEFT:
    case SDL_CONTROLLER_BUTTON_DPAD_DOWN:
        return step(c, -1);
    case SDL_CONTROLLER_BUTTON_DPAD_RIGHT:
    case SDL_CONTROLLER_BUTTON_DPAD_UP:
        return step(c, 1);
    default:
        return CHECKIN_PASS;
    }
}

static enum checkin_result finger(struct checkin *c, const SDL_TouchFingerEvent *f, int kind, int w,
                                  int h)
{
    if (kind != CHECKIN_POINTER_DOWN && (!c->finger_down || f->fingerId != c->finger))
        return kind == CHECKIN_POINTER_UP ? checkin_pointer(c, w, h, f->x * w, f->y * h, kind)
                                          : CHECKIN_PASS;
    enum checkin_result r = checkin_pointer(c, w, h, f->x * w, f->y * h, kind);
    if (kind == CHECKIN_POINTER_DOWN && c->dragging) {
        c->finger_down = true;
        c->finger = f->fingerId;
    } else if (kind == CHECKIN_POINTER_UP) {
        c->finger_down = false;
    }
    return r;
}

enum checkin_result checkin_event(struct checkin *c, const SDL_Event *e, float sx, float sy, int w,
                                  int h)
{
    switch (e->type) {
    case SDL_KEYDOWN:
        return checkin_key(c, e->key.keysym.sym);
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        /* a touch arrives as SDL_FINGER* too: count it there, once */
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT)
            return e->button.which == SDL_TOUCH_MOUSEID ? CHECKIN_CHANGED : CHECKIN_PASS;
        return checkin_pointer(c, w, h, e->button.x * sx, e->button.y * sy,
                               e->type == SDL_MOUSEBUTTONDOWN ? CHECKIN_POINTER_DOWN
                                                              : CHECKIN_POINTER_UP);
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID)
            return CHECKIN_CHANGED;
        if (c->finger_down)
            return CHECKIN_PASS;
        return checkin_pointer(c, w, h, e->motion.x * sx, e->motion.y * sy, CHECKIN_POINTER_MOVE);
    case SDL_MOUSEWHEEL:
        if (e->wheel.which == SDL_TOUCH_MOUSEID || e->wheel.y == 0)
            return CHECKIN_PASS;
        return step(c, (e->wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -e->wheel.y : e->wheel.y) > 0
                           ? 1
                           : -1);
    case SDL_FINGERDOWN:
        return finger(c, &e->tfinger, CHECKIN_POINTER_DOWN, w, h);
    case SDL_FINGERMOTION:
        return finger(c, &e->tfinger, CHECKIN_POINTER_MOVE, w, h);
    case SDL_FINGERUP:
        return finger(c, &e->tfinger, CHECKIN_POINTER_UP, w, h);
    case SDL_CONTROLLERBUTTONDOWN:
        return pad(c, e->cbutton.button);
    default:
        return CHECKIN_PASS;
    }
}

int checkin_rating(const struct checkin *c)
{
    return c->touched ? c->value : EBB_JOURNAL_RATING_NONE;
}

/* ---- drawing ---- */

static const char *const questions[CHECKIN_QUESTION_COUNT] = {
    N_("How are you right now?"),
    N_("How are you now?"),
};

static void draw_track(const struct checkin *c, struct scene *sc, const struct checkin_layout *l,
                       float u)
{
    const struct theme *th = &sc->th;
    render_line(sc->ren, l->x0, l->y, l->x1, l->y, 6 * u, th->guide);
    render_disc(sc->ren, l->x0, l->y, 3 * u, 1.5f * u, th->guide);
    render_disc(sc->ren, l->x1, l->y, 3 * u, 1.5f * u, th->guide);
    int lh = text_line_height(sc->text, TEXT_SMALL);
    char num[8];
    for (int v = 0; v <= CHECKIN_MAX; v++) {
        float x = checkin_x_of(l, v);
        render_disc(sc->ren, x, l->y, 5 * u, 1.5f * u, th->guide);
        snprintf(num, sizeof num, "%d", v);
        bool chosen = c->touched && v == c->value;
        text_draw(sc->text, TEXT_SMALL, num, x, l->y + 26 * u, TEXT_CENTER,
                  chosen ? th->text : th->muted);
    }
    float wy = l->y + 26 * u + lh + 4 * u;
    text_draw(sc->text, TEXT_SMALL, _("calm"), l->x0, wy, TEXT_CENTER, th->muted);
    text_draw(sc->text, TEXT_SMALL, _("the worst"), l->x1, wy, TEXT_CENTER, th->muted);
    if (!c->touched)
        return; /* no marker until the person chooses: nothing looks chosen for them */
    float kx = checkin_x_of(l, c->value);
    render_disc(sc->ren, kx, l->y, l->knob_r, 2 * u, th->accent);
    snprintf(num, sizeof num, "%d", c->value);
    text_draw(sc->text, TEXT_LARGE, num, kx,
              l->y - l->knob_r - 12 * u - text_line_height(sc->text, TEXT_LARGE), TEXT_CENTER,
              th->text);
}

void checkin_draw(const struct checkin *c, struct scene *sc)
{
    struct checkin_layout l;
    checkin_layout(sc->w, sc->h, &l);
    float u = unit_of(sc->w, sc->h);
    const struct theme *th = &sc->th;
    float mid = sc->w / 2.0f;
    text_draw(sc->text, TEXT_LARGE, _(questions[c->question]), mid, sc->h * 0.17f, TEXT_CENTER,
              th->text);
    text_draw(sc->text, TEXT_BODY, _("0 is calm, 10 is the worst. Skipping is fine."), mid,
              sc->h * 0.17f + text_line_height(sc->text, TEXT_LARGE) + 10 * u, TEXT_CENTER,
              th->muted);
    draw_track(c, sc, &l, u);
    render_round_rect(sc->ren, l.button, 14 * u, th->panel);
    text_draw(sc->text, TEXT_BODY, c->touched ? _("Go on") : _("Skip"), l.button.x + l.button.w / 2,
              l.button.y + (l.button.h - text_line_height(sc->text, TEXT_BODY)) / 2, TEXT_CENTER,
              th->text);
    char keys[256];
    text_draw_fit(sc->text, TEXT_SMALL,
                  keymap_hint(c->touched ? KEYMAP_CHECKIN_SET : KEYMAP_CHECKIN, keys, sizeof keys),
                  mid, l.button.y + l.button.h + 22 * u, sc->w * 0.92f, 2, TEXT_CENTER, th->muted);
}
