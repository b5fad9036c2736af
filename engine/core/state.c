/* state: reading and atomically writing $XDG_STATE_HOME/ebb/state.cfg.
 *
 *   version = 1;
 *   window = { width = 1280; height = 720; fullscreen = false; };
 *   audio = { volume = 80; mute = false; };
 *   exercises = ( { id = "box"; cycles = 8; minutes = 0.0; pace = 1.0; } );
 */
#include "state.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libconfig.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dirs.h"
#include "ident.h"

void ebb_state_init(struct ebb_state *st)
{
    memset(st, 0, sizeof *st);
    st->fullscreen = -1;
    st->volume_percent = -1;
    st->mute = -1;
}

int ebb_state_path(const char *xdg_state_home, const char *home, char *buf, size_t size)
{
    return ebb_dirs_state_file(xdg_state_home, home, "state.cfg", buf, size);
}

/* A number written as an integer or a decimal; false when absent or not a number. */
static bool number(const config_setting_t *group, const char *name, double *out)
{
    const config_setting_t *s = config_setting_get_member(group, name);
    if (!s)
        return false;
    switch (config_setting_type(s)) {
    case CONFIG_TYPE_INT:
        *out = config_setting_get_int(s);
        return true;
    case CONFIG_TYPE_INT64:
        *out = (double)config_setting_get_int64(s);
        return true;
    case CONFIG_TYPE_FLOAT:
        *out = config_setting_get_float(s);
        return *out == *out; /* not NaN */
    default:
        return false;
    }
}

static int flag(const config_setting_t *group, const char *name)
{
    const config_setting_t *s = config_setting_get_member(group, name);
    if (!s || config_setting_type(s) != CONFIG_TYPE_BOOL)
        return -1;
    return config_setting_get_bool(s) ? 1 : 0;
}

static void read_window(struct ebb_state *st, const config_t *cfg)
{
    const config_setting_t *w = config_lookup(cfg, "window");
    double v;
    if (!w || !config_setting_is_group(w))
        return;
    if (number(w, "width", &v) && v >= 200 && v <= 16384)
        st->window_width = (int)v;
    if (number(w, "height", &v) && v >= 150 && v <= 16384)
        st->window_height = (int)v;
    if (!st->window_width || !st->window_height)
        st->window_width = st->window_height = 0;
    st->fullscreen = flag(w, "fullscreen");
}

static void read_audio(struct ebb_state *st, const config_t *cfg)
{
    const config_setting_t *a = config_lookup(cfg, "audio");
    double v;
    if (!a || !config_setting_is_group(a))
        return;
    if (number(a, "volume", &v) && v >= 0 && v <= 100)
        st->volume_percent = (int)v;
    st->mute = flag(a, "mute");
}

static void read_choices(struct ebb_state *st, const config_t *cfg)
{
    const config_setting_t *list = config_lookup(cfg, "exercises");
    if (!list || !config_setting_is_list(list))
        return;
    for (int i = 0; i < config_setting_length(list); i++) {
        const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
        const char *id = NULL;
        double v;
        if (!g || !config_setting_is_group(g) || !config_setting_lookup_string(g, "id", &id))
            continue;
        struct ebb_state_choice *c = ebb_state_choice_for(st, id);
        if (!c)
            continue;
        if (number(g, "cycles", &v) && v >= 1 && v <= 10000)
            c->cycles = (int)v;
        if (number(g, "minutes", &v) && v > 0 && v <= EBB_SESSION_S_MAX / 60.0)
            c->minutes = v;
        if (number(g, "pace", &v) && v >= 0.5 && v <= 2.0)
            c->pace = v;
    }
}

/* Reads the whole file into a NUL-terminated buffer; NULL with a reason. Opened without
 * following a symbolic link and without waiting (a FIFO), then checked to be a regular
 * file of a sane size before a byte is read. */
