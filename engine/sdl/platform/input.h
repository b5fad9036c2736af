/* input: SDL events -> what the person asked for, through one key table (DESIGN.md,
 * Keys). Touch is counted once: SDL's synthetic mouse events for touches
 * (which == SDL_TOUCH_MOUSEID) are ignored and SDL_FINGERUP is the tap. */
#ifndef EBB_INPUT_H
#define EBB_INPUT_H

#include <SDL.h>
#include <stdbool.h>

enum input_action {
    IN_NONE,
    IN_QUIT,       /* Q, window close */
    IN_BACK,       /* Escape, gamepad B */
    IN_PRESS,      /* Space, Enter, gamepad A */
    IN_PAUSE,      /* P, gamepad Start */
    IN_UP,
    IN_DOWN,
    IN_LEFT,
    IN_RIGHT,
    IN_SLOWER,     /* [ */
    IN_FASTER,     /* ] */
    IN_BACKSPACE,
    IN_SKIP,       /* N */
    IN_FILTER,     /* / */
    IN_FULLSCREEN, /* F, F11 */
    IN_HIDE,       /* H */
    IN_JOURNAL,    /* J: nothing until the journal's screen exists */
    IN_SCREENSHOT, /* S */
    IN_VOLUME_UP,  /* + or = */
    IN_VOLUME_DOWN,/* - */
    IN_MUTE,       /* M */
    IN_VOICE,      /* V: spoken guidance on or off */
    IN_HELP,       /* F1 */
    IN_HOME,       /* Home: the first row */
    IN_END,        /* End: the last row */
    IN_PAGE_UP,    /* PageUp: a page of rows up */
    IN_PAGE_DOWN,  /* PageDown */
    IN_ABOUT_UP,   /* Shift+↑: the about text scrolls back */
    IN_ABOUT_DOWN, /* Shift+↓: the about text scrolls on */
    IN_CLICK,      /* a click or a tap at (x, y), output pixels */
    IN_WHEEL,      /* wheel: `wheel` steps, positive = up */
    IN_MOTION,     /* the mouse moved (shows hints and the back mark) */
    IN_TEXT,       /* typed text for the filter: `text` */
    IN_COUNT
};

struct input {
    enum input_action action;
    int x, y;      /* IN_CLICK, in output pixels */
    int wheel;     /* IN_WHEEL */
    int mouse_x;   /* IN_WHEEL: where the pointer was, output pixels (-1 unknown) */
    char text[32]; /* IN_TEXT, UTF-8 */
};

/* The action of a key; while `typing` a filter, printable keys give IN_NONE (their text
 * arrives as SDL_TEXTINPUT) except / which does nothing more. */
enum input_action input_key(SDL_Keycode key, bool typing);

/* Translates one event. `scale_x`, `scale_y` turn window coordinates into output pixels
 * (HiDPI); (out_w, out_h) is the output size for touch positions. Returns true when the
 * event means something (out filled). */
bool input_translate(const SDL_Event *e, bool typing, float scale_x, float scale_y, int out_w,
                     int out_h, struct input *out);

#endif
