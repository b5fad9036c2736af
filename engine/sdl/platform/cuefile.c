/* cuefile: decoding a cue's sound file (see cuefile.h). The file's first bytes say what
 * it is; each decoder then hands its frames, a block at a time, to one sink that mixes
 * them down to stereo and resamples them to 48 kHz (resample.c), and stops the decoder
 * as soon as the clip is long enough. WAV data is decoded by SDL a slice of whole blocks
 * at a time (every encoding SDL knows, read only as far as needed); FLAC by libFLAC,
 * Ogg Vorbis by libvorbisfile and Ogg Opus by libopusfile, all streaming. */
#include "cuefile.h"

#include <SDL.h>

#include <FLAC/stream_decoder.h>
#include <opusfile.h>
#include <vorbis/vorbisfile.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "resample.h"

#define OUT_RATE EBB_SYNTH_RATE
#define BLOCK 1024             /* frames mixed down at once */
#define WAV_SLICE (256 * 1024) /* bytes of WAV data SDL decodes at once */
#define WAV_FMT_MAX 1024       /* a longer fmt chunk is not a sound's */
#define WAV_CHUNKS_MAX 4096    /* chunks looked through for fmt and data */
#define SAMPLE_MAX 1e6         /* a float sample beyond this is taken as this */
#define EDGE_S 0.002           /* raised-cosine edges, in case a file starts hard */
#define BAD_READS_MAX 64       /* holes in a stream skipped before giving up */

/* Where decoded frames go: mixed down to stereo, then resampled. */
struct sink {
    struct ebb_resampler rs;
    bool started;
    long rate;
    size_t max_frames;
    float mix[2 * BLOCK];
    char *why;
    size_t why_size;
    bool failed; /* `why` is set */
};

static void fail(struct sink *s, const char *fmt, ...)
{
    if (s->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->why, s->why_size, fmt, ap);
    va_end(ap);
    s->failed = true;
}

/* The stream's format is known. Returns 0, or -1 (with why) when ebb cannot play it. */
static int sink_start(struct sink *s, long rate, int channels)
{
    if (s->started)
        return rate == s->rate ? 0 : -1; /* a chained stream changing rate ends here */
    if (channels < 1 || channels > EBB_CUEFILE_CHANNELS_MAX) {
        fail(s, "%d channels; at most %d are played", channels, EBB_CUEFILE_CHANNELS_MAX);
        return -1;
    }
    if (rate < EBB_RESAMPLE_RATE_MIN || rate > EBB_RESAMPLE_RATE_MAX) {
        fail(s, "a sample rate of %ld Hz; from %d to %d Hz can be played", rate,
             EBB_RESAMPLE_RATE_MIN, EBB_RESAMPLE_RATE_MAX);
        return -1;
    }
    ebb_resampler_init(&s->rs, rate, OUT_RATE, s->max_frames);
    s->rate = rate;
    s->started = true;
    return 0;
}

static double clean(double v)
{
    if (!isfinite(v))
        return 0.0;
    return v > SAMPLE_MAX ? SAMPLE_MAX : v < -SAMPLE_MAX ? -SAMPLE_MAX : v;
}

/* Mixes one frame of `ch` channels down to stereo: the first two are left and right,
 * any others (centre, surround) go to both at half level. */
static void down(const double *v, int ch, float *lr)
{
    if (ch == 1) {
        lr[0] = lr[1] = (float)v[0];
        return;
    }
    double rest = 0.0;
    for (int c = 2; c < ch; c++)
        rest += 0.5 * v[c];
    lr[0] = (float)(v[0] + rest);
    lr[1] = (float)(v[1] + rest);
}

/* Sample accessors for the three layouts the decoders give. */
enum layout { INTERLEAVED_F32, PLANAR_F32, PLANAR_I32 };

