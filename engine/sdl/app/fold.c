/* fold: a table of ranges that fold by a fixed offset, written from the Unicode
 * character tables for the scripts people write exercises in, and a UTF-8 walk. */
#include "fold.h"

#include <string.h>

/* Code points lo..hi fold to themselves + delta; with step 2 only lo, lo+2, lo+4...
 * do (the alternating upper/lower pairs of Latin Extended, Cyrillic, Coptic...). */
struct fold_range {
    uint32_t lo, hi;
    int32_t delta;
    uint8_t step;
};

/* In code point order; no two ranges overlap. */
static const struct fold_range ranges[] = {
    {0x0041, 0x005A, 32, 1},      /* A-Z */
    {0x00B5, 0x00B5, 775, 1},     /* micro sign -> μ */
    {0x00C0, 0x00D6, 32, 1},      /* À-Ö */
    {0x00D8, 0x00DE, 32, 1},      /* Ø-Þ */
    {0x0100, 0x012E, 1, 2},       /* Ā ... Į */
    {0x0132, 0x0136, 1, 2},       /* Ĳ ... Ķ */
    {0x0139, 0x0147, 1, 2},       /* Ĺ ... Ň */
    {0x014A, 0x0176, 1, 2},       /* Ŋ ... Ŷ */
    {0x0178, 0x0178, -121, 1},    /* Ÿ -> ÿ */
    {0x0179, 0x017D, 1, 2},       /* Ź ... Ž */
    {0x017F, 0x017F, -268, 1},    /* long s -> s */
    {0x0181, 0x0181, 210, 1},     /* Ɓ */
    {0x0182, 0x0184, 1, 2},
    {0x0186, 0x0186, 206, 1},     /* Ɔ */
    {0x0187, 0x0187, 1, 1},
    {0x0189, 0x018A, 205, 1},     /* Ɖ Ɗ */
    {0x018B, 0x018B, 1, 1},
    {0x018E, 0x018E, 79, 1},      /* Ǝ */
    {0x018F, 0x018F, 202, 1},     /* Ə (Azerbaijani) -> ə */
    {0x0190, 0x0190, 203, 1},     /* Ɛ */
    {0x0191, 0x0191, 1, 1},
    {0x0193, 0x0193, 205, 1},
    {0x0194, 0x0194, 207, 1},
    {0x0196, 0x0196, 211, 1},
    {0x0197, 0x0197, 209, 1},
    {0x0198, 0x0198, 1, 1},
    {0x019C, 0x019C, 211, 1},
    {0x019D, 0x019D, 213, 1},
    {0x019F, 0x019F, 214, 1},
    {0x01A0, 0x01A4, 1, 2},
    {0x01A6, 0x01A6, 218, 1},
    {0x01A7, 0x01A7, 1, 1},
    {0x01A9, 0x01A9, 218, 1},
    {0x01AC, 0x01AC, 1, 1},
    {0x01AE, 0x01AE, 218, 1},
    {0x01AF, 0x01AF, 1, 1},
    {0x01B1, 0x01B2, 217, 1},
    {0x01B3, 0x01B5, 1, 2},
    {0x01B7, 0x01B7, 219, 1},     /* Ʒ */
    {0x01B8, 0x01B8, 1, 1},
    {0x01BC, 0x01BC, 1, 1},
    {0x01C4, 0x01C4, 2, 1},       /* Ǆ -> ǆ */
    {0x01C5, 0x01C5, 1, 1},
    {0x01C7, 0x01C7, 2, 1},       /* Ǉ -> ǉ */
    {0x01C8, 0x01C8, 1, 1},
    {0x01CA, 0x01CA, 2, 1},       /* Ǌ -> ǌ */
    {0x01CB, 0x01DB, 1, 2},
    {0x01DE, 0x01EE, 1, 2},
    {0x01F1, 0x01F1, 2, 1},       /* Ǳ -> ǳ */
    {0x01F2, 0x01F4, 1, 2},
    {0x01F6, 0x01F6, -97, 1},
    {0x01F7, 0x01F7, -56, 1},
    {0x01F8, 0x021E, 1, 2},       /* Ǹ ... Ȟ (Romanian Ș Ț among them) */
    {0x0220, 0x0220, -130, 1},
    {0x0222, 0x0232, 1, 2},
    {0x023A, 0x023A, 10795, 1},
    {0x023B, 0x023B, 1, 1},
    {0x023D, 0x023D, -163, 1},
    {0x023E, 0x023E, 10792, 1},
    {0x0241, 0x0241, 1, 1},
    {0x0243, 0x0243, -195, 1},
    {0x0244, 0x0244, 69, 1},
    {0x0245, 0x0245, 71, 1},
    {0x0246, 0x024E, 1, 2},
    {0x0345, 0x0345, 116, 1},     /* combining ypogegrammeni -> ι */
    {0x0370, 0x0372, 1, 2},
    {0x0376, 0x0376, 1, 1},
    {0x037F, 0x037F, 116, 1},
    {0x0386, 0x0386, 38, 1},      /* Ά */
    {0x0388, 0x038A, 37, 1},      /* Έ Ή Ί */
    {0x038C, 0x038C, 64, 1},      /* Ό */
    {0x038E, 0x038F, 63, 1},      /* Ύ Ώ */
    {0x0391, 0x03A1, 32, 1},      /* Α-Ρ */
    {0x03A3, 0x03AB, 32, 1},      /* Σ-Ϋ */
    {0x03C2, 0x03C2, 1, 1},       /* final ς -> σ */
    {0x03CF, 0x03CF, 8, 1},
    {0x03D0, 0x03D0, -30, 1},     /* ϐ -> β */
    {0x03D1, 0x03D1, -25, 1},     /* ϑ -> θ */
    {0x03D5, 0x03D5, -15, 1},     /* ϕ -> φ */
    {0x03D6, 0x03D6, -22, 1},     /* ϖ -> π */
    {0x03D8, 0x03EE, 1, 2},
    {0x03F0, 0x03F0, -54, 1},     /* ϰ -> κ */
    {0x03F1, 0x03F1, -48, 1},     /* ϱ -> ρ */
    {0x03F4, 0x03F4, -60, 1},     /* ϴ -> θ */
    {0x03F5, 0x03F5, -64, 1},     /* ϵ -> ε */
    {0x03F7, 0x03F7, 1, 1},
    {0x03F9, 0x03F9, -7, 1},
    {0x03FA, 0x03FA, 1, 1},
    {0x03FD, 0x03FF, -130, 1},
    {0x0400, 0x040F, 80, 1},      /* Ѐ-Џ */
    {0x0410, 0x042F, 32, 1},      /* А-Я */
    {0x0460, 0x0480, 1, 2},
    {0x048A, 0x04BE, 1, 2},
    {0x04C0, 0x04C0, 15, 1},      /* Ӏ */
    {0x04C1, 0x04CD, 1, 2},
    {0x04D0, 0x052E, 1, 2},
    {0x0531, 0x0556, 48, 1},      /* Armenian Ա-Ֆ */
    {0x10A0, 0x10C5, 7264, 1},    /* Georgian Asomtavruli -> Nuskhuri */
    {0x10C7, 0x10C7, 7264, 1},
    {0x10CD, 0x10CD, 7264, 1},
    {0x13F8, 0x13FD, -8, 1},      /* Cherokee small letters fold to the capitals */
    {0x1C80, 0x1C80, -6222, 1},   /* old forms of Cyrillic letters */
    {0x1C81, 0x1C81, -6221, 1},
    {0x1C82, 0x1C82, -6212, 1},
    {0x1C83, 0x1C84, -6210, 1},
    {0x1C85, 0x1C85, -6211, 1},
    {0x1C86, 0x1C86, -6204, 1},
    {0x1C87, 0x1C87, -6180, 1},
    {0x1C88, 0x1C88, 35267, 1},
    {0x1C90, 0x1CBA, -3008, 1},   /* Georgian Mtavruli -> Mkhedruli */
    {0x1CBD, 0x1CBF, -3008, 1},
    {0x1E00, 0x1E94, 1, 2},       /* Latin Extended Additional (Vietnamese among it) */
    {0x1E9B, 0x1E9B, -58, 1},
    {0x1EA0, 0x1EFE, 1, 2},
    {0x1F08, 0x1F0F, -8, 1},      /* polytonic Greek */
    {0x1F18, 0x1F1D, -8, 1},
    {0x1F28, 0x1F2F, -8, 1},
    {0x1F38, 0x1F3F, -8, 1},
    {0x1F48, 0x1F4D, -8, 1},
    {0x1F59, 0x1F5F, -8, 2},
    {0x1F68, 0x1F6F, -8, 1},
    {0x1FB8, 0x1FB9, -8, 1},
    {0x1FBA, 0x1FBB, -74, 1},
    {0x1FBE, 0x1FBE, -7173, 1},   /* prosgegrammeni -> ι */
    {0x1FC8, 0x1FCB, -86, 1},
    {0x1FD8, 0x1FD9, -8, 1},
    {0x1FDA, 0x1FDB, -100, 1},
    {0x1FE8, 0x1FE9, -8, 1},
    {0x1FEA, 0x1FEB, -112, 1},
    {0x1FEC, 0x1FEC, -7, 1},
    {0x1FF8, 0x1FF9, -128, 1},
    {0x1FFA, 0x1FFB, -126, 1},
    {0x2126, 0x2126, -7517, 1},   /* ohm sign -> ω */
    {0x212A, 0x212A, -8383, 1},   /* kelvin sign -> k */
    {0x212B, 0x212B, -8262, 1},   /* angstrom sign -> å */
    {0x2132, 0x2132, 28, 1},
    {0x2160, 0x216F, 16, 1},      /* Roman numerals */
    {0x2183, 0x2183, 1, 1},
    {0x24B6, 0x24CF, 26, 1},      /* circled letters */
    {0x2C00, 0x2C2F, 48, 1},      /* Glagolitic */
    {0x2C60, 0x2C60, 1, 1},
    {0x2C62, 0x2C62, -10743, 1},
    {0x2C63, 0x2C63, -3814, 1},
    {0x2C64, 0x2C64, -10727, 1},
    {0x2C67, 0x2C6B, 1, 2},
    {0x2C6D, 0x2C6D, -10780, 1},
    {0x2C6E, 0x2C6E, -10749, 1},
    {0x2C6F, 0x2C6F, -10783, 1},
    {0x2C70, 0x2C70, -10782, 1},
    {0x2C72, 0x2C72, 1, 1},
    {0x2C75, 0x2C75, 1, 1},
    {0x2C7E, 0x2C7F, -10815, 1},
    {0x2C80, 0x2CE2, 1, 2},       /* Coptic */
    {0x2CEB, 0x2CED, 1, 2},
    {0x2CF2, 0x2CF2, 1, 1},
    {0xA640, 0xA66C, 1, 2},       /* Cyrillic Extended-B */
    {0xA680, 0xA69A, 1, 2},
    {0xA722, 0xA72E, 1, 2},       /* Latin Extended-D */
    {0xA732, 0xA76E, 1, 2},
    {0xA779, 0xA77B, 1, 2},
    {0xA77D, 0xA77D, -35332, 1},
    {0xA77E, 0xA786, 1, 2},
    {0xA78B, 0xA78B, 1, 1},
    {0xA78D, 0xA78D, -42280, 1},
    {0xA790, 0xA792, 1, 2},
    {0xA796, 0xA7A8, 1, 2},
    {0xA7B4, 0xA7C2, 1, 2},
    {0xAB70, 0xABBF, -38864, 1},  /* Cherokee small letters fold to the capitals */
    {0xFF21, 0xFF3A, 32, 1},      /* fullwidth Ａ-Ｚ */
    {0x10400, 0x10427, 40, 1},    /* Deseret */
    {0x104B0, 0x104D3, 40, 1},    /* Osage */
    {0x10570, 0x1057A, 39, 1},    /* Vithkuqi */
    {0x1057C, 0x1058A, 39, 1},
    {0x1058C, 0x10592, 39, 1},
    {0x10594, 0x10595, 39, 1},
    {0x10C80, 0x10CB2, 64, 1},    /* Old Hungarian */
    {0x118A0, 0x118BF, 32, 1},    /* Warang Citi */
    {0x16E40, 0x16E5F, 32, 1},    /* Medefaidrin */
    {0x1E900, 0x1E921, 34, 1},    /* Adlam */
};

