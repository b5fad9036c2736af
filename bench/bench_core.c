/* bench_core: in-process figures of the core, printed as "name value" lines for
 * bench/run: the time to parse the whole built-in library, and the cost of one
 * timeline evaluation (a plain pattern and a long ramp). */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "script.h"
#include "timeline.h"

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median, min and max of n samples, printed as one line. */
static void report(const char *name, double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    printf("%s %.3f %.3f %.3f\n", name, v[n / 2], v[0], v[n - 1]);
}

/* Parses every *.cfg of dir once; returns the files parsed, or -1. */
static int parse_all(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    char path[4096];
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".cfg") != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct ebb_diags diags;
        ebb_diags_clear(&diags);
        struct ebb_exercise *ex = ebb_script_load(path, NULL, &diags);
        if (ex)
            n++;
        ebb_script_free(ex);
    }
    closedir(d);
    return n;
}

/* ns per ebb_timeline_at call over `calls` instants spread across the session. */
static double timeline_ns(const struct ebb_timeline *tl, int calls)
{
    struct ebb_frame f;
    volatile double sink = 0;
    uint64_t step = tl->end_us / (uint64_t)calls + 1;
    uint64_t t0 = now_ns();
    for (int i = 0; i < calls; i++) {
        ebb_timeline_at(tl, ((uint64_t)i * step * 7919u) % (tl->end_us + 1), &f);
        sink += f.level;
    }
    uint64_t t1 = now_ns();
    (void)sink;
    return (double)(t1 - t0) / calls;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "exercises";
    int runs = argc > 2 ? atoi(argv[2]) : 9;
    int calls = argc > 3 ? atoi(argv[3]) : 1000000;
    if (runs < 1 || runs > 99 || calls < 1000)
        return 2;
    double v[99];

    int files = parse_all(dir);
    if (files <= 0) {
        fprintf(stderr, "bench_core: no exercise parsed in %s\n", dir);
        return 1;
    }
    for (int i = 0; i < runs; i++) {
        uint64_t t0 = now_ns();
        parse_all(dir);
        v[i] = (double)(now_ns() - t0) / 1000.0;
    }
    printf("parse_files %d\n", files);
    report("parse_library_us", v, runs);

    /* A plain box pattern, and a ramp of short cycles over nearly four hours (the
     * largest cycle table a session can have: the worst case for the search). */
    struct ebb_phase box_ph[4] = {
        {.kind = EBB_PHASE_INHALE, .seconds = 4, .to = 1, .text = "in"},
        {.kind = EBB_PHASE_HOLD, .seconds = 4, .to = 1, .text = "hold"},
        {.kind = EBB_PHASE_EXHALE, .seconds = 4, .to = 0, .text = "out"},
        {.kind = EBB_PHASE_HOLD, .seconds = 4, .to = 0, .text = "rest"},
    };
    struct ebb_phase ramp_ph[2] = {
        {.kind = EBB_PHASE_INHALE, .seconds = 0.8, .to = 1, .text = "in"},
        {.kind = EBB_PHASE_EXHALE, .seconds = 1.0, .to = 0, .text = "out"},
    };
    struct ebb_exercise box = {.id = "box", .title = "Box", .kind = EBB_KIND_BREATHING,
                               .prepare_s = 3, .cycles = 8, .phases = box_ph, .phase_count = 4};
    struct ebb_exercise ramp = {.id = "ramp", .title = "Ramp", .kind = EBB_KIND_BREATHING,
                                .prepare_s = 3, .duration_s = 3.9 * 3600, .phases = ramp_ph,
                                .phase_count = 2, .ramp = true, .ramp_to_scale = 1.44,
                                .ramp_over_s = 3.5 * 3600};

    struct ebb_timeline_options opt;
    ebb_timeline_options_default(&opt);
    const struct ebb_exercise *cases[2] = {&box, &ramp};
    const char *names[2] = {"timeline_ns_box", "timeline_ns_ramp"};
    for (int c = 0; c < 2; c++) {
        struct ebb_timeline tl = {0};
        struct ebb_diags diags;
        ebb_diags_clear(&diags);
        if (ebb_timeline_init(&tl, cases[c], &opt, &diags) != 0) {
            fprintf(stderr, "bench_core: timeline_init failed for %s\n", names[c]);
            return 1;
        }
        for (int i = 0; i < runs; i++)
            v[i] = timeline_ns(&tl, calls);
        if (c == 1)
            printf("ramp_cycles %d\n", tl.cycle_count);
        report(names[c], v, runs);
        ebb_timeline_deinit(&tl);
    }
    return 0;
}
