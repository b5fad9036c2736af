/* render: shapes as triangles. A feathered edge is a strip whose outer vertices are
 * transparent: the rasterizer interpolates alpha, which reads as anti-aliasing on every
 * renderer, the software one included. */
#include "render.h"

#include <math.h>

#include "damage.h"
#include "render_span.h"

#define SEGMENTS_MAX 360
#define VERTS_MAX (SEGMENTS_MAX * 4 + 8)
#define INDICES_MAX (SEGMENTS_MAX * 18)

static SDL_Vertex verts[VERTS_MAX];
static int indices[INDICES_MAX];

static SDL_Vertex vtx(float x, float y, SDL_Color c, Uint8 a)
{
    SDL_Vertex v = {{x, y}, {c.r, c.g, c.b, a}, {0, 0}};
    return v;
}

static int segments_for(float r)
{
    int n = (int)(r * 1.2f);
    if (n < 24)
        n = 24;
    if (n > SEGMENTS_MAX)
        n = SEGMENTS_MAX;
    return n;
}

/* Reports a shape to the damage recorder: its box, and a hash of its kind, the n numbers
 * that place it and its colour. True while recording: draw nothing (damage.h). */
static bool recorded(SDL_Renderer *ren, uint32_t kind, const float *v, int n, SDL_Color c, float x0,
                     float y0, float x1, float y1)
{
    if (!damage_recording(ren))
        return false;
    uint32_t h = damage_hash_u32(DAMAGE_HASH_SEED, kind);
    for (int i = 0; i < n; i++)
        h = damage_hash_float(h, v[i]);
    return damage_note(ren, x0, y0, x1, y1, damage_hash_color(h, c));
}

/* Adds the two triangles of the quad a b c d (a-b one edge, d-c the other). */
static int quad(int k, int a, int b, int c, int d)
{
    indices[k++] = a;
    indices[k++] = b;
    indices[k++] = c;
    indices[k++] = a;
    indices[k++] = c;
    indices[k++] = d;
    return k;
}

void render_disc(SDL_Renderer *ren, float cx, float cy, float r, float feather, SDL_Color c)
{
    if (r <= 0.5f)
        return;
    if (feather < 0.5f)
        feather = 0.5f;
    const float p[4] = {cx, cy, r, feather};
    float e = r + feather * 0.5f;
    if (recorded(ren, 1, p, 4, c, cx - e, cy - e, cx + e, cy + e))
        return;
    float inner = r - feather * 0.5f;
    float outer = r + feather * 0.5f;
    if (inner < 0)
        inner = 0;
    if (span_software(ren)) {
        const float radii[4] = {0, 0, inner, outer};
        span_annulus(ren, cx, cy, radii, c);
        return;
    }
    SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_BLEND);
    int n = segments_for(r);
    int k = 0;
    verts[0] = vtx(cx, cy, c, c.a);
    for (int i = 0; i < n; i++) {
        double a = 2.0 * EBB_PI * i / n;
        float ca = (float)cos(a), sa = (float)sin(a);
        verts[1 + 2 * i] = vtx(cx + ca * inner, cy + sa * inner, c, c.a);
        verts[2 + 2 * i] = vtx(cx + ca * outer, cy + sa * outer, c, 0);
    }
    for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        indices[k++] = 0;
        indices[k++] = 1 + 2 * i;
        indices[k++] = 1 + 2 * j;
        k = quad(k, 1 + 2 * i, 2 + 2 * i, 2 + 2 * j, 1 + 2 * j);
    }
    SDL_RenderGeometry(ren, NULL, verts, 1 + 2 * n, indices, k);
}

void render_ring(SDL_Renderer *ren, float cx, float cy, float r, float width, SDL_Color c)
{
    float f = 1.0f; /* feather on each side */
    const float p[4] = {cx, cy, r, width};
    float e = r + width * 0.5f + f;
    if (recorded(ren, 2, p, 4, c, cx - e, cy - e, cx + e, cy + e))
        return;
    float radii[4] = {r - width * 0.5f - f, r - width * 0.5f, r + width * 0.5f,
                      r + width * 0.5f + f};
    if (span_software(ren)) {
        span_annulus(ren, cx, cy, radii, c);
        return;
    }
    SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_BLEND);
    Uint8 alpha[4] = {0, c.a, c.a, 0};
    int n = segments_for(r);
    int k = 0;
    for (int i = 0; i < n; i++) {
        double a = 2.0 * EBB_PI * i / n;
        float ca = (float)cos(a), sa = (float)sin(a);
        for (int m = 0; m < 4; m++) {
            float rr = radii[m] < 0 ? 0 : radii[m];
            verts[4 * i + m] = vtx(cx + ca * rr, cy + sa * rr, c, alpha[m]);
        }
    }
    for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        for (int m = 0; m < 3; m++)
            k = quad(k, 4 * i + m, 4 * i + m + 1, 4 * j + m + 1, 4 * j + m);
    }
    SDL_RenderGeometry(ren, NULL, verts, 4 * n, indices, k);
}

