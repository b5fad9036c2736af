/* main: the command line. Parses options with getopt_long, validates every value (one
 * line naming the option and what was expected, exit 2), reads the environment (the
 * only place that does), merges the settings file under the command line, and hands
 * over to the core (--check, --list, --path, --new), to the journal verbs, or to the
 * SDL layer (the picker, a session, an export). */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "cli.h"
#include "dirs.h"
#include "i18n.h"
#include "lang.h"
#include "library.h"
#include "options.h"
#include "script.h"
#include "settings.h"

#define PATH_BYTES 4096

enum verb {
    VERB_NONE,
    VERB_CHECK,
    VERB_LIST,
    VERB_PATH,
    VERB_NEW,
    VERB_HISTORY,
    VERB_FORGET,
    VERB_EXPORT,
    VERB_COUNT
};

static const char *const verb_names[VERB_COUNT] = {
    "", "--check", "--list", "--path", "--new", "--history", "--forget", "--export",
};

/* Everything parsed, beyond struct ebb_options. */
struct command {
    struct ebb_options opt;
    enum verb verb;
    const char *new_id;
    const char *from;
    const char *language; /* --language LL, or NULL */
    bool csv, yes;
    bool help, version;
    const char *needs[4]; /* options given that need a verb: --from, --csv, --yes, export's */
};

/* Where things are, read from the environment; the strings live as long as main. */
struct where {
    struct ebb_search_env search;
    char prefix_datadir[PATH_BYTES + 32];
    char source_dir[PATH_BYTES];
    char settings[PATH_BYTES];
    char localedir[PATH_BYTES + 64]; /* the translations' folder: LL/LC_MESSAGES/ebb.mo */
};

enum {
    OPT_CHECK = 256,
    OPT_LIST,
    OPT_NEW,
    OPT_FROM,
    OPT_PATH,
    OPT_HISTORY,
    OPT_CSV,
    OPT_FORGET,
    OPT_YES,
    OPT_SCREENSHOT,
    OPT_CYCLES,
    OPT_MINUTES,
    OPT_PACE,
    OPT_VISUAL,
    OPT_NO_HOLDS,
    OPT_THEME,
    OPT_REDUCED_MOTION,
    OPT_EYES_CLOSED,
    OPT_VOLUME,
    OPT_MUTE,
    OPT_FULLSCREEN,
    OPT_DISPLAY,
    OPT_NO_CHECKIN,
    OPT_VOICE,
    OPT_NO_VOICE,
    OPT_LANGUAGE,
    OPT_EXPORT,
    OPT_FPS,
    OPT_SIZE,
    OPT_AT,
    OPT_PRESS_EVERY,
    OPT_VERSION,
    OPT_HELP
};

static const struct option long_options[] = {
    {"check", no_argument, NULL, OPT_CHECK},
    {"list", no_argument, NULL, OPT_LIST},
    {"new", required_argument, NULL, OPT_NEW},
    {"from", required_argument, NULL, OPT_FROM},
    {"path", no_argument, NULL, OPT_PATH},
    {"history", no_argument, NULL, OPT_HISTORY},
    {"csv", no_argument, NULL, OPT_CSV},
    {"forget", no_argument, NULL, OPT_FORGET},
    {"yes", no_argument, NULL, OPT_YES},
    {"screenshot", required_argument, NULL, OPT_SCREENSHOT},
    {"cycles", required_argument, NULL, OPT_CYCLES},
    {"minutes", required_argument, NULL, OPT_MINUTES},
    {"pace", required_argument, NULL, OPT_PACE},
    {"visual", required_argument, NULL, OPT_VISUAL},
    {"no-holds", no_argument, NULL, OPT_NO_HOLDS},
    {"theme", required_argument, NULL, OPT_THEME},
    {"reduced-motion", no_argument, NULL, OPT_REDUCED_MOTION},
    {"eyes-closed", no_argument, NULL, OPT_EYES_CLOSED},
    {"volume", required_argument, NULL, OPT_VOLUME},
    {"mute", no_argument, NULL, OPT_MUTE},
    {"fullscreen", no_argument, NULL, OPT_FULLSCREEN},
    {"display", required_argument, NULL, OPT_DISPLAY},
    {"no-checkin", no_argument, NULL, OPT_NO_CHECKIN},
    {"voice", no_argument, NULL, OPT_VOICE},
    {"no-voice", no_argument, NULL, OPT_NO_VOICE},
    {"language", required_argument, NULL, OPT_LANGUAGE},
    {"export", required_argument, NULL, OPT_EXPORT},
    {"fps", required_argument, NULL, OPT_FPS},
    {"size", required_argument, NULL, OPT_SIZE},
    {"at", required_argument, NULL, OPT_AT},
    {"press-every", required_argument, NULL, OPT_PRESS_EVERY},
    {"version", no_argument, NULL, OPT_VERSION},
    {"help", no_argument, NULL, OPT_HELP},
    {NULL, 0, NULL, 0},
};

