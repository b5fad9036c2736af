/* bidi: levels by libfribidi (or the simple rule), then runs of one level put in visual
 * order by rule L2 of UAX #9: from the highest level down to the lowest odd one, every
 * stretch of runs at that level or higher is reversed. */
#include "bidi.h"

#include <string.h>

#include "letters.h"

#ifdef EBB_HAVE_FRIBIDI
#include <fribidi.h>
#endif

bool ebb_bidi_full(void)
{
#ifdef EBB_HAVE_FRIBIDI
    return true;
#else
    return false;
#endif
}

/* The simple rule's classes. */
enum dir { DIR_NEUTRAL, DIR_L, DIR_R, DIR_NUMBER };

static enum dir dir_of(uint32_t cp)
{
#ifdef EBB_HAVE_FRIBIDI
    FriBidiCharType t = fribidi_get_bidi_type(cp);
    if (FRIBIDI_IS_LETTER(t))
        return FRIBIDI_IS_RTL(t) ? DIR_R : DIR_L;
    return FRIBIDI_IS_NUMBER(t) ? DIR_NUMBER : DIR_NEUTRAL;
#else
    const char *sc = ebb_letters_script(cp);
    if (cp >= '0' && cp <= '9')
        return DIR_NUMBER;
    if (!sc)
        return DIR_NEUTRAL;
    static const char *const rtl[] = {"Hebr", "Arab", "Syrc", "Thaa", "Nkoo"};
    for (size_t i = 0; i < sizeof rtl / sizeof rtl[0]; i++)
        if (strcmp(sc, rtl[i]) == 0)
            return DIR_R;
    return DIR_L;
#endif
}

bool ebb_bidi_is_rtl(const char *s)
{
    size_t n = s ? strlen(s) : 0, i = 0, len;
    while (i < n) {
        enum dir d = dir_of(ebb_utf8_next(s + i, n - i, &len));
        if (d == DIR_L || d == DIR_R)
            return d == DIR_R;
        i += len;
    }
    return false;
}

#ifndef EBB_HAVE_FRIBIDI
/* Levels by the simple rule: letters by script; numbers left to right (one level up in
 * a right-to-left context); neutrals the direction on both sides, else the base's. */
static void simple_levels(const uint32_t *cps, int len, bool base_rtl, unsigned char *levels)
{
    int base = base_rtl ? 1 : 0;
    enum dir prev = base_rtl ? DIR_R : DIR_L;
    for (int i = 0; i < len; i++) {
        enum dir d = dir_of(cps[i]);
        /* one separator between digits ("7-4", "1.5") belongs to the number */
        if (d == DIR_NEUTRAL && i > 0 && i + 1 < len && dir_of(cps[i - 1]) == DIR_NUMBER &&
            dir_of(cps[i + 1]) == DIR_NUMBER)
            d = DIR_NUMBER;
        if (d == DIR_NEUTRAL) {
            enum dir next = base_rtl ? DIR_R : DIR_L;
            for (int k = i + 1; k < len; k++) {
                enum dir dk = dir_of(cps[k]);
                if (dk != DIR_NEUTRAL) {
                    next = dk == DIR_NUMBER ? DIR_R : dk;
                    break;
                }
            }
            enum dir p = prev == DIR_NUMBER ? DIR_R : prev;
            d = p == next ? p : (base_rtl ? DIR_R : DIR_L);
            levels[i] = (unsigned char)(d == DIR_R ? 1 : base);
            if (d == DIR_L && base_rtl)
                levels[i] = 2;
            continue;
        }
        if (d == DIR_R)
            levels[i] = 1;
        else if (d == DIR_L)
            levels[i] = (unsigned char)(base_rtl ? 2 : 0);
        else /* a number after right-to-left letters, or in a right-to-left paragraph */
            levels[i] = (unsigned char)(base_rtl || prev == DIR_R ? 2 : 0);
        if (d != DIR_NUMBER || prev == DIR_NEUTRAL)
            prev = d;
    }
}
#endif

