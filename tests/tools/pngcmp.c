/* pngcmp: compares pictures of the window, for the Wayland tests.
 *   pngcmp same A B TOL   -> "W H N": both are W x H and N pixels differ by more than TOL
 *                            in a channel (exit 1 when the sizes differ)
 *   pngcmp blocky FILE    -> "INSIDE BETWEEN": how many neighbour pairs (x, x+1) differ,
 *                            for x even (INSIDE: within one pixel of a picture drawn at
 *                            half the pixels and doubled) and for x odd (BETWEEN two such
 *                            pixels). Doubled, INSIDE is near 0; sharp, it is close to
 *                            BETWEEN.
 *   pngcmp colours FILE   -> the number of distinct colours
 * Exit 0, or 1 when a file cannot be read. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static SDL_Surface *load(const char *path)
{
    SDL_Surface *raw = IMG_Load(path);
    if (!raw) {
        fprintf(stderr, "pngcmp: %s: %s\n", path, IMG_GetError());
        return NULL;
    }
    SDL_Surface *s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_RGB888, 0);
    SDL_FreeSurface(raw);
    return s;
}

static Uint32 px(const SDL_Surface *s, int x, int y)
{
    return ((const Uint32 *)((const Uint8 *)s->pixels + y * s->pitch))[x] & 0xffffffu;
}

static int differ(Uint32 a, Uint32 b, int tol)
{
    for (int sh = 0; sh < 24; sh += 8)
        if (abs((int)((a >> sh) & 255) - (int)((b >> sh) & 255)) > tol)
            return 1;
    return 0;
}

static int same(const char *pa, const char *pb, int tol)
{
    SDL_Surface *a = load(pa), *b = load(pb);
    int rc = 1;
    if (a && b && a->w == b->w && a->h == b->h) {
        long n = 0;
        for (int y = 0; y < a->h; y++)
            for (int x = 0; x < a->w; x++)
                n += differ(px(a, x, y), px(b, x, y), tol);
        printf("%d %d %ld\n", a->w, a->h, n);
        rc = 0;
    } else if (a && b) {
        fprintf(stderr, "pngcmp: %dx%d and %dx%d\n", a->w, a->h, b->w, b->h);
    }
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
    return rc;
}

static int blocky(const char *path)
{
    SDL_Surface *s = load(path);
    if (!s)
        return 1;
    long inside = 0, between = 0;
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x + 1 < s->w; x++) {
            int d = px(s, x, y) != px(s, x + 1, y);
            if (x % 2)
                between += d;
            else
                inside += d;
        }
    printf("%ld %ld\n", inside, between);
    SDL_FreeSurface(s);
    return 0;
}

static int cmp_u32(const void *a, const void *b)
{
    Uint32 x = *(const Uint32 *)a, y = *(const Uint32 *)b;
    return x < y ? -1 : x > y;
}

static int colours(const char *path)
{
    SDL_Surface *s = load(path);
    if (!s)
        return 1;
    size_t n = (size_t)s->w * (size_t)s->h, k = 0;
    Uint32 *all = malloc(n * sizeof *all);
    if (!all) {
        SDL_FreeSurface(s);
        return 1;
    }
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++)
            all[k++] = px(s, x, y);
    qsort(all, n, sizeof *all, cmp_u32);
    size_t distinct = n > 0;
    for (size_t i = 1; i < n; i++)
        distinct += all[i] != all[i - 1];
    printf("%zu\n", distinct);
    free(all);
    SDL_FreeSurface(s);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 5 && strcmp(argv[1], "same") == 0)
        return same(argv[2], argv[3], atoi(argv[4]));
    if (argc == 3 && strcmp(argv[1], "blocky") == 0)
        return blocky(argv[2]);
    if (argc == 3 && strcmp(argv[1], "colours") == 0)
        return colours(argv[2]);
    fprintf(stderr, "usage: pngcmp same A B TOL | blocky FILE | colours FILE\n");
    return 2;
}