struct frames {
    enum layout layout;
    const float *inter;          /* INTERLEAVED_F32 */
    const float *const *planar;  /* PLANAR_F32 */
    const int32_t *const *ints;  /* PLANAR_I32 */
    double int_scale;            /* PLANAR_I32: 1 / 2^(bits-1) */
    int channels;
};

static double sample(const struct frames *f, size_t i, int c)
{
    switch (f->layout) {
    case INTERLEAVED_F32:
        return clean(f->inter[i * (size_t)f->channels + (size_t)c]);
    case PLANAR_F32:
        return clean(f->planar[c][i]);
    default:
        return (double)f->ints[c][i] * f->int_scale;
    }
}

/* Feeds `count` frames. Returns 0 to go on, 1 when the clip is full (or memory ran out:
 * what was made so far is kept). */
static int sink_put(struct sink *s, const struct frames *f, size_t count)
{
    for (size_t at = 0; at < count;) {
        size_t n = count - at < BLOCK ? count - at : BLOCK;
        for (size_t i = 0; i < n; i++) {
            double v[EBB_CUEFILE_CHANNELS_MAX];
            for (int c = 0; c < f->channels; c++)
                v[c] = sample(f, at + i, c);
            down(v, f->channels, s->mix + 2 * i);
        }
        if (ebb_resampler_push(&s->rs, s->mix, n) != 0)
            return 1;
        at += n;
    }
    return 0;
}

/* --- WAV: found by walking the chunks, decoded by SDL a slice at a time --- */

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t le16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

struct wav {
    unsigned char fmt[WAV_FMT_MAX];
    uint32_t fmt_len;
    Sint64 data_at;     /* offset of the sound data */
    uint32_t data_len;  /* bytes of it that the file really holds */
};

/* Finds the fmt chunk and the data chunk after it. Returns 0 or -1 with why. */
static int wav_walk(SDL_RWops *src, struct sink *s, struct wav *w)
{
    Sint64 size = SDL_RWsize(src);
    Sint64 at = 12;
    bool have_fmt = false;
    for (int i = 0; i < WAV_CHUNKS_MAX; i++) {
        unsigned char h[8];
        if (SDL_RWseek(src, at, RW_SEEK_SET) < 0 || SDL_RWread(src, h, 1, 8) != 8)
            break;
        uint32_t len = le32(h + 4);
        Sint64 body = at + 8;
        if (!memcmp(h, "fmt ", 4)) {
            if (len < 16 || len > WAV_FMT_MAX) {
                fail(s, "a fmt chunk of %lu bytes; a WAV's has 16 to %d",
                     (unsigned long)len, WAV_FMT_MAX);
                return -1;
            }
            if (SDL_RWread(src, w->fmt, 1, len) != len)
                break;
            w->fmt_len = len;
            have_fmt = true;
        } else if (!memcmp(h, "data", 4)) {
            if (!have_fmt) {
                fail(s, "no fmt chunk before the sound data");
                return -1;
            }
            Sint64 held = size > body ? size - body : 0;
            w->data_at = body;
            w->data_len = (Sint64)len < held ? len : (uint32_t)held;
            return 0;
        }
        at = body + (Sint64)len + (len & 1u);
    }
    fail(s, have_fmt ? "no sound data in the WAV file" : "no fmt chunk in the WAV file");
    return -1;
}

