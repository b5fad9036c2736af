/* library: the search path, the exercises found on it, sequences resolved against it,
 * and the length of an exercise at its own settings. Reads folders and files only;
 * never the environment (the caller passes what it read in struct ebb_search_env). */
#include "library.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lang.h"
#include "session.h"
#include "timeline.h"
#include "translate.h"

#define CFG_SUFFIX ".cfg"
#define NAMES_MAX 65536 /* names kept from one folder (the rest are counted as left out) */

static char *join(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *s = malloc(la + lb + 2);
    if (!s)
        return NULL;
    memcpy(s, a, la);
    size_t n = la;
    if (n == 0 || s[n - 1] != '/')
        s[n++] = '/';
    memcpy(s + n, b, lb + 1);
    return s;
}

/* Adds a folder unless it is already there: the same folder (device and inode, so
 * the same real path whatever links lead to it) or, when it does not exist, the same
 * text. Takes ownership of `path`. */
static void add_dir(struct ebb_library *lib, char *path, enum ebb_source src)
{
    if (!path)
        return;
    if (lib->dir_count >= EBB_LIBRARY_DIRS_MAX) {
        free(path);
        return;
    }
    struct stat st, other;
    bool exists = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
    for (int i = 0; i < lib->dir_count; i++) {
        const char *p = lib->dirs[i].path;
        bool same = strcmp(p, path) == 0;
        if (!same && exists && lib->dirs[i].exists && stat(p, &other) == 0)
            same = st.st_dev == other.st_dev && st.st_ino == other.st_ino;
        if (same) {
            free(path);
            return;
        }
    }
    struct ebb_search_dir *d = &lib->dirs[lib->dir_count++];
    d->path = path;
    d->source = src;
    d->exists = exists;
}

static bool given(const char *s)
{
    return s && s[0] != '\0';
}

void ebb_library_dirs(struct ebb_library *lib, const struct ebb_search_env *env)
{
    /* XDG: a relative path in these variables is ignored, as if it were unset. */
    if (given(env->xdg_config_home) && env->xdg_config_home[0] == '/')
        add_dir(lib, join(env->xdg_config_home, "ebb/exercises"), EBB_SOURCE_USER);
    else if (given(env->home))
        add_dir(lib, join(env->home, ".config/ebb/exercises"), EBB_SOURCE_USER);

    const char *data =
        given(env->xdg_data_dirs) ? env->xdg_data_dirs : "/usr/local/share:/usr/share";
    const char *p = data;
    while (*p) {
        const char *colon = strchr(p, ':');
        size_t n = colon ? (size_t)(colon - p) : strlen(p);
        if (n > 0 && p[0] == '/') {
            char *one = malloc(n + 1);
            if (one) {
                memcpy(one, p, n);
                one[n] = '\0';
                add_dir(lib, join(one, "ebb/exercises"), EBB_SOURCE_BUILTIN);
                free(one);
            }
        }
        p += n;
        if (*p == ':')
            p++;
    }
    if (given(env->prefix_datadir))
        add_dir(lib, join(env->prefix_datadir, "exercises"), EBB_SOURCE_BUILTIN);
    if (given(env->source_dir)) {
        char *s = malloc(strlen(env->source_dir) + 1);
        if (s)
            strcpy(s, env->source_dir);
        add_dir(lib, s, EBB_SOURCE_BUILTIN);
    }
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool wanted(const char *name)
{
    size_t n = strlen(name), s = strlen(CFG_SUFFIX);
    /* Hidden files are editors' and ebb's own temporary files. */
    return name[0] != '.' && n > s && strcmp(name + n - s, CFG_SUFFIX) == 0;
}

/* The *.cfg names of a folder, sorted so that loading does not depend on the order
 * readdir happens to give. Returns the count (0 when memory runs out), or -1 with errno
 * when the folder cannot be opened; free each and *out. *unkept counts the names past
 * NAMES_MAX. */
static int list_names(const char *dir, char ***out, int *unkept)
{
    *out = NULL;
    *unkept = 0;
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    char **names = NULL;
    int count = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!wanted(e->d_name))
            continue;
        if (count >= NAMES_MAX) {
            (*unkept)++;
            continue;
        }
        if (count == cap) {
            int ncap = cap ? cap * 2 : 32;
            char **grown = realloc(names, (size_t)ncap * sizeof *grown);
            if (!grown)
                break;
            names = grown;
            cap = ncap;
        }
        char *copy = malloc(strlen(e->d_name) + 1);
        if (!copy)
            break;
        strcpy(copy, e->d_name);
        names[count++] = copy;
    }
    closedir(d);
    if (count > 1)
        qsort(names, (size_t)count, sizeof *names, cmp_names);
    *out = names;
    return count;
}