static char *slurp(const char *path, const char **why)
{
    struct stat sb;
    char *buf = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
    if (fd < 0) {
        *why = errno == ELOOP ? "it is a symbolic link" : strerror(errno);
        return NULL;
    }
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        *why = "not a regular file";
        close(fd);
        return NULL;
    }
    if (sb.st_size > EBB_STATE_BYTES_MAX) {
        *why = "too large";
        close(fd);
        return NULL;
    }
    buf = malloc((size_t)sb.st_size + 1);
    size_t n = 0;
    while (buf && n < (size_t)sb.st_size) {
        ssize_t r = read(fd, buf + n, (size_t)sb.st_size - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    if (!buf) {
        *why = "out of memory";
        return NULL;
    }
    buf[n] = '\0';
    if (strlen(buf) != n) {
        *why = "it holds a NUL byte";
        free(buf);
        return NULL;
    }
    return buf;
}

int ebb_state_load(struct ebb_state *st, const char *path, struct ebb_diags *diags)
{
    struct stat sb;
    const char *why = NULL;
    config_t cfg;
    int version = 0;

    ebb_state_init(st);
    if (lstat(path, &sb) != 0 && errno == ENOENT)
        return 1;
    char *text = slurp(path, &why);
    if (!text) {
        ebb_diags_add(diags, EBB_SEVERITY_WARNING, path, 0,
                      "cannot read the state file (%s); using defaults", why);
        return -1;
    }
    /* libconfig would open what an @include names (a FIFO would block the start) */
    int inc = ebb_config_include_line(text, strlen(text));
    if (inc > 0) {
        ebb_diags_add(diags, EBB_SEVERITY_WARNING, path, inc,
                      "@include is not supported in the state file; using defaults");
        free(text);
        return -1;
    }
    config_init(&cfg);
    if (config_read_string(&cfg, text) != CONFIG_TRUE) {
        ebb_diags_add(diags, EBB_SEVERITY_WARNING, path, config_error_line(&cfg),
                      "the state file is damaged (%s); using defaults",
                      config_error_text(&cfg) ? config_error_text(&cfg) : "unreadable");
        config_destroy(&cfg);
        free(text);
        return -1;
    }
    free(text);
    if (!config_lookup_int(&cfg, "version", &version) || version != 1) {
        ebb_diags_add(diags, EBB_SEVERITY_WARNING, path, 0,
                      "the state file has no \"version = 1;\"; using defaults");
        config_destroy(&cfg);
        return -1;
    }
    read_window(st, &cfg);
    read_audio(st, &cfg);
    read_choices(st, &cfg);
    config_destroy(&cfg);
    return 0;
}

const struct ebb_state_choice *ebb_state_find(const struct ebb_state *st, const char *id)
{
    for (int i = 0; i < st->choice_count; i++)
        if (strcmp(st->choices[i].id, id) == 0)
            return &st->choices[i];
    return NULL;
}

struct ebb_state_choice *ebb_state_choice_for(struct ebb_state *st, const char *id)
{
    if (!id || !ebb_id_valid(id))
        return NULL;
    for (int i = 0; i < st->choice_count; i++)
        if (strcmp(st->choices[i].id, id) == 0)
            return &st->choices[i];
    if (st->choice_count >= EBB_STATE_CHOICES_MAX)
        return NULL;
    struct ebb_state_choice *c = &st->choices[st->choice_count++];
    memset(c, 0, sizeof *c);
    snprintf(c->id, sizeof c->id, "%s", id);
    return c;
}

static int write_all(FILE *f, const struct ebb_state *st)
{
    fprintf(f, "# What ebb remembers by itself. Your own settings go in ebb.cfg.\n");
    fprintf(f, "version = 1;\n");
    fprintf(f, "window = { width = %d; height = %d; fullscreen = %s; };\n",
            st->window_width > 0 ? st->window_width : 1280,
            st->window_height > 0 ? st->window_height : 720,
            st->fullscreen == 1 ? "true" : "false");
    if (st->volume_percent >= 0 || st->mute >= 0)
        fprintf(f, "audio = { volume = %d; mute = %s; };\n",
                st->volume_percent >= 0 ? st->volume_percent : 80,
                st->mute == 1 ? "true" : "false");
    fprintf(f, "exercises = (");
    for (int i = 0; i < st->choice_count; i++) {
        const struct ebb_state_choice *c = &st->choices[i];
        /* ids are a-z 0-9 -: nothing to escape */
        fprintf(f, "%s\n  { id = \"%s\"; cycles = %d; minutes = %.3f; pace = %.3f; }", i ? "," : "",
                c->id, c->cycles, c->minutes, c->pace);
    }
    fprintf(f, "\n);\n");
    return ferror(f) ? -1 : 0;
}

/* Narrows the state's own folder (the one holding `path`) to 0700 when it is wider:
 * it may have been made by hand or by an older ebb. Only a real folder of this user is
 * changed: a symbolic link in its place points at something that is not ebb's (the
 * link's target is left as it is), and its parents are left alone too. */
static void narrow_folder(const char *path)
{
    char dir[EBB_STATE_PATH_MAX];
    if (snprintf(dir, sizeof dir, "%s", path) >= (int)sizeof dir)
        return;
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir)
        return;
    *slash = '\0';
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return;
    struct stat sb;
    if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode) && sb.st_uid == geteuid() &&
        (sb.st_mode & 07777) != 0700)
        fchmod(fd, 0700);
    close(fd);
}

