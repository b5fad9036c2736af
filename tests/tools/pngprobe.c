/* pngprobe: measures what export drew, for the integration tests.
 *   pngprobe disc FILE [THR]      -> "CX CY R": the breathing disc found on the middle
 *                                    column, its radius along the row through its centre
 *                                    (lit: luminance differs from the top's by > THR,
 *                                    default a third of the largest difference)
 *   pngprobe spot FILE R G B TOL  -> "X Y N": centroid of the N pixels within TOL of RGB
 *   pngprobe pixel FILE X Y       -> "R G B"
 *   pngprobe diff FILE OTHER Y0 Y1 -> "N": pixels that differ between the two pictures
 *                                    in the rows Y0..Y1-1 (both the same size)
 * Exit 0, or 1 when the file cannot be read or nothing is found. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void rgb(SDL_Surface *s, int x, int y, int *r, int *g, int *b)
{
    Uint8 cr, cg, cb;
    Uint32 p = ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x];
    SDL_GetRGB(p, s->format, &cr, &cg, &cb);
    *r = cr;
    *g = cg;
    *b = cb;
}

static int lum(SDL_Surface *s, int x, int y)
{
    int r, g, b;
    rgb(s, x, y, &r, &g, &b);
    return (299 * r + 587 * g + 114 * b) / 1000;
}

/* The longest run of "lit" pixels along a line; returns its length, start in *from. */
static int longest(SDL_Surface *s, int fixed, int vertical, int bg, int thr, int *from)
{
    int n = vertical ? s->h : s->w, best = 0, run = 0;
    for (int i = 0; i <= n; i++) {
        int lit = 0;
        if (i < n) {
            int l = vertical ? lum(s, fixed, i) : lum(s, i, fixed);
            lit = abs(l - bg) > thr;
        }
        if (lit) {
            run++;
        } else {
            if (run > best) {
                best = run;
                *from = i - run;
            }
            run = 0;
        }
    }
    return best;
}

static int disc(SDL_Surface *s, int thr_given)
{
    int cx = s->w / 2, bg = lum(s, cx, 2), maxd = 0;
    for (int y = 0; y < s->h; y++) {
        int d = abs(lum(s, cx, y) - bg);
        maxd = d > maxd ? d : maxd;
    }
    int thr = thr_given > 0 ? thr_given : maxd / 3, top = 0, left = 0;
    int vrun = longest(s, cx, 1, bg, thr, &top);
    if (vrun < 4)
        return 1;
    int cy = top + vrun / 2;
    int hrun = longest(s, cy, 0, bg, thr, &left);
    printf("%.1f %.1f %.1f\n", left + hrun / 2.0, top + vrun / 2.0, hrun / 2.0);
    return 0;
}

static int spot(SDL_Surface *s, int r0, int g0, int b0, int tol)
{
    double sx = 0, sy = 0;
    long n = 0;
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++) {
            int r, g, b;
            rgb(s, x, y, &r, &g, &b);
            if (abs(r - r0) <= tol && abs(g - g0) <= tol && abs(b - b0) <= tol) {
                sx += x;
                sy += y;
                n++;
            }
        }
    if (!n)
        return 1;
    printf("%.1f %.1f %ld\n", sx / n, sy / n, n);
    return 0;
}

static int diff(SDL_Surface *s, const char *other, int y0, int y1)
{
    SDL_Surface *raw = IMG_Load(other);
    if (!raw) {
        fprintf(stderr, "pngprobe: %s: %s\n", other, IMG_GetError());
        return 1;
    }
    SDL_Surface *o = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_RGB888, 0);
    SDL_FreeSurface(raw);
    if (!o || o->w != s->w || o->h != s->h) {
        fprintf(stderr, "pngprobe: %s: not the same size\n", other);
        SDL_FreeSurface(o);
        return 1;
    }
    long n = 0;
    for (int y = y0 < 0 ? 0 : y0; y < y1 && y < s->h; y++)
        for (int x = 0; x < s->w; x++) {
            int r, g, b, r2, g2, b2;
            rgb(s, x, y, &r, &g, &b);
            rgb(o, x, y, &r2, &g2, &b2);
            n += r != r2 || g != g2 || b != b2;
        }
    SDL_FreeSurface(o);
    printf("%ld\n", n);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: pngprobe disc|spot|pixel FILE ...\n");
        return 2;
    }
    SDL_Surface *raw = IMG_Load(argv[2]);
    if (!raw) {
        fprintf(stderr, "pngprobe: %s: %s\n", argv[2], IMG_GetError());
        return 1;
    }
    SDL_Surface *s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_RGB888, 0);
    SDL_FreeSurface(raw);
    int rc = 2;
    if (strcmp(argv[1], "disc") == 0) {
        rc = disc(s, argc > 3 ? atoi(argv[3]) : 0);
    } else if (strcmp(argv[1], "spot") == 0 && argc == 7) {
        rc = spot(s, atoi(argv[3]), atoi(argv[4]), atoi(argv[5]), atoi(argv[6]));
    } else if (strcmp(argv[1], "diff") == 0 && argc == 6) {
        rc = diff(s, argv[3], atoi(argv[4]), atoi(argv[5]));
    } else if (strcmp(argv[1], "pixel") == 0 && argc == 5) {
        int r, g, b;
        rgb(s, atoi(argv[3]), atoi(argv[4]), &r, &g, &b);
        printf("%d %d %d\n", r, g, b);
        rc = 0;
    }
    SDL_FreeSurface(s);
    return rc;
}
