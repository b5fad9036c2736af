/* clock: one monotonic origin; nothing is accumulated frame by frame. The session clock
 * is a source (the sound's sample clock, or the system's) plus a shift chosen whenever
 * the source changes, so that the clock goes on from where it was. */
#include "clock.h"

#include <time.h>

#ifndef CLOCK_BOOTTIME
#define CLOCK_BOOTTIME 7 /* Linux; hidden by strict C11 headers on some systems */
#endif

uint64_t clock_system_us(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_BOOTTIME, &ts) != 0)
        clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

void clock_init(struct clock *c)
{
    *c = (struct clock){0};
    c->base_us = clock_system_us();
}

static uint64_t add(uint64_t src, int64_t shift, uint64_t jump)
{
    int64_t v = (int64_t)src + shift + (int64_t)jump;
    return v > 0 ? (uint64_t)v : 0u;
}

uint64_t clock_follow(struct clock *c, bool audio_live, uint64_t audio_us, uint64_t system_us)
{
    uint64_t sys = system_us > c->base_us ? system_us - c->base_us : 0u;
    uint64_t src = audio_live ? audio_us : sys;
    if (!c->read) {
        c->on_audio = audio_live;
        c->shift_us = audio_live ? (int64_t)sys - (int64_t)audio_us : 0;
    } else if (audio_live != c->on_audio) {
        /* the source changes: go on from the last reading plus the system's time since,
         * which keeps a real suspend in between a jump */
        uint64_t want = c->last_us + (sys > c->last_sys ? sys - c->last_sys : 0u);
        c->shift_us = (int64_t)want - (int64_t)src - (int64_t)c->jump_us;
        c->on_audio = audio_live;
        c->gen++;
    } else if (audio_live) {
        /* the sound's clock stops while the machine sleeps: the system's does not */
        uint64_t ds = sys > c->last_sys ? sys - c->last_sys : 0u;
        uint64_t da = src > c->last_src ? src - c->last_src : 0u;
        if (ds > da + CLOCK_SUSPEND_US) {
            c->shift_us += (int64_t)(ds - da);
            c->gen++;
        }
    }
    if (c->jump_us != c->seen_jump_us) { /* a test's jump moved the session clock */
        c->seen_jump_us = c->jump_us;
        c->gen++;
    }
    c->read = true;
    c->last_sys = sys;
    c->last_src = src;
    uint64_t now = add(src, c->shift_us, c->jump_us);
    if (now < c->last_us)
        now = c->last_us;
    c->last_us = now;
    return now;
}

uint64_t clock_now(struct clock *c)
{
    uint64_t sys = clock_system_us();
    if (!c->on_audio || !c->read)
        return clock_follow(c, false, 0, sys);
    /* the sound leads: the last reading and the system's time since, changing nothing */
    sys = sys > c->base_us ? sys - c->base_us : 0u;
    return c->last_us + (sys > c->last_sys ? sys - c->last_sys : 0u);
}

uint64_t clock_to_audio(const struct clock *c, uint64_t session_us)
{
    if (!c || !c->on_audio)
        return session_us;
    int64_t v = (int64_t)session_us - c->shift_us - (int64_t)c->jump_us;
    return v > 0 ? (uint64_t)v : 0u;
}
