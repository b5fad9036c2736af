/* clock: the session clock in microseconds. While a live sound device plays, its sample
 * clock leads (DESIGN.md, Time: the picture follows the sound); otherwise the system's
 * CLOCK_BOOTTIME, which keeps counting while the machine sleeps, so a suspend shows as
 * a jump and the session pauses itself. Switching between the two never goes back and
 * makes no jump; a suspend under the sound's clock (which stops while the machine
 * sleeps) is seen on the system clock and added as a jump. A test may add a jump
 * ($EBB_TEST_JUMP through testhook.c). */
#ifndef EBB_CLOCK_H
#define EBB_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

/* The system clock running this much further than the sound's between two reads is a
 * suspend (the same two seconds as EBB_SESSION_JUMP_US). */
#define CLOCK_SUSPEND_US 2000000u

struct clock {
    uint64_t base_us;      /* the system clock at clock_init */
    uint64_t jump_us;      /* added by a test's simulated jump */
    uint64_t last_us;      /* never go back */
    bool on_audio;         /* the sound's clock leads */
    int64_t shift_us;      /* session clock = source + shift_us + jump_us */
    uint64_t last_sys;     /* the system clock (since base) at the last read */
    uint64_t last_src;     /* the source's reading then */
    bool read;             /* read once at least */
    uint64_t seen_jump_us; /* jump_us at the last read */
    unsigned gen;          /* changes whenever the session clock moves against the sound's
                              (a switch, a suspend, a test jump): origins must be re-sent */
};

void clock_init(struct clock *c);

/* The session clock without asking the sound: on the system clock, or while the sound
 * leads, its last reading plus the system's time since (which changes nothing). */
uint64_t clock_now(struct clock *c);

/* The session clock, given whether the sound's clock is live and its reading, and the
 * system clock (clock_system_us). Never decreases. Pure: what the tests call. */
uint64_t clock_follow(struct clock *c, bool audio_live, uint64_t audio_us, uint64_t system_us);

/* A session-clock time on the sound's clock (what the audio's origins are on); the
 * same time when the sound does not lead. */
uint64_t clock_to_audio(const struct clock *c, uint64_t session_us);

/* The system's monotonic clock that counts suspend, in microseconds. */
uint64_t clock_system_us(void);

#endif
