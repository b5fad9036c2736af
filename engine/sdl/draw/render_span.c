/* render_span: shapes as runs of pixels for the software renderer (see render_span.h).
 * A shape is a coverage function (0..1 at a pixel's centre) and, per row, the columns
 * where it may be non-zero, with the runs known to be fully covered or empty (found
 * analytically, so the inside of a large disc costs one run per row, not a pixel each). */
#include "render_span.h"

#include <math.h>
#include <string.h>

#define BUCKET_MAX 512 /* runs waiting per alpha; a full bucket is drawn at once */
#define PATH_MAX_SEGS 400
/* SDL 2.26 copies the rectangles or points of one SDL_RenderFillRectsF or
 * SDL_RenderDrawPointsF call to the stack when they take under 128 bytes, else to the
 * heap: 7 rectangles or 15 points at a time allocate nothing. A lone pixel is drawn as a
 * point: half the cost of a rectangle in SDL's software blender. */
#define CALL_RUNS_MAX 7
#define CALL_POINTS_MAX 15

/* Runs of one shape, by alpha level (SPAN_LEVELS: fully covered). */
struct batch {
    SDL_Renderer *ren;
    SDL_Color c;
    int x0, y0, x1, y1; /* the drawable area: the viewport within the clip rectangle */
    int count[SPAN_LEVELS + 1];
    SDL_FRect runs[SPAN_LEVELS + 1][BUCKET_MAX];
    int dots[SPAN_LEVELS + 1];
    SDL_FPoint points[SPAN_LEVELS + 1][BUCKET_MAX];
};

static struct batch B; /* large and reused: never on the stack, never allocated */

typedef float (*coverage_fn)(void *shape, float px, float py);

/* A run of columns [x0, x1) of a row known to be covered (opaque) or empty. */
struct known {
    int x0, x1;
    bool opaque;
};

bool span_software(SDL_Renderer *ren)
{
    static SDL_Renderer *seen;
    static bool software;
    if (ren != seen) {
        SDL_RendererInfo info;
        software = SDL_GetRendererInfo(ren, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE);
        seen = ren;
    }
    return software;
}

static float clamp01(float v)
{
    return v < 0 ? 0 : v > 1 ? 1 : v;
}

/* The first column whose centre is at or right of x, and the last at or left of it. */
static int col_from(float x)
{
    return (int)ceilf(x - 0.5f);
}

static int col_to(float x)
{
    return (int)floorf(x - 0.5f);
}

/* Starts a shape; false when nothing of [bx0, bx1) x [by0, by1) can be drawn. */
static bool begin(SDL_Renderer *ren, SDL_Color c, float bx0, float by0, float bx1, float by1)
{
    SDL_Rect vp, clip;
    SDL_RenderGetViewport(ren, &vp);
    B.ren = ren;
    B.c = c;
    B.x0 = 0;
    B.y0 = 0;
    B.x1 = vp.w;
    B.y1 = vp.h;
    if (SDL_RenderIsClipEnabled(ren)) {
        SDL_RenderGetClipRect(ren, &clip);
        B.x0 = clip.x > 0 ? clip.x : 0;
        B.y0 = clip.y > 0 ? clip.y : 0;
        B.x1 = clip.x + clip.w < vp.w ? clip.x + clip.w : vp.w;
        B.y1 = clip.y + clip.h < vp.h ? clip.y + clip.h : vp.h;
    }
    if (c.a == 0 || bx1 <= (float)B.x0 || by1 <= (float)B.y0 || bx0 >= (float)B.x1 ||
        by0 >= (float)B.y1)
        return false;
    return B.x0 < B.x1 && B.y0 < B.y1;
}

