/* voice: spoken guidance synthesized by espeak-ng or read from recordings (see voice.h).
 * espeak-ng keeps one global state, so every call into it holds one lock; a session's
 * thread synthesizes its utterances in the order they are first needed and marks each
 * ready (an atomic flag) for the audio callback, which only ever reads ready clips. */
#include "voice.h"

#include <ctype.h>
#include <dirent.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cuefile.h"
#include "mix.h"

#ifdef EBB_HAVE_ESPEAK
#include <dlfcn.h>
#include <espeak-ng/speak_lib.h>
#endif

#define TEXT_MAX 4200     /* a prompt (200) and its detail (4000), as sentences */
#define LANGUAGES_MAX 8   /* languages in one session (a sequence may mix them) */
#define SILENCE 0.002     /* below this (about -54 dBFS) the ends of an utterance are trimmed */

struct language {
    char tag[EBB_SPEECH_LANGUAGE_MAX]; /* as asked for */
    char voice[64];                    /* espeak-ng's voice name, "" until chosen */
    char ident[64];                    /* espeak-ng's identifier (e.g. gmw/de) */
    char use[EBB_SPEECH_LANGUAGE_MAX]; /* the tag espeak-ng found it by */
};

struct utterance {
    const char *key;  /* borrowed: the step's prompt or the phase's text it begins with */
    bool phase;       /* a breathing phase's text (spoken only when it fits) */
    char *text;       /* owned: what is said, or the recording's file name */
    char *file;       /* owned: the recording, or NULL: synthesized */
    int language;     /* index into languages */
    struct ebb_clip clip;
    atomic_bool ready; /* the clip may be read */
};

struct ebb_voice {
    struct utterance *u; /* owned */
    size_t count;
    struct language languages[LANGUAGES_MAX];
    int language_count;
    FILE *log; /* EBB_VOICE_LOG, or NULL */
    pthread_t thread;
    bool threaded;
    atomic_bool stop;
};

bool ebb_voice_built_in(void)
{
#ifdef EBB_HAVE_ESPEAK
    return true;
#else
    return false;
#endif
}

bool ebb_voice_folder(char *buf, size_t size)
{
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    if (xdg && xdg[0] == '/')
        snprintf(buf, size, "%s/ebb/voices", xdg);
    else if (home && home[0])
        snprintf(buf, size, "%s/.config/ebb/voices", home);
    else
        return false;
    return true;
}

/* --- the clip: trimmed, resampled to 48 kHz, peak 1, soft ends --- */

#ifdef EBB_HAVE_ESPEAK
static float at(const float *x, size_t n, long i)
{
    return i < 0 || (size_t)i >= n ? 0.0f : x[i];
}

/* Catmull-Rom interpolation from `rate` to 48 kHz (deterministic, no allocation but the
 * result). */
static int resample(const float *x, size_t n, int rate, struct ebb_clip *clip)
{
    double ratio = (double)rate / EBB_MIX_RATE;
    size_t frames = (size_t)((double)n / ratio);
    double max = EBB_VOICE_S_MAX * EBB_MIX_RATE;
    if ((double)frames > max)
        frames = (size_t)max;
    clip->data = calloc(frames ? frames : 1, sizeof(float));
    if (!clip->data)
        return -1;
    clip->frames = frames;
    clip->channels = 1;
    for (size_t j = 0; j < frames; j++) {
        double pos = (double)j * ratio;
        long i = (long)pos;
        double t = pos - (double)i;
        double p0 = at(x, n, i - 1), p1 = at(x, n, i), p2 = at(x, n, i + 1), p3 = at(x, n, i + 2);
        double v = p1 + 0.5 * t *
                            (p2 - p0 +
                             t * (2.0 * p0 - 5.0 * p1 + 4.0 * p2 - p3 + t * (3.0 * (p1 - p2) + p3 - p0)));
        clip->data[j] = (float)v;
    }
    return 0;
}