static int source_max(enum ebb_source src)
{
    return src == EBB_SOURCE_USER ? EBB_LIBRARY_USER_MAX : EBB_LIBRARY_BUILTIN_MAX;
}

static struct ebb_library_entry *find_mut(struct ebb_library *lib, const char *id)
{
    for (int i = 0; i < lib->count; i++)
        if (strcmp(lib->entries[i].id, id) == 0)
            return &lib->entries[i];
    return NULL;
}

const struct ebb_library_entry *ebb_library_find(const struct ebb_library *lib, const char *id)
{
    if (!lib || !id)
        return NULL;
    return find_mut((struct ebb_library *)lib, id);
}

static const struct ebb_diag *first_error(const struct ebb_diags *d)
{
    for (int i = 0; i < d->count; i++)
        if (d->items[i].severity == EBB_SEVERITY_ERROR)
            return &d->items[i];
    return d->count > 0 ? &d->items[0] : NULL;
}

static void clear_entry(struct ebb_library_entry *e)
{
    free(e->id);
    free(e->path);
    ebb_script_free(e->ex);
    e->id = e->path = NULL;
    e->ex = NULL;
}

/* Loads one file into the library. Returns 0, 1 when it was left out (its source has
 * room for no more: nothing is read), or -1 when memory runs out. */
static int load_file(struct ebb_library *lib, int *cap, const char *dir, const char *name,
                     enum ebb_source src, int *added, struct ebb_diags *diags,
                     struct ebb_diags *scratch)
{
    size_t idlen = strlen(name) - strlen(CFG_SUFFIX);
    char id[NAME_MAX + 1];
    if (idlen > NAME_MAX)
        return 0;
    memcpy(id, name, idlen);
    id[idlen] = '\0';

    struct ebb_library_entry *old = find_mut(lib, id);
    if (old && old->ex)
        return 0; /* the first valid file of an id wins */
    if (!old && added[src] >= source_max(src))
        return 1;

    char *path = join(dir, name);
    if (!path)
        return -1;
    ebb_diags_clear(scratch);
    struct ebb_exercise *ex = ebb_script_load(path, path, scratch);
    /* shown in the run's language when the script carries it; as written when memory
     * runs out */
    if (ex)
        (void)ebb_script_translate(ex, ebb_lang_current());
    if (old) {
        if (!ex) { /* broken again: the earlier broken file stays the entry */
            free(path);
            return 0;
        }
        /* A later valid file replaces an earlier broken one, with a warning. */
        const struct ebb_diag *err = first_error(&old->diags);
        const char *what = src == EBB_SOURCE_BUILTIN ? "the built-in" : "the copy in";
        ebb_diags_add(diags, EBB_SEVERITY_WARNING, err ? err->file : old->path, err ? err->line : 0,
                      "%s; skipped, using %s %s", err ? err->message : "cannot be loaded", what,
                      path);
        free(old->path);
        old->path = path;
        old->source = src;
        old->ex = ex;
        old->diags = *scratch;
        return 0;
    }
    if (lib->count == *cap) {
        int ncap = *cap ? *cap * 2 : 32;
        struct ebb_library_entry *grown = realloc(lib->entries, (size_t)ncap * sizeof *grown);
        if (!grown) {
            ebb_script_free(ex);
            free(path);
            return -1;
        }
        lib->entries = grown;
        *cap = ncap;
    }
    struct ebb_library_entry *e = &lib->entries[lib->count];
    memset(e, 0, sizeof *e);
    e->id = malloc(idlen + 1);
    if (!e->id) {
        ebb_script_free(ex);
        free(path);
        return -1;
    }
    memcpy(e->id, id, idlen + 1);
    e->path = path;
    e->source = src;
    e->ex = ex;
    e->diags = *scratch;
    if (!ex && scratch->errors == 0) /* never silent: a broken entry names its error */
        ebb_diags_add(&e->diags, EBB_SEVERITY_ERROR, path, 0, "cannot be loaded");
    lib->count++;
    added[src]++;
    return 0;
}