static const char usage_text[] =
    "usage: ebb [OPTIONS] [ID | FILE.cfg]\n"
    "       ebb --list | --path | --check FILE... | --new ID [--from ID]\n"
    "       ebb --history [--csv] | --forget [--yes] | --export DIR [...] EXERCISE\n"
    "`ebb --help` describes every option.\n";

/* --help, in pieces a translator can hold: each is translated whole. */
static const char *const help_text[] = {
    N_("ebb: guided paced breathing and grounding exercises.\n"
       "\n"),
    N_("usage: ebb [OPTIONS] [ID | FILE.cfg]\n"
       "\n"),
    N_("With nothing, ebb opens the picker. With an exercise id (see --list) or a script\n"
       "file (a name ending in .cfg, or containing a /), it starts that session.\n"
       "\n"),
    N_("Exercises:\n"
       "  --list                 every exercise on the search path: id, kind, length,\n"
       "                         source (built-in or user) and title\n"
       "  --check FILE...        check scripts; problems go to stderr as FILE:LINE lines;\n"
       "                         exit 0 when every file loads, 2 otherwise\n"
       "  --new ID [--from ID]   copy an exercise (default gentle-start) into your own\n"
       "                         folder as ID.cfg, with its id changed; prints the path\n"
       "  --path                 the folders searched for exercises, in order\n"
       "\n"),
    N_("Session (these win over the settings file, ~/.config/ebb/ebb.cfg):\n"
       "  --cycles N             run N cycles (1 to 1000)\n"
       "  --minutes M            run about M minutes, ending on a whole cycle (up to 240)\n"
       "  --pace FACTOR          multiply every phase's seconds by FACTOR (0.5 to 2.0;\n"
       "                         2.0 is twice as slow)\n"
       "  --no-holds             leave out breath holds\n"
       "  --visual NAME          circle, box, wave, bar or none\n"
       "  --theme NAME           dark, light or contrast\n"
       "  --reduced-motion       calmer drawing: no movement that is not needed\n"
       "  --eyes-closed          guide by sound alone, for practising with closed eyes\n"
       "                         (a grounding exercise's prompts are spoken)\n"
       "  --voice, --no-voice    spoken guidance on or off (espeak-ng, or your own\n"
       "                         recordings: docs/voice.md); V switches it in a session\n"
       "  --volume PERCENT       master volume of the cues and ambient sound, 0 to 100\n"
       "  --mute                 no sound at all\n"
       "  --fullscreen           start in full screen (F or F11 switches)\n"
       "  --display N            open on display N (0 is the first)\n"
       "  --no-checkin           skip the short how-do-you-feel ratings\n"
       "  --screenshot FILE      save the first frame of the session as PNG and quit\n"
       "  --language LL          the language of ebb's words, like de, ja or pt_BR (wins\n"
       "                         over the settings file and LANG; docs/translating.md)\n"
       "Sound (cues, ambient sound, --volume, --mute, --eyes-closed): docs/audio.md.\n"
       "Writing your own exercises: docs/script-format.md and `man 5 ebb-script`.\n"
       "(Once installed, the docs are in share/doc/ebb under the prefix.)\n"
       "\n"),
    N_("Journal:\n"
       "  --history [--csv]      your past sessions and ratings (--csv: as CSV)\n"
       "  --forget [--yes]       delete the journal (--yes: without asking)\n"
       "\n"),
    N_("Export (headless, on a virtual clock; plays nothing):\n"
       "  --export DIR EXERCISE  write DIR/frame-NNNNNN.png, DIR/audio.wav (48 kHz stereo)\n"
       "                         and DIR/timeline.tsv for the whole session\n"
       "  --fps N                frames a second (1 to 240; default 30)\n"
       "  --size WxH             frame size in pixels (default 1280x720)\n"
       "  --at T,...             only the frames nearest these times, in seconds\n"
       "  --press-every S        press for anything that waits, every S seconds (default 5)\n"
       "\n"),
    N_("  --version              the version\n"
       "  --help                 this help\n"
       "\n"),
    N_("Keys in a session: Space pauses, Escape leaves, F1 shows every key.\n"
       "ebb is a practice tool, not a crisis service: if you are in danger, call your\n"
       "local emergency number.\n"),
};

