/* fonts: fallback fonts through fontconfig (FcFontSort with the character's coverage and
 * the script's language), opened with SDL_ttf only when first drawn. The answers are kept
 * in a small table of code points and one of scripts, so a frame looks nothing up. */
#include "fonts.h"

#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FONTS_MAX 24    /* the main font and its fallbacks: a few per script in use */
#define MEMO_SLOTS 4096 /* code points remembered (a power of two) */
#define SCRIPTS_MAX 32
#define REPORTED_MAX 64 /* characters with no font, reported once each */

struct face {
    char path[1024];
    int index;                       /* face in a collection (.ttc) */
    FcCharSet *have;                 /* what it covers; NULL for the main font */
    TTF_Font *ttf[FONTS_SIZES];      /* opened at px[] on first use */
    bool failed;                     /* could not be opened: never tried again */
};

struct memo {
    uint32_t key; /* cp + 1; 0: empty */
    int font;
};

struct script_font {
    char tag[5];
    int font; /* EBB_FONT_NONE: fontconfig had none for it */
};

struct fonts {
    FcConfig *fc; /* loaded on the first character the main font lacks */
    bool fc_failed;
    int px[FONTS_SIZES];
    struct face faces[FONTS_MAX];
    int count;
    struct memo memo[MEMO_SLOTS];
    int memo_used;
    struct script_font scripts[SCRIPTS_MAX];
    int script_count;
    uint32_t reported[REPORTED_MAX];
    int reported_count;
};

static TTF_Font *open_face(const struct face *fc, int px)
{
    TTF_Font *f = TTF_OpenFontIndex(fc->path, px, fc->index);
    if (f)
        TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
    return f;
}

struct fonts *fonts_open(const char *main_path, const int px[FONTS_SIZES])
{
    struct fonts *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    snprintf(f->faces[0].path, sizeof f->faces[0].path, "%s", main_path);
    f->count = 1;
    memcpy(f->px, px, sizeof f->px);
    for (int i = 0; i < FONTS_SIZES; i++)
        f->faces[0].ttf[i] = open_face(&f->faces[0], px[i]);
    if (!f->faces[0].ttf[0]) {
        fonts_close(f);
        return NULL;
    }
    return f;
}

static void close_sizes(struct face *fc)
{
    for (int i = 0; i < FONTS_SIZES; i++) {
        if (fc->ttf[i])
            TTF_CloseFont(fc->ttf[i]);
        fc->ttf[i] = NULL;
    }
}

void fonts_close(struct fonts *f)
{
    if (!f)
        return;
    for (int i = 0; i < f->count; i++) {
        close_sizes(&f->faces[i]);
        if (f->faces[i].have)
            FcCharSetDestroy(f->faces[i].have);
    }
    if (f->fc)
        FcConfigDestroy(f->fc);
    free(f);
}

int fonts_resize(struct fonts *f, const int px[FONTS_SIZES])
{
    TTF_Font *main[FONTS_SIZES];
    for (int i = 0; i < FONTS_SIZES; i++) {
        main[i] = open_face(&f->faces[0], px[i]);
        if (!main[i]) {
            for (int k = 0; k < i; k++)
                TTF_CloseFont(main[k]);
            return -1;
        }
    }
    for (int i = 0; i < f->count; i++)
        close_sizes(&f->faces[i]);
    memcpy(f->faces[0].ttf, main, sizeof main);
    memcpy(f->px, px, sizeof f->px);
    return 0;
}

TTF_Font *fonts_get(struct fonts *f, int font, int size)
{
    if (font < 0 || font >= f->count || size < 0 || size >= FONTS_SIZES)
        return NULL;
    struct face *fc = &f->faces[font];
    if (!fc->ttf[size] && !fc->failed) {
        fc->ttf[size] = open_face(fc, f->px[size]);
        fc->failed = fc->ttf[size] == NULL;
    }
    return fc->ttf[size];
}

int fonts_count(const struct fonts *f)
{
    return f->count;
}