#endif

/* Trims the silent ends, scales the peak to 1 and puts soft edges on. */
static void shape(struct ebb_clip *c)
{
    size_t ch = (size_t)c->channels, first = c->frames, last = 0;
    double peak = 0.0;
    for (size_t i = 0; i < c->frames; i++) {
        for (size_t k = 0; k < ch; k++) {
            double a = fabs(c->data[i * ch + k]);
            peak = fmax(peak, a);
            if (a > SILENCE) {
                if (first == c->frames)
                    first = i;
                last = i;
            }
        }
    }
    if (first == c->frames || peak <= 0.0) {
        c->frames = 0;
        return;
    }
    size_t n = last - first + 1;
    memmove(c->data, c->data + first * ch, n * ch * sizeof(float));
    c->frames = n;
    double in = EBB_VOICE_FADE_IN_S * EBB_MIX_RATE, out = EBB_VOICE_FADE_OUT_S * EBB_MIX_RATE;
    for (size_t i = 0; i < n; i++) {
        double g = ebb_raised_cosine((double)i / in) *
                   ebb_raised_cosine((double)(n - 1 - i) / out) / peak;
        for (size_t k = 0; k < ch; k++)
            c->data[i * ch + k] = (float)(c->data[i * ch + k] * g);
    }
}

/* --- espeak-ng: one engine for the process, behind one lock --- */

#ifdef EBB_HAVE_ESPEAK
static pthread_mutex_t engine_lock = PTHREAD_MUTEX_INITIALIZER;

/* libespeak-ng is opened at run time, so ebb starts (with tones only) on a machine that
 * lacks it; these are the few functions ebb calls, found once under the lock. */
static struct {
    int (*Initialize)(espeak_AUDIO_OUTPUT, int, const char *, int);
    void (*SetSynthCallback)(t_espeak_callback *);
    espeak_ERROR (*SetVoiceByProperties)(espeak_VOICE *);
    espeak_VOICE *(*GetCurrentVoice)(void);
    espeak_ERROR (*SetParameter)(espeak_PARAMETER, int, int);
    espeak_ERROR (*Synth)(const void *, size_t, unsigned int, espeak_POSITION_TYPE,
                          unsigned int, unsigned int, unsigned int *, void *);
} es;
static int engine_rate;          /* samples a second; 0 not tried; -1 not available */
static char engine_why[200];     /* why not, for the notice */
static char engine_voice[64];    /* the voice set last */

/* What the synthesis callback fills (one utterance at a time, under the lock). */
struct capture {
    float *x;
    size_t n, cap;
    const atomic_bool *stop;
    bool failed;
};
static struct capture *capturing;

static int on_samples(short *wav, int count, espeak_EVENT *events)
{
    (void)events;
    struct capture *c = capturing;
    if (!c || (c->stop && atomic_load(c->stop)))
        return 1; /* stops the synthesis */
    if (!wav || count <= 0)
        return 0;
    if (c->n + (size_t)count > c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 65536;
        while (cap < c->n + (size_t)count)
            cap *= 2;
        float *nx = realloc(c->x, cap * sizeof *nx);
        if (!nx) {
            c->failed = true;
            return 1;
        }
        c->x = nx;
        c->cap = cap;
    }
    for (int i = 0; i < count; i++)
        c->x[c->n++] = (float)wav[i] / 32768.0f;
    return c->n > (size_t)(EBB_VOICE_S_MAX * (double)engine_rate) ? 1 : 0;
}

