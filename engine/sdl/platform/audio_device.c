/* audio_device: the thread that holds the sound device (see audio_device.h). The
 * program and the thread share a few flags under one mutex that neither holds across a
 * call into the sound system, so the program never waits on a server; the callback
 * touches only atomics here. */
#include "audio_device.h"

#include <SDL.h>

#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define WATCH_MS 100       /* how often an open device's callback is looked at */
#define IDLE_MS 1000       /* the thread's sleep with nothing to do */
#define BACKOFF_MIN_MS 500 /* the first retry after a loss or a failure... */
#define BACKOFF_MAX_MS 8000 /* ...doubling up to this: never a busy loop */
#define PULSE_FRAMES 1024 /* with pulseaudio, SDL's buffer (the server keeps more) */
#define PULSE_LATENCY "100" /* ms the pulse server keeps queued: the margin for a busy machine */
#define RT_PRIORITY 20    /* below a sound server's own threads (PipeWire uses 88) */
#define NICE_FALLBACK -10
#define READY_MS 1000 /* start-up waits this long at most for the link to the server */
#define NEWS_MAX 8
#define WHY_MAX 160
#define TITLE_MAX 128
/* SDL tries these in order unless SDL_AUDIODRIVER says otherwise: the pulseaudio driver
 * first (through pipewire-pulse or PulseAudio itself), as it reports a server that goes
 * away and keeps its time on a busy machine; docs/audio.md says more. */
#define DRIVERS "pulseaudio,pipewire,alsa"
/* The role the mixer of a desktop shows the stream under: a steady sound a person
 * listens to, not a notification that may be ducked or sent elsewhere. */
#define STREAM_ROLE "music"

struct audio_device {
    audio_device_fill fill;
    void *ctx;
    int ask_frames;
    SDL_Thread *thread;
    SDL_mutex *m;
    SDL_cond *cond;

    /* under m */
    bool want, stop, done, afresh, removed, ready;
    bool orphan;                    /* given up by the program: the thread frees all */
    void (*release)(void *);        /* with orphan: called by the thread as it ends */
    void *release_ctx;
    char title[TITLE_MAX];
    enum audio_device_news news[NEWS_MAX];
    char why[NEWS_MAX][WHY_MAX];
    unsigned news_head, news_tail;

    /* shared with the callback and readers */
    atomic_uint dev;
    atomic_int frames;
    atomic_uint opens;
    atomic_bool fresh;
    atomic_bool quiet;
    atomic_uint_fast64_t beat_ms;

    /* the thread's own */
    bool inited;     /* SDL's audio is up */
    bool reinit;     /* bring it down and up again before the next open */
    bool lost;       /* a loss was announced: the next success is news */
    bool said_none;  /* the no-sound line was given */
    uint64_t next_try_ms;
    int backoff_ms;
};

/* Asks for real-time scheduling for the thread that calls back (SDL's hint reaches only
 * rtkit over the system bus, which a session without one lacks); where it is refused, a
 * higher priority; where that is refused too, nothing. Our callback is short and never
 * waits, so it cannot starve the machine. */
static void hurry_this_thread(void)
{
    struct sched_param sp = {.sched_priority = RT_PRIORITY};
    int policy;
    struct sched_param now;
    if (pthread_getschedparam(pthread_self(), &policy, &now) == 0 &&
        (policy == SCHED_FIFO || policy == SCHED_RR))
        return; /* the server's own real-time thread (pipewire) */
    if (pthread_setschedparam(pthread_self(), SCHED_RR, &sp) != 0)
        (void)setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), NICE_FALLBACK);
}

static void SDLCALL on_audio(void *userdata, Uint8 *stream, int len)
{
    struct audio_device *d = userdata;
    bool fresh = atomic_exchange(&d->fresh, false);
    if (fresh)
        hurry_this_thread();
    bool quiet = d->fill(d->ctx, (float *)(void *)stream, (size_t)len / (2 * sizeof(float)), fresh);
    atomic_store(&d->quiet, quiet);
    atomic_store(&d->beat_ms, SDL_GetTicks64());
}