/* True when sequence `from` reaches `target` through its items (depth-first). */
static bool reaches(const struct ebb_library *lib, const char *from, const char *target, bool *seen)
{
    const struct ebb_library_entry *e = ebb_library_find(lib, from);
    if (!e || !e->ex || e->ex->kind != EBB_KIND_SEQUENCE)
        return false;
    int idx = (int)(e - lib->entries);
    if (seen[idx])
        return false;
    seen[idx] = true;
    for (int i = 0; i < e->ex->item_count; i++) {
        if (strcmp(e->ex->items[i], target) == 0)
            return true;
        if (reaches(lib, e->ex->items[i], target, seen))
            return true;
    }
    return false;
}

enum walk { WALK_OK, WALK_TOO_MANY, WALK_TOO_DEEP, WALK_BROKEN };

/* Counts into *count (and writes into out, when not NULL) the breathing and grounding
 * exercises that the `n` items `ids`, at nesting level `depth`, run; stops at the first
 * limit. */
static enum walk walk(const struct ebb_library *lib, char *const *ids, int n, int depth,
                      const struct ebb_exercise **out, int max, int *count)
{
    for (int i = 0; i < n; i++) {
        const struct ebb_library_entry *e = ebb_library_find(lib, ids[i]);
        if (!e || !e->ex)
            return WALK_BROKEN;
        if (e->ex->kind == EBB_KIND_SEQUENCE) {
            if (depth >= EBB_SEQUENCE_DEPTH_MAX)
                return WALK_TOO_DEEP;
            enum walk w = walk(lib, e->ex->items, e->ex->item_count, depth + 1, out, max, count);
            if (w != WALK_OK)
                return w;
            continue;
        }
        if (*count >= EBB_SEQUENCE_ITEMS_MAX)
            return WALK_TOO_MANY;
        if (out && *count < max)
            out[*count] = e->ex;
        (*count)++;
    }
    return WALK_OK;
}

/* The limits of what a sequence runs, each error at the line of the item that passes
 * one. Returns 0 or -1. */
static int check_expansion(const struct ebb_library *lib, const struct ebb_exercise *ex,
                           const struct ebb_exercise **out, int max, int *count,
                           struct ebb_diags *diags)
{
    const char *file = ex->path ? ex->path : ex->id;
    *count = 0;
    for (int i = 0; i < ex->item_count; i++) {
        enum walk w = walk(lib, &ex->items[i], 1, 1, out, max, count);
        int line = ex->item_lines ? ex->item_lines[i] : 0;
        const char *id = ex->items[i];
        if (w == WALK_TOO_MANY)
            ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, line,
                          "sequence \"%s\" would run more than %d exercises in all, with those "
                          "inside \"%s\": at most %d are allowed",
                          ex->id, EBB_SEQUENCE_ITEMS_MAX, id, EBB_SEQUENCE_ITEMS_MAX);
        else if (w == WALK_TOO_DEEP)
            ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, line,
                          "sequences nest more than %d levels deep inside \"%s\" through "
                          "\"%s\": at most %d are allowed",
                          EBB_SEQUENCE_DEPTH_MAX - 1, ex->id, id, EBB_SEQUENCE_DEPTH_MAX - 1);
        else if (w == WALK_BROKEN)
            ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, line,
                          "exercise \"%s\" in items contains an exercise that has errors; "
                          "`ebb --list` shows which",
                          id);
        if (w != WALK_OK)
            return -1;
    }
    return 0;
}