/* SDL's decoded samples (U8, S8, S16, S32 or F32, either byte order) as floats. */
static size_t to_float(const SDL_AudioSpec *spec, const Uint8 *buf, Uint32 len, float *out)
{
    int bytes = SDL_AUDIO_BITSIZE(spec->format) / 8;
    size_t n = bytes > 0 ? len / (Uint32)bytes : 0;
    bool big = SDL_AUDIO_ISBIGENDIAN(spec->format), sign = SDL_AUDIO_ISSIGNED(spec->format);
    for (size_t i = 0; i < n; i++) {
        const Uint8 *p = buf + i * (size_t)bytes;
        uint32_t u = 0;
        for (int b = 0; b < bytes; b++)
            u |= (uint32_t)p[big ? bytes - 1 - b : b] << (8 * b);
        double v;
        if (SDL_AUDIO_ISFLOAT(spec->format) && bytes == 4) {
            float fv;
            memcpy(&fv, &u, sizeof fv);
            v = clean(fv);
        } else if (!sign) {
            v = ((double)u - (double)(1u << (8 * bytes - 1))) / (double)(1u << (8 * bytes - 1));
        } else {
            int bits = 8 * bytes;
            int64_t sv = (int64_t)u;
            if (bits < 64 && (u >> (bits - 1)) & 1u)
                sv -= (int64_t)1 << bits; /* two's complement of `bits` bits */
            v = (double)sv / (double)((int64_t)1 << (bits - 1));
        }
        out[i] = (float)v;
    }
    return n;
}

/* Decodes one slice of whole blocks by handing SDL a WAV file of just that slice. */
static int wav_slice(struct sink *s, const struct wav *w, unsigned char *file, uint32_t slice,
                     bool first)
{
    unsigned char *p = file;
    uint32_t fmt_room = w->fmt_len + (w->fmt_len & 1u);
    uint32_t total = 4 + 8 + fmt_room + 8 + slice;
    memcpy(p, "RIFF", 4);
    put32(p + 4, total);
    memcpy(p + 8, "WAVEfmt ", 8);
    put32(p + 16, w->fmt_len);
    memcpy(p + 20, w->fmt, w->fmt_len);
    p += 20 + fmt_room;
    memcpy(p, "data", 4);
    put32(p + 4, slice);
    SDL_AudioSpec spec;
    Uint8 *buf = NULL;
    Uint32 len = 0;
    SDL_ClearError();
    if (!SDL_LoadWAV_RW(SDL_RWFromConstMem(file, (int)(8 + total)), 1, &spec, &buf, &len)) {
        if (first) {
            const char *e = SDL_GetError();
            fail(s, "%s", e && *e ? e : "the WAV data cannot be decoded");
        }
        return -1;
    }
    int rc = sink_start(s, spec.freq, spec.channels);
    int bytes = SDL_AUDIO_BITSIZE(spec.format) / 8;
    float *f = rc == 0 && bytes > 0 ? malloc(((size_t)len / (size_t)bytes + 1) * sizeof *f) : NULL;
    if (rc == 0 && f) {
        size_t n = to_float(&spec, buf, len, f);
        struct frames fr = {.layout = INTERLEAVED_F32, .inter = f, .channels = spec.channels};
        rc = sink_put(s, &fr, n / (size_t)spec.channels);
    } else if (rc == 0) {
        rc = 1; /* out of memory: keep what was made */
    }
    free(f);
    SDL_FreeWAV(buf);
    return rc;
}

static void decode_wav(SDL_RWops *src, struct sink *s)
{
    struct wav w;
    if (wav_walk(src, s, &w) != 0)
        return;
    unsigned block = le16(w.fmt + 12), channels = le16(w.fmt + 2);
    if (channels < 1 || channels > EBB_CUEFILE_CHANNELS_MAX) {
        fail(s, "%u channels; at most %d are played", channels, EBB_CUEFILE_CHANNELS_MAX);
        return;
    }
    if (block == 0) {
        fail(s, "a block size of 0 in its fmt chunk");
        return;
    }
    uint32_t slice = WAV_SLICE / block * block;
    slice = slice ? slice : block;
    unsigned char *file = malloc(20 + WAV_FMT_MAX + 2 + 8 + (size_t)slice);
    if (!file) {
        fail(s, "not enough memory");
        return;
    }
    for (uint32_t done = 0; done < w.data_len;) {
        uint32_t n = w.data_len - done < slice ? w.data_len - done : slice;
        if (n < block && done > 0)
            break; /* a last partial block */
        unsigned char *body = file + 20 + w.fmt_len + (w.fmt_len & 1u) + 8;
        if (SDL_RWseek(src, w.data_at + done, RW_SEEK_SET) < 0 ||
            SDL_RWread(src, body, 1, n) != n)
            break;
        if (wav_slice(s, &w, file, n, done == 0) != 0)
            break;
        done += n;
    }
    free(file);
}

