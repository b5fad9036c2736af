/* resample: a streaming windowed-sinc resampler (see resample.h). Output frame j sits at
 * input position j * in_rate / out_rate, computed in whole numbers so that nothing
 * drifts however long the file. Its value is the sum of the input frames around that
 * point, each weighted by a sinc of its distance windowed by a Blackman window and
 * normalised by the weights' sum (a steady input stays exactly steady). Going down in
 * rate the sinc is widened so it also filters out what the lower rate cannot carry. */
#include "resample.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PI 3.14159265358979323846
#define TABLE_STEPS 512 /* kernel samples per zero crossing (linear in between) */
#define TABLE_LEN (EBB_RESAMPLE_ZEROS * TABLE_STEPS + 2)
#define CUTOFF_MARGIN 0.92 /* the pass band ends a little below Nyquist: room to fall */
#define HIST_MIN 4096      /* frames of input room allocated at first */
#define OUT_MIN 4096       /* frames of output room allocated at first */

static float table[TABLE_LEN];
static bool table_ready;

/* sinc(t) x Blackman(t / ZEROS) for t in [0, ZEROS], sampled once. */
static void make_table(void)
{
    if (table_ready)
        return;
    for (int i = 0; i < TABLE_LEN; i++) {
        double t = (double)i / TABLE_STEPS;
        double u = t / EBB_RESAMPLE_ZEROS;
        double sinc = i == 0 ? 1.0 : sin(PI * t) / (PI * t);
        double win = u >= 1.0 ? 0.0 : 0.42 + 0.5 * cos(PI * u) + 0.08 * cos(2.0 * PI * u);
        table[i] = (float)(sinc * win);
    }
    table_ready = true;
}

int ebb_resampler_init(struct ebb_resampler *r, long in_rate, long out_rate, size_t out_max)
{
    memset(r, 0, sizeof *r);
    if (in_rate < EBB_RESAMPLE_RATE_MIN || in_rate > EBB_RESAMPLE_RATE_MAX ||
        out_rate < EBB_RESAMPLE_RATE_MIN || out_rate > EBB_RESAMPLE_RATE_MAX)
        return -1;
    make_table();
    r->in_rate = in_rate;
    r->out_rate = out_rate;
    r->out_max = out_max;
    double down = (double)out_rate / (double)in_rate;
    r->cutoff = CUTOFF_MARGIN * (down < 1.0 ? down : 1.0);
    r->reach = EBB_RESAMPLE_ZEROS / r->cutoff;
    r->full = out_max == 0;
    return 0;
}

/* Room for `more` output frames (never past out_max). */
static bool out_room(struct ebb_resampler *r, size_t more)
{
    size_t want = r->out_len + more;
    if (want > r->out_max)
        want = r->out_max;
    if (want <= r->out_cap)
        return true;
    size_t cap = r->out_cap ? r->out_cap : OUT_MIN;
    while (cap < want)
        cap = cap > r->out_max / 2 ? r->out_max : cap * 2;
    float *p = realloc(r->out, cap * 2 * sizeof *p);
    if (!p) {
        r->oom = true;
        return false;
    }
    r->out = p;
    r->out_cap = cap;
    return true;
}

static void mark_full(struct ebb_resampler *r)
{
    r->full = true;
    /* the frame after the last kept one would start before the input's end */
    int64_t after = (int64_t)((uint64_t)r->out_max * (uint64_t)r->in_rate / (uint64_t)r->out_rate);
    if (after < r->in_total)
        r->cut = true;
}

/* One output frame at input position n + num / out_rate. The kernel's table is read
 * inline (this loop is most of a cue's decoding time). */
static void one(struct ebb_resampler *r, int64_t n, int64_t num, float *lr)
{
    double x = (double)n + (double)num / (double)r->out_rate;
    int64_t lo = (int64_t)floor(x - r->reach) + 1, hi = (int64_t)floor(x + r->reach);
    double step = r->cutoff * TABLE_STEPS;
    double p = (x - (double)lo) * step; /* table position of tap lo; falls by step a tap */
    double l = 0.0, rr = 0.0, sum = 0.0;
    int64_t first = r->hist_base, last = r->hist_base + (int64_t)r->hist_len;
    const float *h = r->hist;
    for (int64_t k = lo; k <= hi; k++, p -= step) {
        double a = p < 0.0 ? -p : p;
        if (a >= TABLE_LEN - 2)
            continue;
        int i = (int)a;
        double w = table[i] + (table[i + 1] - table[i]) * (a - i);
        sum += w;
        if (k >= first && k < last) {
            l += w * h[2 * (k - first)];
            rr += w * h[2 * (k - first) + 1];
        }
    }
    lr[0] = sum > 0.0 ? (float)(l / sum) : 0.0f;
    lr[1] = sum > 0.0 ? (float)(rr / sum) : 0.0f;
}