/* Under m. */
static void tell(struct audio_device *d, enum audio_device_news n, const char *why)
{
    if (d->news_head - d->news_tail >= NEWS_MAX)
        return;
    d->news[d->news_head % NEWS_MAX] = n;
    snprintf(d->why[d->news_head % NEWS_MAX], WHY_MAX, "%s", why ? why : "");
    d->news_head++;
}

/* ALSA and the sound servers' libraries print their own complaints: kept off the
 * terminal while SDL talks to them. Returns what restores it. */
static int hush_stderr(void)
{
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    int null = open("/dev/null", O_WRONLY);
    if (saved >= 0 && null >= 0)
        dup2(null, STDERR_FILENO);
    if (null >= 0)
        close(null);
    return saved;
}

static void unhush_stderr(int saved)
{
    fflush(stderr);
    if (saved >= 0) {
        dup2(saved, STDERR_FILENO);
        close(saved);
    }
}

/* Opens with the lock let go, and with ALSA's own complaints kept off the terminal.
 * Returns the device or 0, with the reason in `why`. */
static SDL_AudioDeviceID open_unlocked(struct audio_device *d, const char *title, int *frames,
                                       char *why, size_t size)
{
    int saved = hush_stderr();
    if (d->reinit && d->inited) { /* a server that went away leaves SDL's link to it dead */
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        d->inited = false;
    }
    d->reinit = false;
    SDL_SetHintWithPriority(SDL_HINT_AUDIODRIVER, DRIVERS, SDL_HINT_DEFAULT);
    SDL_SetHint(SDL_HINT_AUDIO_DEVICE_APP_NAME, "ebb");
    SDL_SetHint(SDL_HINT_AUDIO_DEVICE_STREAM_NAME, title[0] ? title : "ebb");
    SDL_SetHint(SDL_HINT_AUDIO_DEVICE_STREAM_ROLE, STREAM_ROLE);
    /* the callback's thread runs real-time where the system allows it (rtkit, or root):
     * on a busy machine a thread that waits its turn is what makes a gap */
    SDL_SetHint(SDL_HINT_THREAD_FORCE_REALTIME_TIME_CRITICAL, "1");
    if (!d->inited)
        d->inited = SDL_InitSubSystem(SDL_INIT_AUDIO) == 0;
    SDL_AudioDeviceID dev = 0;
    if (d->inited) {
        const char *driver = SDL_GetCurrentAudioDriver();
        /* pulseaudio: the server holds PULSE_LATENCY_MSEC (audio_device_new), SDL asks
         * for a short buffer each time there is room for one, so a late buffer still
         * finds plenty queued; pipewire: the server's cycle is the buffer, so a long one
         * gives a late callback the most time */
        int ask = driver && !strcmp(driver, "pulseaudio") ? PULSE_FRAMES : d->ask_frames;
        SDL_AudioSpec want = {.freq = 48000,
                              .format = AUDIO_F32SYS,
                              .channels = 2,
                              .samples = (Uint16)ask,
                              .callback = on_audio,
                              .userdata = d};
        SDL_AudioSpec have;
        atomic_store(&d->fresh, true);
        dev = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
        if (dev)
            *frames = have.samples;
    }
    if (!dev)
        snprintf(why, size, "%s", SDL_GetError());
    unhush_stderr(saved);
    return dev;
}

/* Under m; lets it go while SDL opens. */
static void try_open(struct audio_device *d)
{
    char title[TITLE_MAX], why[WHY_MAX] = "";
    snprintf(title, sizeof title, "%s", d->title);
    d->afresh = false;
    int frames = d->ask_frames;
    SDL_UnlockMutex(d->m);
    SDL_AudioDeviceID dev = open_unlocked(d, title, &frames, why, sizeof why);
    if (dev) {
        atomic_store(&d->frames, frames);
        atomic_store(&d->beat_ms, SDL_GetTicks64());
        atomic_store(&d->quiet, false);
        atomic_store(&d->dev, dev);
        atomic_fetch_add(&d->opens, 1);
        SDL_PauseAudioDevice(dev, 0);
    }
    SDL_LockMutex(d->m);
    uint64_t now = SDL_GetTicks64();
    if (dev) {
        if (d->lost)
            tell(d, AUDIO_NEWS_BACK, NULL);
        d->lost = false;
        d->said_none = true; /* a device was found: later failures are losses */
        d->backoff_ms = 0;
        return;
    }
    d->reinit = true; /* the server may come back: ask SDL afresh next time */
    if (!d->said_none && !d->lost) {
        tell(d, AUDIO_NEWS_NONE_FOUND, why);
        d->said_none = true;
    }
    d->backoff_ms = d->backoff_ms ? d->backoff_ms * 2 : BACKOFF_MIN_MS;
    if (d->backoff_ms > BACKOFF_MAX_MS)
        d->backoff_ms = BACKOFF_MAX_MS;
    d->next_try_ms = now + (uint64_t)d->backoff_ms;
}

