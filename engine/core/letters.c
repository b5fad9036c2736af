/* letters: a small table of the scripts' blocks (enough to choose a font and tell the
 * shaper what it shapes; not the whole Unicode Scripts.txt), and the run splitter. */
#include "letters.h"

#include <string.h>

uint32_t ebb_utf8_next(const char *s, size_t n, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s;
    *len = 1;
    if (u[0] < 0x80)
        return u[0];
    int extra = u[0] >= 0xF0 && u[0] < 0xF5 ? 3 : u[0] >= 0xE0 ? 2 : u[0] >= 0xC2 ? 1 : -1;
    if (extra < 0 || u[0] >= 0xF5 || (size_t)extra >= n)
        return 0xFFFD;
    uint32_t cp = u[0] & (0x3F >> extra);
    for (int i = 1; i <= extra; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0xFFFD;
        cp = cp << 6 | (u[i] & 0x3F);
    }
    /* overlong forms, surrogates and past U+10FFFF */
    if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0xFFFD;
    *len = (size_t)extra + 1;
    return cp;
}

struct block {
    uint32_t first, last;
    const char *script; /* NULL: shared by every script */
};

/* In code point order; what is not listed is shared ("Zyyy"). */
static const struct block blocks[] = {
    {0x0041, 0x005A, "Latn"}, {0x0061, 0x007A, "Latn"}, {0x00AA, 0x00AA, "Latn"},
    {0x00BA, 0x00BA, "Latn"}, {0x00C0, 0x00D6, "Latn"}, {0x00D8, 0x00F6, "Latn"},
    {0x00F8, 0x02AF, "Latn"}, {0x0370, 0x03FF, "Grek"}, {0x0400, 0x052F, "Cyrl"},
    {0x0530, 0x058F, "Armn"}, {0x0590, 0x05FF, "Hebr"}, {0x0600, 0x060B, "Arab"},
    {0x060D, 0x061A, "Arab"}, {0x061C, 0x061E, "Arab"}, {0x0620, 0x065F, "Arab"},
    {0x066A, 0x06FF, "Arab"}, {0x0700, 0x074F, "Syrc"}, {0x0750, 0x077F, "Arab"},
    {0x0780, 0x07BF, "Thaa"}, {0x07C0, 0x07FF, "Nkoo"}, {0x0860, 0x08FF, "Arab"},
    {0x0900, 0x0963, "Deva"}, {0x0966, 0x097F, "Deva"}, {0x0980, 0x09FF, "Beng"},
    {0x0A00, 0x0A7F, "Guru"}, {0x0A80, 0x0AFF, "Gujr"}, {0x0B00, 0x0B7F, "Orya"},
    {0x0B80, 0x0BFF, "Taml"}, {0x0C00, 0x0C7F, "Telu"}, {0x0C80, 0x0CFF, "Knda"},
    {0x0D00, 0x0D7F, "Mlym"}, {0x0D80, 0x0DFF, "Sinh"}, {0x0E00, 0x0E7F, "Thai"},
    {0x0E80, 0x0EFF, "Laoo"}, {0x0F00, 0x0FFF, "Tibt"}, {0x1000, 0x109F, "Mymr"},
    {0x10A0, 0x10FF, "Geor"}, {0x1100, 0x11FF, "Hang"}, {0x1200, 0x139F, "Ethi"},
    {0x13A0, 0x13FF, "Cher"}, {0x1780, 0x17FF, "Khmr"}, {0x1800, 0x18AF, "Mong"},
    {0x1C80, 0x1C8F, "Cyrl"}, {0x1C90, 0x1CBF, "Geor"}, {0x1D00, 0x1D7F, "Latn"},
    {0x1E00, 0x1EFF, "Latn"}, {0x1F00, 0x1FFF, "Grek"}, {0x2C00, 0x2C5F, "Glag"},
    {0x2C60, 0x2C7F, "Latn"}, {0x2D00, 0x2D2F, "Geor"}, {0x2DE0, 0x2DFF, "Cyrl"},
    {0x2E80, 0x2FDF, "Hani"}, {0x3005, 0x3007, "Hani"}, {0x3021, 0x3029, "Hani"},
    {0x3031, 0x3035, "Hani"}, {0x3038, 0x303C, "Hani"}, {0x3040, 0x30FF, "Hani"},
    {0x3100, 0x312F, "Bopo"}, {0x3130, 0x318F, "Hang"}, {0x31F0, 0x31FF, "Hani"},
    {0x3400, 0x4DBF, "Hani"}, {0x4E00, 0x9FFF, "Hani"}, {0xA640, 0xA69F, "Cyrl"},
    {0xA720, 0xA7FF, "Latn"}, {0xA8E0, 0xA8FF, "Deva"}, {0xAC00, 0xD7AF, "Hang"},
    {0xF900, 0xFAFF, "Hani"}, {0xFB00, 0xFB06, "Latn"}, {0xFB1D, 0xFB4F, "Hebr"},
    {0xFB50, 0xFDFF, "Arab"}, {0xFE70, 0xFEFF, "Arab"}, {0xFF21, 0xFF3A, "Latn"},
    {0xFF41, 0xFF5A, "Latn"}, {0xFF66, 0xFF9F, "Hani"},
    {0x20000, 0x3FFFF, "Hani"},
};

