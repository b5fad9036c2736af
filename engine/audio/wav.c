/* wav: the atomic WAV writer (see wav.h). The RIFF sizes are only known at the end, so
 * the header is written twice: provisionally first, then patched with pwrite. */
#include "wav.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define HEADER_BYTES 44
#define FRAME_BYTES 4 /* two channels of 16 bits */
/* a RIFF file's sizes are 32-bit: at most this many frames fit */
#define FRAMES_MAX ((UINT32_MAX - HEADER_BYTES) / FRAME_BYTES)

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

static void put16(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v & 0xff);
    p[1] = (unsigned char)((v >> 8) & 0xff);
}

static void put32(unsigned char *p, uint32_t v)
{
    put16(p, v & 0xffff);
    put16(p + 2, v >> 16);
}

static void header(unsigned char *h, uint64_t frames)
{
    uint32_t data = (uint32_t)(frames * FRAME_BYTES);
    memcpy(h, "RIFF", 4);
    put32(h + 4, 36 + data);
    memcpy(h + 8, "WAVEfmt ", 8);
    put32(h + 16, 16);                        /* fmt chunk size */
    put16(h + 20, 1);                         /* PCM */
    put16(h + 22, 2);                         /* channels */
    put32(h + 24, EBB_WAV_RATE);              /* frames a second */
    put32(h + 28, EBB_WAV_RATE * FRAME_BYTES); /* bytes a second */
    put16(h + 32, FRAME_BYTES);               /* block align */
    put16(h + 34, 16);                        /* bits a sample */
    memcpy(h + 36, "data", 4);
    put32(h + 40, data);
}

static int fail(struct ebb_wav *w, struct ebb_diags *diags, const char *what, int err)
{
    ebb_diags_add(diags, EBB_SEVERITY_ERROR, w->path ? w->path : "audio.wav", 0, "%s: %s",
                  what, strerror(err));
    ebb_wav_abort(w);
    return -1;
}

/* Writes all of buf at the current offset, or at `offset` when it is >= 0. */
static int write_all(int fd, const unsigned char *buf, size_t n, off_t offset)
{
    while (n > 0) {
        ssize_t k = offset >= 0 ? pwrite(fd, buf, n, offset) : write(fd, buf, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            if (k == 0)
                errno = ENOSPC;
            return -1;
        }
        buf += k;
        n -= (size_t)k;
        if (offset >= 0)
            offset += k;
    }
    return 0;
}

int ebb_wav_open(struct ebb_wav *w, const char *path, struct ebb_diags *diags)
{
    memset(w, 0, sizeof *w);
    w->fd = -1;
    w->path = dup_str(path);
    w->tmp = malloc(strlen(path) + 16);
    if (!w->path || !w->tmp)
        return fail(w, diags, "cannot write", ENOMEM);
    snprintf(w->tmp, strlen(path) + 16, "%s.tmp-XXXXXX", path);
    w->fd = mkstemp(w->tmp);
    if (w->fd < 0) {
        int err = errno;
        free(w->tmp);
        w->tmp = NULL; /* nothing to remove */
        return fail(w, diags, "cannot write", err);
    }
    unsigned char h[HEADER_BYTES];
    header(h, 0);
    if (write_all(w->fd, h, sizeof h, -1) != 0)
        return fail(w, diags, "cannot write", errno);
    return 0;
}

static int flush(struct ebb_wav *w)
{
    int rc = write_all(w->fd, w->buf, w->used, -1);
    w->used = 0;
    return rc;
}

static int16_t to_s16(float x)
{
    double v = (double)x;
    if (!(v > -1.0)) /* also NaN */
        v = -1.0;
    if (v > 1.0)
        v = 1.0;
    return (int16_t)lrint(v * 32767.0);
}

int ebb_wav_write(struct ebb_wav *w, const float *stereo, size_t frames,
                  struct ebb_diags *diags)
{
    if (w->fd < 0)
        return -1;
    if (frames > FRAMES_MAX - w->frames)
        return fail(w, diags, "cannot write", EFBIG);
    for (size_t i = 0; i < 2 * frames; i++) {
        if (w->used + 2 > sizeof w->buf && flush(w) != 0)
            return fail(w, diags, "cannot write", errno);
        put16(w->buf + w->used, (uint16_t)to_s16(stereo[i]));
        w->used += 2;
    }
    w->frames += frames;
    return 0;
}

int ebb_wav_close(struct ebb_wav *w, struct ebb_diags *diags)
{
    if (w->fd < 0) {
        ebb_wav_abort(w);
        return -1;
    }
    unsigned char h[HEADER_BYTES];
    header(h, w->frames);
    if (flush(w) != 0 || write_all(w->fd, h, sizeof h, 0) != 0 || fsync(w->fd) != 0)
        return fail(w, diags, "cannot write", errno);
    int fd = w->fd;
    w->fd = -1;
    if (close(fd) != 0)
        return fail(w, diags, "cannot write", errno);
    if (rename(w->tmp, w->path) != 0)
        return fail(w, diags, "cannot write", errno);
    free(w->tmp);
    w->tmp = NULL;
    ebb_wav_abort(w);
    return 0;
}

void ebb_wav_abort(struct ebb_wav *w)
{
    if (w->fd >= 0)
        close(w->fd);
    w->fd = -1;
    if (w->tmp)
        unlink(w->tmp);
    free(w->tmp);
    free(w->path);
    w->tmp = NULL;
    w->path = NULL;
}
