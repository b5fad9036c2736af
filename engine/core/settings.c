/* settings: reading the person's ebb.cfg. The file is read here (a regular file, size
 * checked before reading, no NUL bytes, no @include outside a comment; a UTF-8 byte
 * order mark is skipped) and handed to libconfig as a
 * string, so libconfig never opens a file. Every problem is a warning: a bad settings
 * file must never keep someone from their exercise. */
#include "settings.h"

#include <errno.h>
#include <fcntl.h>
#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum key {
    KEY_VOLUME,
    KEY_MUTE,
    KEY_THEME,
    KEY_REDUCED_MOTION,
    KEY_NO_HOLDS,
    KEY_EYES_CLOSED,
    KEY_FULLSCREEN,
    KEY_CHECKIN,
    KEY_DEFAULT_EXERCISE,
    KEY_VOICE,
    KEY_LANGUAGE,
    KEY_COUNT
};

static const char *const key_names[KEY_COUNT] = {
    "volume",      "mute",       "theme",   "reduced_motion",   "no_holds",
    "eyes_closed", "fullscreen", "checkin", "default_exercise", "voice",
    "language",
};

static const char *const themes[] = {"dark", "light", "contrast"};

void ebb_settings_init(struct ebb_settings *s)
{
    memset(s, 0, sizeof *s);
    s->volume_percent = -1;
}

static bool voice_valid(const char *name)
{
    enum ebb_voice_mode m;
    return ebb_voice_mode_parse(name, &m) == 0;
}

bool ebb_theme_valid(const char *name)
{
    for (size_t i = 0; i < sizeof themes / sizeof themes[0]; i++)
        if (name && strcmp(name, themes[i]) == 0)
            return true;
    return false;
}

