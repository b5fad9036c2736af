/* clock: the session clock in microseconds. CLOCK_BOOTTIME keeps counting while the
 * machine sleeps, so a suspend shows as a jump and the session pauses itself. A test
 * may add a jump ($EBB_TEST_JUMP through testhook.c). */
#ifndef EBB_CLOCK_H
#define EBB_CLOCK_H

#include <stdint.h>

struct clock {
    uint64_t base_us; /* the system clock at clock_init */
    uint64_t jump_us; /* added by a test's simulated jump */
    uint64_t last_us; /* never go back */
};

void clock_init(struct clock *c);

/* Microseconds since clock_init (plus any test jump); never decreases. */
uint64_t clock_now(struct clock *c);

/* The system's monotonic clock that counts suspend, in microseconds. */
uint64_t clock_system_us(void);

#endif