/* --- FLAC, through libFLAC's stream decoder --- */

struct flac {
    SDL_RWops *src;
    struct sink *sink;
    bool eof, stop;
    long rate;
    unsigned bits;
    const char *error; /* the first stream error */
};

static FLAC__StreamDecoderReadStatus flac_read(const FLAC__StreamDecoder *d, FLAC__byte buf[],
                                               size_t *bytes, void *ctx)
{
    (void)d;
    struct flac *f = ctx;
    size_t n = *bytes ? SDL_RWread(f->src, buf, 1, *bytes) : 0;
    *bytes = n;
    if (n == 0) {
        f->eof = true;
        return FLAC__STREAM_DECODER_READ_STATUS_END_OF_STREAM;
    }
    return FLAC__STREAM_DECODER_READ_STATUS_CONTINUE;
}

static FLAC__bool flac_eof(const FLAC__StreamDecoder *d, void *ctx)
{
    (void)d;
    return ((struct flac *)ctx)->eof;
}

static FLAC__StreamDecoderWriteStatus flac_write(const FLAC__StreamDecoder *d,
                                                 const FLAC__Frame *frame,
                                                 const FLAC__int32 *const buf[], void *ctx)
{
    (void)d;
    struct flac *f = ctx;
    long rate = frame->header.sample_rate ? (long)frame->header.sample_rate : f->rate;
    unsigned bits = frame->header.bits_per_sample ? frame->header.bits_per_sample : f->bits;
    int ch = (int)frame->header.channels;
    if (bits < 1 || bits > 32 || sink_start(f->sink, rate, ch) != 0) {
        if (bits < 1 || bits > 32)
            fail(f->sink, "FLAC frames of %u bits", bits);
        f->stop = true;
        return FLAC__STREAM_DECODER_WRITE_STATUS_ABORT;
    }
    struct frames fr = {.layout = PLANAR_I32,
                        .ints = (const int32_t *const *)buf,
                        .int_scale = 1.0 / (double)((int64_t)1 << (bits - 1)),
                        .channels = ch};
    if (sink_put(f->sink, &fr, frame->header.blocksize) != 0) {
        f->stop = true;
        return FLAC__STREAM_DECODER_WRITE_STATUS_ABORT;
    }
    return FLAC__STREAM_DECODER_WRITE_STATUS_CONTINUE;
}

static void flac_meta(const FLAC__StreamDecoder *d, const FLAC__StreamMetadata *m, void *ctx)
{
    (void)d;
    struct flac *f = ctx;
    if (m->type == FLAC__METADATA_TYPE_STREAMINFO) {
        f->rate = (long)m->data.stream_info.sample_rate;
        f->bits = m->data.stream_info.bits_per_sample;
    }
}

static void flac_error(const FLAC__StreamDecoder *d, FLAC__StreamDecoderErrorStatus status,
                       void *ctx)
{
    (void)d;
    struct flac *f = ctx;
    if (f->error)
        return;
    switch (status) {
    case FLAC__STREAM_DECODER_ERROR_STATUS_LOST_SYNC:
        f->error = "corrupt FLAC data: no frame found";
        break;
    case FLAC__STREAM_DECODER_ERROR_STATUS_BAD_HEADER:
        f->error = "corrupt FLAC data: a bad frame header";
        break;
    case FLAC__STREAM_DECODER_ERROR_STATUS_FRAME_CRC_MISMATCH:
        f->error = "corrupt FLAC data: a frame's checksum does not match";
        break;
    default:
        f->error = "corrupt FLAC data";
        break;
    }
}

