/* script: loads an exercise script. The file is read here (a regular file of at most
 * 1 MiB, checked with fstat before a byte is read), its text checked
 * (script_text.c), parsed from memory with libconfig's config_read_string (so
 * libconfig never opens a file), then walked into one owned struct ebb_exercise
 * (script_walk.c, script_kinds.c). Every string is copied before config_destroy. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "script_int.h"

const char *ebb_kind_name(enum ebb_kind k)
{
    return (int)k >= 0 && k < EBB_KIND_COUNT ? script_kind_names[k] : "?";
}

const char *ebb_phase_name(enum ebb_phase_kind k)
{
    return (int)k >= 0 && k < EBB_PHASE_COUNT ? script_phase_names[k] : "?";
}

const char *ebb_visual_name(enum ebb_visual v)
{
    return (int)v >= 0 && v < EBB_VISUAL_COUNT ? script_visual_names[v] : "?";
}

const char *ebb_side_name(enum ebb_side s)
{
    return (int)s > 0 && s < EBB_SIDE_COUNT ? script_side_names[s] : "-";
}

const char *ebb_cue_name(const struct ebb_cue *c)
{
    static const char *const names[EBB_CUE_COUNT] = {"auto", "inhale", "exhale", "hold",
                                                     "bell", "tick",   "none",   "file"};
    if (!c || (int)c->kind < 0 || c->kind >= EBB_CUE_COUNT)
        return "?";
    if (c->kind == EBB_CUE_FILE && c->name)
        return c->name;
    return names[c->kind];
}

int ebb_visual_parse(const char *name, enum ebb_visual *out)
{
    for (int i = 0; name && i < EBB_VISUAL_COUNT; i++) {
        if (!strcmp(name, script_visual_names[i])) {
            *out = (enum ebb_visual)i;
            return 0;
        }
    }
    return -1;
}

const char *ebb_voice_mode_name(enum ebb_voice_mode m)
{
    if (m <= EBB_VOICE_UNSET || m >= EBB_VOICE_COUNT)
        return "-";
    return script_voice_names[m - 1];
}

int ebb_voice_mode_parse(const char *name, enum ebb_voice_mode *out)
{
    for (int i = 0; name && i < EBB_VOICE_COUNT - 1; i++) {
        if (!strcmp(name, script_voice_names[i])) {
            *out = (enum ebb_voice_mode)(i + 1);
            return 0;
        }
    }
    return -1;
}

/* Letters or digits, min..max of them, from s; returns how many, or 0 when out of range. */
static size_t subtag(const char *s, size_t min, size_t max, bool letters_only)
{
    size_t n = 0;
    while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
           (!letters_only && s[n] >= '0' && s[n] <= '9'))
        n++;
    return n >= min && n <= max ? n : 0;
}

bool ebb_language_valid(const char *tag)
{
    if (!tag)
        return false;
    size_t n = subtag(tag, 2, 3, true);
    if (!n)
        return false;
    const char *p = tag + n;
    for (int parts = 0; *p; parts++) {
        if (parts == 3 || (*p != '-' && *p != '_'))
            return false;
        n = subtag(p + 1, 2, 8, false);
        if (!n)
            return false;
        p += 1 + n;
    }
    return true;
}

static void free_cue(struct ebb_cue *c)
{
    free(c->file);
    free(c->name);
}

void ebb_script_free(struct ebb_exercise *ex)
{
    if (!ex)
        return;
    free(ex->id);
    free(ex->title);
    free(ex->summary);
    free(ex->about);
    free(ex->language);
    free(ex->shown_language);
    for (int i = 0; i < ex->translation_count; i++) {
        struct ebb_translation *tr = &ex->translations[i];
        free(tr->language);
        free(tr->title);
        free(tr->summary);
        free(tr->about);
        for (int j = 0; j < tr->string_count; j++) {
            free(tr->strings[j].from);
            free(tr->strings[j].to);
        }
        free(tr->strings);
    }
    free(ex->translations);
    for (int i = 0; ex->tags && ex->tags[i]; i++)
        free(ex->tags[i]);
    free(ex->tags);
    free(ex->path);
    free(ex->dir);
    for (int i = 0; i < ex->phase_count; i++) {
        free(ex->phases[i].text);
        free_cue(&ex->phases[i].cue);
    }
    free(ex->phases);
    for (int i = 0; i < ex->step_count; i++) {
        free(ex->steps[i].prompt);
        free(ex->steps[i].detail);
        free_cue(&ex->steps[i].cue);
    }
    free(ex->steps);
    for (int i = 0; i < ex->item_count; i++)
        free(ex->items[i]);
    free(ex->items);
    free(ex->item_lines);
    free(ex);
}

/* Checks, parses and walks `len` bytes. `file` names diagnostics, `idname` is the
 * file name the id must match, `dir` the folder of cue files, `path` the file. */
