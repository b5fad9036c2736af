/* launch: resolving the exercise and the remembered choices before a session. */
#include "launch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dirs.h"
#include "lang.h"
#include "translate.h"

void launch_print(const struct ebb_diags *d)
{
    char line[EBB_DIAG_FILE_MAX + EBB_DIAG_MESSAGE_MAX + 32];
    for (int i = 0; i < d->count; i++)
        fprintf(stderr, "%s\n", ebb_diag_format(&d->items[i], line, sizeof line));
}

static bool is_file(const char *a)
{
    size_t n = strlen(a);
    return strchr(a, '/') || (n > 4 && strcmp(a + n - 4, ".cfg") == 0);
}

int launch_resolve(const char *name, const struct ebb_library *lib, struct launch *out)
{
    memset(out, 0, sizeof *out);
    struct ebb_diags *d = malloc(sizeof *d);
    if (!d)
        return -1;
    ebb_diags_clear(d);
    int status = 0;
    if (is_file(name)) {
        out->owned = ebb_script_load(name, name, d);
        if (out->owned) /* a file's own translations, as the library's are */
            (void)ebb_script_translate(out->owned, ebb_lang_current());
        out->ex = out->owned;
    } else {
        const struct ebb_library_entry *e = ebb_library_find(lib, name);
        if (!e)
            ebb_diags_add(d, EBB_SEVERITY_ERROR, name, 0,
                          "no such exercise; `ebb --list` shows the ids");
        else if (!e->ex)
            *d = e->diags;
        out->ex = e ? e->ex : NULL;
    }
    if (out->ex && out->ex->kind == EBB_KIND_SEQUENCE) {
        if (ebb_library_expand(lib, out->ex, out->items, EBB_SEQUENCE_ITEMS_MAX,
                               &out->item_count, d) == 0)
            out->has_items = true;
        else
            out->ex = NULL;
    }
    if (!out->ex) {
        if (d->errors == 0)
            ebb_diags_add(d, EBB_SEVERITY_ERROR, name, 0, "cannot be loaded");
        status = -1;
    }
    launch_print(d);
    free(d);
    if (status != 0)
        launch_free(out);
    return status;
}

void launch_free(struct launch *l)
{
    ebb_script_free(l->owned);
    memset(l, 0, sizeof *l);
}

int launch_state_path(char *buf, size_t size)
{
    return ebb_state_path(getenv("XDG_STATE_HOME"), ebb_dirs_home(getenv("HOME")), buf, size);
}

void launch_state_load(struct ebb_state *st, const char *path)
{
    struct ebb_diags d;
    ebb_diags_clear(&d);
    if (!path || !path[0]) {
        ebb_state_init(st);
        return;
    }
    ebb_state_load(st, path, &d);
    launch_print(&d);
}

void launch_timeline_options(const struct ebb_options *opt, const struct ebb_state *st,
                             const struct ebb_exercise *ex, struct ebb_timeline_options *out)
{
    *out = opt->timeline;
    if (out->pace <= 0)
        out->pace = 1.0;
    const struct ebb_state_choice *c = st && ex ? ebb_state_find(st, ex->id) : NULL;
    if (!c)
        return;
    if (!opt->pace_given && c->pace > 0)
        out->pace = c->pace;
    if (opt->timeline.cycles <= 0 && opt->timeline.minutes <= 0) {
        if (c->cycles > 0)
            out->cycles = c->cycles;
        else if (c->minutes > 0)
            out->minutes = c->minutes;
    }
}
