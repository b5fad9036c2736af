/* testhook: scripted keys, a simulated clock jump and a log, for headless tests. */
#include "testhook.h"

#include <SDL.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void parse_keys(struct testhook *h, const char *spec)
{
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", spec);
    char *save = NULL;
    for (char *tok = strtok_r(buf, ",", &save); tok && h->count < TESTHOOK_KEYS_MAX;
         tok = strtok_r(NULL, ",", &save)) {
        char *colon = strchr(tok, ':');
        if (!colon)
            continue;
        *colon = '\0';
        SDL_Keycode k = SDL_GetKeyFromName(colon + 1);
        if (k == SDLK_UNKNOWN && strlen(colon + 1) == 1)
            k = (SDL_Keycode)(unsigned char)colon[1];
        if (k == SDLK_UNKNOWN) {
            fprintf(stderr, "ebb: EBB_TEST_KEYS: unknown key \"%s\"\n", colon + 1);
            continue;
        }
        h->at_s[h->count] = atof(tok);
        h->key[h->count++] = (int)k;
    }
}

void testhook_init(struct testhook *h)
{
    memset(h, 0, sizeof *h);
    h->start_us = clock_system_us();
    const char *keys = getenv("EBB_TEST_KEYS");
    if (keys)
        parse_keys(h, keys);
    const char *jump = getenv("EBB_TEST_JUMP");
    if (jump && strchr(jump, ':')) {
        h->jump_at_s = atof(jump);
        h->jump_s = atof(strchr(jump, ':') + 1);
    }
    const char *lose = getenv("EBB_TEST_LOSE_SOUND");
    h->lose_at_s = lose && lose[0] ? atof(lose) : -1.0;
    const char *log = getenv("EBB_TEST_LOG");
    if (log && log[0])
        h->log = fopen(log, "w");
}

void testhook_deinit(struct testhook *h)
{
    if (h->log)
        fclose(h->log);
    h->log = NULL;
}

static void push_key(SDL_Keycode k)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = k;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(k);
    SDL_PushEvent(&e);
    if (k >= 32 && k < 127) { /* printable: its text, as a keyboard would send */
        memset(&e, 0, sizeof e);
        e.type = SDL_TEXTINPUT;
        e.text.text[0] = (char)k;
        SDL_PushEvent(&e);
    }
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    e.key.keysym.sym = k;
    SDL_PushEvent(&e);
}

void testhook_poll(struct testhook *h, struct clock *clk, bool busy)
{
    double t = (double)(clock_system_us() - h->start_us) / 1e6;
    /* like a key, a jump waits for the keys due before it (pushed keys are handled
     * before the next poll), so a slow machine changes only the timing */
    bool keys_done = h->next >= h->count || h->at_s[h->next] > h->jump_at_s;
    if (h->jump_s > 0 && !h->jumped && t >= h->jump_at_s && keys_done) {
        clk->jump_us += (uint64_t)(h->jump_s * 1e6);
        h->jumped = true;
        testhook_log(h, "jump %.1f", h->jump_s);
    }
    if (busy || h->next >= h->count || t < h->at_s[h->next])
        return;
    testhook_log(h, "key %s", SDL_GetKeyName(h->key[h->next]));
    push_key(h->key[h->next++]);
}

bool testhook_lose_sound(struct testhook *h)
{
    if (h->lose_at_s < 0 || h->lost)
        return false;
    if ((double)(clock_system_us() - h->start_us) / 1e6 < h->lose_at_s)
        return false;
    h->lost = true;
    testhook_log(h, "lose sound");
    return true;
}

bool testhook_pending(const struct testhook *h)
{
    return h->next < h->count || (h->jump_s > 0 && !h->jumped) || (h->lose_at_s >= 0 && !h->lost);
}

void testhook_log(struct testhook *h, const char *fmt, ...)
{
    if (!h->log)
        return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(h->log, fmt, ap);
    va_end(ap);
    fputc('\n', h->log);
    fflush(h->log);
}
