/* text_line: pieces of a line, each one font, one script and one direction. Measuring
 * needs no order (a piece's width does not depend on where it stands), so it skips the
 * bidirectional algorithm and shapes a right-to-left script's piece right to left. */
#include "text_line.h"

#include <string.h>

#include "bidi.h"

#define PIECES_MAX 64
#define PIECE_BYTES 1024

struct piece {
    size_t start, len;
    int font;
    const char *script;
    bool rtl;
};

static bool rtl_script(const char *script)
{
    return strcmp(script, "Hebr") == 0 || strcmp(script, "Arab") == 0 ||
           strcmp(script, "Syrc") == 0 || strcmp(script, "Thaa") == 0 ||
           strcmp(script, "Nkoo") == 0;
}

/* The pieces in logical order (visual false) or in visual order, the leftmost first. */
static int pieces_of(struct fonts *f, const char *s, size_t n, bool base_rtl, bool visual,
                     struct piece *out)
{
    struct ebb_letters_fonts cb = fonts_callbacks(f);
    struct ebb_letters_run lr[PIECES_MAX];
    struct ebb_bidi_run br[PIECES_MAX];
    int count = 0, nb = 1;
    if (visual)
        nb = ebb_bidi_runs(s, n, base_rtl, br, PIECES_MAX);
    else
        br[0] = (struct ebb_bidi_run){0, n, false};
    for (int b = 0; b < nb && count < PIECES_MAX; b++) {
        int nl = ebb_letters_runs(s + br[b].start, br[b].len, &cb, lr, PIECES_MAX - count);
        for (int k = 0; k < nl; k++) {
            /* within a right-to-left run the logically first piece is the rightmost */
            const struct ebb_letters_run *r = &lr[visual && br[b].rtl ? nl - 1 - k : k];
            out[count++] = (struct piece){br[b].start + r->start, r->len, r->font, r->script,
                                          visual ? br[b].rtl : rtl_script(r->script)};
        }
    }
    return count;
}

/* The font of a piece, told its script and direction for HarfBuzz. */
static TTF_Font *prepare(struct fonts *f, const struct piece *p, int size)
{
    TTF_Font *ttf = fonts_get(f, p->font, size);
    if (!ttf)
        return NULL;
    TTF_SetFontDirection(ttf, p->rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
    TTF_SetFontScriptName(ttf, p->script);
    return ttf;
}

/* The piece as a NUL-terminated string, cut on a whole character when too long. */
static const char *piece_text(const char *s, const struct piece *p, char *buf)
{
    size_t len = p->len < PIECE_BYTES - 1 ? p->len : PIECE_BYTES - 1;
    while (len > 0 && len < p->len && ((unsigned char)s[p->start + len] & 0xC0) == 0x80)
        len--;
    memcpy(buf, s + p->start, len);
    buf[len] = '\0';
    return buf;
}

static int chars(const char *s, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* A box's advance: a little over half the main font's ascent. */
static int box_width(struct fonts *f, int size)
{
    TTF_Font *main = fonts_get(f, 0, size);
    int w = main ? TTF_FontAscent(main) * 6 / 10 : 8;
    return w < 4 ? 4 : w;
}

static int piece_width(struct fonts *f, int size, const char *s, const struct piece *p)
{
    char buf[PIECE_BYTES];
    int w = 0, h = 0;
    if (p->font == EBB_FONT_NONE)
        return chars(s + p->start, p->len) * box_width(f, size);
    TTF_Font *ttf = prepare(f, p, size);
    if (!ttf || TTF_SizeUTF8(ttf, piece_text(s, p, buf), &w, &h) != 0)
        return 0;
    return w;
}

int text_line_width(struct fonts *f, int size, const char *s, size_t n)
{
    struct piece p[PIECES_MAX];
    int count = pieces_of(f, s, n, false, false, p), w = 0;
    for (int i = 0; i < count; i++)
        w += piece_width(f, size, s, &p[i]);
    return w;
}

/* Hollow boxes, one per character, in white at a quiet alpha, standing on the baseline. */
static void draw_boxes(SDL_Surface *dst, int x, int baseline, int count, int w, int ascent)
{
    Uint32 c = SDL_MapRGBA(dst->format, 255, 255, 255, 150);
    int h = ascent * 7 / 10, line = ascent / 14 > 1 ? ascent / 14 : 1;
    for (int i = 0; i < count; i++, x += w) {
        SDL_Rect box = {x + w / 8, baseline - h, w - w / 4, h};
        SDL_Rect sides[4] = {{box.x, box.y, box.w, line},
                             {box.x, box.y + box.h - line, box.w, line},
                             {box.x, box.y, line, box.h},
                             {box.x + box.w - line, box.y, line, box.h}};
        SDL_FillRects(dst, sides, 4, c);
    }
}

SDL_Surface *text_line_render(struct fonts *f, int size, const char *s, size_t n, bool base_rtl,
                              int *top, int *boxes)
{
    struct piece p[PIECES_MAX];
    SDL_Surface *surf[PIECES_MAX] = {NULL};
    int asc[PIECES_MAX], wid[PIECES_MAX];
    char buf[PIECE_BYTES];
    SDL_Color white = {255, 255, 255, 255};
    TTF_Font *main = fonts_get(f, 0, size);
    *top = 0;
    if (!main || n == 0)
        return NULL;
    int count = pieces_of(f, s, n, base_rtl, true, p);
    int a0 = TTF_FontAscent(main), h0 = TTF_FontHeight(main);
    int width = 0, bottom = h0;
    for (int i = 0; i < count; i++) {
        asc[i] = a0;
        wid[i] = piece_width(f, size, s, &p[i]);
        if (p[i].font != EBB_FONT_NONE) {
            TTF_Font *ttf = prepare(f, &p[i], size);
            surf[i] = ttf ? TTF_RenderUTF8_Blended(ttf, piece_text(s, &p[i], buf), white) : NULL;
            if (!surf[i])
                continue;
            if (count == 1 && p[i].font == 0)
                return surf[i]; /* the common case: one piece in the main font */
            asc[i] = TTF_FontAscent(ttf);
            wid[i] = surf[i]->w;
            if (asc[i] - a0 > *top)
                *top = asc[i] - a0;
            if (a0 + surf[i]->h - asc[i] > bottom)
                bottom = a0 + surf[i]->h - asc[i];
        }
        width += wid[i];
    }
    SDL_Surface *dst =
        width > 0 ? SDL_CreateRGBSurfaceWithFormat(0, width, *top + bottom, 32, SDL_PIXELFORMAT_ARGB8888)
                  : NULL;
    for (int i = 0, x = 0; i < count; x += wid[i], i++) {
        if (dst && surf[i]) {
            SDL_Rect at = {x, *top + a0 - asc[i], surf[i]->w, surf[i]->h};
            SDL_SetSurfaceBlendMode(surf[i], SDL_BLENDMODE_NONE);
            SDL_BlitSurface(surf[i], NULL, dst, &at);
        } else if (dst && p[i].font == EBB_FONT_NONE) {
            int c = chars(s + p[i].start, p[i].len);
            draw_boxes(dst, x, *top + a0, c, box_width(f, size), a0);
            *boxes += c;
        }
        if (surf[i])
            SDL_FreeSurface(surf[i]);
    }
    return dst;
}
