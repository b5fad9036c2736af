/* reload: one stat() a second on the script shown, and a fresh load when its
 * modification time or size changed. */
#include "reload.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void reload_init(struct reload *w)
{
    memset(w, 0, sizeof *w);
}

void reload_deinit(struct reload *w)
{
    for (size_t i = 0; i < w->count; i++)
        ebb_script_free(w->kept[i]);
    free(w->kept);
    memset(w, 0, sizeof *w);
}

static void look(struct reload *w, bool *seen, struct timespec *mtime, long long *size)
{
    struct stat st;
    *seen = stat(w->path, &st) == 0;
    *mtime = *seen ? st.st_mtim : (struct timespec){0};
    *size = *seen ? (long long)st.st_size : -1;
}

void reload_watch(struct reload *w, const char *path, uint64_t now_us)
{
    if (!path || !path[0]) {
        w->path[0] = '\0';
        return;
    }
    if (strcmp(path, w->path) == 0)
        return;
    snprintf(w->path, sizeof w->path, "%s", path);
    look(w, &w->seen, &w->mtime, &w->size);
    w->next_us = now_us + RELOAD_EVERY_US;
}

void reload_keep(struct reload *w, struct ebb_exercise *ex)
{
    if (!ex)
        return;
    if (w->count == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 8;
        struct ebb_exercise **n = realloc(w->kept, cap * sizeof *n);
        if (!n)
            return; /* rather a small leak than a freed exercise still in use */
        w->kept = n;
        w->cap = cap;
    }
    w->kept[w->count++] = ex;
}

enum reload_result reload_poll(struct reload *w, uint64_t now_us, const struct ebb_exercise **out,
                               struct ebb_diags *diags)
{
    *out = NULL;
    if (!w->path[0] || now_us < w->next_us)
        return RELOAD_NONE;
    w->next_us = now_us + RELOAD_EVERY_US;
    bool seen;
    struct timespec mtime;
    long long size;
    look(w, &seen, &mtime, &size);
    bool changed = seen != w->seen || size != w->size || mtime.tv_sec != w->mtime.tv_sec ||
                   mtime.tv_nsec != w->mtime.tv_nsec;
    w->seen = seen;
    w->mtime = mtime;
    w->size = size;
    if (!changed || !seen) /* a file moved away for a moment (a save by rename) waits */
        return RELOAD_NONE;
    struct ebb_exercise *ex = ebb_script_load(w->path, w->path, diags);
    if (!ex)
        return RELOAD_BROKEN;
    reload_keep(w, ex);
    if (w->count == 0 || w->kept[w->count - 1] != ex) {
        ebb_script_free(ex); /* could not keep it: better not to use it */
        return RELOAD_NONE;
    }
    *out = ex;
    return RELOAD_LOADED;
}

bool reload_release(struct reload *w, const struct ebb_exercise *ex)
{
    for (size_t i = 0; i < w->count; i++) {
        if (w->kept[i] == ex) {
            w->kept[i] = w->kept[--w->count];
            return true;
        }
    }
    return false;
}

int reload_wait_ms(const struct reload *w, uint64_t now_us, int wait)
{
    if (!w->path[0])
        return wait;
    uint64_t ms = w->next_us > now_us ? (w->next_us - now_us) / 1000 + 1 : 0;
    return ms < (uint64_t)wait ? (int)ms : wait;
}