static void decode_flac(SDL_RWops *src, struct sink *s)
{
    FLAC__StreamDecoder *d = FLAC__stream_decoder_new();
    if (!d) {
        fail(s, "not enough memory");
        return;
    }
    struct flac f = {.src = src, .sink = s};
    FLAC__stream_decoder_set_md5_checking(d, false);
    if (FLAC__stream_decoder_init_stream(d, flac_read, NULL, NULL, NULL, flac_eof, flac_write,
                                         flac_meta, flac_error,
                                         &f) != FLAC__STREAM_DECODER_INIT_STATUS_OK) {
        fail(s, "the FLAC decoder cannot start");
        FLAC__stream_decoder_delete(d);
        return;
    }
    while (!f.stop && FLAC__stream_decoder_process_single(d)) {
        FLAC__StreamDecoderState st = FLAC__stream_decoder_get_state(d);
        if (st == FLAC__STREAM_DECODER_END_OF_STREAM || st == FLAC__STREAM_DECODER_ABORTED)
            break;
    }
    if (!s->started)
        fail(s, "%s", f.error ? f.error : "the FLAC file ends before its first frame of sound");
    FLAC__stream_decoder_finish(d);
    FLAC__stream_decoder_delete(d);
}

/* --- Ogg: Vorbis through libvorbisfile, Opus through libopusfile --- */

static size_t vorbis_read(void *ptr, size_t size, size_t count, void *ctx)
{
    return SDL_RWread(ctx, ptr, size, count);
}

static const char *vorbis_why(int rc)
{
    switch (rc) {
    case OV_ENOTVORBIS:
    case OV_EBADHEADER:
        return "a broken or cut-off Vorbis header";
    case OV_EVERSION:
        return "a Vorbis version that is not known";
    default:
        return "the Ogg file cannot be read";
    }
}

static void decode_vorbis(SDL_RWops *src, struct sink *s)
{
    ov_callbacks cb = {.read_func = vorbis_read};
    OggVorbis_File *vf = calloc(1, sizeof *vf);
    if (!vf) {
        fail(s, "not enough memory");
        return;
    }
    int rc = ov_open_callbacks(src, vf, NULL, 0, cb);
    if (rc < 0) {
        fail(s, "%s", vorbis_why(rc));
        free(vf);
        return;
    }
    int bad = 0;
    for (;;) {
        float **pcm = NULL;
        int link = 0;
        long n = ov_read_float(vf, &pcm, BLOCK, &link);
        if (n == 0)
            break;
        if (n < 0) {
            if (++bad > BAD_READS_MAX || n != OV_HOLE)
                break;
            continue;
        }
        vorbis_info *vi = ov_info(vf, link);
        if (!vi || sink_start(s, vi->rate, vi->channels) != 0)
            break;
        struct frames fr = {.layout = PLANAR_F32,
                            .planar = (const float *const *)pcm,
                            .channels = vi->channels};
        if (sink_put(s, &fr, (size_t)n) != 0)
            break;
    }
    if (!s->started)
        fail(s, "no Vorbis sound in it: it is cut off or corrupt");
    ov_clear(vf);
    free(vf);
}

static int opus_read(void *ctx, unsigned char *ptr, int bytes)
{
    return bytes > 0 ? (int)SDL_RWread(ctx, ptr, 1, (size_t)bytes) : 0;
}

