/* render: the few shapes ebb draws, anti-aliased where it shows: discs and rings with a
 * feathered edge (SDL_RenderGeometry), thick lines and polylines, rounded rectangles.
 * Vertex buffers are static: nothing is allocated per frame. */
#ifndef EBB_RENDER_H
#define EBB_RENDER_H

#include <SDL.h>

#define EBB_PI 3.14159265358979323846

/* A filled disc of radius r centred at (cx, cy); its edge fades over `feather` pixels
 * centred on r, so the visible radius is r. */
void render_disc(SDL_Renderer *ren, float cx, float cy, float r, float feather, SDL_Color c);

/* The same disc for one that keeps its size and colour while it moves (the box's dot):
 * on the software renderer it is drawn once into a small texture per eighth-of-a-pixel
 * offset and copied after that, its centre rounded to an eighth of a pixel. Elsewhere
 * (and for a large disc) it is render_disc. */
void render_dot(SDL_Renderer *ren, float cx, float cy, float r, float feather, SDL_Color c);

/* Destroys what render_dot keeps for `ren`: call it before SDL_DestroyRenderer(ren), so a
 * later renderer at the same address never meets its textures. */
void render_forget(SDL_Renderer *ren);

/* A ring (circle outline) of the given line width, feathered on both edges. */
void render_ring(SDL_Renderer *ren, float cx, float cy, float r, float width, SDL_Color c);

/* A line of the given width with feathered sides. */
void render_line(SDL_Renderer *ren, float x0, float y0, float x1, float y1, float width,
                 SDL_Color c);

/* A polyline through n points (joints drawn as small discs). */
void render_polyline(SDL_Renderer *ren, const SDL_FPoint *pts, int n, float width, SDL_Color c);

/* A filled rectangle with corners of radius `radius`. */
void render_round_rect(SDL_Renderer *ren, SDL_FRect rect, float radius, SDL_Color c);

/* Fills the whole target with c blended over what is there (c.a is the opacity). */
void render_veil(SDL_Renderer *ren, int w, int h, SDL_Color c);

#endif