/* Letters that fold to more than one. */
struct fold_multi {
    uint32_t c;
    uint32_t to[3];
    int n;
};

static const struct fold_multi multis[] = {
    {0x00DF, {'s', 's', 0}, 2},       /* ß */
    {0x0130, {'i', 0, 0}, 1},         /* İ: a plain i (full folding adds U+0307) */
    {0x0149, {0x02BC, 'n', 0}, 2},    /* ŉ */
    {0x01F0, {'j', 0x030C, 0}, 2},    /* ǰ */
    {0x0587, {0x0565, 0x0582, 0}, 2}, /* Armenian ligature և */
    {0x1E96, {'h', 0x0331, 0}, 2},
    {0x1E97, {'t', 0x0308, 0}, 2},
    {0x1E98, {'w', 0x030A, 0}, 2},
    {0x1E99, {'y', 0x030A, 0}, 2},
    {0x1E9A, {'a', 0x02BE, 0}, 2},
    {0x1E9E, {'s', 's', 0}, 2},       /* capital ẞ */
    {0xFB00, {'f', 'f', 0}, 2},       /* Latin ligatures */
    {0xFB01, {'f', 'i', 0}, 2},
    {0xFB02, {'f', 'l', 0}, 2},
    {0xFB03, {'f', 'f', 'i'}, 3},
    {0xFB04, {'f', 'f', 'l'}, 3},
    {0xFB05, {'s', 't', 0}, 2},
    {0xFB06, {'s', 't', 0}, 2},
    {0xFB13, {0x0574, 0x0576, 0}, 2}, /* Armenian ligatures */
    {0xFB14, {0x0574, 0x0565, 0}, 2},
    {0xFB15, {0x0574, 0x056B, 0}, 2},
    {0xFB16, {0x057E, 0x0576, 0}, 2},
    {0xFB17, {0x0574, 0x056D, 0}, 2},
};

