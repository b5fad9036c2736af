/* cli_new: `ebb --new ID [--from ID]` copies an exercise into the person's own folder
 * under a new id, so they can make it theirs. Only the id's value changes; every other
 * byte (comments included) is kept. The file is written beside its final name, synced,
 * then linked into place, so it never overwrites and never leaves half a file. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "dirs.h"
#include "library.h"
#include "script.h"

#define DEFAULT_FROM "gentle-start"

static bool ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '*';
}

/* Skips a comment or a string starting at i; returns the index after it, or i. */
static size_t skip_quiet(const char *t, size_t n, size_t i)
{
    if (t[i] == '#' || (t[i] == '/' && i + 1 < n && t[i + 1] == '/')) {
        while (i < n && t[i] != '\n')
            i++;
        return i;
    }
    if (t[i] == '/' && i + 1 < n && t[i + 1] == '*') {
        i += 2;
        while (i + 1 < n && !(t[i] == '*' && t[i + 1] == '/'))
            i++;
        return i + 2 <= n ? i + 2 : n;
    }
    if (t[i] == '"') {
        i++;
        while (i < n && t[i] != '"')
            i += t[i] == '\\' ? 2 : 1;
        return i < n ? i + 1 : n;
    }
    return i;
}

/* Finds the value of the setting `id = "OLD"` outside comments and strings: sets *at to
 * the first byte of OLD inside the quotes. Returns 0, or -1 when there is none. */
static int find_id_value(const char *t, size_t n, const char *old, size_t *at)
{
    size_t len = strlen(old);
    for (size_t i = 0; i < n;) {
        size_t j = skip_quiet(t, n, i);
        if (j != i) {
            i = j;
            continue;
        }
        if (!ident_char(t[i])) {
            i++;
            continue;
        }
        size_t start = i;
        while (i < n && ident_char(t[i]))
            i++;
        if (i - start != 2 || memcmp(t + start, "id", 2) != 0)
            continue;
        size_t k = i;
        while (k < n && (t[k] == ' ' || t[k] == '\t' || t[k] == '\r' || t[k] == '\n'))
            k++;
        if (k >= n || (t[k] != '=' && t[k] != ':'))
            continue;
        k++;
        while (k < n && (t[k] == ' ' || t[k] == '\t' || t[k] == '\r' || t[k] == '\n'))
            k++;
        if (k + len + 2 <= n && t[k] == '"' && memcmp(t + k + 1, old, len) == 0 &&
            t[k + 1 + len] == '"') {
            *at = k + 1;
            return 0;
        }
    }
    return -1;
}

static int read_all(const char *path, char **out, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char *buf = malloc(EBB_SCRIPT_BYTES_MAX + 1);
    size_t n = buf ? fread(buf, 1, EBB_SCRIPT_BYTES_MAX + 1, f) : 0;
    int bad = ferror(f) || !buf || n > EBB_SCRIPT_BYTES_MAX;
    fclose(f);
    if (bad) {
        free(buf);
        return -1;
    }
    *out = buf;
    *len = n;
    return 0;
}

static int write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, buf, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        buf += w;
        len -= (size_t)w;
    }
    return 0;
}

/* Writes text to dir/name without ever replacing an existing file. Returns 0, -1 on
 * an error (errno set), or 1 when the file already exists. */
static int write_new(const char *dir, const char *final, const char *text, size_t len)
{
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s/.ebb-new-XXXXXX", dir);
    int fd = mkstemp(tmp);
    if (fd < 0)
        return -1;
    int status = 0;
    if (write_all(fd, text, len) != 0 || fchmod(fd, 0644) != 0 || fsync(fd) != 0)
        status = -1;
    int saved = errno;
    if (close(fd) != 0 && status == 0) {
        status = -1;
        saved = errno;
    }
    /* link() fails with EEXIST instead of replacing: the refusal cannot race. */
    if (status == 0 && link(tmp, final) != 0) {
        saved = errno;
        status = saved == EEXIST ? 1 : -1;
    }
    unlink(tmp);
    if (status == 0) {
        int dfd = open(dir, O_RDONLY);
        if (dfd >= 0) {
            fsync(dfd);
            close(dfd);
        }
    }
    errno = saved;
    return status;
}

