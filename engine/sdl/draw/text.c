/* text: fontconfig picks the font, SDL_ttf draws it, a small cache keeps the textures.
 * Text is rasterized white and tinted with the texture's colour and alpha mods, so one
 * texture serves every colour and fade. */
#include "text.h"

#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bidi.h"
#include "damage.h"
#include "fonts.h"
#include "text_line.h"
#include "wrap.h"

#define CACHE_MAX 160  /* textures kept: every string of a screen fits */
#define KEY_MAX 256    /* longer strings are drawn but not cached */
#define PATH_MAX_ 1024

struct entry {
    SDL_Texture *tex; /* NULL: free slot */
    int size;         /* mode_of(size, direction) */
    int top;          /* pixels the texture reaches above the line (a taller fallback font) */
    uint32_t hash;
    char key[KEY_MAX];
    int w, h;
    unsigned long used; /* draw counter at the last use */
};

#define WRAP_MEMO_MAX 8        /* wrapped paragraphs whose balanced width is remembered */
#define WRAP_DRAW_LINES_MAX 32 /* lines of one wrapped paragraph */

/* A paragraph's balanced width (wrap.h) for one size, width and line limit. */
struct wrap_memo {
    uint32_t hash; /* hash_of(key, size); 0 with an empty key: unused */
    int size, max_lines, height;
    float max_width, width;
    char key[KEY_MAX];
};

struct text {
    SDL_Renderer *ren;
    char path[PATH_MAX_];
    struct fonts *fonts; /* the main font and its fallbacks, at the sizes below */
    int boxes;           /* characters drawn as a box (no font has them) since text_open */
    int height; /* output height the fonts were opened for */
    unsigned long clock;
    struct entry cache[CACHE_MAX];
    struct wrap_memo wraps[WRAP_MEMO_MAX];
    int wrap_next; /* the memo entry to replace next */
    int bound_w, bound_h; /* the output, for noticing text drawn past its edges; 0: unknown */
    int clips;            /* texts cut or drawn past the edges since text_clips_reset */
    bool cut_shown_elsewhere; /* text_draw_preview: a cut there is not a loss */
    char clip_last[96];   /* the last of them, for a test's log */
};

/* Fractions of the output height: readable from two metres in full screen. */
static const float size_frac[TEXT_SIZE_COUNT] = {1.0f / 40, 1.0f / 26, 1.0f / 15, 1.0f / 8};
static const int size_min[TEXT_SIZE_COUNT] = {11, 14, 20, 28};

/* Characters every font must have: accented Latin, Greek, Cyrillic. */
static const FcChar32 needed[] = {0xE9, 0x15D, 0x3A9, 0x3B1, 0x416, 0x44F, 0x2014};

static int find_font(char *out, size_t size)
{
    const char *env = getenv("EBB_FONT");
    if (env && env[0]) {
        snprintf(out, size, "%s", env);
        return 0;
    }
    if (!FcInit())
        return -1;
    int found = -1;
    /* DejaVu Sans first, whatever the system's sans-serif is (installing the Noto fonts
     * for other scripts makes that Noto Sans): the layout is measured in it; fontconfig
     * substitutes the system's sans-serif when it is missing */
    FcPattern *pat = FcNameParse((const FcChar8 *)"DejaVu Sans");
    FcCharSet *cs = FcCharSetCreate();
    for (size_t i = 0; i < sizeof needed / sizeof needed[0]; i++)
        FcCharSetAddChar(cs, needed[i]);
    FcPatternAddCharSet(pat, FC_CHARSET, cs);
    FcPatternAddString(pat, FC_FONTFORMAT, (const FcChar8 *)"TrueType");
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcFontSet *set = FcFontSort(NULL, pat, FcFalse, NULL, &res);
    /* the chain: the first font of the sorted list that covers every needed character */
    for (int i = 0; set && i < set->nfont && found != 0; i++) {
        FcChar8 *file = NULL;
        FcCharSet *have = NULL;
        if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch ||
            FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &have) != FcResultMatch)
            continue;
        int covers = 1;
        for (size_t k = 0; k < sizeof needed / sizeof needed[0]; k++)
            covers &= FcCharSetHasChar(have, needed[k]) ? 1 : 0;
        if (covers) {
            snprintf(out, size, "%s", (const char *)file);
            found = 0;
        }
    }
    if (set)
        FcFontSetDestroy(set);
    FcCharSetDestroy(cs);
    FcPatternDestroy(pat);
    FcFini();
    return found;
}