/* Marks that join the letter before them, whatever its script. */
static const struct block marks[] = {
    {0x0300, 0x036F, NULL}, {0x0483, 0x0489, NULL}, {0x0591, 0x05BD, NULL},
    {0x05BF, 0x05BF, NULL}, {0x05C1, 0x05C2, NULL}, {0x05C4, 0x05C5, NULL},
    {0x05C7, 0x05C7, NULL}, {0x0610, 0x061A, NULL}, {0x064B, 0x065F, NULL},
    {0x0670, 0x0670, NULL}, {0x06D6, 0x06DC, NULL}, {0x06DF, 0x06E4, NULL},
    {0x06E7, 0x06E8, NULL}, {0x06EA, 0x06ED, NULL}, {0x0900, 0x0903, NULL},
    {0x093A, 0x094F, NULL}, {0x0951, 0x0957, NULL}, {0x0962, 0x0963, NULL},
    {0x1AB0, 0x1AFF, NULL}, {0x1DC0, 0x1DFF, NULL}, {0x200C, 0x200D, NULL},
    {0x20D0, 0x20FF, NULL}, {0x3099, 0x309A, NULL}, {0xFE00, 0xFE0F, NULL},
    {0xFE20, 0xFE2F, NULL}, {0xE0100, 0xE01EF, NULL},
};

static const struct block *find(const struct block *b, size_t count, uint32_t cp)
{
    size_t lo = 0, hi = count;
    while (lo < hi) { /* the last block whose first is <= cp */
        size_t mid = (lo + hi) / 2;
        if (b[mid].first <= cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && cp <= b[lo - 1].last ? &b[lo - 1] : NULL;
}

const char *ebb_letters_script(uint32_t cp)
{
    if (cp < 0x80) /* the common case, without a search */
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z' ? "Latn" : NULL;
    if (ebb_letters_is_mark(cp))
        return NULL;
    const struct block *b = find(blocks, sizeof blocks / sizeof blocks[0], cp);
    return b ? b->script : NULL;
}

bool ebb_letters_is_mark(uint32_t cp)
{
    return cp >= 0x300 && find(marks, sizeof marks / sizeof marks[0], cp) != NULL;
}

int ebb_letters_runs(const char *s, size_t n, const struct ebb_letters_fonts *fonts,
                     struct ebb_letters_run *runs, int max)
{
    int count = 0;
    struct ebb_letters_run *cur = NULL;
    size_t i = 0;
    while (i < n) {
        size_t len;
        uint32_t cp = ebb_utf8_next(s + i, n - i, &len);
        const char *script = ebb_letters_script(cp);
        bool mark = ebb_letters_is_mark(cp);
        bool same_script = !script || !cur || !cur->script || strcmp(cur->script, script) == 0;
        /* a mark stays with its letter even where the font lacks it (the shaper draws
         * what it can); a letter of the same script stays when it would be drawn in the
         * run's font anyway, a shared character when that font has it */
        bool stay = cur && (mark || (same_script && (script || cur->font == EBB_FONT_NONE
                                                         ? fonts->pick(fonts->ctx, cp, script) ==
                                                               cur->font
                                                         : fonts->covers(fonts->ctx, cur->font, cp))));
        if (!stay) {
            int font = fonts->pick(fonts->ctx, cp, script);
            if (cur && font == cur->font && same_script) {
                stay = true;
            } else {
                if (count == max)
                    break;
                cur = &runs[count++];
                cur->start = i;
                cur->len = 0;
                cur->font = font;
                cur->script = script;
            }
        }
        if (!cur->script && script)
            cur->script = script;
        cur->len += len;
        i += len;
    }
    for (int k = 0; k < count; k++)
        if (!runs[k].script)
            runs[k].script = "Zyyy";
    return count;
}