bool fonts_covers(struct fonts *f, int font, uint32_t cp)
{
    if (font == 0)
        return TTF_GlyphIsProvided32(f->faces[0].ttf[0], cp) != 0;
    if (font < 0 || font >= f->count || f->faces[font].failed)
        return false;
    return FcCharSetHasChar(f->faces[font].have, cp) != 0;
}

/* The language fontconfig is asked for with a script, so that e.g. han characters get a
 * Japanese or a Chinese face as the person's locale says. */
static const char *lang_of(const char *script)
{
    static const char *const pairs[][2] = {
        {"Arab", "ar"}, {"Hebr", "he"}, {"Deva", "hi"}, {"Hang", "ko"}, {"Thai", "th"},
        {"Beng", "bn"}, {"Taml", "ta"}, {"Telu", "te"}, {"Knda", "kn"}, {"Mlym", "ml"},
        {"Gujr", "gu"}, {"Guru", "pa"}, {"Geor", "ka"}, {"Armn", "hy"}, {"Ethi", "am"},
        {"Khmr", "km"}, {"Laoo", "lo"}, {"Mymr", "my"}, {"Sinh", "si"}, {"Tibt", "bo"},
        {"Syrc", "syr"}, {"Thaa", "dv"}, {"Orya", "or"}, {"Bopo", "zh-tw"},
    };
    if (strcmp(script, "Hani") == 0) {
        const char *loc = getenv("LC_ALL");
        if (!loc || !loc[0])
            loc = getenv("LC_CTYPE");
        if (!loc || !loc[0])
            loc = getenv("LANG");
        if (loc && strncmp(loc, "zh_TW", 5) == 0)
            return "zh-tw";
        if (loc && strncmp(loc, "zh_HK", 5) == 0)
            return "zh-hk";
        if (loc && strncmp(loc, "zh", 2) == 0)
            return "zh-cn";
        if (loc && strncmp(loc, "ko", 2) == 0)
            return "ko";
        return "ja";
    }
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        if (strcmp(script, pairs[i][0]) == 0)
            return pairs[i][1];
    return NULL;
}

/* The font number of a face, added when new; EBB_FONT_NONE when the table is full. */
static int add_face(struct fonts *f, const char *path, int index, FcCharSet *have)
{
    for (int i = 0; i < f->count; i++)
        if (f->faces[i].index == index && strcmp(f->faces[i].path, path) == 0)
            return i;
    if (f->count == FONTS_MAX)
        return EBB_FONT_NONE;
    struct face *fc = &f->faces[f->count];
    memset(fc, 0, sizeof *fc);
    snprintf(fc->path, sizeof fc->path, "%s", path);
    fc->index = index;
    fc->have = FcCharSetCopy(have);
    return f->count++;
}

/* Asks fontconfig for the best sans-serif face that has cp (with the language of
 * `script` when it has one); EBB_FONT_NONE when none has it. */
static int ask(struct fonts *f, uint32_t cp, const char *script)
{
    if (!f->fc && !f->fc_failed) {
        f->fc = FcInitLoadConfigAndFonts();
        f->fc_failed = f->fc == NULL;
    }
    if (!f->fc)
        return EBB_FONT_NONE;
    FcPattern *pat = FcNameParse((const FcChar8 *)"sans-serif");
    FcCharSet *cs = FcCharSetCreate();
    FcCharSetAddChar(cs, cp);
    FcPatternAddCharSet(pat, FC_CHARSET, cs);
    const char *lang = script ? lang_of(script) : NULL;
    if (lang)
        FcPatternAddString(pat, FC_LANG, (const FcChar8 *)lang);
    FcConfigSubstitute(f->fc, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcFontSet *set = FcFontSort(f->fc, pat, FcFalse, NULL, &res);
    int found = EBB_FONT_NONE;
    for (int i = 0; set && i < set->nfont && found == EBB_FONT_NONE; i++) {
        FcChar8 *file = NULL, *format = NULL;
        FcCharSet *have = NULL;
        int index = 0;
        if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch ||
            FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &have) != FcResultMatch ||
            !FcCharSetHasChar(have, cp))
            continue;
        /* SDL_ttf reads TrueType and OpenType (CFF) outlines, not bitmap fonts */
        if (FcPatternGetString(set->fonts[i], FC_FONTFORMAT, 0, &format) == FcResultMatch &&
            strcmp((const char *)format, "TrueType") != 0 && strcmp((const char *)format, "CFF") != 0)
            continue;
        FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &index);
        found = add_face(f, (const char *)file, index, have);
    }
    if (set)
        FcFontSetDestroy(set);
    FcCharSetDestroy(cs);
    FcPatternDestroy(pat);
    return found;
}

