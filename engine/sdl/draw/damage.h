/* damage: which parts of the picture changed since the frame on screen, so the software
 * window redraws and sends only those (the idea of rxi/lite's rencache, kept as a list).
 *
 * A frame is drawn twice. First a recording pass: every shape (render.c) and every text
 * (text.c) reports its bounding box and a hash of how it is drawn, and draws nothing.
 * The list is compared with the previous frame's, item by item; the boxes of the items
 * that differ (where they were and where they are) become a few rectangles. Then the
 * frame is drawn for real, clipped to each rectangle, and only those are presented. A
 * pixel outside them is covered by the same items drawn the same way, so it is right.
 * Nothing is allocated: the lists are fixed arrays in the caller's struct. */
#ifndef EBB_DAMAGE_H
#define EBB_DAMAGE_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#define DAMAGE_ITEMS_MAX 1024 /* more in one frame: the whole picture is redrawn */
#define DAMAGE_RECTS_MAX 6    /* changed rectangles, merged down to at most this many */

struct damage_item {
    int x0, y0, x1, y1; /* bounding box in output pixels, x1 and y1 excluded */
    uint32_t hash;      /* of everything that decides the item's pixels */
};

struct damage {
    SDL_Renderer *ren;  /* the renderer being recorded (borrowed) */
    struct damage_item items[2][DAMAGE_ITEMS_MAX];
    int count[2];
    int cur;            /* items[cur]: this frame; items[!cur]: the frame on screen */
    bool overflow;      /* this frame had more than DAMAGE_ITEMS_MAX items */
    bool valid;         /* items[!cur] really describes what is on screen */
    SDL_Rect rects[DAMAGE_RECTS_MAX];
    int rect_count;
};

void damage_init(struct damage *d);

/* Starts the recording pass of a frame drawn with `ren`: until damage_end, render.c and
 * text.c only report what they would draw. One recording at a time. */
void damage_begin(struct damage *d, SDL_Renderer *ren);

/* Ends the recording and returns how many rectangles of the w x h output must be drawn
 * and presented (damage_rects). `whole` asks for the whole picture (after a resize, an
 * expose, anything not drawn through render.c and text.c). 0: nothing changed. */
int damage_end(struct damage *d, bool whole, int w, int h);

/* The rectangles of the last damage_end. */
const SDL_Rect *damage_rects(const struct damage *d);

/* The picture on screen is unknown (drawn without recording): the next frame is whole. */
void damage_forget(struct damage *d);

/* For render.c and text.c: while `ren` is being recorded, notes an item with bounding
 * box [x0, x1) x [y0, y1) (floats, rounded outwards) and returns true: draw nothing.
 * Otherwise returns false at once. */
bool damage_note(SDL_Renderer *ren, float x0, float y0, float x1, float y1, uint32_t hash);

/* True while `ren` is being recorded (to skip hashing work otherwise). */
bool damage_recording(SDL_Renderer *ren);

/* Hash helpers (FNV-1a). Coordinates are hashed to 1/16 pixel, so a shape that moved by
 * less is not redrawn; colours exactly. */
uint32_t damage_hash_u32(uint32_t h, uint32_t v);
uint32_t damage_hash_float(uint32_t h, float v);
uint32_t damage_hash_color(uint32_t h, SDL_Color c);

#define DAMAGE_HASH_SEED 2166136261u

#endif