static void decode_opus(SDL_RWops *src, struct sink *s)
{
    OpusFileCallbacks cb = {.read = opus_read};
    int err = 0;
    OggOpusFile *of = op_open_callbacks(src, &cb, NULL, 0, &err);
    if (!of) {
        fail(s, "a broken Opus stream (%d)", err);
        return;
    }
    enum { OPUS_MAX = 5760 * EBB_CUEFILE_CHANNELS_MAX }; /* 120 ms of every channel */
    float *buf = malloc(OPUS_MAX * sizeof *buf);
    int bad = 0;
    while (buf) {
        int link = 0;
        int n = op_read_float(of, buf, OPUS_MAX, &link);
        if (n == 0)
            break;
        if (n < 0) {
            if (++bad > BAD_READS_MAX || n != OP_HOLE)
                break;
            continue;
        }
        int ch = op_channel_count(of, link);
        if (sink_start(s, 48000, ch) != 0)
            break;
        struct frames fr = {.layout = INTERLEAVED_F32, .inter = buf, .channels = ch};
        if (sink_put(s, &fr, (size_t)n) != 0)
            break;
    }
    if (!buf)
        fail(s, "not enough memory");
    if (!s->started)
        fail(s, "no Opus sound in it: it is cut off or corrupt");
    free(buf);
    op_free(of);
}

enum ogg_kind { OGG_OTHER, OGG_VORBIS, OGG_OPUS };

/* What an Ogg file's first packet says it holds. */
static enum ogg_kind ogg_kind(SDL_RWops *src)
{
    unsigned char head[300];
    size_t n = SDL_RWread(src, head, 1, sizeof head);
    SDL_RWseek(src, 0, RW_SEEK_SET);
    if (n < 27)
        return OGG_OTHER;
    size_t at = 27 + head[26]; /* the page header and its segment table */
    if (at + 8 <= n && !memcmp(head + at, "OpusHead", 8))
        return OGG_OPUS;
    if (at + 7 <= n && !memcmp(head + at, "\x01vorbis", 7))
        return OGG_VORBIS;
    return OGG_OTHER;
}

/* --- the whole --- */

/* True when an ID3v2 tag (which libFLAC skips) is followed by a FLAC stream. */
static bool id3_then_flac(SDL_RWops *src, const unsigned char *magic, size_t got)
{
    if (got < 10 || memcmp(magic, "ID3", 3) != 0)
        return false;
    Sint64 size = (Sint64)(magic[6] & 0x7f) << 21 | (magic[7] & 0x7f) << 14 |
                  (magic[8] & 0x7f) << 7 | (magic[9] & 0x7f);
    unsigned char m[4];
    bool flac = SDL_RWseek(src, 10 + size, RW_SEEK_SET) >= 0 && SDL_RWread(src, m, 1, 4) == 4 &&
                !memcmp(m, "fLaC", 4);
    SDL_RWseek(src, 0, RW_SEEK_SET);
    return flac;
}

/* Peak-normalises (only when the clip would clip) and softens both ends. */
static void finish_clip(struct ebb_clip *clip)
{
    double peak = 0.0;
    for (size_t i = 0; i < 2 * clip->frames; i++)
        peak = fmax(peak, fabs(clip->data[i]));
    double scale = peak > 1.0 ? 1.0 / peak : 1.0;
    double edge = EDGE_S * OUT_RATE;
    for (size_t i = 0; i < clip->frames; i++) {
        double g = scale * ebb_raised_cosine((double)i / edge) *
                   ebb_raised_cosine((double)(clip->frames - 1 - i) / edge);
        clip->data[2 * i] = (float)(clip->data[2 * i] * g);
        clip->data[2 * i + 1] = (float)(clip->data[2 * i + 1] * g);
    }
}

