/* render: shapes as triangles. A feathered edge is a strip whose outer vertices are
 * transparent: the rasterizer interpolates alpha, which reads as anti-aliasing on every
 * renderer, the software one included. */
#include "render.h"

#include <math.h>
#include <stdbool.h>

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

/* render_dot's pictures: one per disc and offset (an eighth of a pixel), made when first
 * drawn. A moving dot's centre is then at most 1/16 pixel off, what the damage pass
 * already counts as not moved. The box's dot uses 2 x 32 of them (~20 KB each at 720p);
 * a larger disc is drawn as render_disc. */
#define DOT_SPRITES_MAX 96
#define DOT_STEPS 8   /* offsets per pixel */
#define DOT_HALF_MAX 64 /* px: larger pictures would cost more memory than they save */

struct dot_sprite {
    SDL_Renderer *ren;
    SDL_Texture *tex;
    float r, feather;
    SDL_Color c;
    int phase; /* x offset + DOT_STEPS * y offset, in steps of 1 / DOT_STEPS pixel */
    int half;  /* the texture is 2 * half + 1 pixels square, the disc's pixel at half */
};

static struct dot_sprite dots[DOT_SPRITES_MAX];
static int dot_count;

static bool same_color(SDL_Color a, SDL_Color b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

/* Draws the disc into a transparent texture of its own colour: each pixel gets the
 * colour and its coverage as alpha, so copying it blends as drawing it would. */
static SDL_Texture *dot_make(SDL_Renderer *ren, int half, float fx, float fy, float inner,
                             float outer, SDL_Color c)
{
    int size = 2 * half + 1;
    SDL_Texture *t = SDL_CreateTexture(ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                       size, size);
    if (!t)
        return NULL;
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    SDL_Texture *was = SDL_GetRenderTarget(ren);
    Uint8 r, g, b, a;
    SDL_BlendMode mode;
    SDL_GetRenderDrawColor(ren, &r, &g, &b, &a);
    SDL_GetRenderDrawBlendMode(ren, &mode);
    if (SDL_SetRenderTarget(ren, t) != 0) {
        SDL_DestroyTexture(t);
        return NULL;
    }
    SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(ren, c.r, c.g, c.b, 0);
    SDL_RenderClear(ren);
    const float radii[4] = {0, 0, inner, outer};
    span_annulus(ren, half + fx, half + fy, radii, c);
    SDL_SetRenderTarget(ren, was);
    SDL_SetRenderDrawColor(ren, r, g, b, a);
    SDL_SetRenderDrawBlendMode(ren, mode);
    return t;
}

static const struct dot_sprite *dot_find(SDL_Renderer *ren, float r, float feather, SDL_Color c,
                                         int qx, int qy, float inner, float outer)
{
    int phase = qx + DOT_STEPS * qy;
    for (int i = 0; i < dot_count; i++) {
        const struct dot_sprite *d = &dots[i];
        if (d->ren == ren && d->r == r && d->feather == feather && d->phase == phase &&
            same_color(d->c, c))
            return d;
    }
    if (dot_count == DOT_SPRITES_MAX) /* many dots or colours: start again */
        render_forget(ren);
    if (dot_count == DOT_SPRITES_MAX)
        return NULL; /* all another renderer's */
    int half = (int)ceilf(outer) + 1;
    SDL_Texture *t = dot_make(ren, half, (float)qx / DOT_STEPS + 0.5f,
                              (float)qy / DOT_STEPS + 0.5f, inner, outer, c);
    if (!t)
        return NULL;
    dots[dot_count] = (struct dot_sprite){ren, t, r, feather, c, phase, half};
    return &dots[dot_count++];
}

void render_forget(SDL_Renderer *ren)
{
    int kept = 0;
    for (int i = 0; i < dot_count; i++) {
        if (dots[i].ren == ren)
            SDL_DestroyTexture(dots[i].tex);
        else
            dots[kept++] = dots[i];
    }
    dot_count = kept;
}

void render_dot(SDL_Renderer *ren, float cx, float cy, float r, float feather, SDL_Color c)
{
    if (damage_recording(ren) || !span_software(ren) || r <= 0.5f || c.a == 0 ||
        !(fabsf(cx) < 1e6f && fabsf(cy) < 1e6f)) {
        render_disc(ren, cx, cy, r, feather, c); /* records the same item as a disc */
        return;
    }
    if (feather < 0.5f)
        feather = 0.5f;
    float inner = fmaxf(r - feather * 0.5f, 0), outer = r + feather * 0.5f;
    if (outer + 1 > DOT_HALF_MAX) {
        render_disc(ren, cx, cy, r, feather, c);
        return;
    }
    /* the centre in steps of 1 / DOT_STEPS pixel, measured from a pixel's centre */
    long qcx = lrintf((cx - 0.5f) * DOT_STEPS), qcy = lrintf((cy - 0.5f) * DOT_STEPS);
    long ix = qcx >= 0 ? qcx / DOT_STEPS : -((-qcx + DOT_STEPS - 1) / DOT_STEPS);
    long iy = qcy >= 0 ? qcy / DOT_STEPS : -((-qcy + DOT_STEPS - 1) / DOT_STEPS);
    const struct dot_sprite *d = dot_find(ren, r, feather, c, (int)(qcx - ix * DOT_STEPS),
                                          (int)(qcy - iy * DOT_STEPS), inner, outer);
    if (!d) {
        render_disc(ren, cx, cy, r, feather, c);
        return;
    }
    SDL_Rect dst = {(int)ix - d->half, (int)iy - d->half, 2 * d->half + 1, 2 * d->half + 1};
    SDL_RenderCopy(ren, d->tex, NULL, &dst);
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
