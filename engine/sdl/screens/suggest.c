/* suggest: the once-only offer of grounding before a breathing exercise, its choices
 * and its words. The words invite and never judge; either choice is fine. */
#include "suggest.h"

#include <stdio.h>
#include <string.h>

#include "journal.h"
#include "keymap.h"
#include "render.h"

/* Tried first, in order: the gentlest ways to land in the room and the body. */
static const char *const preferred[] = {"feet-on-floor", "five-senses"};

bool suggest_wanted(const struct suggest *s, int rating_before, const struct ebb_exercise *chosen,
                    const struct ebb_exercise *grounding)
{
    return !s->offered && chosen && grounding &&
           ebb_checkin_suggest_grounding(rating_before, chosen->kind);
}

const struct ebb_exercise *suggest_pick_grounding(const struct ebb_library *lib)
{
    if (!lib)
        return NULL;
    for (size_t i = 0; i < sizeof preferred / sizeof preferred[0]; i++) {
        const struct ebb_library_entry *e = ebb_library_find(lib, preferred[i]);
        if (e && e->ex && e->ex->kind == EBB_KIND_GROUNDING)
            return e->ex;
    }
    for (int i = 0; i < lib->count; i++)
        if (lib->entries[i].ex && lib->entries[i].ex->kind == EBB_KIND_GROUNDING)
            return lib->entries[i].ex;
    return NULL;
}

void suggest_open(struct suggest *s, const struct ebb_exercise *chosen,
                  const struct ebb_exercise *grounding)
{
    s->offered = true;
    s->selected = SUGGEST_KEEP;
    snprintf(s->keep_title, sizeof s->keep_title, "%s",
             chosen && chosen->title ? chosen->title : "");
    snprintf(s->ground_id, sizeof s->ground_id, "%s", grounding ? grounding->id : "");
    snprintf(s->ground_title, sizeof s->ground_title, "%s",
             grounding && grounding->title ? grounding->title : "");
}

static float unit_of(int w, int h)
{
    return (float)(w < h ? w : h) / 720.0f;
}

static SDL_FRect choice_rect(int w, int h, int i)
{
    float u = unit_of(w, h);
    SDL_FRect r = {w / 2.0f - 260 * u, h * 0.52f + i * 70 * u, 520 * u, 56 * u};
    return r;
}

int suggest_hit(int w, int h, float x, float y)
{
    for (int i = 0; i < SUGGEST_CHOICE_COUNT; i++) {
        SDL_FRect r = choice_rect(w, h, i);
        if (x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h)
            return i;
    }
    return -1;
}

static enum suggest_result key(struct suggest *s, SDL_Keycode k)
{
    switch (k) {
    case SDLK_UP:
    case SDLK_LEFT:
        s->selected = SUGGEST_KEEP;
        return SUGGEST_CHANGED;
    case SDLK_DOWN:
    case SDLK_RIGHT:
    case SDLK_TAB:
        s->selected = SUGGEST_GROUNDING;
        return SUGGEST_CHANGED;
    case SDLK_SPACE:
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        return SUGGEST_DONE;
    case SDLK_ESCAPE:
        return SUGGEST_LEAVE;
    default:
        return SUGGEST_PASS;
    }
}

static enum suggest_result click(struct suggest *s, int w, int h, float x, float y)
{
    int i = suggest_hit(w, h, x, y);
    if (i < 0)
        return SUGGEST_PASS;
    s->selected = i;
    return SUGGEST_DONE;
}

enum suggest_result suggest_event(struct suggest *s, const SDL_Event *e, float sx, float sy, int w,
                                  int h)
{
    switch (e->type) {
    case SDL_KEYDOWN:
        return key(s, e->key.keysym.sym);
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT)
            return SUGGEST_PASS;
        return click(s, w, h, e->button.x * sx, e->button.y * sy);
    case SDL_FINGERUP:
        return click(s, w, h, e->tfinger.x * w, e->tfinger.y * h);
    case SDL_CONTROLLERBUTTONDOWN:
        switch (e->cbutton.button) {
        case SDL_CONTROLLER_BUTTON_A:
            return SUGGEST_DONE;
        case SDL_CONTROLLER_BUTTON_B:
            return SUGGEST_LEAVE;
        case SDL_CONTROLLER_BUTTON_DPAD_UP:
            return key(s, SDLK_UP);
        case SDL_CONTROLLER_BUTTON_DPAD_DOWN:
            return key(s, SDLK_DOWN);
        default:
            return SUGGEST_PASS;
        }
    default:
        return SUGGEST_PASS;
    }
}

void suggest_draw(const struct suggest *s, struct scene *sc)
{
    float u = unit_of(sc->w, sc->h);
    const struct theme *th = &sc->th;
    float mid = sc->w / 2.0f;
    float y = sc->h * 0.2f;
    y += text_draw_fit(sc->text, TEXT_LARGE, _("Would you like to ground yourself first?"), mid, y,
                       sc->w * 0.9f, 1, TEXT_CENTER, th->text);
    y += 16 * u;
    text_draw_fit(sc->text, TEXT_BODY,
                      _("When feelings run high, noticing your feet and the room around you "
                        "can help before slow breathing. Either way is fine."),
                      mid, y, sc->w * 0.8f, 3, TEXT_CENTER, th->muted);
    char words[SUGGEST_CHOICE_COUNT][SUGGEST_TITLE_MAX + 32];
    snprintf(words[SUGGEST_KEEP], sizeof words[0], _("Go on with %s"), s->keep_title);
    snprintf(words[SUGGEST_GROUNDING], sizeof words[0], _("Start with %s"), s->ground_title);
    for (int i = 0; i < SUGGEST_CHOICE_COUNT; i++) {
        SDL_FRect r = choice_rect(sc->w, sc->h, i);
        bool sel = i == s->selected;
        if (sel)
            render_round_rect(sc->ren, r, 14 * u, th->panel);
        text_draw(sc->text, TEXT_BODY, words[i], mid,
                  r.y + (r.h - text_line_height(sc->text, TEXT_BODY)) / 2, TEXT_CENTER,
                  sel ? th->text : th->muted);
    }
    SDL_FRect last = choice_rect(sc->w, sc->h, SUGGEST_CHOICE_COUNT - 1);
    char keys[256];
    text_draw(sc->text, TEXT_SMALL, keymap_hint(KEYMAP_SUGGEST, keys, sizeof keys), mid,
              last.y + last.h + 28 * u, TEXT_CENTER, th->muted);
}