/* True when a folder given in ESPEAK_DATA_PATH holds espeak-ng's data. */
static bool data_at(const char *dir)
{
    char p[4096];
    struct stat st;
    snprintf(p, sizeof p, "%s/espeak-ng-data/phontab", dir);
    if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
        return true;
    snprintf(p, sizeof p, "%s/phontab", dir);
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* Opens libespeak-ng and finds its functions; false (with the reason) when it is not
 * installed. Under the lock. */
static bool engine_link(void)
{
    void *lib = dlopen(EBB_ESPEAK_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(engine_why, sizeof engine_why, "%s is not installed or cannot be loaded",
                 EBB_ESPEAK_LIBRARY);
        return false;
    }
    /* POSIX lets a dlsym result be converted to a function pointer through memcpy. */
    struct {
        const char *name;
        void *to;
        size_t size;
    } want[] = {
        {"espeak_Initialize", &es.Initialize, sizeof es.Initialize},
        {"espeak_SetSynthCallback", &es.SetSynthCallback, sizeof es.SetSynthCallback},
        {"espeak_SetVoiceByProperties", &es.SetVoiceByProperties,
         sizeof es.SetVoiceByProperties},
        {"espeak_GetCurrentVoice", &es.GetCurrentVoice, sizeof es.GetCurrentVoice},
        {"espeak_SetParameter", &es.SetParameter, sizeof es.SetParameter},
        {"espeak_Synth", &es.Synth, sizeof es.Synth},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        void *f = dlsym(lib, want[i].name);
        if (!f) {
            snprintf(engine_why, sizeof engine_why, "%s has no %s", EBB_ESPEAK_LIBRARY,
                     want[i].name);
            dlclose(lib);
            return false;
        }
        memcpy(want[i].to, &f, want[i].size);
    }
    return true; /* kept open for the life of the process */
}

/* Starts espeak-ng once; under the lock. */
static int engine_start(void)
{
    if (engine_rate != 0)
        return engine_rate;
    engine_rate = -1;
    const char *off = getenv("EBB_NO_ESPEAK");
    const char *path = getenv("ESPEAK_DATA_PATH");
    if (off && off[0]) {
        snprintf(engine_why, sizeof engine_why, "EBB_NO_ESPEAK is set");
        return -1;
    }
    if (path && path[0] && !data_at(path)) {
        snprintf(engine_why, sizeof engine_why, "no espeak-ng data in %.150s", path);
        return -1;
    }
    if (!engine_link())
        return -1;
    int rate = es.Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, path && path[0] ? path : NULL,
                                 espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0) {
        snprintf(engine_why, sizeof engine_why, "espeak-ng's data could not be loaded");
        return -1;
    }
    es.SetSynthCallback(on_samples);
    engine_rate = rate;
    return rate;
}

/* The primary language of a tag ("de" of "de-at"), lower case. */
static void primary(const char *tag, char *out, size_t size)
{
    size_t n = 0;
    for (; tag[n] && tag[n] != '-' && tag[n] != '_' && n + 1 < size; n++)
        out[n] = (char)tolower((unsigned char)tag[n]);
    out[n] = '\0';
}

/* Sets the voice for `tag` when espeak-ng has one of that language; under the lock. */
static bool engine_try(const char *tag, struct language *lang)
{
    espeak_VOICE want;
    memset(&want, 0, sizeof want);
    want.languages = tag;
    if (es.SetVoiceByProperties(&want) != EE_OK)
        return false;
    espeak_VOICE *v = es.GetCurrentVoice();
    if (!v || !v->languages || !v->name)
        return false;
    char a[16], b[16];
    primary(tag, a, sizeof a);
    primary(v->languages + 1, b, sizeof b); /* the first byte is a priority */
    if (strcmp(a, b) != 0)
        return false;
    snprintf(lang->voice, sizeof lang->voice, "%s", v->name);
    snprintf(lang->ident, sizeof lang->ident, "%s", v->identifier ? v->identifier : v->name);
    snprintf(lang->use, sizeof lang->use, "%s", tag);
    return true;
}

