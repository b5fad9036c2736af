/* libFuzzer target: sequences resolved against a library generated from the bytes. The
 * bytes make up to 48 exercises e0, e1...: each a breathing or grounding exercise, a
 * broken file, or a sequence of 1 to 64 items naming any of them (or an unknown id), so
 * they nest, repeat, contain themselves and multiply in every way. The library's own
 * rule then runs (a sequence that does not resolve is broken, until nothing changes),
 * and every sequence left must expand to at most EBB_SEQUENCE_ITEMS_MAX breathing and
 * grounding exercises, have a length, and start as a session. Whatever the bytes: no
 * crash, leak, undefined behaviour, or time beyond the limits' bound. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eyes.h"
#include "library.h"
#include "session.h"

#define ENTRIES_MAX 48
#define TEXT_MAX 4096

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct bytes {
    const uint8_t *p;
    size_t left;
};

static unsigned next(struct bytes *b)
{
    if (b->left == 0)
        return 0;
    b->left--;
    return *b->p++;
}

/* The script text of entry k, chosen by the bytes. */
static void script(struct bytes *b, int k, int count, char *text, size_t size)
{
    unsigned kind = next(b) % 4;
    if (kind == 0) {
        snprintf(text, size,
                 "version = 1;\nexercise = { id = \"e%d\"; title = \"B\"; kind = \"breathing\";\n"
                 "  cycles = %u; pattern = ( { phase = \"inhale\"; seconds = 4.0; },\n"
                 "  { phase = \"exhale\"; seconds = 4.0; } ); };\n",
                 k, 1 + next(b) % 4);
    } else if (kind == 1) {
        snprintf(text, size,
                 "version = 1;\nexercise = { id = \"e%d\"; title = \"G\"; kind = \"grounding\";\n"
                 "  advance = \"%s\"; steps = ( { prompt = \"Look\"; seconds = 10.0; } ); };\n",
                 k, next(b) % 2 ? "timed" : "manual");
    } else if (kind == 2) {
        snprintf(text, size, "version = 1;\nexercise = { id = ; };\n"); /* broken */
    } else {
        int n = 1 + (int)(next(b) % 64);
        int at = snprintf(text, size,
                          "version = 1;\nexercise = { id = \"e%d\"; title = \"S\"; "
                          "kind = \"sequence\"; pause = %u.0;\n  items = [",
                          k, next(b) % 3);
        for (int i = 0; i < n && at < (int)size - 32; i++) {
            unsigned item = next(b) % (unsigned)(count + 1);
            if (item == (unsigned)count)
                at += snprintf(text + at, size - (size_t)at, "%s\"nowhere\"", i ? ", " : " ");
            else
                at += snprintf(text + at, size - (size_t)at, "%s\"e%u\"", i ? ", " : " ", item);
        }
        snprintf(text + at, size - (size_t)at, " ]; };\n");
    }
}

static void build(struct ebb_library *lib, struct bytes *b)
{
    int count = 1 + (int)(next(b) % ENTRIES_MAX);
    lib->entries = calloc((size_t)count, sizeof *lib->entries);
    if (!lib->entries)
        abort();
    static char text[TEXT_MAX];
    for (int k = 0; k < count; k++) {
        struct ebb_library_entry *e = &lib->entries[k];
        script(b, k, count, text, sizeof text);
        char name[32];
        snprintf(name, sizeof name, "e%d.cfg", k);
        e->id = malloc(16);
        e->path = strdup(name);
        if (!e->id || !e->path)
            abort();
        snprintf(e->id, 16, "e%d", k);
        ebb_diags_clear(&e->diags);
        e->ex = ebb_script_load_buffer(text, strlen(text), name, "/nonexistent", &e->diags);
        lib->count++;
    }
}

/* The library's rule: a sequence that does not resolve is broken, until none changes. */
static void resolve_all(struct ebb_library *lib)
{
    for (bool changed = true; changed;) {
        changed = false;
        for (int i = 0; i < lib->count; i++) {
            struct ebb_library_entry *e = &lib->entries[i];
            if (!e->ex || e->ex->kind != EBB_KIND_SEQUENCE)
                continue;
            static struct ebb_diags d;
            ebb_diags_clear(&d);
            if (ebb_library_resolve(lib, e->ex, NULL, &d) == 0)
                continue;
            if (d.errors < 1)
                abort(); /* a refusal always says why */
            ebb_script_free(e->ex);
            e->ex = NULL;
            changed = true;
        }
    }
}

static void check(const struct ebb_library *lib, const struct ebb_exercise *ex)
{
    static const struct ebb_exercise *out[EBB_SEQUENCE_ITEMS_MAX];
    static struct ebb_diags d;
    int n = -1;
    ebb_diags_clear(&d);
    if (ebb_library_expand(lib, ex, out, EBB_SEQUENCE_ITEMS_MAX, &n, &d) != 0)
        abort(); /* it resolved, so it expands */
    if (n < 1 || n > EBB_SEQUENCE_ITEMS_MAX)
        abort();
    for (int i = 0; i < n; i++)
        if (!out[i] || out[i]->kind == EBB_KIND_SEQUENCE)
            abort();
    double s = ebb_exercise_length_s(lib, ex);
    if (!(s == -1.0 || s >= 0.0))
        abort();
    (void)ebb_eyes_closed_suits(lib, ex);
    if (n <= 64) { /* a session of many breathing plans would only be slow */
        ebb_diags_clear(&d);
        struct ebb_session *session = ebb_session_new_items(ex, out, n, NULL, 0, &d);
        if (!session)
            abort();
        ebb_session_free(session);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct bytes b = {data, size};
    struct ebb_library lib;
    memset(&lib, 0, sizeof lib);
    build(&lib, &b);
    resolve_all(&lib);
    for (int i = 0; i < lib.count; i++)
        if (lib.entries[i].ex && lib.entries[i].ex->kind == EBB_KIND_SEQUENCE)
            check(&lib, lib.entries[i].ex);
    ebb_library_free(&lib);
    return 0;
}