/* True when `name` is `base` followed by "." and mkstemp's six letters or digits. */
static bool temp_of(const char *name, const char *base)
{
    size_t n = strlen(base);
    if (strncmp(name, base, n) != 0 || name[n] != '.' || strlen(name + n + 1) != 6)
        return false;
    for (const char *p = name + n + 1; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
            return false;
    return true;
}

/* Removes temporary files of `path` (PATH.XXXXXX) that a killed writer left behind.
 * Only those more than STALE_TEMP_S older than `mine` (our own new temporary file, whose
 * time stamp stands for now on the file system's clock), so another ebb's write in
 * progress is never touched; regular files only. */
#define STALE_TEMP_S 60
static void remove_stale_temps(const char *path, const char *mine, const struct stat *now)
{
    char dir[EBB_STATE_PATH_MAX];
    if (snprintf(dir, sizeof dir, "%s", path) >= (int)sizeof dir)
        return;
    char *slash = strrchr(dir, '/');
    if (!slash)
        return;
    const char *base = path + (slash - dir) + 1;
    const char *mine_name = strrchr(mine, '/') ? strrchr(mine, '/') + 1 : mine;
    if (slash == dir)
        slash[1] = '\0';
    else
        *slash = '\0';
    DIR *dp = opendir(dir);
    if (!dp)
        return;
    for (struct dirent *e; (e = readdir(dp)) != NULL;) {
        if (!temp_of(e->d_name, base) || !strcmp(e->d_name, mine_name))
            continue;
        struct stat sb;
        if (fstatat(dirfd(dp), e->d_name, &sb, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(sb.st_mode) &&
            sb.st_mtime < now->st_mtime - STALE_TEMP_S)
            unlinkat(dirfd(dp), e->d_name, 0);
    }
    closedir(dp);
}

static void sync_folder(const char *path)
{
    char dir[EBB_STATE_PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        return;
    *slash = slash == dir ? '/' : '\0';
    if (slash == dir)
        slash[1] = '\0';
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/* The temporary file, fsync and rename, into a folder that exists. */
static int write_state(const struct ebb_state *st, const char *path, struct ebb_diags *diags)
{
    char tmp[EBB_STATE_PATH_MAX + 16];
    if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, path, 0, "cannot write: %s",
                      strerror(ENAMETOOLONG));
        return -1;
    }
    int fd = mkstemp(tmp); /* mode 0600 */
    if (fd < 0) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, path, 0, "cannot write: %s", strerror(errno));
        return -1;
    }
    fchmod(fd, 0600);
    struct stat now;
    if (fstat(fd, &now) == 0)
        remove_stale_temps(path, tmp, &now);
    FILE *f = fdopen(fd, "w");
    if (!f) {
        close(fd);
        unlink(tmp);
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, path, 0, "cannot write: %s", strerror(errno));
        return -1;
    }
    int bad = write_all(f, st);
    bad |= fflush(f) != 0;
    bad |= fsync(fd) != 0;
    int err = errno;
    bad |= fclose(f) != 0;
    if (bad || rename(tmp, path) != 0) {
        err = bad ? err : errno;
        unlink(tmp);
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, path, 0, "cannot write: %s",
                      strerror(err ? err : EIO));
        return -1;
    }
    sync_folder(path);
    return 0;
}

