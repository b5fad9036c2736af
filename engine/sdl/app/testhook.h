/* testhook: lets headless tests drive the window (docs/contributing-testing.md). Read
 * only here, and only when the variables are set:
 *   EBB_TEST_KEYS="0.5:Return,1.5:Escape"  keys (SDL key names) pushed at app seconds;
 *                                          each waits for the one before to be handled
 *                                          and for any fade to finish
 *   EBB_TEST_JUMP="2.0:10"                 at 2.0 s the clock jumps 10 s forward
 *   EBB_TEST_LOG=FILE                      one line per screen change and per present
 *   EBB_TEST_LOSE_SOUND=1.5                at 1.5 s the sound device is reported removed
 *                                          (SDL_AUDIODEVICEREMOVED), as when headphones
 *                                          are pulled */
#ifndef EBB_TESTHOOK_H
#define EBB_TESTHOOK_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "clock.h"

#define TESTHOOK_KEYS_MAX 64

struct testhook {
    int count, next;
    double at_s[TESTHOOK_KEYS_MAX];
    int key[TESTHOOK_KEYS_MAX]; /* SDL_Keycode */
    double jump_at_s, jump_s;   /* jump_s 0: none */
    bool jumped;
    double lose_at_s; /* < 0: never */
    bool lost;
    FILE *log; /* owned */
    uint64_t start_us;
};

void testhook_init(struct testhook *h);
void testhook_deinit(struct testhook *h);

/* Pushes what is due at now_us (the system clock), at most one key per call; `busy`
 * holds keys back (a fade in progress). Applies a due jump to `clk`. */
void testhook_poll(struct testhook *h, struct clock *clk, bool busy);

/* True once, when the simulated loss of the sound device is due. */
bool testhook_lose_sound(struct testhook *h);

/* True while keys are still to come (the loop must not sleep long). */
bool testhook_pending(const struct testhook *h);

/* Writes one line to the log, when there is one. */
void testhook_log(struct testhook *h, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
