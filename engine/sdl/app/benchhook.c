/* benchhook: the benchmark's figures from inside the program (see benchhook.h). */
#include "benchhook.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define WARMUP_FRAMES 10 /* caches (text, fonts) fill in the first frames */

static uint64_t mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* The counter of bench/alloc_count.so when it is preloaded (LD_PRELOAD), else NULL. */
static unsigned long (*find_counter(void))(void)
{
    void *self = dlopen(NULL, RTLD_NOW);
    if (!self)
        return NULL;
    void *sym = dlsym(self, "ebb_alloc_count");
    unsigned long (*fn)(void) = NULL;
    if (sym)
        memcpy(&fn, &sym, sizeof fn); /* object to function pointer, without a cast */
    return fn;
}

void benchhook_init(struct benchhook *b)
{
    memset(b, 0, sizeof *b);
    const char *v = getenv("EBB_BENCH");
    if (!v || !v[0])
        return;
    if (strcmp(v, "first-frame") == 0) {
        b->mode = BENCHHOOK_FIRST_FRAME;
    } else if (strncmp(v, "frames:", 7) == 0) {
        int n = atoi(v + 7);
        if (n < 2 * WARMUP_FRAMES)
            n = 2 * WARMUP_FRAMES;
        if (n > BENCHHOOK_FRAMES_MAX)
            n = BENCHHOOK_FRAMES_MAX;
        b->mode = BENCHHOOK_FRAMES;
        b->frames_want = n;
        b->alloc_count = find_counter();
    } else {
        fprintf(stderr, "ebb: EBB_BENCH: unknown mode \"%s\"\n", v);
    }
}

bool benchhook_unpaced(const struct benchhook *b)
{
    return b->mode == BENCHHOOK_FRAMES;
}

void benchhook_frame_begin(struct benchhook *b)
{
    if (b->mode != BENCHHOOK_FRAMES)
        return;
    if (b->frames_done == b->frames_want / 2 && b->alloc_count)
        b->allocs_start = b->alloc_count();
    b->frame_start_ns = mono_ns();
}

static int cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, c = *(const uint32_t *)y;
    return (a > c) - (a < c);
}

static void report(struct benchhook *b, int width, int height)
{
    double allocs = -1;
    if (b->alloc_count) {
        int counted = b->frames_want - b->frames_want / 2;
        allocs = (double)(b->alloc_count() - b->allocs_start) / counted;
    }
    /* the warm-up frames are timed but not counted */
    uint32_t *v = b->frame_us + WARMUP_FRAMES;
    size_t n = (size_t)(b->frames_want - WARMUP_FRAMES);
    qsort(v, n, sizeof *v, cmp_u32);
    size_t p99 = (n * 99 + 99) / 100 - 1;
    printf("bench-frame-size %d %d\n", width, height);
    printf("bench-frame-us %u %u %u\n", v[n / 2], v[p99], v[n - 1]);
    printf("bench-frame-allocs %.2f\n", allocs);
    fflush(stdout);
}

bool benchhook_frame_end(struct benchhook *b, int width, int height)
{
    if (b->mode != BENCHHOOK_FRAMES || b->frames_done >= b->frames_want)
        return false;
    uint64_t us = (mono_ns() - b->frame_start_ns) / 1000;
    b->frame_us[b->frames_done++] = us > UINT32_MAX ? UINT32_MAX : (uint32_t)us;
    if (b->frames_done < b->frames_want)
        return false;
    report(b, width, height);
    return true;
}

void benchhook_presented(struct benchhook *b)
{
    if (b->mode != BENCHHOOK_FIRST_FRAME || b->first_done)
        return;
    b->first_done = true;
    printf("ebb-first-present %llu\n", (unsigned long long)mono_ns());
    fflush(stdout);
}