static void flush_level(int k)
{
    int n = B.count[k], m = B.dots[k];
    if (n == 0 && m == 0)
        return;
    SDL_Color c = B.c;
    Uint8 a = (Uint8)((c.a * k + SPAN_LEVELS / 2) / SPAN_LEVELS);
    bool solid = k == SPAN_LEVELS && c.a == 255;
    SDL_SetRenderDrawBlendMode(B.ren, solid ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(B.ren, c.r, c.g, c.b, a);
    for (int i = 0; i < n; i += CALL_RUNS_MAX)
        SDL_RenderFillRectsF(B.ren, B.runs[k] + i, n - i < CALL_RUNS_MAX ? n - i : CALL_RUNS_MAX);
    for (int i = 0; i < m; i += CALL_POINTS_MAX)
        SDL_RenderDrawPointsF(B.ren, B.points[k] + i,
                              m - i < CALL_POINTS_MAX ? m - i : CALL_POINTS_MAX);
    B.count[k] = 0;
    B.dots[k] = 0;
}

static void end(void)
{
    for (int k = 1; k <= SPAN_LEVELS; k++)
        flush_level(k);
}

/* Adds the run [x0, x1) of row y at alpha level k, growing a run of the row above when
 * it has the same columns (the sides of a vertical line become one rectangle each). */
static void emit(int k, int x0, int x1, int y)
{
    if (k <= 0 || x1 <= x0)
        return;
    if (x1 - x0 == 1 && k < SPAN_LEVELS) { /* an edge pixel */
        if (B.dots[k] == BUCKET_MAX)
            flush_level(k);
        B.points[k][B.dots[k]++] = (SDL_FPoint){(float)x0, (float)y};
        return;
    }
    int n = B.count[k];
    SDL_FRect *runs = B.runs[k];
    for (int i = n - 1; i >= 0 && i >= n - 2; i--) {
        SDL_FRect *r = &runs[i];
        if ((int)r->x == x0 && (int)r->w == x1 - x0 && (int)(r->y + r->h) == y) {
            r->h += 1;
            return;
        }
    }
    if (n == BUCKET_MAX) {
        flush_level(k);
        n = 0;
    }
    runs[n] = (SDL_FRect){(float)x0, (float)y, (float)(x1 - x0), 1};
    B.count[k] = n + 1;
}

static int level(float coverage)
{
    return (int)(clamp01(coverage) * SPAN_LEVELS + 0.5f);
}

/* Columns [x0, x1) of row y, pixel by pixel, merged into runs of one alpha. */
static void pixels(int x0, int x1, int y, coverage_fn f, void *shape)
{
    float py = (float)y + 0.5f;
    int run_x = x0, run_k = 0;
    for (int x = x0; x < x1; x++) {
        int k = level(f(shape, (float)x + 0.5f, py));
        if (k != run_k) {
            emit(run_k, run_x, x, y);
            run_x = x;
            run_k = k;
        }
    }
    emit(run_k, run_x, x1, y);
}

/* Row y from column xa to xb (excluded), within the drawable area: the known runs
 * (sorted, not overlapping) are filled or skipped, the rest is looked at pixel by pixel. */
static void row(int y, int xa, int xb, const struct known *kn, int n, coverage_fn f, void *shape)
{
    int x = xa > B.x0 ? xa : B.x0;
    int stop = xb < B.x1 ? xb : B.x1;
    for (int i = 0; i < n && x < stop; i++) {
        int k0 = kn[i].x0 < x ? x : kn[i].x0 > stop ? stop : kn[i].x0;
        int k1 = kn[i].x1 < k0 ? k0 : kn[i].x1 > stop ? stop : kn[i].x1;
        pixels(x, k0, y, f, shape);
        if (kn[i].opaque)
            emit(SPAN_LEVELS, k0, k1, y);
        x = k1 > x ? k1 : x;
    }
    if (x < stop)
        pixels(x, stop, y, f, shape);
}

/* The rows of [fy0, fy1) that are drawable. */
static void rows_of(float fy0, float fy1, int *y0, int *y1)
{
    *y0 = (int)floorf(fy0);
    *y1 = (int)ceilf(fy1);
    if (*y0 < B.y0)
        *y0 = B.y0;
    if (*y1 > B.y1)
        *y1 = B.y1;
}

/* --- discs and rings --- */

struct annulus {
    float cx, cy, r[4];
};

static float annulus_coverage(void *shape, float px, float py)
{
    const struct annulus *s = shape;
    float dx = px - s->cx, dy = py - s->cy;
    float d = sqrtf(dx * dx + dy * dy);
    float out = s->r[3] > s->r[2] ? (s->r[3] - d) / (s->r[3] - s->r[2]) : (d <= s->r[2]);
    float in = 1;
    if (s->r[1] > 0)
        in = s->r[1] > s->r[0] ? (d - s->r[0]) / (s->r[1] - s->r[0]) : (d >= s->r[1]);
    return clamp01(out < in ? out : in);
}

/* Half the chord of a circle of radius r at distance dy from its centre; -1: none. */
static float chord(float r, float dy)
{
    return r > fabsf(dy) ? sqrtf(r * r - dy * dy) : -1;
}

void span_annulus(SDL_Renderer *ren, float cx, float cy, const float r[4], SDL_Color c)
{
    struct annulus s = {cx, cy, {r[0], r[1], r[2], r[3]}};
    if (!begin(ren, c, cx - r[3], cy - r[3], cx + r[3], cy + r[3]))
        return;
    int y0, y1;
    rows_of(cy - r[3], cy + r[3], &y0, &y1);
    for (int y = y0; y < y1; y++) {
        float dy = (float)y + 0.5f - cy;
        float xo = chord(r[3], dy);
        if (xo < 0)
            continue;
        struct known kn[3];
        int n = 0;
        float full_out = chord(r[2], dy);
        float full_in = r[1] > 0 ? chord(r[1], dy) : -1;
        float hole = r[1] > 0 ? chord(r[0], dy) : -1;
        if (full_out >= 0 && full_in < 0) {
            kn[n++] = (struct known){col_from(cx - full_out), col_to(cx + full_out) + 1, true};
        } else if (full_out > full_in) {
            kn[n++] = (struct known){col_from(cx - full_out), col_to(cx - full_in) + 1, true};
            if (hole >= 0)
                kn[n++] = (struct known){col_from(cx - hole), col_to(cx + hole) + 1, false};
            kn[n++] = (struct known){col_from(cx + full_in), col_to(cx + full_out) + 1, true};
        } else if (hole >= 0) {
            kn[n++] = (struct known){col_from(cx - hole), col_to(cx + hole) + 1, false};
        }
        row(y, col_from(cx - xo), col_to(cx + xo) + 1, kn, n, annulus_coverage, &s);
    }
    end();
}

/* --- polylines --- */

struct seg {
    float ax, ay, bx, by;     /* the ends */
    float ux, uy, len;        /* the unit direction and the length */
    float bx0, by0, bx1, by1; /* the box the segment's pixels may be in */
    bool first, last;         /* the path's ends are cut square, its joints round */
};

/* A group of segments along one row, swept left to right: a pixel looks only at the
 * segments whose box holds it (a long flat stretch has many segments, each pixel two). */
struct path {
    float half, feather;
    const struct seg *const *segs; /* sorted by their box's left side */
    int count;
    int next; /* segs[next] is the first whose box starts right of the last pixel */
    int live; /* live_segs[0 .. live): the boxes holding the last pixel */
};

static float seg_coverage(const struct seg *s, float half, float feather, float px, float py)
{
    float vx = px - s->ax, vy = py - s->ay;
    float t = vx * s->ux + vy * s->uy;
    float ends = 1, d;
    if (s->first)
        ends = clamp01(t + 0.5f);
    if (s->last)
        ends = fminf(ends, clamp01(s->len - t + 0.5f));
    if (t < 0 && !s->first)
        d = sqrtf(vx * vx + vy * vy);
    else if (t > s->len && !s->last)
        d = sqrtf((px - s->bx) * (px - s->bx) + (py - s->by) * (py - s->by));
    else
        d = fabsf(vy * s->ux - vx * s->uy);
    return clamp01((half + feather - d) / feather) * ends;
}

static struct seg segs[PATH_MAX_SEGS];
static const struct seg *by_top[PATH_MAX_SEGS];    /* sorted by their box's top */
static const struct seg *near_segs[PATH_MAX_SEGS]; /* boxes holding the row, by left side */
static const struct seg *live_segs[PATH_MAX_SEGS];

/* The most any segment covers: overlapping segments never add up. Pixels come left to
 * right (pixels()), so boxes are taken on as they start and let go once passed. */
static float path_coverage(void *shape, float px, float py)
{
    struct path *p = shape;
    while (p->next < p->count && p->segs[p->next]->bx0 <= px)
        live_segs[p->live++] = p->segs[p->next++];
    float best = 0;
    for (int i = 0; i < p->live; i++) {
        const struct seg *s = live_segs[i];
        if (s->bx1 < px) {
            live_segs[i--] = live_segs[--p->live];
            continue;
        }
        if (best < 1) {
            float v = seg_coverage(s, p->half, p->feather, px, py);
            best = v > best ? v : best;
        }
    }
    return best;
}

/* Moves the row's segments on to row centre py: lets go of the boxes that ended above
 * it, takes on those that start (by_top from *next), keeps them sorted by left side. */
static int segments_near(int m, int n, int *next, float py)
{
    int k = 0;
    for (int i = 0; i < m; i++)
        if (near_segs[i]->by1 >= py)
            near_segs[k++] = near_segs[i];
    m = k;
    for (; *next < n && by_top[*next]->by0 <= py; (*next)++) {
        const struct seg *s = by_top[*next];
        if (s->by1 < py)
            continue;
        int j = m++;
        while (j > 0 && near_segs[j - 1]->bx0 > s->bx0) {
            near_segs[j] = near_segs[j - 1];
            j--;
        }
        near_segs[j] = s;
    }
    return m;
}

void span_polyline(SDL_Renderer *ren, const SDL_FPoint *pts, int n, float half, float feather,
                   SDL_Color c)
{
    if (n < 2)
        return;
    if (n > PATH_MAX_SEGS)
        n = PATH_MAX_SEGS;
    if (feather < 0.01f)
        feather = 0.01f;
    float e = half + feather;
    float bx0 = pts[0].x, by0 = pts[0].y, bx1 = bx0, by1 = by0;
    for (int i = 0; i + 1 < n; i++) {
        struct seg *s = &segs[i];
        s->ax = pts[i].x, s->ay = pts[i].y, s->bx = pts[i + 1].x, s->by = pts[i + 1].y;
        float dx = s->bx - s->ax, dy = s->by - s->ay;
        s->len = sqrtf(dx * dx + dy * dy);
        s->ux = s->len > 1e-4f ? dx / s->len : 1;
        s->uy = s->len > 1e-4f ? dy / s->len : 0;
        s->bx0 = fminf(s->ax, s->bx) - e, s->bx1 = fmaxf(s->ax, s->bx) + e;
        s->by0 = fminf(s->ay, s->by) - e, s->by1 = fmaxf(s->ay, s->by) + e;
        s->first = i == 0;
        s->last = i + 2 == n;
        bx0 = fminf(bx0, s->bx0), by0 = fminf(by0, s->by0);
        bx1 = fmaxf(bx1, s->bx1), by1 = fmaxf(by1, s->by1);
        int j = i; /* by_top stays sorted */
        while (j > 0 && by_top[j - 1]->by0 > s->by0) {
            by_top[j] = by_top[j - 1];
            j--;
        }
        by_top[j] = s;
    }
    if (!begin(ren, c, bx0, by0, bx1, by1))
        return;
    int y0, y1;
    rows_of(by0, by1, &y0, &y1);
    int m = 0, next = 0;
    for (int y = y0; y < y1; y++) {
        m = segments_near(m, n - 1, &next, (float)y + 0.5f);
        /* groups of segments whose boxes overlap along the row, each scanned once */
        for (int i = 0; i < m;) {
            float gx1 = near_segs[i]->bx1;
            int j = i + 1;
            while (j < m && near_segs[j]->bx0 <= gx1) {
                gx1 = fmaxf(gx1, near_segs[j]->bx1);
                j++;
            }
            struct path p = {half, feather, near_segs + i, j - i, 0, 0};
            row(y, col_from(near_segs[i]->bx0), col_to(gx1) + 1, NULL, 0, path_coverage, &p);
            i = j;
        }
    }
    end();
}

/* --- rounded rectangles --- */

struct rrect {
    float mx, my, hx, hy, r; /* centre, half sides, corner radius */
};

/* Coverage from the signed distance to the outline (negative inside): the distance to
 * the inner rectangle (the corners' centres), less the radius. */
static float rrect_coverage(void *shape, float px, float py)
{
    const struct rrect *s = shape;
    float qx = fabsf(px - s->mx) - (s->hx - s->r), qy = fabsf(py - s->my) - (s->hy - s->r);
    float ox = qx > 0 ? qx : 0, oy = qy > 0 ? qy : 0;
    float inside = fminf(fmaxf(qx, qy), 0);
    float sd = sqrtf(ox * ox + oy * oy) + inside - s->r;
    return clamp01(0.5f - sd);
}

void span_round_rect(SDL_Renderer *ren, SDL_FRect rect, float radius, SDL_Color c)
{
    if (rect.w <= 0 || rect.h <= 0)
        return;
    float r = radius < 0 ? 0 : radius;
    r = fminf(r, fminf(rect.w, rect.h) / 2);
    struct rrect s = {rect.x + rect.w / 2, rect.y + rect.h / 2, rect.w / 2, rect.h / 2, r};
    if (!begin(ren, c, rect.x - 1, rect.y - 1, rect.x + rect.w + 1, rect.y + rect.h + 1))
        return;
    int y0, y1;
    rows_of(rect.y - 0.5f, rect.y + rect.h + 0.5f, &y0, &y1);
    for (int y = y0; y < y1; y++) {
        float qy = fabsf((float)y + 0.5f - s.my) - (s.hy - r);
        float reach, full; /* the half widths where coverage is above 0, and 1 */
        if (qy <= 0) {
            reach = s.hx + 0.5f;
            full = qy <= r - 0.5f ? s.hx - 0.5f : -1;
        } else {
            float o = chord(r + 0.5f, qy), f = chord(r - 0.5f, qy);
            if (o < 0)
                continue;
            reach = s.hx - r + o;
            full = f >= 0 ? s.hx - r + f : -1;
        }
        struct known kn = {col_from(s.mx - full), col_to(s.mx + full) + 1, true};
        row(y, col_from(s.mx - reach), col_to(s.mx + reach) + 1, &kn, full >= 0, rrect_coverage,
            &s);
    }
    end();
}
