/* Tests of the WAV writer (engine/sdl/wav.c) and of export (ebb_audio_export_wav) fed a
 * hand-built breathing exercise: the file's format, atomic writes, a full disk, and
 * every cue's onset in the exported sound at its time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audio.h"
#include "events.h"
#include "timeline.h"
#include "wav.h"

static char dir[256];

static int make_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "%s/test_wav_XXXXXX", EBB_BUILD_DIR);
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
            unlink(path);
        }
    if (d)
        closedir(d);
    return rmdir(dir);
}

static int files_in_dir(void)
{
    int n = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)))
        n += e->d_name[0] != '.';
    if (d)
        closedir(d);
    return n;
}

/* The whole file in memory; *size its length. */
static unsigned char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc((size_t)n);
    *size = fread(buf, 1, (size_t)n, f);
    fclose(f);
    return buf;
}

static uint32_t u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int16_t s16(const unsigned char *p)
{
    return (int16_t)(uint16_t)(p[0] | p[1] << 8);
}

static void a_written_file_is_48_khz_stereo_16_bit_with_every_sample(void **state)
{
    (void)state;
    char path[400];
    snprintf(path, sizeof path, "%s/a.wav", dir);
    struct ebb_wav w;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    float frames[] = {0.0f, 1.0f, -1.0f, 0.5f, 2.0f, -3.0f, 0.25f, -0.25f};
    assert_int_equal(ebb_wav_open(&w, path, &d), 0);
    assert_int_equal(ebb_wav_write(&w, frames, 4, &d), 0);
    assert_int_equal(ebb_wav_write(&w, frames, 2, &d), 0);
    /* nothing is at the target until it is complete */
    assert_int_not_equal(access(path, F_OK), 0);
    assert_int_equal(ebb_wav_close(&w, &d), 0);
    assert_int_equal(d.count, 0);

    size_t size;
    unsigned char *b = slurp(path, &size);
    assert_non_null(b);
    assert_int_equal(size, 44 + 6 * 4);
    assert_memory_equal(b, "RIFF", 4);
    assert_int_equal(u32(b + 4), size - 8);
    assert_memory_equal(b + 8, "WAVEfmt ", 8);
    assert_int_equal(s16(b + 20), 1);      /* PCM */
    assert_int_equal(s16(b + 22), 2);      /* stereo */
    assert_int_equal(u32(b + 24), 48000);  /* rate */
    assert_int_equal(u32(b + 28), 192000); /* bytes a second */
    assert_int_equal(s16(b + 34), 16);     /* bits */
    assert_memory_equal(b + 36, "data", 4);
    assert_int_equal(u32(b + 40), 24);
    int16_t expect[] = {0, 32767, -32767, 16384, 32767, -32767, 8192, -8192, 0, 32767, -32767, 16384};
    for (int i = 0; i < 12; i++)
        assert_int_equal(s16(b + 44 + 2 * i), expect[i]);
    free(b);
    assert_int_equal(files_in_dir(), 1); /* no temporary file left */
}

static void an_unwritable_folder_is_an_error_value(void **state)
{
    (void)state;
    char path[400];
    snprintf(path, sizeof path, "%s/no-such-folder/a.wav", dir);
    struct ebb_wav w;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    assert_int_equal(ebb_wav_open(&w, path, &d), -1);
    assert_int_equal(d.errors, 1);
    assert_string_equal(d.items[0].file, path);
    assert_non_null(strstr(d.items[0].message, "cannot write"));
}

static void a_full_disk_is_an_error_and_leaves_no_file(void **state)
{
    (void)state;
    char path[400];
    snprintf(path, sizeof path, "%s/full.wav", dir);
    int before = files_in_dir();
    /* a file-size limit fails writes the way a full disk does */
    struct rlimit old, small;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    small = old;
    small.rlim_cur = 100000;
    void (*prev)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
    struct ebb_wav w;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    static float second[2 * 48000];
    int rc = ebb_wav_open(&w, path, &d);
    for (int i = 0; rc == 0 && i < 3; i++)
        rc = ebb_wav_write(&w, second, 48000, &d);
    if (rc == 0)
        rc = ebb_wav_close(&w, &d);
    setrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, prev);
    assert_int_equal(rc, -1);
    assert_int_equal(d.errors, 1);
    assert_non_null(strstr(d.items[0].message, "cannot write"));
    assert_int_not_equal(access(path, F_OK), 0);
    assert_int_equal(files_in_dir(), before);
}

/* A box-like exercise built by hand: 3 s prepare, 2 cycles of in 4, hold 2, out 4. */
static struct ebb_phase phases[3];
static struct ebb_exercise box = {
    .id = "hand", .title = "Hand", .kind = EBB_KIND_BREATHING, .path = "hand.cfg",
    .dir = ".", .prepare_s = 3.0, .cycles = 2, .phases = phases, .phase_count = 3,
    .audio = {.cues = EBB_CUES_TONES, .ambient = EBB_AMBIENT_NONE, .volume = 1.0},
};

static void build_box(struct ebb_timeline *tl, enum ebb_side side)
{
    phases[0] = (struct ebb_phase){.kind = EBB_PHASE_INHALE, .seconds = 4.0, .text = "In",
                                   .to = 1.0, .side = side};
    phases[1] = (struct ebb_phase){.kind = EBB_PHASE_HOLD, .seconds = 2.0, .text = "Hold",
                                   .to = 1.0};
    phases[2] = (struct ebb_phase){.kind = EBB_PHASE_EXHALE, .seconds = 4.0, .text = "Out"};
    struct ebb_timeline_options opt;
    ebb_timeline_options_default(&opt);
    struct ebb_diags d;
    ebb_diags_clear(&d);
    assert_int_equal(ebb_timeline_init(tl, &box, &opt, &d), 0);
}