/* The font chosen for a script other than Latin, Greek and Cyrillic (asked once, with the
 * character that first needed it). */
static int script_font(struct fonts *f, uint32_t cp, const char *script)
{
    for (int i = 0; i < f->script_count; i++)
        if (strcmp(f->scripts[i].tag, script) == 0)
            return f->scripts[i].font;
    int font = ask(f, cp, script);
    if (f->script_count < SCRIPTS_MAX) {
        struct script_font *s = &f->scripts[f->script_count++];
        snprintf(s->tag, sizeof s->tag, "%s", script);
        s->font = font;
    }
    return font;
}

static void report(struct fonts *f, uint32_t cp)
{
    for (int i = 0; i < f->reported_count; i++)
        if (f->reported[i] == cp)
            return;
    if (f->reported_count < REPORTED_MAX)
        f->reported[f->reported_count++] = cp;
    fprintf(stderr, "ebb: warning: no font has the character U+%04X: it is drawn as a box\n",
            (unsigned)cp);
}

static int choose(struct fonts *f, uint32_t cp, const char *script)
{
    bool main_script = !script || strcmp(script, "Latn") == 0 || strcmp(script, "Grek") == 0 ||
                       strcmp(script, "Cyrl") == 0;
    if (main_script && fonts_covers(f, 0, cp))
        return 0;
    if (!main_script) {
        int font = script_font(f, cp, script);
        if (font != EBB_FONT_NONE && fonts_covers(f, font, cp))
            return font;
        if (fonts_covers(f, 0, cp))
            return 0;
    }
    int font = ask(f, cp, script);
    if (font == EBB_FONT_NONE)
        report(f, cp);
    return font;
}

int fonts_pick(struct fonts *f, uint32_t cp, const char *script)
{
    if (cp < 0x80 && cp >= 0x20)
        return 0; /* the main font has ASCII: checked when it was chosen */
    uint32_t slot = (cp * 2654435761u) & (MEMO_SLOTS - 1);
    for (uint32_t k = 0; k < MEMO_SLOTS; k++, slot = (slot + 1) & (MEMO_SLOTS - 1)) {
        if (f->memo[slot].key == cp + 1)
            return f->memo[slot].font;
        if (f->memo[slot].key == 0)
            break;
    }
    int font = choose(f, cp, script);
    if (f->memo_used >= MEMO_SLOTS * 3 / 4) { /* a text of thousands of different letters */
        memset(f->memo, 0, sizeof f->memo);
        f->memo_used = 0;
        slot = (cp * 2654435761u) & (MEMO_SLOTS - 1);
    }
    while (f->memo[slot].key != 0)
        slot = (slot + 1) & (MEMO_SLOTS - 1);
    f->memo[slot] = (struct memo){cp + 1, font};
    f->memo_used++;
    return font;
}

static int pick_cb(void *ctx, uint32_t cp, const char *script)
{
    return fonts_pick(ctx, cp, script);
}

static bool covers_cb(void *ctx, int font, uint32_t cp)
{
    if (cp < 0x80 && cp >= 0x20 && font == 0)
        return true;
    return fonts_covers(ctx, font, cp);
}

struct ebb_letters_fonts fonts_callbacks(struct fonts *f)
{
    return (struct ebb_letters_fonts){pick_cb, covers_cb, f};
}