/* The pixel size of each text size for an output height. */
static void sizes_for(int output_height, int px[TEXT_SIZE_COUNT])
{
    for (int i = 0; i < TEXT_SIZE_COUNT; i++) {
        px[i] = (int)(output_height * size_frac[i] + 0.5f);
        if (px[i] < size_min[i])
            px[i] = size_min[i];
    }
}

/* The main font at a size (NULL when it could not be opened). */
static TTF_Font *main_font(struct text *t, enum text_size size)
{
    return fonts_get(t->fonts, 0, (int)size);
}

struct text *text_open(SDL_Renderer *ren, char *err, size_t err_size)
{
    struct text *t = calloc(1, sizeof *t);
    if (!t) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    t->ren = ren;
    if (!TTF_WasInit() && TTF_Init() != 0) {
        snprintf(err, err_size, "cannot start SDL_ttf: %s", TTF_GetError());
        free(t);
        return NULL;
    }
    if (find_font(t->path, sizeof t->path) != 0) {
        snprintf(err, err_size,
                 "no font found that covers Latin, Greek and Cyrillic "
                 "(install fonts-dejavu-core, or set EBB_FONT to a .ttf file)");
        free(t);
        return NULL;
    }
    struct stat st; /* EBB_FONT may name a FIFO, whose open would wait for ever */
    if (stat(t->path, &st) == 0 && !S_ISREG(st.st_mode)) {
        snprintf(err, err_size, "cannot open the font %s: not a regular file", t->path);
        free(t);
        return NULL;
    }
    int px[TEXT_SIZE_COUNT];
    sizes_for(720, px);
    t->fonts = fonts_open(t->path, px);
    if (!t->fonts) {
        snprintf(err, err_size, "cannot open the font %s: %s", t->path, TTF_GetError());
        free(t);
        return NULL;
    }
    t->height = 720;
    return t;
}

void text_flush(struct text *t)
{
    for (int i = 0; i < CACHE_MAX; i++) {
        if (t->cache[i].tex)
            SDL_DestroyTexture(t->cache[i].tex);
        t->cache[i].tex = NULL;
    }
}

void text_close(struct text *t)
{
    if (!t)
        return;
    text_flush(t);
    fonts_close(t->fonts);
    free(t);
    TTF_Quit();
}

const char *text_font_path(const struct text *t)
{
    return t->path;
}

void text_set_height(struct text *t, int output_height)
{
    if (output_height < 120)
        output_height = 120;
    if (output_height == t->height)
        return;
    text_flush(t);
    int px[TEXT_SIZE_COUNT];
    sizes_for(output_height, px);
    if (fonts_resize(t->fonts, px) != 0)
        return; /* keep the previous sizes rather than no text */
    t->height = output_height;
}