/* Makes the folder (0700) when missing and narrows it when wider. */
static int make_folder(const char *path, struct ebb_diags *diags)
{
    if (ebb_dirs_make_parent(path, 0700) != 0) {
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, path, 0, "cannot create its folder: %s",
                      strerror(errno));
        return -1;
    }
    narrow_folder(path);
    return 0;
}

int ebb_state_save(const struct ebb_state *st, const char *path, struct ebb_diags *diags)
{
    if (make_folder(path, diags) != 0)
        return -1;
    return write_state(st, path, diags);
}

/* Takes the state folder's lock (flock on the folder itself, so no lock file is left
 * beside state.cfg). Returns the descriptor to close, or -1 when it could not be had in
 * EBB_STATE_LOCK_WAIT_MS: another ebb writes for a few milliseconds at most, and leaving
 * must never hang on a stuck one. */
static int lock_folder(const char *path)
{
    char dir[EBB_STATE_PATH_MAX];
    if (snprintf(dir, sizeof dir, "%s", path) >= (int)sizeof dir)
        return -1;
    char *slash = strrchr(dir, '/');
    if (!slash)
        return -1;
    if (slash == dir)
        slash[1] = '\0';
    else
        *slash = '\0';
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    for (int waited_ms = 0;; waited_ms += 5) {
        if (flock(fd, LOCK_EX | LOCK_NB) == 0)
            return fd;
        if ((errno != EWOULDBLOCK && errno != EINTR) || waited_ms >= EBB_STATE_LOCK_WAIT_MS)
            break;
        struct timespec ts = {0, 5 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    close(fd);
    return -1;
}

/* Copies onto `disk` every key that `mine` changed from `base`. A window size is one
 * key (width and height together), and so is an exercise's length (cycles or minutes). */
static void merge_changes(struct ebb_state *disk, const struct ebb_state *base,
                          const struct ebb_state *mine)
{
    if (mine->window_width != base->window_width || mine->window_height != base->window_height) {
        disk->window_width = mine->window_width;
        disk->window_height = mine->window_height;
    }
    if (mine->fullscreen != base->fullscreen)
        disk->fullscreen = mine->fullscreen;
    if (mine->volume_percent != base->volume_percent)
        disk->volume_percent = mine->volume_percent;
    if (mine->mute != base->mute)
        disk->mute = mine->mute;
    static const struct ebb_state_choice none = {{0}, 0, 0.0, 0.0};
    for (int i = 0; i < mine->choice_count; i++) {
        const struct ebb_state_choice *c = &mine->choices[i];
        const struct ebb_state_choice *b = ebb_state_find(base, c->id);
        if (!b)
            b = &none;
        bool length = c->cycles != b->cycles || c->minutes != b->minutes;
        bool pace = c->pace != b->pace;
        struct ebb_state_choice *d = length || pace ? ebb_state_choice_for(disk, c->id) : NULL;
        if (!d)
            continue;
        if (length) {
            d->cycles = c->cycles;
            d->minutes = c->minutes;
        }
        if (pace)
            d->pace = c->pace;
    }
}

int ebb_state_save_changes(const struct ebb_state *base, const struct ebb_state *mine,
                           const char *path, struct ebb_diags *diags)
{
    if (make_folder(path, diags) != 0)
        return -1;
    struct ebb_state *disk = malloc(sizeof *disk);
    struct ebb_diags *quiet = malloc(sizeof *quiet);
    if (!disk || !quiet) {
        free(disk);
        free(quiet);
        ebb_diags_add(diags, EBB_SEVERITY_ERROR, path, 0, "cannot write: out of memory");
        return -1;
    }
    int lock = lock_folder(path); /* without it, the merge still keeps most of both */
    ebb_diags_clear(quiet);
    /* a file damaged meanwhile was reported at start or is another's: start afresh */
    if (ebb_state_load(disk, path, quiet) < 0)
        ebb_state_init(disk);
    merge_changes(disk, base, mine);
    int status = write_state(disk, path, diags);
    if (lock >= 0)
        close(lock); /* releases the flock */
    free(disk);
    free(quiet);
    return status;
}
