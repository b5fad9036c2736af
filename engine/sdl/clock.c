/* clock: one monotonic origin; nothing is accumulated frame by frame. */
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
    c->base_us = clock_system_us();
    c->jump_us = 0;
    c->last_us = 0;
}

uint64_t clock_now(struct clock *c)
{
    uint64_t now = clock_system_us() - c->base_us + c->jump_us;
    if (now < c->last_us)
        now = c->last_us;
    c->last_us = now;
    return now;
}
