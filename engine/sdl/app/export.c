/* export: a session on a virtual clock, headless (DESIGN.md, Export). Frames are drawn by
 * the same scene code as the window, with the software renderer into a surface, so no
 * display is needed; timeline.tsv holds every event; audio.wav the whole mix. */
#include "app.h"

#include <SDL.h>
#include <SDL_image.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dirs.h"
#include "launch.h"
#include "render.h"
#include "scene.h"
#include "sound.h"
#include "voice.h"

#define VIRTUAL_LIMIT_US (24ull * 3600 * 1000000) /* a session never runs longer */

struct run {
    const struct ebb_options *opt;
    struct ebb_voice *voice; /* owned: the utterances, or NULL */
    struct launch launch;
    struct ebb_timeline_options topt;
    struct ebb_event *events; /* owned, pass 1 */
    size_t count, cap;
    uint64_t end_us;
    int last_frame;
};

static uint64_t frame_us(int i, int fps)
{
    return (uint64_t)llround((double)i * 1e6 / fps);
}

static int keep_event(struct run *r, const struct ebb_event *ev)
{
    if (r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 256;
        struct ebb_event *n = realloc(r->events, cap * sizeof *n);
        if (!n)
            return -1;
        r->events = n;
        r->cap = cap;
    }
    r->events[r->count++] = *ev;
    return 0;
}

/* Moves the session to t, pressing for the person at every press time passed. */
static void step_to(struct ebb_session *s, uint64_t from, uint64_t t, uint64_t press_us)
{
    uint64_t next = press_us ? (from / press_us + 1) * press_us : UINT64_MAX;
    while (next <= t) {
        ebb_session_update(s, next);
        if (ebb_session_waiting(s))
            ebb_session_act(s, EBB_ACTION_PRESS, next);
        next += press_us;
    }
    ebb_session_update(s, t);
}

static struct ebb_session *start(struct run *r, struct ebb_diags *d)
{
    const struct ebb_exercise *const *items = r->launch.has_items ? r->launch.items : NULL;
    return ebb_session_new_items(r->launch.ex, items, r->launch.item_count, &r->topt, 0, d);
}

/* Pass 1: every event and the end, with nothing drawn. */
static int plan(struct run *r, uint64_t press_us)
{
    struct ebb_diags d;
    ebb_diags_clear(&d);
    struct ebb_session *s = start(r, &d);
    if (!s) {
        launch_print(&d);
        return -1;
    }
    int fps = r->opt->export_fps;
    uint64_t prev = 0;
    bool ended = false;
    for (int i = 0;; i++) {
        uint64_t t = frame_us(i, fps);
        step_to(s, prev, t, press_us);
        prev = t;
        struct ebb_event ev;
        while (ebb_session_next_event(s, &ev) == 0) {
            if (keep_event(r, &ev) != 0) {
                ebb_session_free(s);
                return -1;
            }
            if (ev.kind == EBB_EVENT_END && ebb_session_finished(s)) {
                r->end_us = ev.t_us;
                ended = true;
            }
        }
        if (ended || ebb_session_finished(s) || t > VIRTUAL_LIMIT_US)
            break;
    }
    if (!ended)
        r->end_us = prev;
    r->last_frame = (int)llround((double)r->end_us * fps / 1e6);
    ebb_session_free(s);
    return ended ? 0 : -1;
}

/* Writes timeline.tsv; on any failure (a full disk) nothing is left of it, errno says
 * why, and the caller says so: never an empty or cut timeline that looks whole. */
static int write_tsv(const struct run *r, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    char text[4096];
    fprintf(f, "time_s\tevent\tphase\tside\ttext\n");
    for (size_t i = 0; i < r->count; i++) {
        const struct ebb_event *ev = &r->events[i];
        const char *shown = ev->kind == EBB_EVENT_CUE ? ebb_event_cue_name(ev) : ev->text;
        if (ev->kind == EBB_EVENT_PREPARE || ev->kind == EBB_EVENT_END)
            shown = NULL; /* a press's is the count so far, a transition's the next title */
        ebb_tsv_escape(shown, text, sizeof text);
        fprintf(f, "%.6f\t%s\t%s\t%s\t%s\n", (double)ev->t_us / 1e6,
                ebb_event_kind_name(ev->kind), ev->has_phase ? ebb_phase_name(ev->phase) : "-",
                ebb_side_name(ev->side), text);
    }
    int bad = ferror(f);
    int err = bad ? errno : 0;
    if (fflush(f) != 0 || fsync(fileno(f)) != 0) {
        err = err ? err : errno;
        bad = 1;
    }
    if (fclose(f) != 0) {
        err = err ? err : errno;
        bad = 1;
    }
    if (!bad)
        return 0;
    unlink(path);
    errno = err ? err : EIO;
    return -1;
}