/* Resolved levels of the line's characters; 0 when the line is too long or fails. */
static int levels_of(const char *s, size_t n, bool base_rtl, size_t *offsets, unsigned char *levels)
{
    uint32_t cps[EBB_BIDI_MAX];
    int len = 0;
    for (size_t i = 0, step; i < n; i += step) {
        if (len == EBB_BIDI_MAX)
            return 0;
        offsets[len] = i;
        cps[len++] = ebb_utf8_next(s + i, n - i, &step);
    }
    offsets[len] = n;
    if (len == 0)
        return 0;
#ifdef EBB_HAVE_FRIBIDI
    FriBidiCharType types[EBB_BIDI_MAX];
    FriBidiBracketType brackets[EBB_BIDI_MAX];
    FriBidiLevel lv[EBB_BIDI_MAX];
    FriBidiParType par = base_rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    fribidi_get_bidi_types(cps, len, types);
    fribidi_get_bracket_types(cps, len, types, brackets);
    if (len > 0 && fribidi_get_par_embedding_levels_ex(types, brackets, len, &par, lv) == 0)
        return 0;
    for (int i = 0; i < len; i++)
        levels[i] = (unsigned char)lv[i];
#else
    simple_levels(cps, len, base_rtl, levels);
#endif
    return len;
}

static void reverse(struct ebb_bidi_run *r, unsigned char *lv, int a, int b)
{
    for (b--; a < b; a++, b--) {
        struct ebb_bidi_run t = r[a];
        unsigned char l = lv[a];
        r[a] = r[b], lv[a] = lv[b];
        r[b] = t, lv[b] = l;
    }
}

int ebb_bidi_runs(const char *s, size_t n, bool base_rtl, struct ebb_bidi_run *runs, int max)
{
    size_t offsets[EBB_BIDI_MAX + 1];
    unsigned char levels[EBB_BIDI_MAX];
    unsigned char run_lv[EBB_BIDI_MAX];
    if (n == 0 || max <= 0)
        return 0;
    int len = levels_of(s, n, base_rtl, offsets, levels);
    if (len == 0) {
        runs[0] = (struct ebb_bidi_run){0, n, base_rtl};
        return 1;
    }
    int count = 0;
    unsigned char hi = 0, lo_odd = 255;
    for (int i = 0; i < len;) {
        int k = i + 1;
        while (k < len && levels[k] == levels[i])
            k++;
        if (count == max || count == EBB_BIDI_MAX)
            break;
        runs[count] = (struct ebb_bidi_run){offsets[i], offsets[k] - offsets[i], levels[i] & 1};
        run_lv[count++] = levels[i];
        hi = levels[i] > hi ? levels[i] : hi;
        if ((levels[i] & 1) && levels[i] < lo_odd)
            lo_odd = levels[i];
        i = k;
    }
    for (int lv = hi; lv >= lo_odd && lv > 0; lv--)
        for (int i = 0; i < count;) {
            if (run_lv[i] < lv) {
                i++;
                continue;
            }
            int k = i;
            while (k < count && run_lv[k] >= lv)
                k++;
            reverse(runs, run_lv, i, k);
            i = k;
        }
    return count;
}

size_t ebb_bidi_visual(const char *s, size_t n, bool base_rtl, char *out, size_t size)
{
    struct ebb_bidi_run runs[64];
    size_t o = 0;
    if (size == 0)
        return 0;
    int count = ebb_bidi_runs(s, n, base_rtl, runs, 64);
    for (int r = 0; r < count; r++) {
        const char *p = s + runs[r].start;
        size_t len = runs[r].len;
        if (!runs[r].rtl) {
            if (o + len >= size)
                break;
            memcpy(out + o, p, len);
            o += len;
            continue;
        }
        for (size_t end = len; end > 0;) { /* the characters from the last one back */
            size_t start = end - 1;
            while (start > 0 && ((unsigned char)p[start] & 0xC0) == 0x80)
                start--;
            if (o + (end - start) >= size)
                break;
            memcpy(out + o, p + start, end - start);
            o += end - start;
            end = start;
        }
    }
    out[o] = '\0';
    return o;
}