int ebb_library_resolve(const struct ebb_library *lib, const struct ebb_exercise *ex,
                        const struct ebb_exercise **items, struct ebb_diags *diags)
{
    if (!ex || ex->kind != EBB_KIND_SEQUENCE)
        return 0;
    const char *file = ex->path ? ex->path : ex->id;
    int status = 0;
    bool *seen = lib && lib->count > 0 ? calloc((size_t)lib->count, sizeof *seen) : NULL;
    for (int i = 0; i < ex->item_count; i++) {
        const char *id = ex->items[i];
        int line = ex->item_lines ? ex->item_lines[i] : 0;
        const struct ebb_library_entry *e = ebb_library_find(lib, id);
        if (items)
            items[i] = NULL;
        int before = 0; /* an id given again is checked (and reported) once */
        while (before < i && strcmp(ex->items[before], id) != 0)
            before++;
        if (before < i) {
            if (items)
                items[i] = items[before];
            continue;
        }
        if (strcmp(id, ex->id) == 0) {
            ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, line,
                          "sequence \"%s\" contains itself; remove \"%s\" from its items", ex->id,
                          id);
            status = -1;
        } else if (!e) {
            ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, line,
                          "unknown exercise \"%s\" in items; `ebb --list` shows the ids", id);
            status = -1;
        } else if (!e->ex) {
            ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, line,
                          "exercise \"%s\" in items has errors (%s); `ebb --check %s` shows "
                          "them",
                          id, e->path, e->path);
            status = -1;
        } else {
            if (seen)
                memset(seen, 0, (size_t)lib->count * sizeof *seen);
            if (seen && reaches(lib, id, ex->id, seen)) {
                ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, line,
                              "sequence \"%s\" contains itself through \"%s\"", ex->id, id);
                status = -1;
            } else if (items) {
                items[i] = e->ex;
            }
        }
    }
    free(seen);
    int count;
    if (status == 0 && check_expansion(lib, ex, NULL, 0, &count, diags) != 0)
        status = -1;
    return status;
}

int ebb_library_expand(const struct ebb_library *lib, const struct ebb_exercise *ex,
                       const struct ebb_exercise **out, int max, int *count,
                       struct ebb_diags *diags)
{
    *count = 0;
    if (!ex || ex->kind != EBB_KIND_SEQUENCE || ebb_library_resolve(lib, ex, NULL, diags) != 0)
        return -1;
    return check_expansion(lib, ex, out, max, count, diags);
}

