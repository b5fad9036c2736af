/* Tests of cue-file decoding (engine/sdl/cuefile.c). tests/cues/ is a corpus of sound
 * files, each NAME.EXT beside NAME.EXT.expect holding the one line its decoding must give:
 * `plays N frames` (at 48 kHz stereo), `plays N frames, cut` (longer than 30 s), or
 * `cannot play: REASON`. A new file needs no other change. Then the cases that cannot
 * live in git: a FIFO, /dev/zero behind a symlink, a folder, a file over 64 MiB, and the
 * same bytes through the memory reader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cuefile.h"

static char dir[256];

static int make_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "%s/test_cuefile_XXXXXX", EBB_BUILD_DIR);
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[600];
    while (d && (e = readdir(d)))
        if (e->d_name[0] != '.') {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            if (unlink(path) != 0)
                rmdir(path);
        }
    if (d)
        closedir(d);
    return rmdir(dir);
}

/* The one line a decoding gives, as written in .expect files. */
static void outcome(enum ebb_cuefile_status rc, const struct ebb_clip *clip, bool cut,
                    const char *why, char *line, size_t size)
{
    if (rc == EBB_CUEFILE_OK)
        snprintf(line, size, "plays %zu frames%s", clip->frames, cut ? ", cut" : "");
    else if (rc == EBB_CUEFILE_FAILED)
        snprintf(line, size, "cannot play: %s", why);
    else
        snprintf(line, size, "skipped");
}

/* A decoded clip is stereo, finite and never louder than full scale. */
static void assert_sound(const struct ebb_clip *clip)
{
    assert_int_equal(clip->channels, 2);
    for (size_t i = 0; i < 2 * clip->frames; i++) {
        assert_true(isfinite(clip->data[i]));
        assert_true(fabsf(clip->data[i]) <= 1.0f);
    }
}

static char *read_all(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = malloc(1 << 20);
    assert_non_null(buf);
    *size = fread(buf, 1, 1 << 20, f);
    fclose(f);
    return buf;
}

static void every_corpus_file_gives_its_expected_line(void **state)
{
    (void)state;
    char cues[300];
    snprintf(cues, sizeof cues, "%s/cues", EBB_TEST_DIR);
    DIR *d = opendir(cues);
    assert_non_null(d);
    struct dirent *e;
    int checked = 0, wrong = 0;
    while ((e = readdir(d))) {
        const char *dot = strrchr(e->d_name, '.');
        if (e->d_name[0] == '.' || !dot || !strcmp(dot, ".expect"))
            continue;
        char path[700], expect_path[720], want[400] = "", got[400];
        snprintf(path, sizeof path, "%s/%s", cues, e->d_name);
        snprintf(expect_path, sizeof expect_path, "%s.expect", path);
        FILE *f = fopen(expect_path, "r");
        if (!f) {
            print_error("%s has no .expect\n", e->d_name);
            wrong++;
            continue;
        }
        if (!fgets(want, sizeof want, f))
            want[0] = '\0';
        fclose(f);
        want[strcspn(want, "\n")] = '\0';

        struct ebb_clip clip;
        bool cut;
        char why[200];
        enum ebb_cuefile_status rc =
            ebb_cuefile_load(path, EBB_CUEFILE_S_MAX, &clip, &cut, why, sizeof why);
        outcome(rc, &clip, cut, why, got, sizeof got);
        if (rc == EBB_CUEFILE_OK)
            assert_sound(&clip);
        ebb_clip_free(&clip);
        if (strcmp(want, got) != 0) {
            print_error("%s:\n  expected: %s\n  got:      %s\n", e->d_name, want, got);
            wrong++;
        }

        /* the memory reader gives the same line */
        size_t size;
        char *bytes = read_all(path, &size);
        rc = ebb_cuefile_load_mem(bytes, size, EBB_CUEFILE_S_MAX, &clip, &cut, why, sizeof why);
        outcome(rc, &clip, cut, why, got, sizeof got);
        ebb_clip_free(&clip);
        free(bytes);
        if (strcmp(want, got) != 0) {
            print_error("%s from memory:\n  expected: %s\n  got:      %s\n", e->d_name, want,
                        got);
            wrong++;
        }
        checked++;
    }
    closedir(d);
    assert_true(checked >= 20);
    assert_int_equal(wrong, 0);
}

static void a_fifo_is_skipped_without_waiting_for_a_writer(void **state)
{
    (void)state;
    char path[300];
    snprintf(path, sizeof path, "%s/fifo.wav", dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    struct ebb_clip clip;
    char why[200];
    assert_int_equal(ebb_cuefile_load(path, 30.0, &clip, NULL, why, sizeof why),
                     EBB_CUEFILE_SKIPPED);
    assert_null(clip.data);
}

static void a_symlink_to_dev_zero_is_skipped_unread(void **state)
{
    (void)state;
    char path[300];
    snprintf(path, sizeof path, "%s/zero.wav", dir);
    assert_int_equal(symlink("/dev/zero", path), 0);
    struct ebb_clip clip;
    char why[200];
    assert_int_equal(ebb_cuefile_load(path, 30.0, &clip, NULL, why, sizeof why),
                     EBB_CUEFILE_SKIPPED);
    snprintf(path, sizeof path, "%s/folder.wav", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    assert_int_equal(ebb_cuefile_load(path, 30.0, &clip, NULL, why, sizeof why),
                     EBB_CUEFILE_SKIPPED);
    snprintf(path, sizeof path, "%s/missing.wav", dir);
    assert_int_equal(ebb_cuefile_load(path, 30.0, &clip, NULL, why, sizeof why),
                     EBB_CUEFILE_SKIPPED);
}

static void a_file_over_64_mib_is_refused_unread(void **state)
{
    (void)state;
    char path[300];
    snprintf(path, sizeof path, "%s/huge.wav", dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "RIFF\0\0\0\0WAVE", 12), 12);
    assert_int_equal(ftruncate(fd, EBB_CUEFILE_BYTES_MAX + 1), 0); /* sparse */
    close(fd);
    struct ebb_clip clip;
    char why[200];
    assert_int_equal(ebb_cuefile_load(path, 30.0, &clip, NULL, why, sizeof why),
                     EBB_CUEFILE_FAILED);
    assert_string_equal(why, "larger than 64 MiB");
}

static void a_shorter_cap_cuts_the_clip_there(void **state)
{
    (void)state;
    char path[300];
    snprintf(path, sizeof path, "%s/cues/tone.flac", EBB_TEST_DIR);
    struct ebb_clip clip;
    bool cut = false;
    char why[200];
    assert_int_equal(ebb_cuefile_load(path, 0.1, &clip, &cut, why, sizeof why), EBB_CUEFILE_OK);
    assert_int_equal(clip.frames, 4800);
    assert_true(cut);
    assert_sound(&clip);
    ebb_clip_free(&clip);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_corpus_file_gives_its_expected_line),
        cmocka_unit_test(a_fifo_is_skipped_without_waiting_for_a_writer),
        cmocka_unit_test(a_symlink_to_dev_zero_is_skipped_unread),
        cmocka_unit_test(a_file_over_64_mib_is_refused_unread),
        cmocka_unit_test(a_shorter_cap_cuts_the_clip_there),
    };
    return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
