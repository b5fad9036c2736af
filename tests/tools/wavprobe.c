/* wavprobe: measures a 16-bit PCM WAV file for the audio tests (tests/integration/audio_*).
 *
 *   wavprobe FILE info              rate, channels, frames, seconds
 *   wavprobe FILE onsets            one line per onset (seconds, 6 decimals): the first
 *                                   sample that is not silence after >= 10 ms of silence
 *   wavprobe FILE onset-near T      the first non-silent sample within 50 ms either side
 *                                   of T that follows >= 10 ms of silence, or "none"
 *   wavprobe FILE peak [FROM TO]    the largest sample, in dBFS
 *   wavprobe FILE rms FROM TO       RMS of both channels over [FROM, TO) seconds, in dBFS
 *   wavprobe FILE balance FROM TO   left energy over right energy, in dB
 *   wavprobe FILE jump [FROM TO]    the largest step between consecutive samples (LSB)
 *   wavprobe FILE differ OTHER [GAP]  where FILE and OTHER (same format) differ: one
 *                                   line "FROM TO" (seconds) per stretch, stretches less
 *                                   than GAP s (default 0.25) apart joined; a longer
 *                                   file's tail is a stretch
 *   wavprobe FILE holes             how many runs of digital silence from 2 to 10 ms lie
 *                                   inside sound (a stream that missed a buffer)
 *
 * Exit 0, or 2 with a message when the file cannot be read. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SILENCE_FRAMES_DIV 100 /* 10 ms of silence before an onset */

struct wav {
    int rate, channels;
    size_t frames;
    int16_t *pcm; /* frames * channels */
};

static uint32_t u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int load(const char *path, struct wav *w)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    unsigned char h[12], c[8];
    int bits = 0, ok = -1;
    if (fread(h, 1, 12, f) != 12 || memcmp(h, "RIFF", 4) || memcmp(h + 8, "WAVE", 4))
        goto out;
    while (fread(c, 1, 8, f) == 8) {
        uint32_t size = u32(c + 4);
        if (!memcmp(c, "fmt ", 4)) {
            unsigned char fmt[16];
            if (size < 16 || fread(fmt, 1, 16, f) != 16)
                goto out;
            w->channels = fmt[2] | fmt[3] << 8;
            w->rate = (int)u32(fmt + 4);
            bits = fmt[14] | fmt[15] << 8;
            fseek(f, (long)(size - 16 + (size & 1)), SEEK_CUR);
        } else if (!memcmp(c, "data", 4)) {
            if (bits != 16 || w->channels < 1)
                goto out;
            w->frames = size / (2u * (unsigned)w->channels);
            w->pcm = malloc(w->frames * (size_t)w->channels * 2 + 2);
            if (!w->pcm)
                goto out;
            size_t n = w->frames * (size_t)w->channels;
            unsigned char *raw = (unsigned char *)w->pcm;
            if (fread(raw, 2, n, f) != n)
                goto out;
            for (size_t i = 0; i < n; i++) /* little-endian to host */
                w->pcm[i] = (int16_t)(uint16_t)(raw[2 * i] | raw[2 * i + 1] << 8);
            ok = 0;
            break;
        } else {
            fseek(f, (long)(size + (size & 1)), SEEK_CUR);
        }
    }
out:
    fclose(f);
    return ok;
}

static size_t frame_at(const struct wav *w, const char *s)
{
    double t = atof(s);
    if (t <= 0)
        return 0;
    size_t i = (size_t)llround(t * w->rate);
    return i > w->frames ? w->frames : i;
}

static int silent(const struct wav *w, size_t i)
{
    for (int c = 0; c < w->channels; c++)
        if (w->pcm[i * (size_t)w->channels + (size_t)c] != 0)
            return 0;
    return 1;
}

/* Onsets in [from, to): calls back with each frame index. */
static void onsets(const struct wav *w, size_t from, size_t to, void (*found)(size_t, void *),
                   void *ctx)
{
    size_t need = (size_t)w->rate / SILENCE_FRAMES_DIV;
    size_t quiet = need; /* the file's start counts as silence */
    if (from > 0) {
        quiet = 0;
        for (size_t i = from > need ? from - need : 0; i < from; i++)
            quiet = silent(w, i) ? quiet + 1 : 0;
    }
    for (size_t i = from; i < to; i++) {
        int s = silent(w, i);
        if (!s && quiet >= need)
            found(i, ctx);
        quiet = s ? quiet + 1 : 0;
    }
}

static void print_onset(size_t i, void *ctx)
{
    const struct wav *w = ctx;
    printf("%.6f\n", (double)i / w->rate);
}

static void first_onset(size_t i, void *ctx)
{
    size_t *first = ctx;
    if (*first == (size_t)-1)
        *first = i;
}

/* Runs of exact silence from 2 ms to just under an onset's 10 ms, with sound on both
 * sides: in a tone they are blocks the server filled with silence. */