/* Edit distance, for "did you mean"; names are short (both under 64 bytes). */
static int distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63)
        return 99;
    int row[64];
    for (size_t j = 0; j <= lb; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int diag = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int up = row[j];
            int best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

static const char *type_name(const config_setting_t *v)
{
    switch (config_setting_type(v)) {
    case CONFIG_TYPE_INT:
    case CONFIG_TYPE_INT64:
        return "a whole number";
    case CONFIG_TYPE_FLOAT:
        return "a decimal number";
    case CONFIG_TYPE_STRING:
        return "a string";
    case CONFIG_TYPE_BOOL:
        return "true or false";
    case CONFIG_TYPE_GROUP:
        return "a group { }";
    case CONFIG_TYPE_ARRAY:
        return "an array [ ]";
    case CONFIG_TYPE_LIST:
        return "a list ( )";
    default:
        return "something else";
    }
}

static void warn(struct ebb_diags *d, const char *file, const config_setting_t *v,
                 const char *expected)
{
    ebb_diags_add(d, EBB_SEVERITY_WARNING, file, (int)config_setting_source_line(v),
                  "%s: expected %s, found %s; using the default", config_setting_name(v), expected,
                  type_name(v));
}

static void warn_value(struct ebb_diags *d, const char *file, const config_setting_t *v,
                       const char *expected, const char *found)
{
    ebb_diags_add(d, EBB_SEVERITY_WARNING, file, (int)config_setting_source_line(v),
                  "%s: expected %s, found \"%s\"; using the default", config_setting_name(v),
                  expected, found);
}

static void read_bool(struct ebb_setting_bool *out, const config_setting_t *v, const char *file,
                      struct ebb_diags *d)
{
    if (config_setting_type(v) != CONFIG_TYPE_BOOL) {
        warn(d, file, v, "true or false");
        return;
    }
    out->given = true;
    out->value = config_setting_get_bool(v) != 0;
}

static void read_volume(struct ebb_settings *s, const config_setting_t *v, const char *file,
                        struct ebb_diags *d)
{
    const char *expected = "a whole number from 0 to 100 (percent)";
    int type = config_setting_type(v);
    double x;
    if (type == CONFIG_TYPE_INT || type == CONFIG_TYPE_INT64)
        x = (double)config_setting_get_int64(v);
    else if (type == CONFIG_TYPE_FLOAT)
        x = config_setting_get_float(v);
    else {
        warn(d, file, v, expected);
        return;
    }
    /* Written this way round so that NaN fails too. */
    if (!(x >= 0.0 && x <= 100.0) || x != (double)(int)x) {
        ebb_diags_add(d, EBB_SEVERITY_WARNING, file, (int)config_setting_source_line(v),
                      "volume: expected %s, found %g; using the default", expected, x);
        return;
    }
    s->volume_percent = (int)x;
}

static void read_string(char *out, size_t size, const config_setting_t *v, const char *file,
                        struct ebb_diags *d, bool (*valid)(const char *), const char *expected)
{
    if (config_setting_type(v) != CONFIG_TYPE_STRING) {
        warn(d, file, v, expected);
        return;
    }
    const char *str = config_setting_get_string(v);
    if (!str || !valid(str) || strlen(str) >= size) {
        char shown[48];
        snprintf(shown, sizeof shown, "%s", str ? str : "");
        warn_value(d, file, v, expected, shown);
        return;
    }
    memcpy(out, str, strlen(str) + 1);
}

static void read_key(struct ebb_settings *s, const config_setting_t *v, const char *file,
                     struct ebb_diags *d)
{
    const char *name = config_setting_name(v);
    int k = 0;
    while (k < KEY_COUNT && strcmp(name ? name : "", key_names[k]) != 0)
        k++;
    switch (k) {
    case KEY_VOLUME:
        read_volume(s, v, file, d);
        return;
    case KEY_MUTE:
        read_bool(&s->mute, v, file, d);
        return;
    case KEY_THEME:
        read_string(s->theme, sizeof s->theme, v, file, d, ebb_theme_valid,
                    "\"dark\", \"light\" or \"contrast\"");
        return;
    case KEY_REDUCED_MOTION:
        read_bool(&s->reduced_motion, v, file, d);
        return;
    case KEY_NO_HOLDS:
        read_bool(&s->no_holds, v, file, d);
        return;
    case KEY_EYES_CLOSED:
        read_bool(&s->eyes_closed, v, file, d);
        return;
    case KEY_FULLSCREEN:
        read_bool(&s->fullscreen, v, file, d);
        return;
    case KEY_CHECKIN:
        read_bool(&s->checkin, v, file, d);
        return;
    case KEY_DEFAULT_EXERCISE:
        read_string(s->default_exercise, sizeof s->default_exercise, v, file, d, ebb_id_valid,
                    "an exercise id (a-z, 0-9 and -, as `ebb --list` shows)");
        if (s->default_exercise[0])
            s->default_exercise_line = (int)config_setting_source_line(v);
        return;
    case KEY_VOICE: {
        char mode[16] = "";
        read_string(mode, sizeof mode, v, file, d, voice_valid,
                    "\"none\", \"prompts\" or \"all\"");
        ebb_voice_mode_parse(mode, &s->voice);
        return;
    }
    case KEY_LANGUAGE: {
        char code[EBB_LANG_MAX] = "";
        read_string(code, sizeof code, v, file, d, ebb_lang_valid,
                    "a language code like \"de\" or \"pt_BR\"");
        ebb_lang_normalize(code, s->language);
        return;
    }
    default:
        break;
    }
    int best = -1, best_d = 3;
    for (int i = 0; i < KEY_COUNT && name; i++) {
        int dist = distance(name, key_names[i]);
        if (dist < best_d) {
            best_d = dist;
            best = i;
        }
    }
    int line = (int)config_setting_source_line(v);
    if (best >= 0)
        ebb_diags_add(d, EBB_SEVERITY_WARNING, file, line,
                      "unknown setting \"%s\", ignored; did you mean \"%s\"?", name,
                      key_names[best]);
    else
        ebb_diags_add(d, EBB_SEVERITY_WARNING, file, line,
                      "unknown setting \"%s\", ignored; docs/settings.md lists them",
                      name ? name : "");
}

int ebb_settings_load_buffer(struct ebb_settings *s, const char *buf, size_t len, const char *name,
                             struct ebb_diags *diags)
{
    ebb_settings_init(s);
    if (len > EBB_SETTINGS_BYTES_MAX) {
        ebb_diags_add(diags, EBB_SEVERITY_WARNING, name, 0,
                      "larger than %d KiB, not a settings file; it is ignored",
                      EBB_SETTINGS_BYTES_MAX / 1024);
        return -1;
    }
    if (memchr(buf, '\0', len)) {
        ebb_diags_add(diags, EBB_SEVERITY_WARNING, name, 0,
                      "contains a NUL byte, not a text file; it is ignored");
        return -1;
    }
    /* A UTF-8 byte order mark, as some editors write, is not part of the text. */
    if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
        buf += 3;
        len -= 3;
    }
    int inc = ebb_config_include_line(buf, len);
    if (inc > 0) {
        ebb_diags_add(diags, EBB_SEVERITY_WARNING, name, inc,
                      "@include is not supported: the settings file must stand alone; "
                      "it is ignored");
        return -1;
    }
    char *text = malloc(len + 1);
    if (!text) {
        ebb_diags_add(diags, EBB_SEVERITY_WARNING, name, 0, "out of memory; it is ignored");
        return -1;
    }
    memcpy(text, buf, len);
    text[len] = '\0';

    config_t cfg;
    config_init(&cfg);
    config_set_options(&cfg, CONFIG_OPTION_AUTOCONVERT);
    int status = 0;
    if (config_read_string(&cfg, text) != CONFIG_TRUE) {
        const char *why = config_error_text(&cfg);
        ebb_diags_add(diags, EBB_SEVERITY_WARNING, name, config_error_line(&cfg),
                      "%s; every setting in this file is ignored", why ? why : "syntax error");
        status = -1;
    } else {
        config_setting_t *root = config_root_setting(&cfg);
        int n = config_setting_length(root);
        for (int i = 0; i < n; i++)
            read_key(s, config_setting_get_elem(root, (unsigned)i), name, diags);
    }
    config_destroy(&cfg);
    free(text);
    return status;
}

int ebb_settings_load(struct ebb_settings *s, const char *path, const char *display,
                      struct ebb_diags *diags)
{
    const char *name = display ? display : path;
    ebb_settings_init(s);
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return 0; /* no settings file: every default */
        ebb_diags_add(diags, EBB_SEVERITY_WARNING, name, 0, "cannot read: %s; it is ignored",
                      strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ebb_diags_add(diags, EBB_SEVERITY_WARNING, name, 0,
                      "cannot read: not a regular file; it is ignored");
        close(fd);
        return -1;
    }
    if (st.st_size > EBB_SETTINGS_BYTES_MAX) {
        close(fd);
        ebb_diags_add(diags, EBB_SEVERITY_WARNING, name, 0,
                      "larger than %d KiB, not a settings file; it is ignored",
                      EBB_SETTINGS_BYTES_MAX / 1024);
        return -1;
    }
    size_t size = (size_t)st.st_size;
    char *buf = malloc(size + 1);
    size_t got = 0;
    while (buf && got < size) {
        ssize_t r = read(fd, buf + got, size - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    if (!buf) {
        ebb_diags_add(diags, EBB_SEVERITY_WARNING, name, 0, "out of memory; it is ignored");
        return -1;
    }
    int status = ebb_settings_load_buffer(s, buf, got, name, diags);
    free(buf);
    return status;
}
