/* dirs: the state folder's files and mkdir -p (see dirs.h). */
#include "dirs.h"

#include <errno.h>
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
    else if (home && home[0])
        n = snprintf(buf, size, "%s/.local/state/ebb/%s", home, name);
    else
        return -1;
    return (n < 0 || (size_t)n >= size) ? -1 : 0;
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
