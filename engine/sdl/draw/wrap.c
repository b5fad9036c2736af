/* wrap: greedy line breaking and the narrowest width that keeps its line count. */
#include "wrap.h"

/* The longest run of whole UTF-8 characters of p (at most n bytes) that fits max_width,
 * at least one character: a long word (a URL, a run of letters) is broken across lines
 * rather than drawn past the edges. */
static size_t cut_word(const char *p, size_t n, float max_width, wrap_measure_fn measure,
                       void *ctx)
{
    const unsigned char *u = (const unsigned char *)p;
    size_t first = 1;
    while (first < n && (u[first] & 0xC0) == 0x80)
        first++;
    size_t lo = first, hi = n; /* lo fits (or is one character), hi does not */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        while (mid > lo && (u[mid] & 0xC0) == 0x80)
            mid--; /* on a character boundary */
        if (mid == lo) {
            mid = lo + (hi - lo) / 2;
            while (mid < hi && (u[mid] & 0xC0) == 0x80)
                mid++;
            if (mid == hi)
                break;
        }
        if (measure(ctx, p, mid) <= max_width)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

int wrap_greedy(const char *s, float max_width, int max_lines, wrap_measure_fn measure,
                void *ctx, struct wrap_line *lines, bool *more)
{
    int count = 0;
    const char *p = s;
    *more = false;
    while (p && *p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        if (count == max_lines) {
            *more = true;
            break;
        }
        /* grow the line word by word while it fits */
        size_t best = 0;
        const char *q = p;
        for (;;) {
            const char *w = q;
            while (*w && *w != ' ' && *w != '\n')
                w++;
            size_t n = (size_t)(w - p);
            if (best && measure(ctx, p, n) > max_width)
                break;
            best = n;
            if (*w != ' ')
                break;
            q = w + 1;
            while (*q == ' ')
                q++;
            if (!*q || *q == '\n')
                break;
        }
        if (measure(ctx, p, best) > max_width)
            best = cut_word(p, best, max_width, measure, ctx); /* a word wider than a line */
        lines[count].start = (size_t)(p - s);
        lines[count].len = best;
        count++;
        p += best;
        while (*p == ' ')
            p++;
        if (*p == '\n')
            p++;
    }
    return count;
}

#define BALANCE_STEPS 8 /* halvings of the search: within 1/512 of max_width */
#define BALANCE_LINES_MAX 32

float wrap_balanced_width(const char *s, float max_width, int max_lines, wrap_measure_fn measure,
                          void *ctx)
{
    struct wrap_line lines[BALANCE_LINES_MAX];
    bool more;
    if (max_lines > BALANCE_LINES_MAX)
        max_lines = BALANCE_LINES_MAX;
    int want = wrap_greedy(s, max_width, max_lines, measure, ctx, lines, &more);
    if (more || want < 2)
        return max_width; /* one line, or cut: nothing to even out */
    float lo = max_width * 0.5f, hi = max_width; /* hi always keeps `want` lines */
    for (int i = 0; i < BALANCE_STEPS; i++) {
        float mid = (lo + hi) * 0.5f;
        int n = wrap_greedy(s, mid, max_lines, measure, ctx, lines, &more);
        if (!more && n <= want)
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}
