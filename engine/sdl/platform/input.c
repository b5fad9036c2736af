/* input: the key table and the translation of mouse, touch, wheel and gamepad. */
#include "input.h"

#include <string.h>

struct key_map {
    SDL_Keycode key;
    enum input_action action;
    bool typed; /* a printable key: while typing a filter it is text, not an action */
};

static const struct key_map key_map[] = {
    {SDLK_ESCAPE, IN_BACK, false},      {SDLK_q, IN_QUIT, true},
    {SDLK_SPACE, IN_PRESS, true},       {SDLK_RETURN, IN_PRESS, false},
    {SDLK_KP_ENTER, IN_PRESS, false},   {SDLK_p, IN_PAUSE, true},
    {SDLK_UP, IN_UP, false},            {SDLK_DOWN, IN_DOWN, false},
    {SDLK_LEFT, IN_LEFT, false},        {SDLK_RIGHT, IN_RIGHT, false},
    {SDLK_LEFTBRACKET, IN_SLOWER, true}, {SDLK_RIGHTBRACKET, IN_FASTER, true},
    {SDLK_BACKSPACE, IN_BACKSPACE, false}, {SDLK_n, IN_SKIP, true},
    {SDLK_SLASH, IN_FILTER, true},      {SDLK_KP_DIVIDE, IN_FILTER, true},
    {SDLK_f, IN_FULLSCREEN, true},      {SDLK_F11, IN_FULLSCREEN, false},
    {SDLK_h, IN_HIDE, true},            {SDLK_j, IN_JOURNAL, true},
    {SDLK_s, IN_SCREENSHOT, true},      {SDLK_PLUS, IN_VOLUME_UP, true},
    {SDLK_EQUALS, IN_VOLUME_UP, true},  {SDLK_KP_PLUS, IN_VOLUME_UP, true},
    {SDLK_MINUS, IN_VOLUME_DOWN, true}, {SDLK_KP_MINUS, IN_VOLUME_DOWN, true},
    {SDLK_m, IN_MUTE, true},            {SDLK_F1, IN_HELP, false},
    {SDLK_v, IN_VOICE, true},
    {SDLK_HOME, IN_HOME, false},        {SDLK_END, IN_END, false},
    {SDLK_PAGEUP, IN_PAGE_UP, false},   {SDLK_PAGEDOWN, IN_PAGE_DOWN, false},
};

enum input_action input_key(SDL_Keycode key, bool typing)
{
    for (size_t i = 0; i < sizeof key_map / sizeof key_map[0]; i++) {
        if (key_map[i].key != key)
            continue;
        if (typing && key_map[i].typed)
            return IN_NONE;
        return key_map[i].action;
    }
    return IN_NONE;
}

static enum input_action pad_button(Uint8 b)
{
    switch (b) {
    case SDL_CONTROLLER_BUTTON_A: return IN_PRESS;
    case SDL_CONTROLLER_BUTTON_B: return IN_BACK;
    case SDL_CONTROLLER_BUTTON_START: return IN_PAUSE;
    case SDL_CONTROLLER_BUTTON_DPAD_UP: return IN_UP;
    case SDL_CONTROLLER_BUTTON_DPAD_DOWN: return IN_DOWN;
    case SDL_CONTROLLER_BUTTON_DPAD_LEFT: return IN_LEFT;
    case SDL_CONTROLLER_BUTTON_DPAD_RIGHT: return IN_RIGHT;
    default: return IN_NONE;
    }
}

bool input_translate(const SDL_Event *e, bool typing, float scale_x, float scale_y, int out_w,
                     int out_h, struct input *out)
{
    memset(out, 0, sizeof *out);
    switch (e->type) {
    case SDL_QUIT:
        out->action = IN_QUIT;
        break;
    case SDL_KEYDOWN:
        out->action = input_key(e->key.keysym.sym, typing);
        if ((e->key.keysym.mod & KMOD_SHIFT) && out->action == IN_UP)
            out->action = IN_ABOUT_UP;
        else if ((e->key.keysym.mod & KMOD_SHIFT) && out->action == IN_DOWN)
            out->action = IN_ABOUT_DOWN;
        break;
    case SDL_TEXTINPUT:
        if (!typing)
            return false;
        out->action = IN_TEXT;
        memcpy(out->text, e->text.text, sizeof out->text - 1);
        break;
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT)
            return false; /* a touch: counted by SDL_FINGERUP */
        out->action = IN_CLICK;
        out->x = (int)(e->button.x * scale_x);
        out->y = (int)(e->button.y * scale_y);
        break;
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID)
            return false;
        out->action = IN_MOTION;
        break;
    case SDL_MOUSEWHEEL:
        if (e->wheel.which == SDL_TOUCH_MOUSEID || e->wheel.y == 0)
            return false;
        out->action = IN_WHEEL;
        out->wheel = e->wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -e->wheel.y : e->wheel.y;
        out->mouse_x = -1;
        {
            int mx, my;
            SDL_GetMouseState(&mx, &my);
            out->mouse_x = (int)(mx * scale_x);
        }
        break;
    case SDL_FINGERUP:
        out->action = IN_CLICK;
        out->x = (int)(e->tfinger.x * out_w);
        out->y = (int)(e->tfinger.y * out_h);
        break;
    case SDL_CONTROLLERBUTTONDOWN:
        out->action = pad_button(e->cbutton.button);
        break;
    default:
        return false;
    }
    return out->action != IN_NONE;
}
