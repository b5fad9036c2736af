/* audio_device: the sound device, held by a thread of its own. Opening a stream on a
 * sound server can take a while, and closing one whose server died can block for good
 * (SDL's pipewire driver), so the program never calls SDL's audio functions itself: it
 * says whether it wants the device, and this thread opens it, closes it once the
 * callback says it fell quiet, notices a callback that stopped being called, and tries
 * again now and then after a loss. Leaving waits for the thread only for a bound. */
#ifndef EBB_AUDIO_DEVICE_H
#define EBB_AUDIO_DEVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define AUDIO_DEVICE_STALL_MS 700 /* a callback this late is a device that went away */

struct audio_device; /* opaque */

/* The callback: fills the device's buffer of `frames` frames of 48 kHz stereo float.
 * `fresh` is true on the first buffer after each open (place the frame counter afresh).
 * Returns true when what it plays is silence that may stop (the device may close). */
typedef bool (*audio_device_fill)(void *ctx, float *out, size_t frames, bool fresh);

/* What happened that the person should hear about (audio_device_news). */
enum audio_device_news {
    AUDIO_NEWS_NONE,
    AUDIO_NEWS_NONE_FOUND, /* the first try found no server or device */
    AUDIO_NEWS_LOST,       /* the device went away and did not reopen at once */
    AUDIO_NEWS_REOPENED,   /* it went away and came straight back (nothing to say) */
    AUDIO_NEWS_BACK,       /* after a loss, a later try worked */
};

/* Starts the thread; `fill` runs on SDL's audio thread with `ctx`. NULL when out of
 * memory or no thread can be made. Asks for `frames` frames a buffer. */
struct audio_device *audio_device_new(audio_device_fill fill, void *ctx, int frames);

/* Stops the thread, closing the device, waiting at most bound_ms. Returns true when the
 * thread ended; false when it is stuck in the sound system (then the callback may still
 * run and SDL's audio must not be shut down: see sound_close). Either way `release(ctx)`
 * is called once nothing of the device can reach `ctx` any more: at once when the thread
 * ended in time, else by the thread itself if it ever comes back (so a slow close leaks
 * nothing). `release` may be NULL. Accepts NULL (true, and `release` is called). */
bool audio_device_free(struct audio_device *d, int bound_ms, void (*release)(void *ctx),
                       void *ctx);

/* The program wants the device open (a session is sounding) or not. The device closes
 * only once the callback also said it is quiet. */
void audio_device_want(struct audio_device *d, bool open);

/* A new session: forget the back-off and try at once. The stream takes `title` as its
 * name from the next open on (copied). */
void audio_device_afresh(struct audio_device *d, const char *title);

/* SDL_AUDIODEVICEREMOVED for output device `which`: true when it is ours (the thread
 * closes it and tries again). */
bool audio_device_removed(struct audio_device *d, uint32_t which);

/* The SDL id of the open device, or 0. */
uint32_t audio_device_id(const struct audio_device *d);

/* True from a successful open until the device is closed or lost. */
bool audio_device_open(const struct audio_device *d);

/* The frames per buffer the device was opened with (the asked number until then). */
int audio_device_frames(const struct audio_device *d);

/* The oldest news not yet taken, with SDL's reason in `why` when there is one. */
enum audio_device_news audio_device_news(struct audio_device *d, char *why, size_t size);

/* How many times the device was opened (tests). */
unsigned audio_device_opens(const struct audio_device *d);

#endif
