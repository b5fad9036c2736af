/* reload: watches the script of the exercise on screen (the picker's selected one, or
 * the session's) and reads it again when it is saved (live reload). The file's
 * modification time and size are looked at about once a second, from the loop's own
 * wake-ups: no thread, no busy polling. A save that leaves the bytes as they were (a
 * touch, an editor saving unchanged text) is not loaded again. Old versions are freed
 * as soon as nothing reads them (reload_collect). ebb never writes the file. */
#ifndef EBB_RELOAD_H
#define EBB_RELOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "diag.h"
#include "script.h"

#define RELOAD_EVERY_US 1000000u /* how often the file is looked at */
#define RELOAD_PATH_MAX 4096

enum reload_result {
    RELOAD_NONE,   /* nothing changed (or nothing is watched, or it is not time yet) */
    RELOAD_LOADED, /* the file changed and loads: *out is the new version */
    RELOAD_BROKEN, /* the file changed and does not load: diags say why */
    RELOAD_RESULT_COUNT
};

struct reload {
    char path[RELOAD_PATH_MAX]; /* the file watched; "" when none */
    bool seen;                  /* the file was there at the last look */
    struct timespec mtime;      /* as it was then */
    long long size;
    uint64_t next_us;   /* the next look, on the session clock */
    uint64_t content;   /* a hash of the bytes of the version running (FNV-1a) */
    bool content_known; /* false when the file could not be read */
    /* Versions read, and old library versions handed over, until nothing reads them: a
     * session, the sound, the picker and the end screen may point at an older one. */
    struct ebb_exercise **kept;
    size_t count, cap;
};

void reload_init(struct reload *w);

/* Frees every version kept; call once nothing points at them (after the sound is
 * closed and the session freed). */
void reload_deinit(struct reload *w);

/* Watches `path` from now on (NULL or "": nothing); the same path again changes nothing.
 * The file as it is now is the version already running. */
void reload_watch(struct reload *w, const char *path, uint64_t now_us);

/* Looks at the file when a second has passed. On RELOAD_LOADED *out is the new version,
 * owned by w (kept until reload_collect finds it unused, or reload_deinit). A file whose
 * time changed but whose bytes did not is RELOAD_NONE. */
enum reload_result reload_poll(struct reload *w, uint64_t now_us, const struct ebb_exercise **out,
                               struct ebb_diags *diags);

/* Hands an exercise to w to keep until nothing uses it (a library entry's old version). */
void reload_keep(struct reload *w, struct ebb_exercise *ex);

/* Frees every kept version for which in_use(ex, ctx) is false; returns how many stay. */
size_t reload_collect(struct reload *w, bool (*in_use)(const struct ebb_exercise *ex, void *ctx),
                      void *ctx);

/* Takes ex back from w's keeping (its new owner frees it); false when w did not hold it. */
bool reload_release(struct reload *w, const struct ebb_exercise *ex);

/* Milliseconds until the next look (at most `wait`), for the loop's wait timeout. */
int reload_wait_ms(const struct reload *w, uint64_t now_us, int wait);

#endif