/* The new text: `text` with the id value at `at` (old_len bytes) replaced by id. */
static char *with_new_id(const char *text, size_t len, size_t at, size_t old_len, const char *id,
                         size_t *new_len)
{
    size_t id_len = strlen(id);
    *new_len = len - old_len + id_len;
    char *out = malloc(*new_len + 1);
    if (!out)
        return NULL;
    memcpy(out, text, at);
    memcpy(out + at, id, id_len);
    memcpy(out + at + id_len, text + at + old_len, len - at - old_len);
    out[*new_len] = '\0';
    return out;
}

static int copy_to(const struct ebb_library *lib, const struct ebb_library_entry *src,
                   const char *id)
{
    const char *dir = lib->dirs[0].path;
    char final[4200];
    snprintf(final, sizeof final, "%s/%s.cfg", dir, id);
    /* as messages quote them */
    char q_final[sizeof final * EBB_ESCAPE_GROWTH], q_src[4096 * EBB_ESCAPE_GROWTH];
    ebb_escape(final, q_final, sizeof q_final);
    ebb_escape(src->path, q_src, sizeof q_src);
    if (access(final, F_OK) == 0) {
        fprintf(stderr, "ebb: --new: %s already exists; choose another id or edit that file\n",
                q_final);
        return 2;
    }
    char *text = NULL, *copy = NULL;
    size_t len = 0, at = 0, copy_len = 0;
    int status = 2;
    if (read_all(src->path, &text, &len) != 0) {
        fprintf(stderr, "%s: error: cannot read: %s\n", q_src, strerror(errno));
        goto done;
    }
    if (find_id_value(text, len, src->id, &at) != 0) {
        fprintf(stderr, "%s: error: no `id = \"%s\";` line to change\n", q_src, src->id);
        goto done;
    }
    copy = with_new_id(text, len, at, strlen(src->id), id, &copy_len);
    if (!copy)
        goto done;
    /* The copy must load as it will be found, before anything is written. */
    struct ebb_diags d;
    ebb_diags_clear(&d);
    struct ebb_exercise *ex = ebb_script_load_buffer(copy, copy_len, final, dir, &d);
    if (!ex) {
        ebb_cli_print_diags(&d);
        fprintf(stderr, "ebb: --new: the copy of %s would not load; nothing written\n", q_src);
        goto done;
    }
    ebb_script_free(ex);
    if (ebb_dirs_make(dir, 0700) != 0) {
        fprintf(stderr, "ebb: --new: cannot create %s: %s\n", ebb_escape(dir, q_src, sizeof q_src),
                strerror(errno));
        goto done;
    }
    int w = write_new(dir, final, copy, copy_len);
    if (w == 1)
        fprintf(stderr, "ebb: --new: %s already exists; choose another id or edit that file\n",
                q_final);
    else if (w != 0)
        fprintf(stderr, "ebb: --new: cannot write %s: %s\n", q_final, strerror(errno));
    else {
        printf("%s\n", final);
        status = 0;
    }
done:
    free(copy);
    free(text);
    return status;
}

int ebb_cli_new(const char *id, const char *from, const struct ebb_search_env *env)
{
    if (!ebb_id_valid(id)) {
        fprintf(stderr,
                "ebb: --new: \"%s\" is not a valid id: use 1 to %d characters of a-z, 0-9 "
                "and -, starting with a letter or digit\n",
                id, EBB_ID_MAX);
        return 2;
    }
    if (!from)
        from = DEFAULT_FROM;
    struct ebb_library lib;
    struct ebb_diags diags;
    ebb_diags_clear(&diags);
    if (ebb_cli_load_library(&lib, env, &diags) != 0)
        return 1;
    int status = 2;
    char q[1024];
    const struct ebb_library_entry *src = ebb_library_find(&lib, from);
    if (lib.dir_count == 0 || lib.dirs[0].source != EBB_SOURCE_USER)
        fprintf(stderr, "ebb: --new: no folder for your exercises (set HOME or "
                        "XDG_CONFIG_HOME)\n");
    else if (!src)
        fprintf(stderr, "ebb: --from: no exercise \"%s\"; `ebb --list` shows the ids\n",
                ebb_escape(from, q, sizeof q));
    else if (!src->ex) {
        ebb_cli_print_diags(&src->diags);
        fprintf(stderr, "ebb: --from: \"%s\" has errors; fix it or copy another\n",
                ebb_escape(from, q, sizeof q));
    } else
        status = copy_to(&lib, src, id);
    ebb_library_free(&lib);
    return status;
}
