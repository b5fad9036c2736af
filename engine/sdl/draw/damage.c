/* damage: the changed rectangles between two frames (see damage.h). */
#include "damage.h"

#include <math.h>
#include <string.h>

#define MERGE_SLACK 16 /* px: rectangles this close are drawn as one (fewer passes) */

/* The one recording in progress, if any: render.c and text.c reach it through
 * damage_note without a context of their own. Only the window's loop sets it. */
static struct damage *recording;

void damage_init(struct damage *d)
{
    memset(d, 0, sizeof *d);
}

void damage_begin(struct damage *d, SDL_Renderer *ren)
{
    d->ren = ren;
    d->count[d->cur] = 0;
    d->overflow = false;
    recording = d;
}

const SDL_Rect *damage_rects(const struct damage *d)
{
    return d->rects;
}

void damage_forget(struct damage *d)
{
    d->valid = false;
}

bool damage_recording(SDL_Renderer *ren)
{
    return recording && recording->ren == ren;
}

bool damage_note(SDL_Renderer *ren, float x0, float y0, float x1, float y1, uint32_t hash)
{
    struct damage *d = recording;
    if (!d || d->ren != ren)
        return false;
    int n = d->count[d->cur];
    if (n >= DAMAGE_ITEMS_MAX) {
        d->overflow = true;
        return true;
    }
    /* outwards, plus a pixel: the rasterizer may touch the pixel an edge ends in */
    struct damage_item *it = &d->items[d->cur][n];
    it->x0 = (int)floorf(x0) - 1;
    it->y0 = (int)floorf(y0) - 1;
    it->x1 = (int)ceilf(x1) + 1;
    it->y1 = (int)ceilf(y1) + 1;
    it->hash = hash;
    d->count[d->cur] = n + 1;
    return true;
}

static bool near(const SDL_Rect *a, const SDL_Rect *b)
{
    return a->x <= b->x + b->w + MERGE_SLACK && b->x <= a->x + a->w + MERGE_SLACK &&
           a->y <= b->y + b->h + MERGE_SLACK && b->y <= a->y + a->h + MERGE_SLACK;
}

static void unite(SDL_Rect *a, const SDL_Rect *b)
{
    SDL_Rect u;
    SDL_UnionRect(a, b, &u);
    *a = u;
}

/* Adds the box clipped to the output, merging it with a rectangle it touches (or, when
 * the list is full, with the last one). */
static void add(struct damage *d, const struct damage_item *it, int w, int h)
{
    SDL_Rect r = {it->x0, it->y0, it->x1 - it->x0, it->y1 - it->y0};
    SDL_Rect out = {0, 0, w, h}, clipped;
    if (!SDL_IntersectRect(&r, &out, &clipped))
        return;
    for (int i = 0; i < d->rect_count; i++) {
        if (near(&d->rects[i], &clipped)) {
            unite(&d->rects[i], &clipped);
            return;
        }
    }
    if (d->rect_count < DAMAGE_RECTS_MAX)
        d->rects[d->rect_count++] = clipped;
    else
        unite(&d->rects[d->rect_count - 1], &clipped);
}

/* Merges rectangles that came to touch after growing, until none do. */
static void settle(struct damage *d)
{
    bool merged = true;
    while (merged) {
        merged = false;
        for (int i = 0; i < d->rect_count && !merged; i++) {
            for (int j = i + 1; j < d->rect_count; j++) {
                if (near(&d->rects[i], &d->rects[j])) {
                    unite(&d->rects[i], &d->rects[j]);
                    d->rects[j] = d->rects[--d->rect_count];
                    merged = true;
                    break;
                }
            }
        }
    }
}

static bool same(const struct damage_item *a, const struct damage_item *b)
{
    return a->hash == b->hash && a->x0 == b->x0 && a->y0 == b->y0 && a->x1 == b->x1 &&
           a->y1 == b->y1;
}

int damage_end(struct damage *d, bool whole, int w, int h)
{
    recording = NULL;
    const struct damage_item *now = d->items[d->cur], *was = d->items[!d->cur];
    int n = d->count[d->cur], m = d->count[!d->cur];
    d->rect_count = 0;
    if (whole || !d->valid || d->overflow) {
        d->rects[0] = (SDL_Rect){0, 0, w, h};
        d->rect_count = 1;
    } else {
        int common = n < m ? n : m;
        for (int i = 0; i < common; i++) {
            if (!same(&now[i], &was[i])) {
                add(d, &now[i], w, h);
                add(d, &was[i], w, h);
            }
        }
        for (int i = common; i < n; i++) /* items that appeared */
            add(d, &now[i], w, h);
        for (int i = common; i < m; i++) /* and those that went */
            add(d, &was[i], w, h);
        settle(d);
    }
    /* this frame becomes the one on screen once it is drawn */
    d->valid = !d->overflow;
    d->cur = !d->cur;
    return d->rect_count;
}

uint32_t damage_hash_u32(uint32_t h, uint32_t v)
{
    for (int i = 0; i < 4; i++) {
        h = (h ^ (v & 0xffu)) * 16777619u;
        v >>= 8;
    }
    return h;
}

uint32_t damage_hash_float(uint32_t h, float v)
{
    float q = v * 16.0f;
    if (!(q > -1e9f && q < 1e9f)) /* NaN or huge: any fixed value */
        q = 0;
    return damage_hash_u32(h, (uint32_t)(int32_t)lrintf(q));
}

uint32_t damage_hash_color(uint32_t h, SDL_Color c)
{
    return damage_hash_u32(h, (uint32_t)c.r | (uint32_t)c.g << 8 | (uint32_t)c.b << 16 |
                                  (uint32_t)c.a << 24);
}