/* A PNG written through our own descriptor: IMG_SavePNG ignores a failed write and
 * leaves an empty or cut frame behind a success. */
struct png_out {
    int fd;
    int err; /* the first write error, or 0 */
};

static size_t SDLCALL png_write(SDL_RWops *rw, const void *p, size_t size, size_t num)
{
    struct png_out *o = rw->hidden.unknown.data1;
    const char *b = p;
    size_t left = size * num;
    while (left > 0 && !o->err) {
        ssize_t w = write(o->fd, b, left);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            o->err = w < 0 ? errno : ENOSPC;
        else {
            b += w;
            left -= (size_t)w;
        }
    }
    return o->err ? 0 : num;
}

static Sint64 SDLCALL png_seek(SDL_RWops *rw, Sint64 offset, int whence)
{
    struct png_out *o = rw->hidden.unknown.data1;
    int how = whence == RW_SEEK_SET ? SEEK_SET : whence == RW_SEEK_CUR ? SEEK_CUR : SEEK_END;
    return (Sint64)lseek(o->fd, (off_t)offset, how);
}

static Sint64 SDLCALL png_size(SDL_RWops *rw)
{
    struct png_out *o = rw->hidden.unknown.data1;
    struct stat sb;
    return fstat(o->fd, &sb) == 0 ? (Sint64)sb.st_size : -1;
}

static size_t SDLCALL png_read(SDL_RWops *rw, void *p, size_t size, size_t num)
{
    (void)rw;
    (void)p;
    (void)size;
    (void)num;
    return 0;
}

static int SDLCALL png_close(SDL_RWops *rw)
{
    (void)rw;
    return 0;
}