/* One line naming the option and what it expected; the caller exits 2. */
static int bad_value(const char *option, const char *expected, const char *found)
{
    char q[1024];
    fprintf(stderr, _("ebb: %s: expected %s, got \"%s\"\n"), option, expected,
            ebb_escape(found, q, sizeof q));
    return -1;
}

static int parse_int(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end != '\0' || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

static int parse_real(const char *s, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end != '\0' || !isfinite(v) || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

static int parse_size(const char *s, int *w, int *h)
{
    const char *x = strchr(s, 'x');
    if (!x || x == s)
        return -1;
    char wbuf[16];
    size_t n = (size_t)(x - s);
    if (n >= sizeof wbuf)
        return -1;
    memcpy(wbuf, s, n);
    wbuf[n] = '\0';
    long lw, lh;
    if (parse_int(wbuf, 16, 7680, &lw) != 0 || parse_int(x + 1, 16, 4320, &lh) != 0)
        return -1;
    *w = (int)lw;
    *h = (int)lh;
    return 0;
}

/* "T1,T2,...": each a number of seconds >= 0. */
static int parse_times(const char *s)
{
    char buf[32];
    while (*s) {
        const char *comma = strchr(s, ',');
        size_t n = comma ? (size_t)(comma - s) : strlen(s);
        double t;
        if (n == 0 || n >= sizeof buf)
            return -1;
        memcpy(buf, s, n);
        buf[n] = '\0';
        if (parse_real(buf, 0.0, EBB_SESSION_S_MAX, &t) != 0)
            return -1;
        s += n;
        if (*s == ',' && *++s == '\0')
            return -1;
    }
    return 0;
}

static int set_verb(struct command *c, enum verb v)
{
    if (c->verb != VERB_NONE && c->verb != v) {
        fprintf(stderr, _("ebb: %s and %s cannot be used together\n"), verb_names[c->verb],
                verb_names[v]);
        return -1;
    }
    c->verb = v;
    return 0;
}

static void command_init(struct command *c)
{
    memset(c, 0, sizeof *c);
    ebb_timeline_options_default(&c->opt.timeline);
    c->opt.visual = -1;
    c->opt.volume_percent = -1;
    c->opt.display = -1;
    c->opt.voice = -1;
    c->opt.export_fps = 30;
    c->opt.export_width = 1280;
    c->opt.export_height = 720;
    c->opt.press_every_s = 5.0;
}

/* The options that take a value. Returns 0, -1 (message printed), or 1 when `code` is
 * not one of them. */
static int take_value(struct command *c, int code, const char *a)
{
    struct ebb_options *o = &c->opt;
    long n;
    double x;
    enum ebb_visual vis;
    switch (code) {
    case OPT_CYCLES:
        if (parse_int(a, 1, 1000, &n) != 0)
            return bad_value("--cycles", _("a whole number of cycles from 1 to 1000"), a);
        o->timeline.cycles = (int)n;
        return 0;
    case OPT_MINUTES:
        if (parse_real(a, 0.1, EBB_SESSION_S_MAX / 60.0, &x) != 0)
            return bad_value("--minutes", _("minutes from 0.1 to 240"), a);
        o->timeline.minutes = x;
        return 0;
    case OPT_PACE:
        if (parse_real(a, EBB_PACE_MIN, EBB_PACE_MAX, &x) != 0)
            return bad_value("--pace", _("a factor from 0.5 to 2.0"), a);
        o->timeline.pace = x;
        o->pace_given = true;
        return 0;
    case OPT_VISUAL:
        if (ebb_visual_parse(a, &vis) != 0)
            return bad_value("--visual", _("circle, box, wave, bar or none"), a);
        o->visual = (int)vis;
        return 0;
    case OPT_THEME:
        if (!ebb_theme_valid(a))
            return bad_value("--theme", _("dark, light or contrast"), a);
        o->theme = a;
        return 0;
    case OPT_VOLUME:
        if (parse_int(a, 0, 100, &n) != 0)
            return bad_value("--volume", _("a whole percentage from 0 to 100"), a);
        o->volume_percent = (int)n;
        return 0;
    case OPT_DISPLAY:
        if (parse_int(a, 0, 63, &n) != 0)
            return bad_value("--display", _("a display number from 0 to 63"), a);
        o->display = (int)n;
        return 0;
    case OPT_LANGUAGE:
        if (!ebb_lang_valid(a))
            return bad_value("--language", _("a language code like de, ja or pt_BR"), a);
        c->language = a;
        return 0;
    case OPT_SCREENSHOT:
        if (!a[0])
            return bad_value("--screenshot", _("a file name for the PNG"), a);
        o->screenshot = a;
        return 0;
    case OPT_EXPORT:
        if (!a[0])
            return bad_value("--export", _("a folder to write the frames into"), a);
        o->export_dir = a;
        return set_verb(c, VERB_EXPORT);
    case OPT_FPS:
        if (parse_int(a, 1, 240, &n) != 0)
            return bad_value("--fps", _("frames a second from 1 to 240"), a);
        o->export_fps = (int)n;
        c->needs[3] = "--fps";
        return 0;
    case OPT_SIZE:
        if (parse_size(a, &o->export_width, &o->export_height) != 0)
            return bad_value("--size", _("WIDTHxHEIGHT in pixels, from 16x16 to 7680x4320"), a);
        c->needs[3] = "--size";
        return 0;
    case OPT_AT:
        if (parse_times(a) != 0)
            return bad_value("--at", _("times in seconds separated by commas, like 0,1.5,10"), a);
        o->export_at = a;
        c->needs[3] = "--at";
        return 0;
    case OPT_PRESS_EVERY:
        if (parse_real(a, 0.1, 3600.0, &x) != 0)
            return bad_value("--press-every", _("seconds from 0.1 to 3600"), a);
        o->press_every_s = x;
        c->needs[3] = "--press-every";
        return 0;
    case OPT_NEW:
        c->new_id = a;
        return set_verb(c, VERB_NEW);
    case OPT_FROM:
        c->from = a;
        c->needs[0] = "--from";
        return 0;
    default:
        return 1; /* not an option with a value */
    }
}

/* The options without a value. */
static int take_flag(struct command *c, int code)
{
    struct ebb_options *o = &c->opt;
    switch (code) {
    case OPT_CHECK:
        return set_verb(c, VERB_CHECK);
    case OPT_LIST:
        return set_verb(c, VERB_LIST);
    case OPT_PATH:
        return set_verb(c, VERB_PATH);
    case OPT_HISTORY:
        return set_verb(c, VERB_HISTORY);
    case OPT_FORGET:
        return set_verb(c, VERB_FORGET);
    case OPT_CSV:
        c->csv = true;
        c->needs[1] = "--csv";
        return 0;
    case OPT_YES:
        c->yes = true;
        c->needs[2] = "--yes";
        return 0;
    case OPT_NO_HOLDS:
        o->timeline.no_holds = true;
        return 0;
    case OPT_REDUCED_MOTION:
        o->reduced_motion = true;
        return 0;
    case OPT_EYES_CLOSED:
        o->eyes_closed = true;
        return 0;
    case OPT_MUTE:
        o->mute = true;
        o->mute_fixed = true;
        return 0;
    case OPT_FULLSCREEN:
        o->fullscreen = true;
        o->fullscreen_fixed = true;
        return 0;
    case OPT_NO_CHECKIN:
        o->no_checkin = true;
        return 0;
    case OPT_VOICE:
    case OPT_NO_VOICE:
        o->voice = code == OPT_VOICE ? 1 : 0;
        return 0;
    case OPT_VERSION:
        c->version = true;
        return 0;
    case OPT_HELP:
        c->help = true;
        return 0;
    default:
        return -1;
    }
}

static int unknown_option(char **argv, int code)
{
    const char *arg = argv[optind - 1];
    char q[1024];
    if (code == ':') { /* a missing value is a bad value: one line, no usage */
        fprintf(stderr, _("ebb: %s: expected a value after it\n"), ebb_escape(arg, q, sizeof q));
        return -1;
    }
    if (optopt >= 256) {
        fprintf(stderr, _("ebb: %s: this option takes no value\n"), ebb_escape(arg, q, sizeof q));
    } else if (optopt) {
        char one[2] = {(char)optopt, '\0'};
        fprintf(stderr, _("ebb: unknown option \"-%s\"\n"), ebb_escape(one, q, sizeof q));
    } else {
        fprintf(stderr, _("ebb: unknown option \"%s\"\n"), ebb_escape(arg, q, sizeof q));
    }
    fputs(_(usage_text), stderr);
    return -1;
}

/* Options that only make sense with a verb, and the verb's own arguments. */
static int check_combinations(struct command *c, int npos)
{
    static const enum verb needed[4] = {VERB_NEW, VERB_HISTORY, VERB_FORGET, VERB_EXPORT};
    for (int i = 0; i < 4; i++) {
        if (c->needs[i] && c->verb != needed[i]) {
            fprintf(stderr, _("ebb: %s works only with %s\n"), c->needs[i], verb_names[needed[i]]);
            return -1;
        }
    }
    if (c->opt.timeline.cycles > 0 && c->opt.timeline.minutes > 0.0) {
        fprintf(stderr, _("ebb: --cycles and --minutes cannot be used together; choose one\n"));
        return -1;
    }
    if (c->verb == VERB_EXPORT && c->opt.screenshot) {
        fprintf(stderr, _("ebb: --screenshot and --export cannot be used together\n"));
        return -1;
    }
    if (c->verb == VERB_CHECK && npos == 0) {
        fprintf(stderr, _("ebb: --check: expected one or more FILE.cfg\n"));
        return -1;
    }
    if (c->verb == VERB_EXPORT && npos == 0) {
        fprintf(stderr, _("ebb: --export: expected an exercise to export (ID or FILE.cfg)\n"));
        return -1;
    }
    if (c->verb != VERB_CHECK && npos > 1) {
        fprintf(stderr, _("ebb: expected one exercise (ID or FILE.cfg), got %d\n"), npos);
        return -1;
    }
    if (c->verb != VERB_CHECK && c->verb != VERB_NONE && c->verb != VERB_EXPORT && npos > 0) {
        char q[1024];
        fprintf(stderr, _("ebb: %s takes no exercise, got \"%s\"\n"), verb_names[c->verb],
                ebb_escape(c->opt.exercise, q, sizeof q));
        return -1;
    }
    return 0;
}

/* Returns 0, or -1 after printing why (exit 2). */
static int parse(struct command *c, int argc, char **argv, int *first_pos)
{
    command_init(c);
    opterr = 0;
    int code;
    while ((code = getopt_long(argc, argv, ":hV", long_options, NULL)) != -1) {
        if (code == '?' || code == ':')
            return unknown_option(argv, code);
        if (code == 'h')
            code = OPT_HELP;
        else if (code == 'V')
            code = OPT_VERSION;
        int r = take_value(c, code, optarg);
        if (r == 1)
            r = take_flag(c, code);
        if (r != 0)
            return -1;
    }
    if (c->help || c->version)
        return 0;
    int npos = argc - optind;
    *first_pos = optind;
    if (npos > 0)
        c->opt.exercise = argv[optind];
    return check_combinations(c, npos);
}

/* The folder of the running program, from /proc/self/exe; "" when unknown. */
static void exe_dir(char *buf, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", buf, size - 1);
    buf[n > 0 ? n : 0] = '\0';
    char *slash = strrchr(buf, '/');
    if (slash)
        *slash = '\0';
    else
        buf[0] = '\0';
}

static bool same_dir(const char *a, const struct stat *b)
{
    struct stat st;
    return stat(a, &st) == 0 && st.st_dev == b->st_dev && st.st_ino == b->st_ino;
}

/* True when folder `dir` is `top` or lies inside it (compared as real folders). */
static bool inside(const char *dir, const char *top)
{
    struct stat t;
    if (!dir[0] || stat(top, &t) != 0)
        return false;
    char buf[PATH_BYTES];
    snprintf(buf, sizeof buf, "%s", dir);
    for (;;) {
        if (same_dir(buf, &t))
            return true;
        char *slash = strrchr(buf, '/');
        if (!slash || slash == buf)
            return false;
        *slash = '\0';
    }
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The environment, read once: XDG folders, HOME, and where the built-ins are. An
 * installed program finds them from its own prefix (bin/../share/ebb), so a prefix can
 * be moved; a program inside a build folder of the source tree uses the tree's
 * exercises/ (the prefix it would be installed to is not its own yet). */
static void read_env(struct where *w)
{
    memset(w, 0, sizeof *w);
    w->search.xdg_config_home = getenv("XDG_CONFIG_HOME");
    w->search.xdg_data_dirs = getenv("XDG_DATA_DIRS");
    w->search.home = ebb_dirs_home(getenv("HOME")); /* NULL unless absolute and there */

    char dir[PATH_BYTES], share[PATH_BYTES + 32];
    exe_dir(dir, sizeof dir);
    /* PREFIX/bin/ebb -> PREFIX/share/ebb, written without ".." */
    snprintf(share, sizeof share, "%s", dir);
    char *up = strrchr(share, '/');
    if (up)
        snprintf(up, sizeof share - (size_t)(up - share), "/share/ebb");
    if (dir[0] && up && is_dir(share)) {
        snprintf(w->prefix_datadir, sizeof w->prefix_datadir, "%s", share);
        w->search.prefix_datadir = w->prefix_datadir;
        *up = '\0'; /* PREFIX/share/locale */
        snprintf(w->localedir, sizeof w->localedir, "%s/share/locale", share);
    } else if (inside(dir, EBB_SOURCE_DIR)) {
        snprintf(w->source_dir, sizeof w->source_dir, "%s", EBB_SOURCE_DIR "/exercises");
        w->search.source_dir = w->source_dir;
#ifdef EBB_BUILD_LOCALEDIR
        snprintf(w->localedir, sizeof w->localedir, "%s", EBB_BUILD_LOCALEDIR);
#endif
    } else {
        w->search.prefix_datadir = EBB_DATADIR;
    }
#ifdef EBB_LOCALEDIR
    if (!w->localedir[0])
        snprintf(w->localedir, sizeof w->localedir, "%s", EBB_LOCALEDIR);
#endif

    const char *cfg = w->search.xdg_config_home;
    if (cfg && cfg[0] == '/')
        snprintf(w->settings, sizeof w->settings, "%s/ebb/ebb.cfg", cfg);
    else if (w->search.home && w->search.home[0])
        snprintf(w->settings, sizeof w->settings, "%s/.config/ebb/ebb.cfg", w->search.home);
}

/* One line for each value of the environment that is ignored (docs/settings.md). */
static void check_env(void)
{
    struct ebb_dirs_env env = {getenv("HOME"), getenv("XDG_CONFIG_HOME"),
                               getenv("XDG_STATE_HOME"), getenv("XDG_DATA_DIRS")};
    struct ebb_diags d;
    ebb_diags_clear(&d);
    ebb_dirs_check_env(&env, &d);
    ebb_cli_print_diags(&d);
}

/* The settings file fills what the command line did not say. */
static void merge_settings(struct ebb_options *o, const struct ebb_settings *s)
{
    if (o->volume_percent < 0 && s->volume_percent >= 0)
        o->volume_percent = s->volume_percent;
    if (!o->mute_fixed && s->mute.given) {
        o->mute = s->mute.value;
        o->mute_fixed = true;
    }
    if (!o->fullscreen_fixed && s->fullscreen.given) {
        o->fullscreen = s->fullscreen.value;
        o->fullscreen_fixed = true;
    }
    if (!o->theme && s->theme[0])
        o->theme = s->theme;
    if (!o->reduced_motion && s->reduced_motion.given)
        o->reduced_motion = s->reduced_motion.value;
    if (!o->timeline.no_holds && s->no_holds.given)
        o->timeline.no_holds = s->no_holds.value;
    if (!o->eyes_closed && s->eyes_closed.given)
        o->eyes_closed = s->eyes_closed.value;
    if (!o->no_checkin && s->checkin.given)
        o->no_checkin = !s->checkin.value;
    if (s->default_exercise[0])
        o->default_exercise = s->default_exercise;
    o->voice_setting = (int)s->voice;
}

static bool is_file_argument(const char *a)
{
    size_t n = strlen(a);
    return strchr(a, '/') || (n > 4 && strcmp(a + n - 4, ".cfg") == 0);
}

/* The exercise asked for must exist and load before a window opens. Returns 0 or 2. */
static int check_exercise(const char *arg, const struct ebb_library *lib)
{
    if (!is_file_argument(arg)) {
        const struct ebb_library_entry *e = ebb_library_find(lib, arg);
        if (!e) {
            char q[1024];
            fprintf(stderr, _("ebb: no exercise \"%s\"; `ebb --list` shows the ids\n"),
                    ebb_escape(arg, q, sizeof q));
            return 2;
        }
        if (!e->ex) {
            ebb_cli_print_diags(&e->diags);
            return 2;
        }
        return 0;
    }
    struct ebb_diags *d = malloc(sizeof *d);
    if (!d)
        return 2;
    ebb_diags_clear(d);
    struct ebb_exercise *ex = ebb_script_load(arg, arg, d);
    if (ex && ex->kind == EBB_KIND_SEQUENCE)
        ebb_library_resolve(lib, ex, NULL, d);
    if (!ex && d->errors == 0)
        ebb_diags_add(d, EBB_SEVERITY_ERROR, arg, 0, "cannot be loaded");
    int status = d->errors > 0 ? 2 : 0;
    if (status != 0) /* warnings are printed once, when the session loads it again */
        ebb_cli_print_diags(d);
    ebb_script_free(ex);
    free(d);
    return status;
}

/* `s` was read by main; `d` holds what reading it said, printed here. */
static int run_program(struct command *c, const struct where *w, struct ebb_settings *s,
                       struct ebb_diags *d)
{
    merge_settings(&c->opt, s);
    struct ebb_library lib;
    if (ebb_cli_load_library(&lib, &w->search, d) != 0)
        return 1;
    const struct ebb_library_entry *def =
        c->opt.default_exercise ? ebb_library_find(&lib, c->opt.default_exercise) : NULL;
    if (c->opt.default_exercise && !def)
        ebb_diags_add(d, EBB_SEVERITY_WARNING, w->settings, s->default_exercise_line,
                      "default_exercise: no exercise \"%s\"; `ebb --list` shows the ids; the "
                      "picker selects the first",
                      c->opt.default_exercise);
    else if (def && !def->ex)
        ebb_diags_add(d, EBB_SEVERITY_WARNING, w->settings, s->default_exercise_line,
                      "default_exercise: \"%s\" has errors (`ebb --check %s` shows them); the "
                      "picker selects the first",
                      c->opt.default_exercise, def->path);
    ebb_cli_print_diags(d);
    int status = 0;
    if (c->opt.exercise)
        status = check_exercise(c->opt.exercise, &lib);
    if (status == 0)
        status =
            c->verb == VERB_EXPORT ? ebb_export_run(&c->opt, &lib) : ebb_app_run(&c->opt, &lib);
    ebb_library_free(&lib);
    return status;
}

/* --language's value as given (checked later, by parse), or NULL. */
static const char *language_argument(int argc, char **argv)
{
    const char *found = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "--language") == 0 && i + 1 < argc)
            found = argv[++i];
        else if (strncmp(argv[i], "--language=", 11) == 0)
            found = argv[i] + 11;
    }
    return found;
}

