/* libFuzzer target: a cue's sound file, from its bytes to the mixed sound. The bytes are
 * decoded (WAV, FLAC, Ogg Vorbis or Opus; any rate, channels or encoding they claim),
 * resampled to 48 kHz, and the clip is placed by the mixer at a frame the bytes choose,
 * panned to a side they choose, and mixed to its end. Whatever the bytes: no crash,
 * leak or undefined behaviour; a clip is stereo, finite and within full scale; every
 * mixed sample is finite and under the limiter's ceiling. Seeded with tests/cues. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "cuefile.h"
#include "mix.h"
#include "synth.h"

#define FUZZ_CAP_S 0.2 /* a shorter cap than a session's keeps each run quick */
#define RENDER 1024

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void place_and_mix(const struct ebb_clip *clip, const uint8_t *data, size_t size)
{
    static struct ebb_sound_bank bank;
    static bool bank_ready;
    if (!bank_ready) {
        if (ebb_synth_bank_init(&bank, false) != 0)
            abort();
        bank_ready = true;
    }
    uint32_t h = 2166136261u; /* FNV-1a of the bytes picks the frame and the side */
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 16777619u;
    struct ebb_cue cue = {.kind = EBB_CUE_FILE, .file = "fuzz.wav", .name = "fuzz.wav", .line = 1};
    struct ebb_mix_file file = {.cue = &cue, .clip = *clip};
    static struct ebb_mix m;
    ebb_mix_init(&m, &bank);
    struct ebb_mix_source none = {0};
    ebb_mix_begin(&m, &none, &file, 1, EBB_AMBIENT_NONE, 1.0);
    int64_t at = (int64_t)(h % 5000u);
    struct ebb_event ev = {.kind = EBB_EVENT_CUE,
                           .sound = EBB_SOUND_FILE,
                           .cue = &cue,
                           .side = (enum ebb_side)((h >> 16) % 3u)};
    ebb_mix_play(&m, &ev, at);
    int64_t end = at + (int64_t)clip->frames + RENDER;
    static float out[2 * RENDER];
    for (int64_t done = 0; done < end; done += RENDER) {
        ebb_mix_render(&m, out, RENDER);
        for (size_t i = 0; i < 2 * RENDER; i++)
            if (!isfinite(out[i]) || fabsf(out[i]) > (float)EBB_MIX_CEILING + 1e-4f)
                abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ebb_clip clip;
    bool cut = false;
    char why[200];
    enum ebb_cuefile_status rc =
        ebb_cuefile_load_mem(data, size, FUZZ_CAP_S, &clip, &cut, why, sizeof why);
    if (rc == EBB_CUEFILE_OK) {
        if (clip.channels != 2 || clip.frames == 0 ||
            clip.frames > (size_t)(FUZZ_CAP_S * EBB_SYNTH_RATE))
            abort();
        for (size_t i = 0; i < 2 * clip.frames; i++)
            if (!isfinite(clip.data[i]) || fabsf(clip.data[i]) > 1.0f)
                abort();
        place_and_mix(&clip, data, size);
    } else if (rc != EBB_CUEFILE_FAILED || !why[0] || clip.data) {
        abort(); /* from memory nothing is skipped: a failure always says why */
    }
    ebb_clip_free(&clip);
    return 0;
}