static enum ebb_cuefile_status decode(SDL_RWops *src, double max_s, struct ebb_clip *clip,
                                      bool *cut, char *why, size_t why_size)
{
    struct sink *s = calloc(1, sizeof *s);
    if (!s) {
        SDL_RWclose(src);
        snprintf(why, why_size, "not enough memory");
        return EBB_CUEFILE_FAILED;
    }
    s->why = why;
    s->why_size = why_size;
    s->max_frames = max_s > 0.0 ? (size_t)(max_s * OUT_RATE) : 0;
    unsigned char magic[12] = {0};
    size_t got = SDL_RWread(src, magic, 1, sizeof magic);
    SDL_RWseek(src, 0, RW_SEEK_SET);
    if (got == 12 && !memcmp(magic, "RIFF", 4) && !memcmp(magic + 8, "WAVE", 4))
        decode_wav(src, s);
    else if (got >= 4 && (!memcmp(magic, "fLaC", 4) || id3_then_flac(src, magic, got)))
        decode_flac(src, s);
    else if (got >= 4 && !memcmp(magic, "OggS", 4))
        switch (ogg_kind(src)) {
        case OGG_OPUS:
            decode_opus(src, s);
            break;
        case OGG_VORBIS:
            decode_vorbis(src, s);
            break;
        default:
            fail(s, "an Ogg file holding neither Vorbis nor Opus sound");
            break;
        }
    else
        fail(s, "not a WAV, Ogg or FLAC file");
    SDL_RWclose(src);
    enum ebb_cuefile_status rc = EBB_CUEFILE_FAILED;
    if (s->started) {
        ebb_resampler_finish(&s->rs);
        bool was_cut = s->rs.cut;
        clip->data = ebb_resampler_take(&s->rs, &clip->frames);
        clip->channels = 2;
        if (clip->frames > 0) {
            finish_clip(clip);
            rc = EBB_CUEFILE_OK;
            if (cut)
                *cut = was_cut;
        } else {
            ebb_clip_free(clip);
            snprintf(why, why_size, "no sound in it: it holds no whole frame");
        }
    } else if (!s->failed) {
        snprintf(why, why_size, "no sound in it");
    }
    ebb_resampler_free(&s->rs);
    free(s);
    return rc;
}

enum ebb_cuefile_status ebb_cuefile_load_mem(const void *data, size_t size, double max_s,
                                             struct ebb_clip *clip, bool *cut, char *why,
                                             size_t why_size)
{
    *clip = (struct ebb_clip){0};
    if (cut)
        *cut = false;
    if (size == 0 || size > (size_t)EBB_CUEFILE_BYTES_MAX) {
        snprintf(why, why_size, size ? "larger than %ld MiB" : "empty",
                 EBB_CUEFILE_BYTES_MAX / (1024 * 1024));
        return EBB_CUEFILE_FAILED;
    }
    SDL_RWops *src = SDL_RWFromConstMem(data, (int)size);
    if (!src) {
        snprintf(why, why_size, "not enough memory");
        return EBB_CUEFILE_FAILED;
    }
    return decode(src, max_s, clip, cut, why, why_size);
}

enum ebb_cuefile_status ebb_cuefile_load(const char *path, double max_s, struct ebb_clip *clip,
                                         bool *cut, char *why, size_t why_size)
{
    *clip = (struct ebb_clip){0};
    if (cut)
        *cut = false;
    /* O_NONBLOCK: opening a FIFO must not wait for a writer; what is not a regular file
     * is then closed unread. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR || errno == ENXIO)
            return EBB_CUEFILE_SKIPPED;
        snprintf(why, why_size, "%s", strerror(errno));
        return EBB_CUEFILE_FAILED;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0) {
        close(fd);
        return EBB_CUEFILE_SKIPPED;
    }
    if (st.st_size > EBB_CUEFILE_BYTES_MAX) {
        close(fd);
        snprintf(why, why_size, "larger than %ld MiB", EBB_CUEFILE_BYTES_MAX / (1024 * 1024));
        return EBB_CUEFILE_FAILED;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    FILE *fp = fdopen(fd, "rb");
    SDL_RWops *src = fp ? SDL_RWFromFP(fp, SDL_TRUE) : NULL;
    if (!src) {
        if (fp)
            fclose(fp);
        else
            close(fd);
        snprintf(why, why_size, "cannot be read");
        return EBB_CUEFILE_FAILED;
    }
    return decode(src, max_s, clip, cut, why, why_size);
}