static struct ebb_exercise *load_text(const char *buf, size_t len, const char *file,
                                      const char *idname, const char *dir, const char *path,
                                      struct ebb_diags *diags)
{
    struct ebb_exercise *ex = NULL;
    char *text = NULL;
    config_t cfg;
    bool cfg_live = false;
    int before = diags->errors;

    if (len > EBB_SCRIPT_BYTES_MAX) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, 0, "file is larger than 1 MiB (%zu bytes)",
                      len);
        goto out;
    }
    /* A UTF-8 byte order mark is allowed and skipped. */
    if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
        buf += 3;
        len -= 3;
    }
    if (script_check_text(buf, len, file, diags) < 0)
        goto out;
    text = malloc(len + 1);
    ex = calloc(1, sizeof *ex);
    if (!text || !ex)
        goto oom;
    memcpy(text, buf, len);
    text[len] = '\0';
    ex->path = strdup(path ? path : file);
    ex->dir = strdup(dir ? dir : ".");
    if (!ex->path || !ex->dir)
        goto oom;

    config_init(&cfg);
    cfg_live = true;
    config_set_options(&cfg, CONFIG_OPTION_AUTOCONVERT);
    if (config_read_string(&cfg, text) != CONFIG_TRUE) {
        const char *why = config_error_text(&cfg);
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, config_error_line(&cfg), "%s",
                      why ? why : "syntax error");
        goto out;
    }
    script_fix_lines(&cfg, text);
    struct script_ctx ctx = {
        .file = file, .idname = idname, .dir = ex->dir, .diags = diags, .ex = ex};
    if (script_check_strings(&ctx, &cfg) == 0)
        script_walk(&ctx, &cfg);
    if (ctx.oom)
        goto oom;
    goto out;
oom:
    ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, 0, "out of memory");
out:
    if (cfg_live)
        config_destroy(&cfg);
    free(text);
    if (diags->errors != before) {
        ebb_script_free(ex);
        return NULL;
    }
    return ex;
}

struct ebb_exercise *ebb_script_load_buffer(const char *buf, size_t len, const char *name,
                                            const char *dir, struct ebb_diags *diags)
{
    if (!name)
        name = "(buffer)";
    return load_text(buf, len, name, name, dir, name, diags);
}

/* Reads a regular file of at most EBB_SCRIPT_BYTES_MAX bytes into *out (owned).
 * Every refusal is DESIGN's `FILE: error: cannot read: reason`.
 * O_NONBLOCK keeps a FIFO from waiting for a writer; fstat decides before reading. */
static int read_file(const char *path, const char *file, char **out, size_t *len,
                     struct ebb_diags *diags)
{
    struct stat st;
    char *buf = NULL;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0 || fstat(fd, &st) < 0) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, 0, "cannot read: %s", strerror(errno));
        goto fail;
    }
    if (S_ISDIR(st.st_mode)) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, 0, "cannot read: %s", strerror(EISDIR));
        goto fail;
    }
    if (!S_ISREG(st.st_mode)) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, 0, "cannot read: not a regular file");
        goto fail;
    }
    if (st.st_size > EBB_SCRIPT_BYTES_MAX) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, 0,
                      "cannot read: larger than 1 MiB (%lld bytes)", (long long)st.st_size);
        goto fail;
    }
    /* Read one byte past the limit, in case the file grows after fstat. */
    size_t cap = (size_t)st.st_size + 1, used = 0;
    buf = malloc(cap);
    if (!buf) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, 0, "out of memory");
        goto fail;
    }
    for (;;) {
        if (used == cap) {
            size_t grow = cap * 2 > EBB_SCRIPT_BYTES_MAX + 1 ? EBB_SCRIPT_BYTES_MAX + 1 : cap * 2;
            char *bigger = grow > cap ? realloc(buf, grow) : NULL;
            if (!bigger) {
                ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, 0, "cannot read: larger than 1 MiB");
                goto fail;
            }
            buf = bigger;
            cap = grow;
        }
        ssize_t n = read(fd, buf + used, cap - used);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, 0, "cannot read: %s", strerror(errno));
            goto fail;
        }
        if (n == 0)
            break;
        used += (size_t)n;
    }
    close(fd);
    *out = buf;
    *len = used;
    return 0;
fail:
    if (fd >= 0)
        close(fd);
    free(buf);
    return -1;
}

/* The folder of a path: "." when it has none, "/" for a file at the root. */
static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup(".");
    size_t n = slash == path ? 1 : (size_t)(slash - path);
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, path, n);
        d[n] = '\0';
    }
    return d;
}

struct ebb_exercise *ebb_script_load(const char *path, const char *display, struct ebb_diags *diags)
{
    const char *file = display ? display : path;
    char *buf = NULL, *dir = NULL;
    size_t len = 0;
    struct ebb_exercise *ex = NULL;
    if (read_file(path, file, &buf, &len, diags) < 0)
        goto out;
    dir = folder_of(path);
    if (!dir) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, file, 0, "out of memory");
        goto out;
    }
    ex = load_text(buf, len, file, path, dir, path, diags);
out:
    free(buf);
    free(dir);
    return ex;
}