/* Chooses the voice of each language (English when espeak-ng has none for it). */
static void engine_choose(struct ebb_voice *v, const char *const *paths, struct ebb_diags *d)
{
    for (int i = 0; i < v->language_count; i++) {
        struct language *l = &v->languages[i];
        char p[16];
        primary(l->tag, p, sizeof p);
        if (engine_try(l->tag, l) || engine_try(p, l))
            continue;
        ebb_diags_add(d, EBB_SEVERITY_WARNING, paths[i] ? paths[i] : "ebb", 0,
                      "espeak-ng has no voice for language \"%s\"; the voice speaks English",
                      l->tag);
        if (!engine_try("en", l))
            snprintf(l->voice, sizeof l->voice, "default");
    }
    engine_voice[0] = '\0';
}

/* Synthesizes one utterance into its clip; false when it was stopped or failed. */
static bool engine_say(struct ebb_voice *v, struct utterance *u)
{
    const struct language *l = &v->languages[u->language];
    struct capture c = {.stop = &v->stop};
    pthread_mutex_lock(&engine_lock);
    if (strcmp(engine_voice, l->use) != 0) {
        espeak_VOICE want;
        memset(&want, 0, sizeof want);
        want.languages = l->use[0] ? l->use : "en";
        es.SetVoiceByProperties(&want);
        snprintf(engine_voice, sizeof engine_voice, "%s", want.languages);
    }
    es.SetParameter(espeakRATE, EBB_VOICE_RATE_WPM, 0);
    es.SetParameter(espeakPITCH, EBB_VOICE_PITCH, 0);
    es.SetParameter(espeakRANGE, EBB_VOICE_RANGE, 0);
    capturing = &c;
    es.Synth(u->text, strlen(u->text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, NULL);
    capturing = NULL;
    int rate = engine_rate;
    pthread_mutex_unlock(&engine_lock);
    bool ok = !c.failed && !atomic_load(&v->stop) && c.n > 0 &&
              resample(c.x, c.n, rate, &u->clip) == 0;
    free(c.x);
    if (ok)
        shape(&u->clip);
    return ok;
}
#endif

/* --- recordings: ID/step-N.wav (ogg, opus, flac), ID/phase-N.wav --- */

/* The step or phase number of a recording's file name, or 0 ("step-3.ogg", "phase-01.wav"). */
static int recording_number(const char *name, const char *kind)
{
    size_t k = strlen(kind);
    if (strncmp(name, kind, k) != 0 || name[k] != '-' || !isdigit((unsigned char)name[k + 1]))
        return 0;
    char *end = NULL;
    long n = strtol(name + k + 1, &end, 10);
    if (n < 1 || n > 1000 || !end || *end != '.')
        return 0;
    if (strcasecmp(end, ".wav") && strcasecmp(end, ".ogg") && strcasecmp(end, ".opus") &&
        strcasecmp(end, ".flac"))
        return 0;
    return (int)n;
}

/* The recording for number n of `kind` in dir, into path; false when there is none. */
static bool find_recording(const char *dir, const char *kind, int n, char *path, size_t size)
{
    DIR *d = opendir(dir);
    if (!d)
        return false;
    bool found = false;
    char best[256] = "";
    struct dirent *e;
    while ((e = readdir(d))) { /* the first name in byte order, so the choice is stable */
        if (recording_number(e->d_name, kind) == n && strlen(e->d_name) < sizeof best &&
            (!best[0] || strcmp(e->d_name, best) < 0)) {
            snprintf(best, sizeof best, "%s", e->d_name);
            found = true;
        }
    }
    closedir(d);
    if (found)
        snprintf(path, size, "%s/%s", dir, best);
    return found;
}

/* True when dir holds at least one recording: they then replace the synthesized voice. */
static bool has_recordings(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return false;
    bool any = false;
    struct dirent *e;
    while (!any && (e = readdir(d)))
        any = recording_number(e->d_name, "step") > 0 || recording_number(e->d_name, "phase") > 0;
    closedir(d);
    return any;
}

/* --- planning --- */

static int language_of(struct ebb_voice *v, const struct ebb_exercise *ex, const char **paths)
{
    char tag[EBB_SPEECH_LANGUAGE_MAX];
    ebb_speech_language(ex->language, getenv("LC_ALL"), getenv("LC_MESSAGES"), getenv("LANG"),
                        tag, sizeof tag);
    for (int i = 0; i < v->language_count; i++)
        if (!strcmp(v->languages[i].tag, tag))
            return i;
    if (v->language_count == LANGUAGES_MAX)
        return 0;
    snprintf(v->languages[v->language_count].tag, sizeof v->languages[0].tag, "%s", tag);
    paths[v->language_count] = ex->path;
    return v->language_count++;
}

static struct utterance *add(struct ebb_voice *v, size_t cap, const char *key, bool phase,
                             const char *text, int language)
{
    for (size_t i = 0; i < v->count; i++)
        if (v->u[i].key == key && v->u[i].phase == phase)
            return NULL; /* said once is enough (a phase repeats every cycle) */
    if (v->count == cap || !text || !text[0])
        return NULL;
    struct utterance *u = &v->u[v->count];
    u->text = strdup(text);
    if (!u->text)
        return NULL;
    u->key = key;
    u->phase = phase;
    u->language = language;
    atomic_init(&u->ready, false);
    v->count++;
    return u;
}

/* A recording for step or phase n (1-based) of exercise `ex`, decoded now. */
static void add_recording(struct ebb_voice *v, size_t cap, const char *dir, const char *kind,
                          int n, const char *key, bool phase, struct ebb_diags *d,
                          const struct ebb_exercise *ex)
{
    char path[4096];
    if (!find_recording(dir, kind, n, path, sizeof path))
        return;
    const char *name = strrchr(path, '/') + 1;
    struct utterance *u = add(v, cap, key, phase, name, 0);
    if (!u)
        return;
    u->file = strdup(path);
    char why[200] = "not a sound file";
    if (!u->file || ebb_cuefile_load(path, EBB_VOICE_S_MAX, &u->clip, NULL, why, sizeof why) !=
                        EBB_CUEFILE_OK) {
        ebb_diags_add(d, EBB_SEVERITY_WARNING, path, 0,
                      "cannot play this recording (%s); step %d of \"%s\" is not spoken", why, n,
                      ex->id);
        return;
    }
    shape(&u->clip);
    if (u->clip.frames > 0)
        atomic_store(&u->ready, true);
}

static void plan_exercise(struct ebb_voice *v, size_t cap, const struct ebb_exercise *ex,
                          enum ebb_voice_mode mode, const struct ebb_voice_config *cfg,
                          const char **paths, struct ebb_diags *d)
{
    char dir[4096] = "";
    if (cfg->recordings && ex->id)
        snprintf(dir, sizeof dir, "%s/%s", cfg->recordings, ex->id);
    if (dir[0] && has_recordings(dir)) {
        for (int i = 0; i < ex->step_count; i++)
            add_recording(v, cap, dir, "step", i + 1, ex->steps[i].prompt, false, d, ex);
        for (int i = 0; ebb_speech_phases(mode) && i < ex->phase_count; i++)
            add_recording(v, cap, dir, "phase", i + 1, ex->phases[i].text, true, d, ex);
        return;
    }
    int lang = language_of(v, ex, paths);
    char *text = malloc(TEXT_MAX);
    if (!text)
        return;
    for (int i = 0; i < ex->step_count; i++)
        if (ebb_speech_step_text(&ex->steps[i], mode, text, TEXT_MAX) > 0)
            add(v, cap, ex->steps[i].prompt, false, text, lang);
    for (int i = 0; ebb_speech_phases(mode) && i < ex->phase_count; i++)
        add(v, cap, ex->phases[i].text, true, ex->phases[i].text, lang);
    free(text);
}

static void log_clip(struct ebb_voice *v, const struct utterance *u)
{
    if (!v->log)
        return;
    char shown[256];
    ebb_tsv_escape(u->text, shown, sizeof shown);
    fprintf(v->log, "utterance\t%.6f\t%s\n", (double)u->clip.frames / EBB_MIX_RATE, shown);
    fflush(v->log);
}

static void *work(void *arg)
{
    struct ebb_voice *v = arg;
    for (size_t i = 0; i < v->count && !atomic_load(&v->stop); i++) {
        struct utterance *u = &v->u[i];
        if (u->file || atomic_load(&u->ready))
            continue;
#ifdef EBB_HAVE_ESPEAK
        if (engine_say(v, u) && u->clip.frames > 0)
            atomic_store_explicit(&u->ready, true, memory_order_release);
#endif
    }
    for (size_t i = 0; i < v->count && !atomic_load(&v->stop); i++)
        if (atomic_load(&v->u[i].ready))
            log_clip(v, &v->u[i]);
    return NULL;
}

/* Starts espeak-ng and picks each language's voice; false (with one notice) when
 * there is no espeak-ng to speak with. */
static bool engine_ready(struct ebb_voice *v, const char **paths, struct ebb_diags *d)
{
#ifdef EBB_HAVE_ESPEAK
    pthread_mutex_lock(&engine_lock);
    bool ok = engine_start() > 0;
    if (ok)
        engine_choose(v, paths, d);
    else
        ebb_diags_add(d, EBB_SEVERITY_WARNING, "ebb", 0,
                      "spoken guidance is not available (%s); the session has its tones only",
                      engine_why);
    pthread_mutex_unlock(&engine_lock);
    return ok;
#else
    (void)v;
    (void)paths;
    ebb_diags_add(d, EBB_SEVERITY_WARNING, "ebb", 0,
                  "spoken guidance is not available (this ebb was built without espeak-ng); "
                  "the session has its tones only");
    return false;
#endif
}

struct ebb_voice *ebb_voice_new(const struct ebb_exercise *const *exs, size_t count,
                                const struct ebb_voice_config *cfg, struct ebb_diags *diags)
{
    size_t cap = 0;
    bool any = false;
    for (size_t i = 0; i < count; i++) {
        if (!exs[i] || ebb_speech_mode(exs[i], &cfg->choice) == EBB_VOICE_NONE)
            continue;
        any = true;
        cap += (size_t)exs[i]->step_count + (size_t)exs[i]->phase_count;
    }
    if (!any || cap == 0)
        return NULL;
    struct ebb_voice *v = calloc(1, sizeof *v);
    if (!v || !(v->u = calloc(cap, sizeof *v->u))) {
        free(v);
        return NULL;
    }
    atomic_init(&v->stop, false);
    const char *paths[LANGUAGES_MAX] = {0};
    for (size_t i = 0; i < count; i++) {
        enum ebb_voice_mode mode = exs[i] ? ebb_speech_mode(exs[i], &cfg->choice) : EBB_VOICE_NONE;
        if (mode != EBB_VOICE_NONE)
            plan_exercise(v, cap, exs[i], mode, cfg, paths, diags);
    }
    const char *log = getenv("EBB_VOICE_LOG");
    if (log && log[0])
        v->log = fopen(log, "a");
    bool synth = false;
    for (size_t i = 0; i < v->count; i++)
        synth |= !v->u[i].file;
    if (synth && v->language_count > 0 && engine_ready(v, paths, diags)) {
        for (int i = 0; v->log && i < v->language_count; i++)
            fprintf(v->log, "voice\t%s\t%s\t%s\n", v->languages[i].tag, v->languages[i].voice,
                    v->languages[i].ident);
        if (cfg->background && pthread_create(&v->thread, NULL, work, v) == 0)
            v->threaded = true;
        else
            work(v);
    } else {
        for (size_t i = 0; i < v->count; i++)
            if (v->u[i].file && atomic_load(&v->u[i].ready))
                log_clip(v, &v->u[i]);
    }
    return v;
}

void ebb_voice_wait(struct ebb_voice *v)
{
    if (v && v->threaded) {
        pthread_join(v->thread, NULL);
        v->threaded = false;
    }
}

void ebb_voice_free(struct ebb_voice *v)
{
    if (!v)
        return;
    atomic_store(&v->stop, true);
    ebb_voice_wait(v);
    for (size_t i = 0; i < v->count; i++) {
        free(v->u[i].text);
        free(v->u[i].file);
        ebb_clip_free(&v->u[i].clip);
    }
    free(v->u);
    if (v->log)
        fclose(v->log);
    free(v);
}

const struct ebb_clip *ebb_voice_for_key(const struct ebb_voice *v, const char *key,
                                         bool phase, const char **text)
{
    for (size_t i = 0; v && key && i < v->count; i++) {
        const struct utterance *u = &v->u[i];
        if (u->key == key && u->phase == phase) {
            if (!atomic_load_explicit(&u->ready, memory_order_acquire))
                return NULL;
            if (text)
                *text = u->text;
            return &u->clip;
        }
    }
    return NULL;
}

const struct ebb_clip *ebb_voice_for_text(const struct ebb_voice *v, const char *text)
{
    for (size_t i = 0; v && text && i < v->count; i++)
        if (v->u[i].text == text)
            return atomic_load_explicit(&v->u[i].ready, memory_order_acquire) ? &v->u[i].clip
                                                                                : NULL;
    return NULL;
}

bool ebb_voice_owns(const struct ebb_voice *v, const struct ebb_clip *clip)
{
    for (size_t i = 0; v && clip && i < v->count; i++)
        if (&v->u[i].clip == clip)
            return true;
    return false;
}

/* The time of the next PHASE or END row after row i (the end of a phase), or UINT64_MAX. */
static uint64_t phase_end(const struct ebb_event *ev, size_t count, size_t i)
{
    for (size_t j = i + 1; j < count; j++)
        if ((ev[j].kind == EBB_EVENT_PHASE || ev[j].kind == EBB_EVENT_END) &&
            ev[j].t_us > ev[i].t_us)
            return ev[j].t_us;
    return UINT64_MAX;
}

int ebb_voice_rows(const struct ebb_voice *v, const struct ebb_event *events, size_t count,
                   struct ebb_event **out, size_t *out_count)
{
    struct ebb_event *rows = malloc((2 * count + 1) * sizeof *rows);
    if (!rows)
        return -1;
    size_t n = 0;
    int64_t speaking_until = INT64_MIN; /* the mixer's rule (mix.c, speak) on frames */
    for (size_t i = 0; i < count; i++) {
        const struct ebb_event *ev = &events[i];
        rows[n++] = *ev;
        bool phase = ev->kind == EBB_EVENT_PHASE;
        if (!phase && ev->kind != EBB_EVENT_STEP)
            continue;
        const char *text = NULL;
        const struct ebb_clip *c = ebb_voice_for_key(v, ev->text, phase, &text);
        if (!c)
            continue;
        int64_t at = ebb_mix_frames_of_us(ev->t_us);
        if (phase) {
            uint64_t end = phase_end(events, count, i);
            uint64_t len_us = (uint64_t)c->frames * 1000000u / EBB_MIX_RATE;
            if (end == UINT64_MAX || !ebb_speech_fits(len_us, end - ev->t_us) ||
                at < speaking_until)
                continue;
        }
        speaking_until = at + (int64_t)c->frames;
        rows[n++] = (struct ebb_event){.t_us = ev->t_us,
                                       .kind = EBB_EVENT_VOICE,
                                       .has_phase = ev->has_phase,
                                       .phase = ev->phase,
                                       .side = EBB_SIDE_NONE,
                                       .text = text};
    }
    *out = rows;
    *out_count = n;
    return 0;
}
