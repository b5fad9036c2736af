/* cuefile: a cue's sound file (WAV, Ogg Vorbis, Ogg Opus or FLAC) decoded into a 48 kHz
 * stereo clip. Files are untrusted: every rate from 1 Hz to 384 kHz, 1 to 8 channels,
 * any sample format the decoders know, and broken, truncated or lying files end in a
 * clip or in one reason, never in a crash or a wait. Only a file's first max_s seconds
 * are decoded (the decoders stream), so a long file costs no more time or memory than a
 * short one; a file that is not a regular file is never opened for reading. */
#ifndef EBB_CUEFILE_H
#define EBB_CUEFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "synth.h"

#define EBB_CUEFILE_S_MAX 30.0 /* a cue plays at most its first 30 seconds */
#define EBB_CUEFILE_BYTES_MAX (64L * 1024 * 1024) /* a larger file is refused unread */
#define EBB_CUEFILE_CHANNELS_MAX 8

/* What became of a file. */
enum ebb_cuefile_status {
    EBB_CUEFILE_OK = 0,       /* clip filled */
    EBB_CUEFILE_FAILED = -1,  /* `why` says why, in a few words */
    EBB_CUEFILE_SKIPPED = -2, /* missing, not a regular file, or empty: the script
                                 loader has warned about those already */
};

/* Decodes the file at `path`, at most max_s seconds of it, into *clip (stereo, owned by
 * the caller: ebb_clip_free), peak-normalised when it would clip, with soft 2 ms edges.
 * *cut (may be NULL) says the file went on past max_s. */
enum ebb_cuefile_status ebb_cuefile_load(const char *path, double max_s, struct ebb_clip *clip,
                                         bool *cut, char *why, size_t why_size);

/* The same for a file's bytes held in memory (borrowed for the call). */
enum ebb_cuefile_status ebb_cuefile_load_mem(const void *data, size_t size, double max_s,
                                             struct ebb_clip *clip, bool *cut, char *why,
                                             size_t why_size);

#endif
