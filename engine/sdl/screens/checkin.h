/* checkin: the "How are you right now?" screen, asked before and after an interactive
 * session: a calm 0..10 slider (0 calm, 10 the worst) answered with number keys, arrows,
 * a click, a drag or a touch (counted once). Enter or Space on a slider nobody touched
 * skips the question and records nothing; Escape leaves, as on every screen. The model
 * (what a key, a click or a drag does) is pure so tests can check it without a window;
 * checkin_draw only draws. */
#ifndef EBB_CHECKIN_H
#define EBB_CHECKIN_H

#include <SDL.h>
#include <stdbool.h>

#include "scene.h"

#define CHECKIN_MAX 10   /* the slider runs 0..CHECKIN_MAX */
#define CHECKIN_MIDDLE 5 /* an untouched slider's quiet resting place; arrows start here */

enum checkin_question { CHECKIN_BEFORE, CHECKIN_AFTER, CHECKIN_QUESTION_COUNT };

/* What one event did to the check-in. */
enum checkin_result {
    CHECKIN_PASS,    /* not the slider's: the caller handles it (Q, F, F1, S, volume...) */
    CHECKIN_CHANGED, /* taken: the picture changed (or may have) */
    CHECKIN_DONE,    /* answered or skipped: read checkin_rating */
    CHECKIN_LEAVE,   /* Escape: the person leaves */
    CHECKIN_RESULT_COUNT
};

struct checkin {
    enum checkin_question question;
    int value;        /* 0..CHECKIN_MAX; shown only once touched */
    bool touched;     /* a number, an arrow, a click or a drag chose `value` */
    bool dragging;    /* the mouse button went down on the slider and is held */
    bool finger_down; /* a finger went down on the slider and is held */
    SDL_FingerID finger;
};

/* Where the slider sits on a w x h output (pixels); pure. */
struct checkin_layout {
    float x0, x1;     /* the track's ends: the centres of 0 and CHECKIN_MAX */
    float y;          /* the track's centre line */
    float grab;       /* half the height of the band a press on the slider counts in */
    float knob_r;     /* the knob's radius */
    SDL_FRect button; /* "Skip" / "Go on" under the slider */
};

void checkin_init(struct checkin *c, enum checkin_question q);

void checkin_layout(int w, int h, struct checkin_layout *out);

/* The value nearest to x on the track (clamped to 0..CHECKIN_MAX), and back. */
int checkin_value_at(const struct checkin_layout *l, float x);
float checkin_x_of(const struct checkin_layout *l, int value);

/* True when (x, y) lies on the slider's band (a press there chooses a value). */
bool checkin_on_slider(const struct checkin_layout *l, float x, float y);

/* The value of a number key (0-9, top row or keypad), or -1. */
int checkin_digit(SDL_Keycode key);

/* One key: numbers choose, ← ↓ one less, → ↑ one more (from CHECKIN_MIDDLE when
 * untouched), Home 0, End CHECKIN_MAX, Space or Enter done, Escape leave. */
enum checkin_result checkin_key(struct checkin *c, SDL_Keycode key);

/* A press (down), a move while held, or a release (up) at output pixel (x, y) of a
 * w x h output. A press on the slider chooses and starts a drag; a release on the
 * button is done. */
enum checkin_result checkin_pointer(struct checkin *c, int w, int h, float x, float y, int kind);
#define CHECKIN_POINTER_DOWN 0
#define CHECKIN_POINTER_MOVE 1
#define CHECKIN_POINTER_UP 2

/* One SDL event: keys, mouse (window coordinates times sx, sy give output pixels), the
 * wheel, touch (normalised, times w and h; SDL's mouse copies of touches are ignored so
 * a tap counts once) and the gamepad. */
enum checkin_result checkin_event(struct checkin *c, const SDL_Event *e, float sx, float sy, int w,
                                  int h);

/* The answer: the chosen value, or EBB_JOURNAL_RATING_NONE (-1) when it was skipped. */
int checkin_rating(const struct checkin *c);

/* Draws the question, the slider and its words ("calm", "the worst") with sc's theme. */
void checkin_draw(const struct checkin *c, struct scene *sc);

#endif
