/* reload: one stat() a second on the script shown, and a fresh load when its
 * modification time or size changed and its bytes did too. */
#include "reload.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lang.h"
#include "translate.h"

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

/* A hash of the file's bytes (FNV-1a, 64 bits): false when it cannot be read. Reads at
 * most what a script may hold and a byte more (a larger file never loads anyway). */
static bool hash_file(const char *path, uint64_t *out)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return false;
    }
    uint64_t h = 14695981039346656037ull;
    unsigned char buf[8192];
    size_t total = 0;
    ssize_t n;
    while (total <= EBB_SCRIPT_BYTES_MAX && (n = read(fd, buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < n; i++)
            h = (h ^ buf[i]) * 1099511628211ull;
        total += (size_t)n;
    }
    close(fd);
    *out = h ^ total;
    return true;
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
    w->content_known = hash_file(w->path, &w->content);
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
    uint64_t content;
    bool known = hash_file(w->path, &content);
    if (known && w->content_known && content == w->content)
        return RELOAD_NONE; /* touched, or saved as it was: the version running is it */
    w->content = content;
    w->content_known = known;
    struct ebb_exercise *ex = ebb_script_load(w->path, w->path, diags);
    if (!ex)
        return RELOAD_BROKEN;
    (void)ebb_script_translate(ex, ebb_lang_current()); /* shown as when it was first loaded */
    reload_keep(w, ex);
    if (w->count == 0 || w->kept[w->count - 1] != ex) {
        ebb_script_free(ex); /* could not keep it: better not to use it */
        return RELOAD_NONE;
    }
    *out = ex;
    return RELOAD_LOADED;
}

size_t reload_collect(struct reload *w, bool (*in_use)(const struct ebb_exercise *ex, void *ctx),
                      void *ctx)
{
    size_t kept = 0;
    for (size_t i = 0; i < w->count; i++) {
        if (in_use(w->kept[i], ctx))
            w->kept[kept++] = w->kept[i];
        else
            ebb_script_free(w->kept[i]);
    }
    w->count = kept;
    return kept;
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
