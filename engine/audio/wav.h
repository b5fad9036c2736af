/* wav: writes a 48 kHz stereo 16-bit PCM WAV file atomically: the frames go to a
 * temporary file next to the target, which is synced and renamed over it only when all
 * is written. A write that fails (a full disk, a file too large) is an error value and
 * leaves no partial file behind. Pure C (POSIX), no SDL. */
#ifndef EBB_WAV_H
#define EBB_WAV_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

#define EBB_WAV_RATE 48000
#define EBB_WAV_BUFFER 65536 /* bytes gathered before each write() */

struct ebb_wav {
    int fd;             /* the temporary file, -1 when closed */
    char *path;         /* owned: the target */
    char *tmp;          /* owned: the temporary file */
    uint64_t frames;    /* frames written so far */
    size_t used;        /* bytes waiting in buf */
    unsigned char buf[EBB_WAV_BUFFER];
};

/* Creates the temporary file for `path` and writes a provisional header. Returns 0, or
 * -1 with "PATH: error: cannot write: reason" in diags. */
int ebb_wav_open(struct ebb_wav *w, const char *path, struct ebb_diags *diags);

/* Appends frames (interleaved stereo floats, -1..1; clamped, rounded to 16 bits).
 * Returns 0, or -1 with an error in diags (the writer is then aborted). */
int ebb_wav_write(struct ebb_wav *w, const float *stereo, size_t frames,
                  struct ebb_diags *diags);

/* Completes the header, syncs, and renames the file into place. Returns 0, or -1 with
 * an error in diags (and no file left). Frees the writer's memory either way. */
int ebb_wav_close(struct ebb_wav *w, struct ebb_diags *diags);

/* Gives up: removes the temporary file and frees the writer's memory. Accepts a
 * closed writer. */
void ebb_wav_abort(struct ebb_wav *w);

#endif