/* The language of this run: --language, then ebb.cfg's, then the environment as gettext
 * reads it (docs/translating.md). */
static void choose_language(const char *cli, const char *cfg)
{
    struct ebb_lang_sources src = {cli,
                                   cfg,
                                   getenv("LANGUAGE"),
                                   getenv("LC_ALL"),
                                   getenv("LC_MESSAGES"),
                                   getenv("LANG")};
    char code[EBB_LANG_MAX];
    ebb_lang_resolve(&src, code);
    ebb_lang_set(code);
}

/* The C library's locale, and gettext's catalogue in the chosen language. gettext
 * reads $LANGUAGE first, so the chosen code goes there; it ignores $LANGUAGE under the
 * C locale, so a C locale becomes C.UTF-8 for messages (and the catalogue is read as
 * UTF-8 whatever the locale's codeset). */
static void start_translations(const char *localedir)
{
    setlocale(LC_ALL, "");
    const char *messages = setlocale(LC_MESSAGES, NULL);
    if (!messages || strcmp(messages, "C") == 0 || strcmp(messages, "POSIX") == 0)
        setlocale(LC_MESSAGES, "C.UTF-8");
    /* Numbers stay "C": libconfig reads 4.5 with strtod, and files are written with a
     * point. What is shown to the person is formatted for the locale where it is shown. */
    ebb_lang_set_decimal_point(localeconv()->decimal_point);
    setlocale(LC_NUMERIC, "C");
    setenv("LANGUAGE", ebb_lang_current(), 1);
#ifdef EBB_NLS
    if (localedir[0])
        bindtextdomain(EBB_TEXT_DOMAIN, localedir);
    bind_textdomain_codeset(EBB_TEXT_DOMAIN, "UTF-8");
    textdomain(EBB_TEXT_DOMAIN);
#else
    (void)localedir;
#endif
}