int fold_code(uint32_t c, uint32_t out[3])
{
    for (size_t i = 0; i < sizeof multis / sizeof multis[0]; i++) {
        if (multis[i].c == c) {
            memcpy(out, multis[i].to, sizeof multis[i].to);
            return multis[i].n;
        }
    }
    size_t lo = 0, hi = sizeof ranges / sizeof ranges[0];
    while (lo < hi) { /* the range whose hi is the first >= c */
        size_t mid = (lo + hi) / 2;
        if (ranges[mid].hi < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    out[0] = c;
    if (lo < sizeof ranges / sizeof ranges[0]) {
        const struct fold_range *r = &ranges[lo];
        if (c >= r->lo && (r->step == 1 || (c - r->lo) % 2 == 0))
            out[0] = (uint32_t)((int32_t)c + r->delta);
    }
    return 1;
}

/* The code point at s (n bytes left), its length in *len; -1 for a byte that does not
 * begin a valid sequence. */
static int32_t decode(const unsigned char *s, size_t n, size_t *len)
{
    if (s[0] < 0x80) {
        *len = 1;
        return s[0];
    }
    int k = s[0] >= 0xF0 && s[0] < 0xF5 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
    if (s[0] >= 0xF5 || k == 0 || (size_t)k > n)
        return -1;
    uint32_t c = s[0] & (0x7F >> k);
    for (int i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return -1;
        c = c << 6 | (s[i] & 0x3F);
    }
    if ((k == 3 && c < 0x800) || (k == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
        (c >= 0xD800 && c <= 0xDFFF))
        return -1;
    *len = (size_t)k;
    return (int32_t)c;
}

static size_t encode(uint32_t c, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (c < 0x80) {
        o[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (unsigned char)(0xC0 | c >> 6);
        o[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (unsigned char)(0xE0 | c >> 12);
        o[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
        o[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | c >> 18);
    o[1] = (unsigned char)(0x80 | (c >> 12 & 0x3F));
    o[2] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
    o[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

size_t fold_utf8(const char *s, char *out, size_t size)
{
    size_t o = 0, n = s ? strlen(s) : 0;
    if (size == 0)
        return 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t len = 1;
        int32_t c = decode(u + i, n - i, &len);
        char buf[12];
        size_t w = 0;
        if (c < 0) {
            buf[w++] = (char)u[i]; /* not UTF-8: as it is */
        } else {
            uint32_t f[3];
            int k = fold_code((uint32_t)c, f);
            for (int j = 0; j < k; j++)
                w += encode(f[j], buf + w);
        }
        if (o + w + 1 > size)
            break;
        memcpy(out + o, buf, w);
        o += w;
        i += len;
    }
    out[o] = '\0';
    return o;
}

#define FOLD_TEXT_MAX 4096 /* folded text compared: titles, summaries, tags */

bool fold_contains(const char *hay, const char *needle)
{
    char h[FOLD_TEXT_MAX], nd[FOLD_TEXT_MAX];
    if (!needle || !needle[0])
        return true;
    if (!hay)
        return false;
    fold_utf8(hay, h, sizeof h);
    fold_utf8(needle, nd, sizeof nd);
    return strstr(h, nd) != NULL;
}
