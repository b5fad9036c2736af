/* cli_library: the verbs that read scripts without opening a window: --check, --list
 * and --path. Results go to stdout, diagnostics to stderr (DESIGN.md, Command line). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "library.h"
#include "script.h"

void ebb_cli_print_diags(const struct ebb_diags *d)
{
    char line[EBB_DIAG_FILE_MAX + EBB_DIAG_MESSAGE_MAX + 32];
    for (int i = 0; i < d->count; i++)
        fprintf(stderr, "%s\n", ebb_diag_format(&d->items[i], line, sizeof line));
    int more = d->errors + d->warnings - d->count;
    if (more > 0 && d->count > 0) {
        char file[EBB_DIAG_FILE_MAX * EBB_ESCAPE_GROWTH];
        fprintf(stderr, "%s: warning: %d more diagnostics not shown\n",
                ebb_escape(d->items[0].file, file, sizeof file), more);
    }
}

int ebb_cli_load_library(struct ebb_library *lib, const struct ebb_search_env *env,
                         struct ebb_diags *d)
{
    if (ebb_library_load(lib, env, d) == 0)
        return 0;
    fprintf(stderr, "ebb: out of memory while reading the exercises\n");
    return -1;
}

/* The library is needed only to resolve sequences: load it once, when first asked. */
static const struct ebb_library *library_once(struct ebb_library *lib, bool *loaded,
                                              const struct ebb_search_env *env)
{
    if (!*loaded) {
        struct ebb_diags ignored; /* the library's own warnings are --list's business */
        ebb_diags_clear(&ignored);
        if (ebb_library_load(lib, env, &ignored) != 0)
            memset(lib, 0, sizeof *lib);
        *loaded = true;
    }
    return lib;
}

int ebb_cli_check(int count, char *const *files, const struct ebb_search_env *env)
{
    struct ebb_library lib;
    bool loaded = false;
    int status = 0;
    memset(&lib, 0, sizeof lib);
    struct ebb_diags *d = malloc(sizeof *d);
    if (!d) {
        fprintf(stderr, "ebb: out of memory\n");
        return 2;
    }
    for (int i = 0; i < count; i++) {
        ebb_diags_clear(d);
        struct ebb_exercise *ex = ebb_script_load(files[i], files[i], d);
        if (ex && ex->kind == EBB_KIND_SEQUENCE)
            ebb_library_resolve(library_once(&lib, &loaded, env), ex, NULL, d);
        if (!ex && d->errors == 0)
            ebb_diags_add(d, EBB_SEVERITY_ERROR, files[i], 0, "cannot be loaded");
        ebb_cli_print_diags(d);
        if (d->errors > 0)
            status = 2;
        ebb_script_free(ex);
    }
    free(d);
    ebb_library_free(&lib);
    return status;
}

/* "m:ss" rounded to the nearest second, "self-paced", or "-" for a broken entry. */
static void format_length(const struct ebb_library *lib, const struct ebb_library_entry *e,
                          char *buf, size_t size)
{
    if (!e->ex) {
        snprintf(buf, size, "-");
        return;
    }
    double s = ebb_exercise_length_s(lib, e->ex);
    if (s < 0.0) {
        snprintf(buf, size, "self-paced");
        return;
    }
    long whole = (long)(s + 0.5);
    snprintf(buf, size, "%ld:%02ld", whole / 60, whole % 60);
}

static const char *source_name(enum ebb_source s)
{
    return s == EBB_SOURCE_USER ? "user" : "built-in";
}

static const char *entry_kind(const struct ebb_library_entry *e)
{
    return e->ex ? ebb_kind_name(e->ex->kind) : "broken";
}

static const char *entry_title(const struct ebb_library_entry *e)
{
    if (e->ex)
        return e->ex->title;
    const char *slash = strrchr(e->path, '/');
    return slash ? slash + 1 : e->path;
}

static int max_int(int a, int b)
{
    return a > b ? a : b;
}

int ebb_cli_list(const struct ebb_search_env *env)
{
    struct ebb_library lib;
    struct ebb_diags diags;
    ebb_diags_clear(&diags);
    if (ebb_cli_load_library(&lib, env, &diags) != 0)
        return 1;
    ebb_cli_print_diags(&diags);

    enum { LEN_MAX = 32 }; /* room for any long: "-9223372036854775807:59" */
    char(*lengths)[LEN_MAX] = calloc((size_t)(lib.count > 0 ? lib.count : 1), LEN_MAX);
    if (!lengths) {
        ebb_library_free(&lib);
        return 1;
    }
    int w_id = 0, w_kind = 0, w_len = 0, w_src = 0;
    char id[EBB_DIAG_FILE_MAX * EBB_ESCAPE_GROWTH], title[EBB_DIAG_FILE_MAX * EBB_ESCAPE_GROWTH];
    for (int i = 0; i < lib.count; i++) {
        const struct ebb_library_entry *e = &lib.entries[i];
        format_length(&lib, e, lengths[i], LEN_MAX);
        w_id = max_int(w_id, (int)strlen(ebb_escape(e->id, title, sizeof title)));
        w_kind = max_int(w_kind, (int)strlen(entry_kind(e)));
        w_len = max_int(w_len, (int)strlen(lengths[i]));
        w_src = max_int(w_src, (int)strlen(source_name(e->source)));
    }
    for (int i = 0; i < lib.count; i++) {
        const struct ebb_library_entry *e = &lib.entries[i];
        printf("%-*s  %-*s  %-*s  %-*s  %s\n", w_id, ebb_escape(e->id, id, sizeof id), w_kind,
               entry_kind(e), w_len, lengths[i], w_src, source_name(e->source),
               ebb_escape(entry_title(e), title, sizeof title));
        if (!e->ex) {
            /* the first error of a broken file, so the person knows what to fix */
            for (int k = 0; k < e->diags.count; k++) {
                if (e->diags.items[k].severity != EBB_SEVERITY_ERROR)
                    continue;
                char line[EBB_DIAG_FILE_MAX + EBB_DIAG_MESSAGE_MAX + 32];
                fprintf(stderr, "%s\n", ebb_diag_format(&e->diags.items[k], line, sizeof line));
                break;
            }
        }
    }
    free(lengths);
    ebb_library_free(&lib);
    return 0;
}

int ebb_cli_path(const struct ebb_search_env *env)
{
    struct ebb_library lib;
    memset(&lib, 0, sizeof lib);
    ebb_library_dirs(&lib, env);
    int w_path = 0;
    char path[4096 * EBB_ESCAPE_GROWTH];
    for (int i = 0; i < lib.dir_count; i++)
        w_path = max_int(w_path, (int)strlen(ebb_escape(lib.dirs[i].path, path, sizeof path)));
    for (int i = 0; i < lib.dir_count; i++) {
        const struct ebb_search_dir *d = &lib.dirs[i];
        printf("%-*s  %-8s  %s\n", w_path, ebb_escape(d->path, path, sizeof path),
               source_name(d->source), d->exists ? "(exists)" : "(missing)");
    }
    ebb_library_free(&lib);
    return 0;
}
