/* dirs: the state folder's files and mkdir -p (see dirs.h). */
#include "dirs.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#define DIRS_PATH_MAX 4096 /* bytes of a folder's path, its NUL included */

int ebb_dirs_state_file(const char *xdg_state_home, const char *home, const char *name, char *buf,
                        size_t size)
{
    int n;
    if (xdg_state_home && xdg_state_home[0] == '/')
        n = snprintf(buf, size, "%s/ebb/%s", xdg_state_home, name);
    else if (home && home[0] == '/')
        n = snprintf(buf, size, "%s/.local/state/ebb/%s", home, name);
    else
        return -1;
    return (n < 0 || (size_t)n >= size) ? -1 : 0;
}

const char *ebb_dirs_home(const char *home)
{
    struct stat st;
    if (!home || home[0] != '/' || stat(home, &st) != 0 || !S_ISDIR(st.st_mode))
        return NULL;
    return home;
}

static bool absolute(const char *v)
{
    return v && v[0] == '/';
}

static bool set(const char *v)
{
    return v && v[0];
}

/* The first entry of a colon-separated list that is not an absolute path, or NULL. */
static const char *relative_entry(const char *list, char *buf, size_t size)
{
    for (const char *p = list; p && *p;) {
        const char *colon = strchr(p, ':');
        size_t n = colon ? (size_t)(colon - p) : strlen(p);
        if (n > 0 && p[0] != '/') {
            snprintf(buf, size, "%.*s", (int)(n < size ? n : size - 1), p);
            return buf;
        }
        p += n + (colon ? 1 : 0);
    }
    return NULL;
}

void ebb_dirs_check_env(const struct ebb_dirs_env *env, struct ebb_diags *diags)
{
    static const char *const names[2] = {"XDG_CONFIG_HOME", "XDG_STATE_HOME"};
    const char *values[2] = {env->xdg_config_home, env->xdg_state_home};
    for (int i = 0; i < 2; i++)
        if (set(values[i]) && !absolute(values[i]))
            ebb_diags_add(diags, EBB_SEVERITY_WARNING, "ebb", 0,
                          "%s=\"%s\" is not an absolute path: ignored, as the XDG Base "
                          "Directory spec asks",
                          names[i], values[i]);
    char entry[256];
    if (set(env->xdg_data_dirs) && relative_entry(env->xdg_data_dirs, entry, sizeof entry))
        ebb_diags_add(diags, EBB_SEVERITY_WARNING, "ebb", 0,
                      "XDG_DATA_DIRS holds \"%s\", not an absolute path: that entry is "
                      "ignored, as the XDG Base Directory spec asks",
                      entry);
    bool config = !absolute(env->xdg_config_home), state = !absolute(env->xdg_state_home);
    if ((!config && !state) || ebb_dirs_home(env->home))
        return;
    const char *lost = config && state ? "no ebb.cfg or exercises of your own are read, and "
                                         "nothing is remembered or recorded in the journal"
                       : config        ? "no ebb.cfg or exercises of your own are read"
                                       : "nothing is remembered or recorded in the journal";
    const char *set_what = config && state ? "XDG_CONFIG_HOME and XDG_STATE_HOME"
                           : config        ? "XDG_CONFIG_HOME"
                                           : "XDG_STATE_HOME";
    struct stat st;
    if (!set(env->home))
        ebb_diags_add(diags, EBB_SEVERITY_WARNING, "ebb", 0,
                      "HOME is not set: %s (set HOME, or %s)", lost, set_what);
    else if (!absolute(env->home))
        ebb_diags_add(diags, EBB_SEVERITY_WARNING, "ebb", 0,
                      "HOME=\"%s\" is not an absolute path: ignored, so %s", env->home, lost);
    else if (stat(env->home, &st) != 0)
        ebb_diags_add(diags, EBB_SEVERITY_WARNING, "ebb", 0,
                      "HOME=%s cannot be used (%s): %s; ebb does not create it", env->home,
                      strerror(errno), lost);
    else
        ebb_diags_add(diags, EBB_SEVERITY_WARNING, "ebb", 0,
                      "HOME=%s is not a folder: %s", env->home, lost);
}

/* Makes every folder of buf (written into, restored), the last one included. */
static int make_all(char *buf, mode_t mode)
{
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, mode) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    if (mkdir(buf, mode) != 0 && errno != EEXIST)
        return -1;
    return 0;
}

int ebb_dirs_make(const char *dir, unsigned mode)
{
    char buf[DIRS_PATH_MAX];
    if (snprintf(buf, sizeof buf, "%s", dir) >= (int)sizeof buf) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return make_all(buf, (mode_t)mode);
}

int ebb_dirs_make_parent(const char *path, unsigned mode)
{
    char buf[DIRS_PATH_MAX];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf) {
        errno = ENAMETOOLONG;
        return -1;
    }
    char *slash = strrchr(buf, '/');
    if (!slash || slash == buf)
        return 0;
    *slash = '\0';
    return make_all(buf, (mode_t)mode);
}
