/* text: UTF-8 text through SDL_ttf, with a main font found by fontconfig (one that covers
 * Latin with accents, Greek and Cyrillic) and, for characters it lacks, the fonts
 * fontconfig has for them (fonts.h). Lines are put in visual order by the bidirectional
 * algorithm and shaped by HarfBuzz per run (text_line.h). Rendered lines are cached as
 * textures keyed by size, direction and string, so a line is laid out and rasterized only
 * when it changes. */
#ifndef EBB_TEXT_H
#define EBB_TEXT_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

enum text_size { TEXT_SMALL, TEXT_BODY, TEXT_LARGE, TEXT_HUGE, TEXT_SIZE_COUNT };
enum text_align { TEXT_LEFT, TEXT_CENTER, TEXT_RIGHT };

struct text; /* opaque: owns its fonts and cached textures */

/* Finds a font and opens it for `ren`. $EBB_FONT, when set, names the font file to use.
 * Returns NULL with one line for the person in `err` when no font can be opened. The
 * caller frees with text_close (before destroying the renderer). */
struct text *text_open(SDL_Renderer *ren, char *err, size_t err_size);
void text_close(struct text *t);

/* The font file in use. */
const char *text_font_path(const struct text *t);

/* Sizes follow the output height in pixels; fonts are reopened only when it changes. */
void text_set_height(struct text *t, int output_height);

/* Draws s with its top at y; x is the left edge, centre or right edge by `align`.
 * Returns the drawn width in pixels. */
int text_draw(struct text *t, enum text_size size, const char *s, float x, float y,
              enum text_align align, SDL_Color c);

/* Draws s wrapped to max_width pixels, at most max_lines lines; returns the height used. */
int text_draw_wrapped(struct text *t, enum text_size size, const char *s, float x, float y,
                      float max_width, int max_lines, enum text_align align, SDL_Color c);

/* Like text_draw_wrapped, but when s needs more than max_lines lines the type is made
 * smaller (down to TEXT_SMALL) within the same height, so a person's long text is shown
 * whole; only what cannot fit even then is cut (and counted, see text_clips). */
int text_draw_fit(struct text *t, enum text_size size, const char *s, float x, float y,
                  float max_width, int max_lines, enum text_align align, SDL_Color c);

/* One line of s, cut with "…" when longer: for a preview whose whole text is shown
 * elsewhere (a row's summary, whole in the about panel), so the cut is not counted. */
int text_draw_preview(struct text *t, enum text_size size, const char *s, float x, float y,
                      float max_width, enum text_align align, SDL_Color c);

/* For scrolled text: the number of lines s wraps into, and drawing `count` of them from
 * line `first`. Returns the height drawn. */
int text_lines(struct text *t, enum text_size size, const char *s, float max_width);
int text_draw_lines(struct text *t, enum text_size size, const char *s, float x, float y,
                    float max_width, int first, int count, enum text_align align, SDL_Color c);

/* What was clipped: a text drawn past the output's edges (known from text_set_bounds) or
 * cut with "…". text_clips returns the count since the last reset and the last such
 * text; the window's test log and the layout tests read it. */
void text_set_bounds(struct text *t, int w, int h);
int text_clips(const struct text *t, const char **last);
void text_clips_reset(struct text *t);

/* Width of s in pixels, and the line height of a size. */
int text_width(struct text *t, enum text_size size, const char *s);
int text_line_height(struct text *t, enum text_size size);

/* True when the first strong character of s is right-to-left (Hebrew, Arabic...): such a
 * paragraph reads from the right. The text_draw_* functions that take a max_width set it
 * against the right edge of their box where TEXT_LEFT was asked for; centred stays
 * centred. A layout that mirrors itself for a right-to-left language asks this. */
bool text_is_rtl(const char *s);

/* Characters drawn as a small hollow box since text_open, because no font has them (each
 * is also reported once on stderr). Counted when a line is rasterized, not every frame. */
int text_boxes(const struct text *t);

/* Drops every cached texture (after the renderer's target changed). */
void text_flush(struct text *t);

#endif