/* Saves one frame. Returns 0, or -1 with the reason in why (the partial file removed). */
static int save_png(SDL_Surface *surf, const char *path, char *why, size_t size)
{
    struct png_out o = {open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644), 0};
    if (o.fd < 0) {
        snprintf(why, size, "%s", strerror(errno));
        return -1;
    }
    SDL_RWops rw;
    memset(&rw, 0, sizeof rw);
    rw.size = png_size;
    rw.seek = png_seek;
    rw.read = png_read;
    rw.write = png_write;
    rw.close = png_close;
    rw.type = SDL_RWOPS_UNKNOWN;
    rw.hidden.unknown.data1 = &o;
    int rc = IMG_SavePNG_RW(surf, &rw, 0);
    if (close(o.fd) != 0 && !o.err)
        o.err = errno;
    if (rc == 0 && !o.err)
        return 0;
    snprintf(why, size, "%s", o.err ? strerror(o.err) : IMG_GetError());
    unlink(path);
    return -1;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* The frames of --at, sorted and each once, into *out (malloc'd; the caller frees it).
 * Every time is kept, however many; times past the end give the last frame, with one
 * warning for all of them. Returns 0, or -1 after one line. */
static int parse_at(const char *at, double end_s, int fps, int last, int **out, int *n)
{
    *n = 0;
    *out = NULL;
    size_t cap = 1;
    for (const char *c = at; *c; c++)
        cap += *c == ',';
    int *frames = malloc(cap * sizeof *frames);
    if (!frames) {
        fprintf(stderr, "ebb: --at: out of memory\n");
        return -1;
    }
    size_t past = 0;
    double first_past = 0;
    const char *p = at;
    while (*p) {
        char *end = NULL;
        double t = strtod(p, &end);
        if (end == p || t < 0 || t != t || (*end && *end != ',')) {
            char q[1024];
            fprintf(stderr, "ebb: --at: expected seconds like 1.5,3, got \"%s\"\n",
                    ebb_escape(at, q, sizeof q));
            free(frames);
            return -1;
        }
        double f = t * fps;
        int idx = f > (double)last ? last + 1 : (int)llround(f);
        if (idx > last) {
            if (past++ == 0)
                first_past = t;
            idx = last;
        }
        frames[(*n)++] = idx;
        p = *end ? end + 1 : end;
    }
    if (past == 1)
        fprintf(stderr, "ebb: warning: --at %g is past the end (%.3f s): the last frame\n",
                first_past, end_s);
    else if (past > 1)
        fprintf(stderr,
                "ebb: warning: %zu --at times are past the end (%.3f s), the first %g: each "
                "gives the last frame\n",
                past, end_s, first_past);
    qsort(frames, (size_t)*n, sizeof *frames, cmp_int);
    int kept = 0; /* each frame once */
    for (int i = 0; i < *n; i++)
        if (kept == 0 || frames[kept - 1] != frames[i])
            frames[kept++] = frames[i];
    *n = kept;
    *out = frames;
    return 0;
}

static bool wanted(const int *at, int n, int i)
{
    return !at || bsearch(&i, at, (size_t)n, sizeof *at, cmp_int) != NULL;
}

/* Pass 2: the frames, drawn into a surface by the software renderer. */
static int draw_frames(struct run *r, const char *dir, const int *at, int at_n)
{
    const struct ebb_options *o = r->opt;
    int w = o->export_width, h = o->export_height, fps = o->export_fps;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
    SDL_Renderer *ren = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    char err[512];
    struct text *text = ren ? text_open(ren, err, sizeof err) : NULL;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    struct ebb_session *s = text ? start(r, &d) : NULL;
    int status = 0;
    if (!surf || !ren)
        fprintf(stderr, "ebb: cannot draw: %s\n", SDL_GetError());
    else if (!text)
        fprintf(stderr, "ebb: %s\n", err);
    if (!s) {
        launch_print(&d);
        status = 1;
        goto out;
    }
    struct scene sc = {ren, text, {0}, w, h, o->reduced_motion, false, o->visual, false};
    theme_find(o->theme, &sc.th);
    text_set_height(text, h);
    text_set_bounds(text, w, h);
    char cut_last[96] = "";
    uint64_t press_us = (uint64_t)llround(o->press_every_s * 1e6);
    uint64_t prev = 0;
    char path[4096];
    for (int i = 0; i <= r->last_frame; i++) {
        uint64_t t = frame_us(i, fps);
        step_to(s, prev, t, press_us);
        prev = t;
        struct ebb_event ev;
        while (ebb_session_next_event(s, &ev) == 0) {
        }
        if (!wanted(at, at_n, i))
            continue;
        struct ebb_session_view v;
        ebb_session_view(s, t, &v);
        scene_clear(&sc);
        text_clips_reset(text);
        scene_session(&sc, &v, ebb_session_timeline(s));
        SDL_RenderFlush(ren);
        const char *cut;
        if (w >= 640 && h >= 480 && text_clips(text, &cut) > 0 && strcmp(cut, cut_last) != 0) {
            /* once per text: a text that could not be shown whole at this size (640x480,
             * the smallest screen laid out for, and up; a thumbnail may cut) */
            fprintf(stderr, "ebb: warning: frame %d: text does not fit at %dx%d: %s\n", i, w, h,
                    cut);
            snprintf(cut_last, sizeof cut_last, "%s", cut);
        }
        snprintf(path, sizeof path, "%s/frame-%06d.png", dir, i);
        char why[256];
        if (save_png(surf, path, why, sizeof why) != 0) {
            char q[sizeof path * EBB_ESCAPE_GROWTH];
            fprintf(stderr, "ebb: %s: cannot write: %s\n", ebb_escape(path, q, sizeof q), why);
            status = 1;
            break;
        }
    }
    if (text && text_boxes(text) > 0) /* each character was named once already */
        fprintf(stderr, "ebb: warning: export: %d characters drawn as a box: no font has them\n",
                text_boxes(text));
out:
    ebb_session_free(s);
    text_close(text);
    if (ren) {
        render_forget(ren);
        SDL_DestroyRenderer(ren);
    }
    SDL_FreeSurface(surf);
    return status;
}

/* mkdir -p dir; an existing file of that name is ENOTDIR. */
static int make_dir(const char *dir)
{
    struct stat sb;
    if (ebb_dirs_make(dir, 0755) != 0)
        return -1;
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    return 0;
}

/* The voice: every utterance synthesized now (export waits for it), and a VOICE row
 * after each step or phase it speaks for. Notices are printed. */
static int add_voice(struct run *r)
{
    const struct ebb_options *o = r->opt;
    const struct ebb_exercise *exs[1 + EBB_ITEMS_MAX];
    size_t n = 0;
    exs[n++] = r->launch.ex;
    for (int i = 0; r->launch.has_items && i < r->launch.ex->item_count && n < 1 + EBB_ITEMS_MAX; i++)
        exs[n++] = r->launch.items[i];
    struct ebb_voice_config cfg = {
        .choice = {.cli = o->voice,
                   .setting = (enum ebb_voice_mode)o->voice_setting,
                   .eyes_closed = o->eyes_closed},
    };
    char folder[4096];
    if (ebb_voice_folder(folder, sizeof folder))
        cfg.recordings = folder;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    r->voice = ebb_voice_new(exs, n, &cfg, &d);
    launch_print(&d);
    if (!r->voice)
        return 0;
    ebb_voice_wait(r->voice);
    struct ebb_event *rows;
    size_t count;
    if (ebb_voice_rows(r->voice, r->events, r->count, &rows, &count) != 0)
        return -1;
    free(r->events);
    r->events = rows;
    r->count = r->cap = count;
    return 0;
}

static int export_files(struct run *r)
{
    const struct ebb_options *o = r->opt;
    const char *dir = o->export_dir;
    char path[4096];
    int *at = NULL, at_n = 0;
    uint64_t press_us = (uint64_t)llround((o->press_every_s > 0 ? o->press_every_s : 5) * 1e6);
    if (plan(r, press_us) != 0) {
        char q[4096 * EBB_ESCAPE_GROWTH];
        fprintf(stderr, "ebb: %s: the session does not end\n",
                ebb_escape(r->launch.ex->path, q, sizeof q));
        return 1;
    }
    if (o->export_at && parse_at(o->export_at, (double)r->end_us / 1e6, o->export_fps,
                                 r->last_frame, &at, &at_n) != 0)
        return 2;
    char q[sizeof path * EBB_ESCAPE_GROWTH]; /* a path as messages quote it */
    if (make_dir(dir) != 0) {
        fprintf(stderr, "ebb: %s: cannot create the folder: %s\n", ebb_escape(dir, q, sizeof q),
                strerror(errno));
        free(at);
        return 1;
    }
    if (add_voice(r) != 0) {
        fprintf(stderr, "ebb: out of memory\n");
        return 1;
    }
    snprintf(path, sizeof path, "%s/timeline.tsv", dir);
    if (write_tsv(r, path) != 0) {
        fprintf(stderr, "ebb: %s: cannot write: %s\n", ebb_escape(path, q, sizeof q),
                strerror(errno ? errno : EIO));
        free(at);
        return 1;
    }
    int status = draw_frames(r, dir, o->export_at ? at : NULL, at_n);
    free(at);
    if (status != 0)
        return status;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    snprintf(path, sizeof path, "%s/audio.wav", dir);
    const struct ebb_timeline *tl = NULL;
    struct ebb_timeline plan_tl;
    memset(&plan_tl, 0, sizeof plan_tl);
    if (r->launch.ex->kind == EBB_KIND_BREATHING &&
        ebb_timeline_init(&plan_tl, r->launch.ex, &r->topt, &d) == 0)
        tl = &plan_tl;
    int vol = o->volume_percent >= 0 ? o->volume_percent : 80;
    if (sound_export_voiced(path, r->launch.ex, tl, r->events, r->count, r->end_us, vol, o->mute,
                            o->eyes_closed, r->voice, &d) != 0)
        status = 1;
    ebb_timeline_deinit(&plan_tl);
    launch_print(&d);
    return status;
}

int ebb_export_run(const struct ebb_options *opt, struct ebb_library *lib)
{
    struct run r;
    memset(&r, 0, sizeof r);
    r.opt = opt;
    if (!opt->export_dir || !opt->exercise) {
        fprintf(stderr, "ebb: --export needs a folder and an exercise\n");
        return 2;
    }
    if (opt->export_fps < 1 || opt->export_fps > 240 || opt->export_width < 16 ||
        opt->export_height < 16 || opt->export_width > 8192 || opt->export_height > 8192) {
        fprintf(stderr, "ebb: --export: --fps 1..240 and --size from 16x16 to 8192x8192\n");
        return 2;
    }
    if (launch_resolve(opt->exercise, lib, &r.launch) != 0)
        return 2;
    /* export is reproducible: the state file's remembered choices are not used */
    launch_timeline_options(opt, NULL, r.launch.ex, &r.topt);
    int status = export_files(&r);
    ebb_voice_free(r.voice);
    free(r.events);
    launch_free(&r.launch);
    return status;
}