/* Under m; lets it go while SDL closes (which may never return: then this thread is
 * stuck, and the program goes on without it). */
static void close_dev(struct audio_device *d)
{
    SDL_AudioDeviceID dev = atomic_exchange(&d->dev, 0);
    if (!dev)
        return;
    SDL_UnlockMutex(d->m);
    SDL_CloseAudioDevice(dev);
    SDL_LockMutex(d->m);
}

/* One look at what is wanted and what is. Under m. */
static void step(struct audio_device *d)
{
    uint64_t now = SDL_GetTicks64();
    if (atomic_load(&d->dev)) {
        bool stalled = now > atomic_load(&d->beat_ms) + AUDIO_DEVICE_STALL_MS;
        if (d->removed || stalled) {
            d->removed = false;
            close_dev(d);
            d->reinit = true;
            try_open(d); /* at once, quietly: a device that comes straight back is no news */
            if (atomic_load(&d->dev)) {
                tell(d, AUDIO_NEWS_REOPENED, NULL);
            } else {
                tell(d, AUDIO_NEWS_LOST, stalled ? "its sound stopped" : "it was removed");
                d->lost = true;
            }
        } else if (!d->want && atomic_load(&d->quiet)) {
            close_dev(d); /* nothing sounds: let the server suspend the sink */
        }
        return;
    }
    d->removed = false;
    if (d->want && (d->afresh || now >= d->next_try_ms))
        try_open(d);
}

static int wait_ms(const struct audio_device *d)
{
    if (atomic_load(&d->dev))
        return WATCH_MS;
    if (!d->want)
        return IDLE_MS;
    uint64_t now = SDL_GetTicks64();
    uint64_t left = d->next_try_ms > now ? d->next_try_ms - now : 1;
    return left < IDLE_MS ? (int)left : IDLE_MS;
}

/* Brings SDL's audio up (the link to the server) so that a session's first open is
 * quick; no stream is opened, so the sink stays asleep. */
static void init_early(struct audio_device *d)
{
    int saved = hush_stderr();
    SDL_SetHintWithPriority(SDL_HINT_AUDIODRIVER, DRIVERS, SDL_HINT_DEFAULT);
    SDL_SetHint(SDL_HINT_AUDIO_DEVICE_APP_NAME, "ebb");
    d->inited = SDL_InitSubSystem(SDL_INIT_AUDIO) == 0;
    unhush_stderr(saved);
}

/* Frees the device and, through its release, what its callback read. */
static void destroy(struct audio_device *d)
{
    if (d->release)
        d->release(d->release_ctx);
    SDL_DestroyCond(d->cond);
    SDL_DestroyMutex(d->m);
    free(d);
}

static int run(void *p)
{
    struct audio_device *d = p;
    init_early(d);
    SDL_LockMutex(d->m);
    d->ready = true;
    SDL_CondBroadcast(d->cond);
    while (!d->stop) {
        step(d);
        if (!d->stop)
            SDL_CondWaitTimeout(d->cond, d->m, (Uint32)wait_ms(d));
    }
    close_dev(d);
    SDL_UnlockMutex(d->m);
    if (d->inited)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    SDL_LockMutex(d->m);
    d->done = true;
    bool orphan = d->orphan;
    SDL_CondBroadcast(d->cond);
    SDL_UnlockMutex(d->m);
    if (orphan) /* the program stopped waiting for us: nobody else will free this */
        destroy(d);
    return 0;
}

