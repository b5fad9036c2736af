/* state_writer: the kill -9 test's two halves (tests/integration/kill_state.sh).
 *
 *   state_writer write PATH START   writes the state file again and again through
 *                                    ebb_state_save, generation START, START+1, ...,
 *                                    until it is killed
 *   state_writer check PATH          loads it through ebb_state_load; prints the
 *                                    generation and exits 0 when the file is whole
 *                                    (no warning, every value of one generation), 1
 *                                    otherwise, saying why on stderr
 *
 * Every value of a generation is derived from it, so a file torn between two writes,
 * or cut short, is caught. The generation g is written as the window width
 * (WIDTH_MIN + g % WIDTHS: the state file keeps widths up to 16384) and the volume
 * (g / WIDTHS, 0..100); each of the CHOICES exercises remembers g % 997 + 1 cycles and
 * a pace that depends on g and its index, and full screen is g % 2. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state.h"

#define CHOICES 128   /* enough for a file of several KiB: a kill can land mid-write */
#define WIDTH_MIN 1000 /* widths below it were never written */
#define WIDTHS 15000   /* widths used: 1000..15999 */
#define GENERATIONS (WIDTHS * 101L) /* the volume (0..100) counts the width's rounds */

static void fill(struct ebb_state *st, long gen)
{
    int g = (int)(gen % GENERATIONS);
    ebb_state_init(st);
    st->window_width = WIDTH_MIN + g % WIDTHS;
    st->window_height = 600;
    st->fullscreen = g % 2;
    st->volume_percent = g / WIDTHS;
    st->mute = 0;
    for (int i = 0; i < CHOICES; i++) {
        char id[EBB_ID_MAX + 1];
        snprintf(id, sizeof id, "exercise-%d", i);
        struct ebb_state_choice *c = ebb_state_choice_for(st, id);
        if (!c)
            return;
        c->cycles = g % 997 + 1;
        c->pace = 0.5 + (double)((g + i) % 16) / 10.0;
    }
}

static int write_loop(const char *path, long start)
{
    struct ebb_state *st = malloc(sizeof *st);
    if (!st)
        return 1;
    for (long gen = start;; gen++) {
        struct ebb_diags d;
        ebb_diags_clear(&d);
        fill(st, gen);
        if (ebb_state_save(st, path, &d) != 0) {
            char line[EBB_DIAG_FILE_MAX + EBB_DIAG_MESSAGE_MAX + 32];
            fprintf(stderr, "%s\n", ebb_diag_format(&d.items[0], line, sizeof line));
            free(st);
            return 1;
        }
    }
}

static int differs(const struct ebb_state *got, const struct ebb_state *want)
{
    if (got->window_width != want->window_width || got->window_height != want->window_height ||
        got->fullscreen != want->fullscreen || got->volume_percent != want->volume_percent ||
        got->mute != want->mute || got->choice_count != want->choice_count)
        return 1;
    for (int i = 0; i < want->choice_count; i++) {
        const struct ebb_state_choice *a = &got->choices[i], *b = &want->choices[i];
        if (strcmp(a->id, b->id) != 0 || a->cycles != b->cycles ||
            fabs(a->pace - b->pace) > 1e-6)
            return 1;
    }
    return 0;
}

static int check(const char *path)
{
    struct ebb_state *got = malloc(sizeof *got), *want = malloc(sizeof *want);
    struct ebb_diags d;
    ebb_diags_clear(&d);
    int status = 1;
    if (!got || !want)
        goto done;
    int r = ebb_state_load(got, path, &d);
    if (r != 0 || d.count != 0) {
        char line[EBB_DIAG_FILE_MAX + EBB_DIAG_MESSAGE_MAX + 32];
        fprintf(stderr, "state_writer: %s: load returned %d: %s\n", path, r,
                d.count ? ebb_diag_format(&d.items[0], line, sizeof line) : "missing");
        goto done;
    }
    if (got->window_width < WIDTH_MIN || got->window_width >= WIDTH_MIN + WIDTHS ||
        got->volume_percent < 0) {
        fprintf(stderr, "state_writer: %s: width %d was never written\n", path,
                got->window_width);
        goto done;
    }
    long gen = (long)got->volume_percent * WIDTHS + (got->window_width - WIDTH_MIN);
    fill(want, gen);
    if (differs(got, want)) {
        fprintf(stderr, "state_writer: %s: values of generation %ld are mixed or missing\n",
                path, gen);
        goto done;
    }
    printf("%ld\n", gen);
    status = 0;
done:
    free(got);
    free(want);
    return status;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "write") == 0) {
        long start = strtol(argv[3], NULL, 10);
        return write_loop(argv[2], start < 0 ? 0 : start);
    }
    if (argc == 3 && strcmp(argv[1], "check") == 0)
        return check(argv[2]);
    fprintf(stderr, "usage: state_writer write PATH START | state_writer check PATH\n");
    return 2;
}