static size_t holes(const struct wav *w)
{
    size_t lo = (size_t)w->rate / 500, hi = (size_t)w->rate / SILENCE_FRAMES_DIV, run = 0, n = 0;
    int heard = 0;
    for (size_t i = 0; i < w->frames; i++) {
        if (silent(w, i)) {
            run++;
            continue;
        }
        if (heard && run >= lo && run < hi)
            n++;
        heard = 1;
        run = 0;
    }
    return n;
}

static double db(double x)
{
    return x > 0 ? 20.0 * log10(x) : -INFINITY;
}

int main(int argc, char **argv)
{
    struct wav w = {0};
    if (argc < 3) {
        fprintf(stderr, "usage: wavprobe FILE info|onsets|onset-near T|peak|rms|balance|jump|holes\n");
        return 2;
    }
    if (load(argv[1], &w) != 0) {
        fprintf(stderr, "wavprobe: %s: not a 16-bit PCM WAV file\n", argv[1]);
        return 2;
    }
    const char *cmd = argv[2];
    size_t from = argc > 4 ? frame_at(&w, argv[3]) : 0;
    size_t to = argc > 4 ? frame_at(&w, argv[4]) : w.frames;
    size_t ch = (size_t)w.channels;
    if (!strcmp(cmd, "info")) {
        printf("rate %d\nchannels %d\nframes %zu\nseconds %.6f\n", w.rate, w.channels,
               w.frames, (double)w.frames / w.rate);
    } else if (!strcmp(cmd, "holes")) {
        printf("%zu\n", holes(&w));
    } else if (!strcmp(cmd, "onsets")) {
        onsets(&w, 0, w.frames, print_onset, &w);
    } else if (!strcmp(cmd, "onset-near") && argc > 3) {
        double t = atof(argv[3]);
        size_t a = (size_t)fmax(0.0, (t - 0.05) * w.rate);
        size_t b = (size_t)fmin((double)w.frames, (t + 0.05) * w.rate);
        size_t first = (size_t)-1;
        onsets(&w, a, b, first_onset, &first);
        if (first == (size_t)-1)
            printf("none\n");
        else
            printf("%.6f\n", (double)first / w.rate);
    } else if (!strcmp(cmd, "peak")) {
        int p = 0;
        for (size_t i = from * ch; i < to * ch; i++)
            p = abs(w.pcm[i]) > p ? abs(w.pcm[i]) : p;
        printf("%.2f\n", db(p / 32768.0));
    } else if (!strcmp(cmd, "rms") || !strcmp(cmd, "balance")) {
        double e[2] = {0, 0};
        for (size_t i = from; i < to; i++)
            for (size_t c = 0; c < ch && c < 2; c++)
                e[c] += pow(w.pcm[i * ch + c] / 32768.0, 2);
        if (!strcmp(cmd, "rms"))
            printf("%.2f\n", db(sqrt((e[0] + e[1]) / (double)(ch * (to > from ? to - from : 1)))));
        else
            printf("%.2f\n", e[1] > 0 ? 10.0 * log10(e[0] / e[1]) : INFINITY);
    } else if (!strcmp(cmd, "jump")) {
        int j = 0;
        for (size_t i = from + 1; i < to; i++)
            for (size_t c = 0; c < ch; c++) {
                int d = abs(w.pcm[i * ch + c] - w.pcm[(i - 1) * ch + c]);
                j = d > j ? d : j;
            }
        printf("%d\n", j);
    } else if (!strcmp(cmd, "differ") && argc > 3) {
        struct wav o = {0};
        if (load(argv[3], &o) != 0 || o.channels != w.channels) {
            fprintf(stderr, "wavprobe: %s: not a 16-bit PCM WAV file like %s\n", argv[3], argv[1]);
            free(w.pcm);
            free(o.pcm);
            return 2;
        }
        double gap_s = argc > 4 ? atof(argv[4]) : 0.25;
        size_t n = w.frames > o.frames ? w.frames : o.frames, gap = (size_t)(gap_s * w.rate);
        size_t start = 0, last = 0;
        int open = 0;
        for (size_t i = 0; i < n; i++) {
            int d = i >= w.frames || i >= o.frames;
            for (size_t c = 0; c < ch && !d; c++)
                d = w.pcm[i * ch + c] != o.pcm[i * ch + c];
            if (!d)
                continue;
            if (open && i - last > gap) {
                printf("%.6f %.6f\n", (double)start / w.rate, (double)(last + 1) / w.rate);
                open = 0;
            }
            if (!open) {
                start = i;
                open = 1;
            }
            last = i;
        }
        if (open)
            printf("%.6f %.6f\n", (double)start / w.rate, (double)(last + 1) / w.rate);
        free(o.pcm);
    } else {
        fprintf(stderr, "wavprobe: unknown command %s\n", cmd);
        free(w.pcm);
        return 2;
    }
    free(w.pcm);
    return 0;
}