int main(int argc, char **argv)
{
    static struct where w; /* large; static keeps it off the stack */
    static struct ebb_settings s;
    static struct ebb_diags settings_diags; /* printed when a session or the picker opens */
    read_env(&w);
    ebb_settings_init(&s);
    ebb_diags_clear(&settings_diags);
    /* The language first, so every word printed is in it, even a bad option's: the
     * settings file's `language`, under --language (looked for before parsing). */
    if (w.settings[0])
        ebb_settings_load(&s, w.settings, NULL, &settings_diags);
    choose_language(language_argument(argc, argv), s.language);
    start_translations(w.localedir);
    struct command c;
    int first = argc;
    if (parse(&c, argc, argv, &first) != 0)
        return 2;
    if (c.help) {
        for (size_t i = 0; i < sizeof help_text / sizeof help_text[0]; i++)
            fputs(_(help_text[i]), stdout);
        return 0;
    }
    if (c.version) {
        printf("ebb %s\n", EBB_VERSION);
        return 0;
    }
    check_env();
    switch (c.verb) {
    case VERB_CHECK:
        return ebb_cli_check(argc - first, argv + first, &w.search);
    case VERB_LIST:
        return ebb_cli_list(&w.search);
    case VERB_PATH:
        return ebb_cli_path(&w.search);
    case VERB_NEW:
        return ebb_cli_new(c.new_id, c.from, &w.search);
    case VERB_HISTORY:
        return ebb_cli_history(c.csv);
    case VERB_FORGET:
        return ebb_cli_forget(c.yes);
    default:
        return run_program(&c, &w, &s, &settings_diags);
    }
}