/* Makes every output frame whose filter has its input (all of it when `final`). */
static void produce(struct ebb_resampler *r, bool final)
{
    int64_t reach = (int64_t)ceil(r->reach);
    uint64_t in = (uint64_t)r->in_rate, out = (uint64_t)r->out_rate;
    /* the output ends where the input does: frames j with j * in < in_total * out */
    int64_t last = (int64_t)(((uint64_t)r->in_total * out + in - 1) / in);
    while (!r->full && r->next < last) {
        uint64_t pos = (uint64_t)r->next * in;
        int64_t n = (int64_t)(pos / out), num = (int64_t)(pos % out);
        if (!final && n + reach >= r->in_total)
            break;
        if (!out_room(r, 1))
            return;
        one(r, n, num, r->out + 2 * r->out_len);
        r->out_len++;
        r->next++;
        if (r->out_len >= r->out_max)
            mark_full(r);
    }
    /* forget the input the next frame no longer reaches */
    int64_t keep_from = (int64_t)((uint64_t)r->next * in / out) - reach - 1;
    if (keep_from > r->hist_base) {
        size_t drop = (size_t)(keep_from - r->hist_base);
        drop = drop < r->hist_len ? drop : r->hist_len;
        memmove(r->hist, r->hist + 2 * drop, (r->hist_len - drop) * 2 * sizeof *r->hist);
        r->hist_len -= drop;
        r->hist_base += (int64_t)drop;
    }
}

static int copy_through(struct ebb_resampler *r, const float *stereo, size_t frames)
{
    size_t take = r->out_max - r->out_len;
    take = take < frames ? take : frames;
    if (!out_room(r, take))
        return -1;
    memcpy(r->out + 2 * r->out_len, stereo, take * 2 * sizeof *stereo);
    r->out_len += take;
    r->next += (int64_t)take;
    if (r->out_len >= r->out_max) {
        r->full = true;
        r->cut = r->cut || take < frames;
    }
    return r->full ? 1 : 0;
}

int ebb_resampler_push(struct ebb_resampler *r, const float *stereo, size_t frames)
{
    if (r->oom)
        return -1;
    if (r->full) {
        r->cut = r->cut || frames > 0;
        return 1;
    }
    if (frames == 0)
        return 0;
    if (r->in_rate == r->out_rate) {
        r->in_total += (int64_t)frames;
        return copy_through(r, stereo, frames);
    }
    if (r->hist_len + frames > r->hist_cap) {
        size_t cap = r->hist_cap ? r->hist_cap : HIST_MIN;
        while (cap < r->hist_len + frames)
            cap *= 2;
        float *p = realloc(r->hist, cap * 2 * sizeof *p);
        if (!p) {
            r->oom = true;
            return -1;
        }
        r->hist = p;
        r->hist_cap = cap;
    }
    memcpy(r->hist + 2 * r->hist_len, stereo, frames * 2 * sizeof *stereo);
    r->hist_len += frames;
    r->in_total += (int64_t)frames;
    produce(r, false);
    if (r->oom)
        return -1;
    return r->full ? 1 : 0;
}

void ebb_resampler_finish(struct ebb_resampler *r)
{
    if (!r->oom && r->in_rate != r->out_rate)
        produce(r, true);
}

float *ebb_resampler_take(struct ebb_resampler *r, size_t *frames)
{
    float *out = r->out;
    *frames = out ? r->out_len : 0;
    r->out = NULL;
    r->out_len = r->out_cap = 0;
    ebb_resampler_free(r);
    return out;
}

void ebb_resampler_free(struct ebb_resampler *r)
{
    if (!r)
        return;
    free(r->hist);
    free(r->out);
    r->hist = r->out = NULL;
    r->hist_len = r->hist_cap = r->out_len = r->out_cap = 0;
}