void render_line(SDL_Renderer *ren, float x0, float y0, float x1, float y1, float width,
                 SDL_Color c)
{
    float dx = x1 - x0, dy = y1 - y0;
    float len = sqrtf(dx * dx + dy * dy);
    if (len < 0.01f)
        return;
    const float p[5] = {x0, y0, x1, y1, width};
    float e = width * 0.5f + 1;
    if (recorded(ren, 3, p, 5, c, fminf(x0, x1) - e, fminf(y0, y1) - e, fmaxf(x0, x1) + e,
                 fmaxf(y0, y1) + e))
        return;
    if (span_software(ren)) {
        const SDL_FPoint ends[2] = {{x0, y0}, {x1, y1}};
        span_polyline(ren, ends, 2, width * 0.5f, 1, c);
        return;
    }
    SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_BLEND);
    float nx = -dy / len, ny = dx / len;
    float off[4] = {-width * 0.5f - 1, -width * 0.5f, width * 0.5f, width * 0.5f + 1};
    Uint8 alpha[4] = {0, c.a, c.a, 0};
    for (int m = 0; m < 4; m++) {
        verts[m] = vtx(x0 + nx * off[m], y0 + ny * off[m], c, alpha[m]);
        verts[4 + m] = vtx(x1 + nx * off[m], y1 + ny * off[m], c, alpha[m]);
    }
    int k = 0;
    for (int m = 0; m < 3; m++)
        k = quad(k, m, m + 1, 4 + m + 1, 4 + m);
    SDL_RenderGeometry(ren, NULL, verts, 8, indices, k);
}

void render_polyline(SDL_Renderer *ren, const SDL_FPoint *pts, int n, float width, SDL_Color c)
{
    /* one strip with a normal per point, so the feathered edges never overlap */
    if (n < 2)
        return;
    if (n > SEGMENTS_MAX)
        n = SEGMENTS_MAX;
    if (damage_recording(ren)) {
        uint32_t h = damage_hash_float(damage_hash_u32(DAMAGE_HASH_SEED, 4), width);
        float bx0 = pts[0].x, by0 = pts[0].y, bx1 = bx0, by1 = by0;
        for (int i = 0; i < n; i++) {
            bx0 = fminf(bx0, pts[i].x);
            by0 = fminf(by0, pts[i].y);
            bx1 = fmaxf(bx1, pts[i].x);
            by1 = fmaxf(by1, pts[i].y);
            h = damage_hash_float(damage_hash_float(h, pts[i].x), pts[i].y);
        }
        float e = width * 0.5f + 1;
        damage_note(ren, bx0 - e, by0 - e, bx1 + e, by1 + e, damage_hash_color(h, c));
        return;
    }
    if (span_software(ren)) {
        span_polyline(ren, pts, n, width * 0.5f, 1, c);
        return;
    }
    SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_BLEND);
    float off[4] = {-width * 0.5f - 1, -width * 0.5f, width * 0.5f, width * 0.5f + 1};
    Uint8 alpha[4] = {0, c.a, c.a, 0};
    for (int i = 0; i < n; i++) {
        const SDL_FPoint *a = &pts[i > 0 ? i - 1 : i], *b = &pts[i + 1 < n ? i + 1 : i];
        float dx = b->x - a->x, dy = b->y - a->y;
        float len = sqrtf(dx * dx + dy * dy);
        float nx = len > 0 ? -dy / len : 0, ny = len > 0 ? dx / len : 1;
        for (int m = 0; m < 4; m++)
            verts[4 * i + m] = vtx(pts[i].x + nx * off[m], pts[i].y + ny * off[m], c, alpha[m]);
    }
    int k = 0;
    for (int i = 0; i + 1 < n; i++)
        for (int m = 0; m < 3; m++)
            k = quad(k, 4 * i + m, 4 * i + m + 1, 4 * (i + 1) + m + 1, 4 * (i + 1) + m);
    SDL_RenderGeometry(ren, NULL, verts, 4 * n, indices, k);
}

void render_round_rect(SDL_Renderer *ren, SDL_FRect rect, float radius, SDL_Color c)
{
    float r = radius;
    if (r * 2 > rect.w)
        r = rect.w / 2;
    if (r * 2 > rect.h)
        r = rect.h / 2;
    const float p[5] = {rect.x, rect.y, rect.w, rect.h, r};
    if (recorded(ren, 5, p, 5, c, rect.x - 1, rect.y - 1, rect.x + rect.w + 1, rect.y + rect.h + 1))
        return;
    if (span_software(ren)) {
        span_round_rect(ren, rect, r, c);
        return;
    }
    SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(ren, c.r, c.g, c.b, c.a);
    SDL_FRect mid = {rect.x + r, rect.y, rect.w - 2 * r, rect.h};
    SDL_FRect left = {rect.x, rect.y + r, r, rect.h - 2 * r};
    SDL_FRect right = {rect.x + rect.w - r, rect.y + r, r, rect.h - 2 * r};
    SDL_RenderFillRectF(ren, &mid);
    if (r < 0.5f)
        return;
    SDL_RenderFillRectF(ren, &left);
    SDL_RenderFillRectF(ren, &right);
    /* the four corners: quarter discs, each drawn as a fan */
    const float cxs[4] = {rect.x + r, rect.x + rect.w - r, rect.x + rect.w - r, rect.x + r};
    const float cys[4] = {rect.y + r, rect.y + r, rect.y + rect.h - r, rect.y + rect.h - r};
    const int q = 12;
    for (int corner = 0; corner < 4; corner++) {
        int k = 0;
        verts[0] = vtx(cxs[corner], cys[corner], c, c.a);
        for (int i = 0; i <= q; i++) {
            double a = EBB_PI * (1.0 + 0.5 * corner) + 0.5 * EBB_PI * i / q;
            verts[1 + i] =
                vtx(cxs[corner] + (float)cos(a) * r, cys[corner] + (float)sin(a) * r, c, c.a);
        }
        for (int i = 0; i < q; i++) {
            indices[k++] = 0;
            indices[k++] = 1 + i;
            indices[k++] = 2 + i;
        }
        SDL_RenderGeometry(ren, NULL, verts, q + 2, indices, k);
    }
}

void render_veil(SDL_Renderer *ren, int w, int h, SDL_Color c)
{
    SDL_Rect all = {0, 0, w, h};
    if (recorded(ren, 6, NULL, 0, c, 0, 0, (float)w, (float)h))
        return;
    SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(ren, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(ren, &all);
}