static uint32_t hash_of(const char *s, int size)
{
    uint32_t h = 2166136261u ^ (uint32_t)size;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* A line's paragraph direction: its own first strong character's, or the paragraph's. */
enum dir { DIR_AUTO, DIR_LTR, DIR_RTL };

static int mode_of(enum text_size size, enum dir d)
{
    return (int)size * 3 + (int)d;
}

/* The cached texture of s, made when missing; NULL for an empty string or a failure. */
static struct entry *lookup(struct text *t, enum text_size size, const char *s, enum dir d)
{
    static struct entry scratch; /* an uncached long string: freed on the next call */
    if (!s || !s[0] || !main_font(t, size))
        return NULL;
    t->clock++;
    size_t len = strlen(s);
    int mode = mode_of(size, d);
    uint32_t h = hash_of(s, mode);
    struct entry *victim = &t->cache[0];
    if (len < KEY_MAX) {
        for (int i = 0; i < CACHE_MAX; i++) {
            struct entry *e = &t->cache[i];
            if (e->tex && e->hash == h && e->size == mode && strcmp(e->key, s) == 0) {
                e->used = t->clock;
                return e;
            }
            if (!e->tex || (victim->tex && e->used < victim->used))
                victim = e;
        }
    } else {
        victim = &scratch;
    }
    bool rtl = d == DIR_RTL || (d == DIR_AUTO && ebb_bidi_is_rtl(s));
    int top = 0;
    SDL_Surface *surf = text_line_render(t->fonts, (int)size, s, len, rtl, &top, &t->boxes);
    if (!surf)
        return NULL;
    if (victim->tex)
        SDL_DestroyTexture(victim->tex);
    victim->tex = SDL_CreateTextureFromSurface(t->ren, surf);
    victim->w = surf->w;
    victim->h = surf->h;
    SDL_FreeSurface(surf);
    if (!victim->tex)
        return NULL;
    SDL_SetTextureBlendMode(victim->tex, SDL_BLENDMODE_BLEND);
    victim->size = mode;
    victim->top = top;
    victim->hash = h;
    victim->used = t->clock;
    if (victim != &scratch)
        snprintf(victim->key, sizeof victim->key, "%s", s);
    return victim;
}

static void clipped(struct text *t, const char *s)
{
    t->clips++;
    snprintf(t->clip_last, sizeof t->clip_last, "%s", s);
}

void text_set_bounds(struct text *t, int w, int h)
{
    t->bound_w = w;
    t->bound_h = h;
}

int text_clips(const struct text *t, const char **last)
{
    if (last)
        *last = t->clip_last;
    return t->clips;
}

void text_clips_reset(struct text *t)
{
    t->clips = 0;
    t->clip_last[0] = '\0';
}

/* One line in a paragraph of direction d. */
static int draw_line(struct text *t, enum text_size size, const char *s, float x, float y,
                     enum text_align align, SDL_Color c, enum dir d)
{
    struct entry *e = lookup(t, size, s, d);
    if (!e)
        return 0;
    SDL_FRect dst = {x, y - (float)e->top, (float)e->w, (float)e->h};
    if (align == TEXT_CENTER)
        dst.x = x - e->w / 2.0f;
    else if (align == TEXT_RIGHT)
        dst.x = x - e->w;
    dst.x = (float)(int)dst.x; /* whole pixels keep glyphs sharp */
    dst.y = (float)(int)dst.y;
    if (t->bound_w > 0 && (dst.x < -1 || dst.y < -1 || dst.x + e->w > t->bound_w + 1 ||
                           dst.y + e->h > t->bound_h + 1))
        clipped(t, s);
    if (damage_recording(t->ren)) { /* the recording pass of damage.h: note, draw nothing */
        uint32_t h = damage_hash_u32(damage_hash_u32(DAMAGE_HASH_SEED, e->hash),
                                     (uint32_t)e->w << 16 ^ (uint32_t)e->h);
        h = damage_hash_color(damage_hash_float(damage_hash_float(h, dst.x), dst.y), c);
        damage_note(t->ren, dst.x, dst.y, dst.x + e->w, dst.y + e->h, h);
        return e->w;
    }
    SDL_SetTextureColorMod(e->tex, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(e->tex, c.a);
    SDL_RenderCopyF(t->ren, e->tex, NULL, &dst);
    return e->w;
}

int text_draw(struct text *t, enum text_size size, const char *s, float x, float y,
              enum text_align align, SDL_Color c)
{
    return draw_line(t, size, s, x, y, align, c, DIR_AUTO);
}

bool text_is_rtl(const char *s)
{
    return ebb_bidi_is_rtl(s);
}

int text_boxes(const struct text *t)
{
    return t->boxes;
}

/* A paragraph's direction; a right-to-left one is set against the right edge of its box
 * where the caller asked for the left. */
static enum dir paragraph(const char *s, float *x, float max_width, enum text_align *align)
{
    if (!ebb_bidi_is_rtl(s))
        return DIR_LTR;
    if (*align == TEXT_LEFT) {
        *align = TEXT_RIGHT;
        *x += max_width;
    }
    return DIR_RTL;
}

int text_width(struct text *t, enum text_size size, const char *s)
{
    if (!s || !s[0] || !main_font(t, size))
        return 0;
    return text_line_width(t->fonts, (int)size, s, strlen(s));
}

int text_line_height(struct text *t, enum text_size size)
{
    TTF_Font *f = main_font(t, size);
    return f ? TTF_FontLineSkip(f) : 16;
}

/* Measures n bytes of a string for wrap.c. */
struct measure_ctx {
    struct text *t;
    enum text_size size;
};

static float measure(void *ctx, const char *s, size_t n)
{
    struct measure_ctx *m = ctx;
    if (n == 0 || !main_font(m->t, m->size))
        return 0;
    return (float)text_line_width(m->t->fonts, (int)m->size, s, n);
}

/* The balanced width of a paragraph, remembered: measuring it costs a few dozen
 * TTF_SizeUTF8 calls, and the same prompt is drawn every frame. */
static float balanced_width(struct text *t, enum text_size size, const char *s, float max_width,
                            int max_lines)
{
    struct measure_ctx m = {t, size};
    if (strlen(s) >= KEY_MAX)
        return wrap_balanced_width(s, max_width, max_lines, measure, &m);
    uint32_t h = hash_of(s, (int)size);
    for (int i = 0; i < WRAP_MEMO_MAX; i++) {
        struct wrap_memo *w = &t->wraps[i];
        if (w->hash == h && w->size == (int)size && w->max_width == max_width &&
            w->max_lines == max_lines && w->height == t->height && strcmp(w->key, s) == 0)
            return w->width;
    }
    struct wrap_memo *w = &t->wraps[t->wrap_next];
    t->wrap_next = (t->wrap_next + 1) % WRAP_MEMO_MAX;
    w->hash = h;
    w->size = (int)size;
    w->max_width = max_width;
    w->max_lines = max_lines;
    w->height = t->height;
    snprintf(w->key, sizeof w->key, "%s", s);
    w->width = wrap_balanced_width(s, max_width, max_lines, measure, &m);
    return w->width;
}

int text_draw_wrapped(struct text *t, enum text_size size, const char *s, float x, float y,
                      float max_width, int max_lines, enum text_align align, SDL_Color c)
{
    struct wrap_line lines[WRAP_DRAW_LINES_MAX];
    struct measure_ctx m = {t, size};
    char line[KEY_MAX];
    bool more;
    if (!s || !s[0] || max_lines <= 0)
        return 0;
    if (max_lines > WRAP_DRAW_LINES_MAX)
        max_lines = WRAP_DRAW_LINES_MAX;
    float width = balanced_width(t, size, s, max_width, max_lines);
    enum dir d = paragraph(s, &x, max_width, &align);
    int n = wrap_greedy(s, width, max_lines, measure, &m, lines, &more);
    int lh = text_line_height(t, size);
    for (int i = 0; i < n; i++) {
        size_t len = lines[i].len < sizeof line - 1 ? lines[i].len : sizeof line - 1;
        const unsigned char *u = (const unsigned char *)s + lines[i].start;
        while (len > 0 && len < lines[i].len && (u[len] & 0xC0) == 0x80)
            len--; /* a cut long line ends on a whole character */
        memcpy(line, s + lines[i].start, len);
        line[len] = '\0';
        if (i == n - 1 && more && len + 5 < sizeof line)
            strcat(line, " …");
        if (i == n - 1 && more && !t->cut_shown_elsewhere)
            clipped(t, s);
        draw_line(t, size, line, x, y + (float)i * lh, align, c, d);
    }
    return n * lh;
}

/* The largest size from `size` down to TEXT_SMALL whose wrap of s at max_width fits the
 * height of max_lines lines of `size`, remembered like the balanced width. */
struct fit_memo {
    uint32_t hash;
    int size, max_lines, height, got_size, got_lines;
    float max_width;
    char key[KEY_MAX];
};
#define FIT_MEMO_MAX 8
static struct fit_memo fits[FIT_MEMO_MAX];
static int fit_next;

static void fit_of(struct text *t, enum text_size size, const char *s, float max_width,
                   int max_lines, enum text_size *got, int *lines)
{
    uint32_t h = hash_of(s, (int)size);
    bool cacheable = strlen(s) < KEY_MAX;
    for (int i = 0; cacheable && i < FIT_MEMO_MAX; i++) {
        struct fit_memo *f = &fits[i];
        if (f->hash == h && f->size == (int)size && f->max_width == max_width &&
            f->max_lines == max_lines && f->height == t->height && strcmp(f->key, s) == 0) {
            *got = (enum text_size)f->got_size;
            *lines = f->got_lines;
            return;
        }
    }
    struct wrap_line wl[WRAP_DRAW_LINES_MAX];
    float budget = (float)(max_lines * text_line_height(t, size));
    *got = size;
    *lines = max_lines;
    for (int sz = (int)size; sz >= TEXT_SMALL; sz--) {
        struct measure_ctx m = {t, (enum text_size)sz};
        int n = (int)(budget / (float)text_line_height(t, (enum text_size)sz));
        n = n < max_lines ? max_lines : n > WRAP_DRAW_LINES_MAX ? WRAP_DRAW_LINES_MAX : n;
        bool more;
        wrap_greedy(s, max_width, n, measure, &m, wl, &more);
        *got = (enum text_size)sz;
        *lines = n;
        if (!more)
            break;
    }
    if (!cacheable)
        return;
    struct fit_memo *f = &fits[fit_next];
    fit_next = (fit_next + 1) % FIT_MEMO_MAX;
    f->hash = h;
    f->size = (int)size;
    f->max_lines = max_lines;
    f->max_width = max_width;
    f->height = t->height;
    f->got_size = (int)*got;
    f->got_lines = *lines;
    snprintf(f->key, sizeof f->key, "%s", s);
}

int text_draw_fit(struct text *t, enum text_size size, const char *s, float x, float y,
                  float max_width, int max_lines, enum text_align align, SDL_Color c)
{
    enum text_size got;
    int lines;
    if (!s || !s[0] || max_lines <= 0)
        return 0;
    fit_of(t, size, s, max_width, max_lines, &got, &lines);
    return text_draw_wrapped(t, got, s, x, y, max_width, lines, align, c);
}

#define SCROLL_LINES_MAX 4096 /* a 4000-character about text, one letter a line at worst */
static struct wrap_line scroll_lines[SCROLL_LINES_MAX];

int text_lines(struct text *t, enum text_size size, const char *s, float max_width)
{
    struct measure_ctx m = {t, size};
    bool more;
    if (!s || !s[0])
        return 0;
    return wrap_greedy(s, max_width, SCROLL_LINES_MAX, measure, &m, scroll_lines, &more);
}

int text_draw_lines(struct text *t, enum text_size size, const char *s, float x, float y,
                    float max_width, int first, int count, enum text_align align, SDL_Color c)
{
    struct measure_ctx m = {t, size};
    char line[KEY_MAX];
    bool more;
    if (!s || !s[0] || count <= 0)
        return 0;
    int n = wrap_greedy(s, max_width, SCROLL_LINES_MAX, measure, &m, scroll_lines, &more);
    int lh = text_line_height(t, size), drawn = 0;
    enum dir d = paragraph(s, &x, max_width, &align);
    for (int i = first < 0 ? 0 : first; i < n && drawn < count; i++, drawn++) {
        size_t len = scroll_lines[i].len < sizeof line - 1 ? scroll_lines[i].len : sizeof line - 1;
        memcpy(line, s + scroll_lines[i].start, len);
        line[len] = '\0';
        draw_line(t, size, line, x, y + (float)drawn * lh, align, c, d);
    }
    return drawn * lh;
}

int text_draw_preview(struct text *t, enum text_size size, const char *s, float x, float y,
                      float max_width, enum text_align align, SDL_Color c)
{
    t->cut_shown_elsewhere = true;
    int h = text_draw_wrapped(t, size, s, x, y, max_width, 1, align, c);
    t->cut_shown_elsewhere = false;
    return h;
}