/* Sorting for --list: breathing, grounding, sequence, broken; then title; then id. */
static int kind_rank(const struct ebb_library_entry *e)
{
    return e->ex ? (int)e->ex->kind : EBB_KIND_COUNT;
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int cmp_title(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        int d = lower((unsigned char)*a) - lower((unsigned char)*b);
        if (d)
            return d;
    }
    return (unsigned char)*a - (unsigned char)*b;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static int cmp_entries(const void *pa, const void *pb)
{
    const struct ebb_library_entry *a = pa, *b = pb;
    int d = kind_rank(a) - kind_rank(b);
    if (d)
        return d;
    d = cmp_title(a->ex ? a->ex->title : base_name(a->path),
                  b->ex ? b->ex->title : base_name(b->path));
    return d ? d : strcmp(a->id, b->id);
}

/* Marks sequences broken until nothing changes: one broken item can break another. */
static void resolve_all(struct ebb_library *lib)
{
    bool changed = true;
    while (changed) {
        changed = false;
        for (int i = 0; i < lib->count; i++) {
            struct ebb_library_entry *e = &lib->entries[i];
            if (!e->ex || e->ex->kind != EBB_KIND_SEQUENCE)
                continue;
            struct ebb_diags d;
            ebb_diags_clear(&d);
            if (ebb_library_resolve(lib, e->ex, NULL, &d) == 0)
                continue;
            ebb_script_free(e->ex);
            e->ex = NULL;
            e->diags = d;
            changed = true;
        }
    }
}

static void say_unreadable(const char *dir, int err, struct ebb_diags *diags)
{
    ebb_diags_add(diags, EBB_SEVERITY_WARNING, dir, 0,
                  "cannot read this folder of exercises (%s); its exercises are not listed",
                  strerror(err));
}

/* A folder of the search path that is missing (or a file) is quietly not there; one
 * that is there but cannot be looked at (no permission) is said, not left to vanish. */
static void unreadable(const char *dir, struct ebb_diags *diags)
{
    struct stat st;
    if (stat(dir, &st) != 0 && (errno == EACCES || errno == EPERM))
        say_unreadable(dir, errno, diags);
}

/* One line for every file of a folder that was left out. */
static void left_out_warning(const char *dir, enum ebb_source src, int count, const char *first,
                             struct ebb_diags *diags)
{
    const char *whose = src == EBB_SOURCE_USER ? "of your own" : "built-in";
    if (first)
        ebb_diags_add(diags, EBB_SEVERITY_WARNING, dir, 0,
                      "%d exercise files left out, from %s on in name order: at most %d "
                      "exercises %s are read",
                      count, first, source_max(src), whose);
    else
        ebb_diags_add(diags, EBB_SEVERITY_WARNING, dir, 0,
                      "%d exercise files left out: at most %d exercises %s are read", count,
                      source_max(src), whose);
}

int ebb_library_load(struct ebb_library *lib, const struct ebb_search_env *env,
                     struct ebb_diags *diags)
{
    memset(lib, 0, sizeof *lib);
    ebb_library_dirs(lib, env);
    struct ebb_diags *scratch = malloc(sizeof *scratch);
    if (!scratch)
        return -1;
    int cap = 0, status = 0;
    int added[EBB_SOURCE_COUNT] = {0}; /* entries made from each source */
    for (int i = 0; i < lib->dir_count && status == 0; i++) {
        if (!lib->dirs[i].exists) {
            unreadable(lib->dirs[i].path, diags);
            continue;
        }
        char **names;
        int unkept, n = list_names(lib->dirs[i].path, &names, &unkept);
        if (n < 0) {
            say_unreadable(lib->dirs[i].path, errno, diags);
            continue;
        }
        int left_out = unkept;
        const char *first_out = NULL;
        for (int k = 0; k < n; k++) {
            int rc = status == 0 ? load_file(lib, &cap, lib->dirs[i].path, names[k],
                                             lib->dirs[i].source, added, diags, scratch)
                                 : 0;
            if (rc == 1) {
                first_out = first_out ? first_out : names[k];
                left_out++;
            } else if (rc < 0) {
                status = -1;
            }
        }
        if (left_out > 0 && status == 0)
            left_out_warning(lib->dirs[i].path, lib->dirs[i].source, left_out, first_out, diags);
        for (int k = 0; k < n; k++)
            free(names[k]);
        free(names);
    }
    free(scratch);
    if (status != 0) {
        ebb_library_free(lib);
        return -1;
    }
    resolve_all(lib);
    if (lib->count > 1)
        qsort(lib->entries, (size_t)lib->count, sizeof *lib->entries, cmp_entries);
    return 0;
}

void ebb_library_free(struct ebb_library *lib)
{
    if (!lib)
        return;
    for (int i = 0; i < lib->count; i++)
        clear_entry(&lib->entries[i]);
    free(lib->entries);
    for (int i = 0; i < lib->dir_count; i++)
        free(lib->dirs[i].path);
    memset(lib, 0, sizeof *lib);
}

static double length_at(const struct ebb_library *lib, const struct ebb_exercise *ex, int depth)
{
    if (!ex || depth > EBB_LIBRARY_MAX)
        return -1.0;
    switch (ex->kind) {
    case EBB_KIND_BREATHING: {
        struct ebb_timeline tl;
        struct ebb_timeline_options opt;
        struct ebb_diags d;
        memset(&tl, 0, sizeof tl);
        ebb_timeline_options_default(&opt);
        ebb_diags_clear(&d);
        if (ebb_timeline_init(&tl, ex, &opt, &d) != 0)
            return -1.0;
        double s = (double)tl.end_us / 1e6;
        ebb_timeline_deinit(&tl);
        return s;
    }
    case EBB_KIND_GROUNDING:
        /* as the session runs it: leads before taps and the pause after each step */
        return ebb_session_grounding_length_s(ex);
    case EBB_KIND_SEQUENCE: {
        if (ex->pause_s <= 0.0 || ex->item_count <= 0)
            return -1.0;
        const struct ebb_exercise *items[EBB_SEQUENCE_ITEMS_MAX];
        struct ebb_diags d;
        int n = 0;
        ebb_diags_clear(&d);
        if (ebb_library_expand(lib, ex, items, EBB_SEQUENCE_ITEMS_MAX, &n, &d) != 0 || n < 1)
            return -1.0;
        double total = ex->pause_s * (n - 1);
        for (int i = 0; i < n; i++) {
            double one = length_at(lib, items[i], depth + 1);
            if (one < 0.0)
                return -1.0;
            total += one;
        }
        return total;
    }
    default:
        return -1.0;
    }
}

double ebb_exercise_length_s(const struct ebb_library *lib, const struct ebb_exercise *ex)
{
    return length_at(lib, ex, 0);
}