struct audio_device *audio_device_new(audio_device_fill fill, void *ctx, int frames)
{
    struct audio_device *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    /* before any thread runs: libpulse reads it when a stream connects (a person's own
     * setting is kept) */
    setenv("PULSE_LATENCY_MSEC", PULSE_LATENCY, 0);
    setenv("PULSE_PROP", "media.role=" STREAM_ROLE, 0); /* SDL 2.26 gives pulse no role */
    d->fill = fill;
    d->ctx = ctx;
    d->ask_frames = frames;
    atomic_store(&d->frames, frames);
    d->m = SDL_CreateMutex();
    d->cond = SDL_CreateCond();
    if (d->m && d->cond)
        d->thread = SDL_CreateThread(run, "ebb-audio-device", d);
    if (d->thread) { /* the program's own lines must not meet a hushed terminal */
        uint64_t until = SDL_GetTicks64() + READY_MS;
        SDL_LockMutex(d->m);
        while (!d->ready && SDL_GetTicks64() < until)
            SDL_CondWaitTimeout(d->cond, d->m, READY_MS);
        SDL_UnlockMutex(d->m);
    } else {
        if (d->m)
            SDL_DestroyMutex(d->m);
        if (d->cond)
            SDL_DestroyCond(d->cond);
        free(d);
        return NULL;
    }
    return d;
}

bool audio_device_free(struct audio_device *d, int bound_ms, void (*release)(void *ctx),
                       void *ctx)
{
    if (!d) {
        if (release)
            release(ctx);
        return true;
    }
    uint64_t until = SDL_GetTicks64() + (uint64_t)bound_ms;
    SDL_LockMutex(d->m);
    d->stop = true;
    d->release = release;
    d->release_ctx = ctx;
    SDL_CondBroadcast(d->cond);
    while (!d->done) {
        uint64_t now = SDL_GetTicks64();
        if (now >= until)
            break;
        SDL_CondWaitTimeout(d->cond, d->m, (Uint32)(until - now));
    }
    bool done = d->done;
    SDL_Thread *thread = d->thread; /* once orphaned, `d` may be freed at any moment */
    if (!done)
        d->orphan = true; /* decided under the lock the thread ends under */
    SDL_UnlockMutex(d->m);
    if (!done) {
        SDL_DetachThread(thread); /* stuck in the sound system: it frees all if it returns */
        return false;
    }
    SDL_WaitThread(d->thread, NULL);
    destroy(d);
    return true;
}

void audio_device_want(struct audio_device *d, bool open)
{
    if (!d)
        return;
    SDL_LockMutex(d->m);
    if (d->want != open) {
        d->want = open;
        SDL_CondSignal(d->cond);
    }
    SDL_UnlockMutex(d->m);
}

void audio_device_afresh(struct audio_device *d, const char *title)
{
    if (!d)
        return;
    SDL_LockMutex(d->m);
    snprintf(d->title, sizeof d->title, "%s", title ? title : "");
    d->afresh = true;
    d->backoff_ms = 0;
    SDL_CondSignal(d->cond);
    SDL_UnlockMutex(d->m);
}

bool audio_device_removed(struct audio_device *d, uint32_t which)
{
    if (!d || !which || which != atomic_load(&d->dev))
        return false;
    SDL_LockMutex(d->m);
    d->removed = true;
    SDL_CondSignal(d->cond);
    SDL_UnlockMutex(d->m);
    return true;
}

uint32_t audio_device_id(const struct audio_device *d)
{
    return d ? atomic_load(&d->dev) : 0;
}

bool audio_device_open(const struct audio_device *d)
{
    return audio_device_id(d) != 0;
}

int audio_device_frames(const struct audio_device *d)
{
    return d ? atomic_load(&d->frames) : 0;
}

enum audio_device_news audio_device_news(struct audio_device *d, char *why, size_t size)
{
    if (!d)
        return AUDIO_NEWS_NONE;
    enum audio_device_news n = AUDIO_NEWS_NONE;
    SDL_LockMutex(d->m);
    if (d->news_tail != d->news_head) {
        n = d->news[d->news_tail % NEWS_MAX];
        if (why && size)
            snprintf(why, size, "%s", d->why[d->news_tail % NEWS_MAX]);
        d->news_tail++;
    }
    SDL_UnlockMutex(d->m);
    return n;
}

unsigned audio_device_opens(const struct audio_device *d)
{
    return d ? atomic_load(&d->opens) : 0;
}
