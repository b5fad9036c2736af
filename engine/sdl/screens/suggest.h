/* suggest: when someone rates their distress 7 or more before a breathing exercise, a
 * gentle offer, made once, to start with a grounding exercise instead (DESIGN.md,
 * Care). Two choices; the first, already selected, keeps what the person chose, so
 * Enter (or a click on it) dismisses the offer. Escape leaves, as on every screen. */
#ifndef EBB_SUGGEST_H
#define EBB_SUGGEST_H

#include <SDL.h>
#include <stdbool.h>

#include "library.h"
#include "scene.h"

#define SUGGEST_TITLE_MAX 128 /* bytes of a title kept, with the NUL */

enum suggest_choice { SUGGEST_KEEP, SUGGEST_GROUNDING, SUGGEST_CHOICE_COUNT };

enum suggest_result {
    SUGGEST_PASS,    /* not the offer's: the caller handles it */
    SUGGEST_CHANGED, /* taken (the selection may have moved) */
    SUGGEST_DONE,    /* a choice was made: read `selected` */
    SUGGEST_LEAVE,   /* Escape */
    SUGGEST_RESULT_COUNT
};

struct suggest {
    bool offered; /* the offer was made in this run: it is not made again */
    int selected; /* enum suggest_choice; SUGGEST_KEEP when the offer opens */
    char keep_title[SUGGEST_TITLE_MAX];
    char ground_id[EBB_ID_MAX + 1];
    char ground_title[SUGGEST_TITLE_MAX];
};

/* True when the offer should be made now: a rating before of 7 or more
 * (ebb_checkin_suggest_grounding) for a breathing exercise, a grounding exercise to
 * offer, and no offer made yet in this run. */
bool suggest_wanted(const struct suggest *s, int rating_before, const struct ebb_exercise *chosen,
                    const struct ebb_exercise *grounding);

/* The grounding exercise to offer: feet-on-floor, else five-senses, else the first
 * grounding exercise of the library; NULL when there is none. */
const struct ebb_exercise *suggest_pick_grounding(const struct ebb_library *lib);

/* Opens the offer (marks it made) with "keep" selected. */
void suggest_open(struct suggest *s, const struct ebb_exercise *chosen,
                  const struct ebb_exercise *grounding);

/* The choice at output pixel (x, y) of a w x h output, or -1. */
int suggest_hit(int w, int h, float x, float y);

/* One SDL event (mouse in window coordinates times sx, sy; touch normalised, counted
 * once through SDL_FINGERUP). */
enum suggest_result suggest_event(struct suggest *s, const SDL_Event *e, float sx, float sy, int w,
                                  int h);

void suggest_draw(const struct suggest *s, struct scene *sc);

#endif