/* Onsets: the first sample that is not silence after at least 10 ms of silence. */
static size_t onsets(const unsigned char *pcm, size_t frames, double *out, size_t max)
{
    size_t n = 0, quiet = 480;
    for (size_t i = 0; i < frames; i++) {
        bool silent = s16(pcm + 4 * i) == 0 && s16(pcm + 4 * i + 2) == 0;
        if (!silent && quiet >= 480 && n < max)
            out[n++] = (double)i / 48000.0;
        quiet = silent ? quiet + 1 : 0;
    }
    return n;
}

static void export_writes_every_cue_at_its_time_under_minus_12_dbfs(void **state)
{
    (void)state;
    struct ebb_timeline tl;
    build_box(&tl, EBB_SIDE_NONE);
    struct ebb_event ev[64];
    size_t count = ebb_breath_events(&tl, 0, tl.end_us + 1, ev, 64);
    assert_true(count < 64);
    char path[400];
    snprintf(path, sizeof path, "%s/box.wav", dir);
    struct ebb_diags d;
    ebb_diags_clear(&d);
    assert_int_equal(ebb_audio_export_wav(path, &box, &tl, ev, count, tl.end_us, 80, &d), 0);
    size_t size;
    unsigned char *b = slurp(path, &size);
    assert_non_null(b);
    size_t frames = (size - 44) / 4;
    /* the whole session, and the end bell's ring after it */
    assert_true(frames >= (size_t)((double)tl.end_us * 0.048));
    double found[64];
    size_t n = onsets(b + 44, frames, found, 64);
    size_t cues = 0;
    for (size_t i = 0; i < count; i++) {
        if (ev[i].kind != EBB_EVENT_CUE)
            continue;
        assert_true(cues < n);
        assert_true(fabs(found[cues] - (double)ev[i].t_us / 1e6) <= 0.002);
        cues++;
    }
    assert_int_equal(cues, n);
    assert_true(cues >= 8);
    int peak = 0;
    for (size_t i = 0; i < 2 * frames; i++)
        peak = abs(s16(b + 44 + 2 * i)) > peak ? abs(s16(b + 44 + 2 * i)) : peak;
    assert_true(peak > 1000);
    assert_true(20.0 * log10(peak / 32768.0) <= -12.0);
    free(b);
    ebb_timeline_deinit(&tl);
}

static void export_pans_a_left_phase_to_the_left(void **state)
{
    (void)state;
    struct ebb_timeline tl;
    build_box(&tl, EBB_SIDE_LEFT);
    struct ebb_event ev[64];
    size_t count = ebb_breath_events(&tl, 0, tl.end_us + 1, ev, 64);
    char path[400];
    snprintf(path, sizeof path, "%s/left.wav", dir);
    struct ebb_diags d;
    ebb_diags_clear(&d);
    struct ebb_audio_export opt = {.volume_percent = 80};
    assert_int_equal(
        ebb_audio_export_wav_with(path, &box, &tl, ev, count, tl.end_us, &opt, &d), 0);
    size_t size;
    unsigned char *b = slurp(path, &size);
    assert_non_null(b);
    /* the first inhale sounds from 3 s for 1.3 s; nothing else does then */
    double l = 0, r = 0;
    for (size_t i = 3 * 48000 + 10; i < (size_t)(4.2 * 48000); i++) {
        l += pow(s16(b + 44 + 4 * i), 2);
        r += pow(s16(b + 44 + 4 * i + 2), 2);
    }
    assert_true(r > 0 && 10.0 * log10(l / r) >= 6.0);
    free(b);
    ebb_timeline_deinit(&tl);
}

static void a_sound_file_that_cannot_be_read_is_a_warning_and_export_goes_on(void **state)
{
    (void)state;
    struct ebb_timeline tl;
    build_box(&tl, EBB_SIDE_NONE);
    /* a file that is there but is not sound */
    char gong[400];
    snprintf(gong, sizeof gong, "%s/gong.ogg", dir);
    FILE *f = fopen(gong, "w");
    assert_non_null(f);
    fputs("this is not a sound\n", f);
    fclose(f);
    phases[0].cue = (struct ebb_cue){.kind = EBB_CUE_FILE, .file = gong, .name = "gong.ogg",
                                     .line = 7};
    struct ebb_event ev[64];
    size_t count = ebb_breath_events(&tl, 0, tl.end_us + 1, ev, 64);
    char path[400];
    snprintf(path, sizeof path, "%s/file.wav", dir);
    struct ebb_diags d;
    ebb_diags_clear(&d);
    assert_int_equal(ebb_audio_export_wav(path, &box, &tl, ev, count, tl.end_us, 80, &d), 0);
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.warnings, 1);
    assert_string_equal(d.items[0].file, "hand.cfg");
    assert_int_equal(d.items[0].line, 7);
    assert_non_null(strstr(d.items[0].message, "gong.ogg"));
    phases[0].cue = (struct ebb_cue){0};
    ebb_timeline_deinit(&tl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_written_file_is_48_khz_stereo_16_bit_with_every_sample),
        cmocka_unit_test(an_unwritable_folder_is_an_error_value),
        cmocka_unit_test(a_full_disk_is_an_error_and_leaves_no_file),
        cmocka_unit_test(export_writes_every_cue_at_its_time_under_minus_12_dbfs),
        cmocka_unit_test(export_pans_a_left_phase_to_the_left),
        cmocka_unit_test(a_sound_file_that_cannot_be_read_is_a_warning_and_export_goes_on),
    };
    return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
