/* scene: draws the screens of a session (breathing, grounding steps, transitions,
 * paused, finished) and the overlays (help, hints, notices, the full-screen "back"
 * mark) for one renderer. Shared by the window (app.c) and export (export.c), so what is
 * exported is what is seen. */
#ifndef EBB_SCENE_H
#define EBB_SCENE_H

#include <SDL.h>
#include <stdbool.h>

#include "i18n.h"
#include "session.h"
#include "text.h"
#include "theme.h"

struct scene {
    SDL_Renderer *ren;   /* borrowed */
    struct text *text;   /* borrowed */
    struct theme th;
    int w, h;            /* output size in pixels (HiDPI: from SDL_GetRendererOutputSize) */
    bool reduced_motion; /* --reduced-motion */
    bool hide_numbers;   /* H: no numbers and no hints */
    int visual;          /* --visual as enum ebb_visual, or -1: the script's */
    bool first_time;     /* a new person's first session: "Esc to stop" stays in a corner */
};

#define SCENE_PAUSED_HOW N_("Space to go on")         /* under "Paused", in the words' place */
#define SCENE_STOP_CORNER N_("Esc to stop")         /* the first session's corner */
#define SCENE_FINISHED_WORDS N_("Thank you for taking this time") /* the end screen */

/* The end screen's choices, in the order shown. */
enum finish_choice { FINISH_AGAIN, FINISH_LIST, FINISH_QUIT, FINISH_COUNT };

/* Paints the background. */
void scene_clear(struct scene *sc);

/* A session at one instant: the visual (dimmed when paused), the texts, the numbers, the
 * progress line. `tl` is the session's current plan (NULL when not breathing). */
void scene_session(struct scene *sc, const struct ebb_session_view *v,
                   const struct ebb_timeline *tl);

/* The quiet end screen with `selected` marked; `has_list` false hides "back to the list"
 * (never: the list is always there to go back to, but export has no choices). */
void scene_finished(struct scene *sc, const struct ebb_exercise *ex, int selected);

/* The row of the end screen at (x, y), or -1. */
int scene_finished_hit(struct scene *sc, int x, int y);

/* F1: the keys of the screen help was opened from (enum keymap_screen, keymap.h) and
 * the ones that work everywhere, and the note that ebb is not a crisis service, on a
 * solid background: nothing of the screen under it shows through. */
void scene_help(struct scene *sc, int keymap_screen);

/* Centred words that wrap and, when long, get smaller (text_draw_fit); returns the
 * height used (one line's height for no words, so what follows keeps its place). */
float scene_words(struct scene *sc, enum text_size size, const char *s, float cx, float y,
                  float max_w, int max_lines, SDL_Color c);

/* One quiet line of hints at the bottom, at opacity alpha 0..1. */
void scene_hint(struct scene *sc, const char *line, float alpha);

/* A short notice ("Volume 60%", "Saved ...") at the top, at opacity alpha. */
void scene_notice(struct scene *sc, const char *line, float alpha);

/* The full-screen mark in the bottom-right corner ("← back", or "close" where it
 * closes ebb), and its hit test. */
void scene_back_mark(struct scene *sc, float alpha, const char *label);
bool scene_back_hit(const struct scene *sc, int x, int y);

/* A veil of the background colour over everything (leaving fades), alpha 0..1. */
void scene_fade(struct scene *sc, float alpha);

#endif
