/* Hostile scripts through ebb_script_load under a memory ceiling (issue 8).
 *
 * Each case is built at run time in a private folder (files too large, or special
 * files, that do not belong in tests/bad/), loaded through the real loader, and must
 * end in exactly one one-line error naming what is wrong. In the dev build the address
 * space is capped at 256 MiB first (setrlimit RLIMIT_AS), so a case that allocates in
 * proportion to a hostile size fails here instead of on someone's machine; the
 * sanitizer build reserves terabytes of shadow memory, so there (EBB_SANITIZE=ON, which
 * tests/CMakeLists.txt sets, or an ASan compile) the cases run without the ceiling.
 * alarm() is a generous hang guard (10 s): a FIFO that blocked would kill the test.
 * Each case prints its time and the process's peak memory; no time is asserted. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "script.h"

#define CEILING_BYTES (256ul * 1024 * 1024) /* issue 8: the dev build's address space */
#define HANG_GUARD_S 10                      /* generous: never a timing assertion */

#if defined(__SANITIZE_ADDRESS__)
#define BUILT_WITH_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BUILT_WITH_ASAN 1
#endif
#endif
#ifndef BUILT_WITH_ASAN
#define BUILT_WITH_ASAN 0
#endif

static char dir[256];   /* the private folder of this run */
static int ceiling_set; /* RLIMIT_AS is in force */

/* A script around `middle` (placed inside the exercise group), written by the caller. */
static const char head[] = "version = 1;\nexercise = {\n  id = \"%s\";\n  title = \"T\";\n"
                           "  kind = \"breathing\";\n";

static void path_of(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s/%s", dir, name);
}

static void write_bytes(const char *path, const char *bytes, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* "id.cfg" holding head + body, where body is printf-formatted. */
static void write_script(char *path, size_t size, const char *id, const char *body)
{
    char name[64];
    snprintf(name, sizeof name, "%s.cfg", id);
    path_of(path, size, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fprintf(f, head, id);
    fputs(body, f);
    assert_int_equal(fclose(f), 0);
}

static long peak_kib(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kib = -1;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "VmHWM: %ld kB", &kib) == 1)
            break;
    if (f)
        fclose(f);
    return kib;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Loads path (or a buffer when buf is not NULL) and checks the result: NULL, exactly one
 * error, on one line, whose message holds `expect`. Prints the case's figures. */
static void expect_one_error(const char *label, const char *path, const char *buf, size_t len,
                             const char *expect)
{
    struct ebb_diags *d = malloc(sizeof *d);
    assert_non_null(d);
    ebb_diags_clear(d);
    alarm(HANG_GUARD_S);
    double t0 = now_ms();
    struct ebb_exercise *ex = buf ? ebb_script_load_buffer(buf, len, path, dir, d)
                                  : ebb_script_load(path, path, d);
    double ms = now_ms() - t0;
    alarm(0);
    print_message("limits: %-28s %8.2f ms  peak %ld KiB%s\n", label, ms, peak_kib(),
                  ceiling_set ? "  (256 MiB ceiling)" : "");
    char line[EBB_DIAG_FILE_MAX + EBB_DIAG_MESSAGE_MAX + 32];
    for (int i = 0; i < d->count; i++)
        print_message("  %s\n", ebb_diag_format(&d->items[i], line, sizeof line));
    assert_null(ex);
    assert_int_equal(d->errors, 1);
    assert_int_equal(d->count, 1);
    assert_int_equal(d->items[0].severity, EBB_SEVERITY_ERROR);
    assert_null(strchr(d->items[0].message, '\n'));
    assert_non_null(strstr(d->items[0].message, expect));
    free(d);
}

static void the_memory_ceiling_is_in_force_outside_the_sanitizer_build(void **state)
{
    (void)state;
    if (!ceiling_set) {
        print_message("limits: sanitizer build: no address-space ceiling\n");
        skip();
    }
    struct rlimit rl;
    assert_int_equal(getrlimit(RLIMIT_AS, &rl), 0);
    assert_true(rl.rlim_cur <= CEILING_BYTES);
    void *big = malloc(CEILING_BYTES); /* more than is left: must fail, not succeed */
    assert_null(big);
}

static void a_one_gib_sparse_file_is_refused_before_it_is_read(void **state)
{
    (void)state;
    char p[512];
    path_of(p, sizeof p, "huge.cfg");
    int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, 1024l * 1024 * 1024), 0);
    close(fd);
    expect_one_error("1 GiB sparse file", p, NULL, 0, "cannot read: larger than 1 MiB");
    unlink(p);
}

static void a_fifo_is_refused_without_waiting_for_a_writer(void **state)
{
    (void)state;
    char p[512];
    path_of(p, sizeof p, "fifo.cfg");
    assert_int_equal(mkfifo(p, 0644), 0);
    expect_one_error("FIFO", p, NULL, 0, "cannot read: not a regular file");
}

static void a_character_device_is_refused(void **state)
{
    (void)state;
    expect_one_error("/dev/zero", "/dev/zero", NULL, 0, "cannot read: not a regular file");
}

static void a_folder_is_refused(void **state)
{
    (void)state;
    char p[512];
    path_of(p, sizeof p, "folder.cfg");
    assert_int_equal(mkdir(p, 0755), 0);
    expect_one_error("folder", p, NULL, 0, "cannot read: ");
}

static void a_dangling_symlink_cannot_be_read(void **state)
{
    (void)state;
    char p[512];
    path_of(p, sizeof p, "dangling.cfg");
    assert_int_equal(symlink("nowhere/at-all.cfg", p), 0);
    expect_one_error("dangling symlink", p, NULL, 0, strerror(ENOENT));
}

static void a_symlink_loop_cannot_be_read(void **state)
{
    (void)state;
    char a[512], b[512];
    path_of(a, sizeof a, "loop-a.cfg");
    path_of(b, sizeof b, "loop-b.cfg");
    assert_int_equal(symlink(b, a), 0);
    assert_int_equal(symlink(a, b), 0);
    expect_one_error("symlink loop", a, NULL, 0, strerror(ELOOP));
}

static void a_path_through_a_file_cannot_be_read(void **state)
{
    (void)state;
    char file[512], p[600];
    path_of(file, sizeof file, "plain");
    write_bytes(file, "x", 1);
    snprintf(p, sizeof p, "%s/inside.cfg", file);
    expect_one_error("path through a file", p, NULL, 0, strerror(ENOTDIR));
}

/* n opening brackets of one kind, then the closing ones: far past any parser's stack. */
static void deep_nesting_stops_at_the_limit(void **state)
{
    (void)state;
    const size_t n = 200000;
    size_t cap = n * 2 + 256;
    char *buf = malloc(cap);
    assert_non_null(buf);
    int len = snprintf(buf, cap, head, "deep");
    memcpy(buf + len, "tags = ", 7);
    size_t at = (size_t)len + 7;
    for (size_t i = 0; i < n; i++)
        buf[at++] = i % 2 ? '(' : '[';
    for (size_t i = n; i-- > 0;)
        buf[at++] = i % 2 ? ')' : ']';
    memcpy(buf + at, ";\n};\n", 5);
    at += 5;
    expect_one_error("200 000 nested lists", "deep.cfg", buf, at, "nested more than");

    /* and groups: a = { a = { ... } } */
    at = (size_t)snprintf(buf, cap, "version = 1;\n");
    for (size_t i = 0; i < 100000 && at + 16 < cap; i++)
        at += (size_t)snprintf(buf + at, cap - at, "a={");
    expect_one_error("100 000 nested groups", "deep.cfg", buf, at, "nested more than");
    free(buf);
}

static void a_hundred_thousand_phases_are_refused_with_the_limit(void **state)
{
    (void)state;
    /* `{}` phases keep 100 000 of them under the 1 MiB file limit, so the parser and
     * the walker see them all. */
    size_t cap = 100000 * 3 + 512;
    char *buf = malloc(cap);
    assert_non_null(buf);
    size_t at = (size_t)snprintf(buf, cap, head, "phases");
    at += (size_t)snprintf(buf + at, cap - at, "  cycles = 1;\n  pattern = (");
    for (int i = 0; i < 100000; i++)
        at += (size_t)snprintf(buf + at, cap - at, i ? ",{}" : "{}");
    at += (size_t)snprintf(buf + at, cap - at, ");\n};\n");
    assert_true(at <= EBB_SCRIPT_BYTES_MAX);
    expect_one_error("100 000 phases", "phases.cfg", buf, at, "at most 256");

    /* written out in full they no longer fit in a script file */
    char p[512];
    path_of(p, sizeof p, "phases.cfg");
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    fprintf(f, head, "phases");
    fputs("  cycles = 1;\n  pattern = (\n", f);
    for (int i = 0; i < 100000; i++)
        fprintf(f, "    { phase = \"inhale\"; seconds = 1.0; }%s\n", i < 99999 ? "," : "");
    fputs("  );\n};\n", f);
    assert_int_equal(fclose(f), 0);
    expect_one_error("100 000 phases (file)", p, NULL, 0, "cannot read: larger than 1 MiB");
    free(buf);
}

/* A title of n 'a's. */
static char *long_title(size_t n, size_t *len)
{
    char *buf = malloc(n + 512);
    assert_non_null(buf);
    size_t at = (size_t)snprintf(buf, 512, "version = 1;\nexercise = {\n  id = \"long\";\n"
                                           "  kind = \"breathing\";\n  title = \"");
    memset(buf + at, 'a', n);
    at += n;
    at += (size_t)snprintf(buf + at, 512, "\";\n  cycles = 1;\n  pattern = ({ phase = "
                                          "\"inhale\"; seconds = 4.0; });\n};\n");
    *len = at;
    return buf;
}

static void a_ten_megabyte_string_is_refused(void **state)
{
    (void)state;
    size_t len;
    char *buf = long_title(10u * 1000 * 1000, &len);
    char p[512];
    path_of(p, sizeof p, "long.cfg");
    write_bytes(p, buf, len);
    expect_one_error("10 MB string (file)", p, NULL, 0, "cannot read: larger than 1 MiB");
    free(buf);
    /* just under the file limit, the string itself is refused */
    buf = long_title(1000 * 1000, &len);
    expect_one_error("1 MB string (buffer)", "long.cfg", buf, len, "\"title\" must be a text of");
    free(buf);
}

static void invalid_utf8_and_nul_bytes_are_refused(void **state)
{
    (void)state;
    char p[512];
    write_script(p, sizeof p, "utf", "  summary = \"caf\xC3\x28\";\n};\n");
    expect_one_error("invalid UTF-8", p, NULL, 0, "invalid UTF-8");
    static const char nul[] = "version = 1;\nexercise = {\n  id = \"nul\";\n  title = \"a\0b\";\n};\n";
    expect_one_error("NUL byte", "nul.cfg", nul, sizeof nul - 1, "NUL byte");
}

static void numbers_at_and_past_the_edge_of_double_are_refused(void **state)
{
    (void)state;
    char p[512];
    write_script(p, sizeof p, "edge1",
                 "  cycles = 1;\n  pattern = ({ phase = \"inhale\"; seconds = 1e308; });\n};\n");
    expect_one_error("1e308", p, NULL, 0, "\"seconds\" must be a number from");
    write_script(p, sizeof p, "edge2",
                 "  cycles = 1;\n  pattern = ({ phase = \"inhale\"; seconds = 1e309; });\n};\n");
    expect_one_error("1e309", p, NULL, 0, "\"seconds\" must be a number from");
    write_script(p, sizeof p, "edge3",
                 "  cycles = 1;\n  pattern = ({ phase = \"inhale\"; seconds = -1e309; });\n};\n");
    expect_one_error("-1e309", p, NULL, 0, "\"seconds\" must be a number from");
}

static void negative_and_zero_durations_are_refused(void **state)
{
    (void)state;
    static const char *const bodies[] = {
        "  cycles = 1;\n  pattern = ({ phase = \"inhale\"; seconds = 0.0; });\n};\n",
        "  cycles = 1;\n  pattern = ({ phase = \"inhale\"; seconds = -4.0; });\n};\n",
        "  duration = 0.0;\n  pattern = ({ phase = \"inhale\"; seconds = 4.0; });\n};\n",
        "  duration = -60.0;\n  pattern = ({ phase = \"inhale\"; seconds = 4.0; });\n};\n",
        "  prepare = -3.0; cycles = 1;\n  pattern = ({ phase = \"inhale\"; seconds = 4.0; });\n};\n",
        "  cycles = 0;\n  pattern = ({ phase = \"inhale\"; seconds = 4.0; });\n};\n",
        "  cycles = -5;\n  pattern = ({ phase = \"inhale\"; seconds = 4.0; });\n};\n",
    };
    static const char *const keys[] = {"\"seconds\"", "\"seconds\"", "\"duration\"",
                                       "\"duration\"", "\"prepare\"", "\"cycles\"",
                                       "\"cycles\""};
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        char p[512], id[16], label[32];
        snprintf(id, sizeof id, "zero%zu", i);
        snprintf(label, sizeof label, "zero/negative %s", keys[i]);
        write_script(p, sizeof p, id, bodies[i]);
        expect_one_error(label, p, NULL, 0, keys[i]);
    }
}

static void a_session_of_ten_years_is_refused(void **state)
{
    (void)state;
    char p[512];
    write_script(p, sizeof p, "years",
                 "  duration = 315360000.0;\n"
                 "  pattern = ({ phase = \"inhale\"; seconds = 4.0; });\n};\n");
    expect_one_error("10-year duration", p, NULL, 0, "\"duration\"");
    /* the same length reached through cycles, within each key's own range */
    write_script(p, sizeof p, "years2",
                 "  cycles = 2000000000;\n"
                 "  pattern = ({ phase = \"inhale\"; seconds = 60.0; },"
                 " { phase = \"exhale\"; seconds = 60.0; });\n};\n");
    expect_one_error("2e9 cycles of 2 minutes", p, NULL, 0, "cycles");
    /* and through a ramp that would stretch every cycle for ten years */
    write_script(p, sizeof p, "years3",
                 "  cycles = 10;\n"
                 "  ramp = { to_scale = 2.0; over = 315360000.0; };\n"
                 "  pattern = ({ phase = \"inhale\"; seconds = 60.0; });\n};\n");
    expect_one_error("ramp over 10 years", p, NULL, 0, "\"over\"");
}

static void counts_that_would_overflow_are_refused(void **state)
{
    (void)state;
    char p[512];
    write_script(p, sizeof p, "over1",
                 "  cycles = 99999999999999999999;\n"
                 "  pattern = ({ phase = \"inhale\"; seconds = 4.0; });\n};\n");
    expect_one_error("cycles 1e20", p, NULL, 0, "too large");
    write_script(p, sizeof p, "over2",
                 "  cycles = 2147483648;\n"
                 "  pattern = ({ phase = \"inhale\"; seconds = 4.0; });\n};\n");
    expect_one_error("cycles 2^31", p, NULL, 0, "too large");
    write_script(p, sizeof p, "over3",
                 "  cycles = 0x7fffffffffffffffL;\n"
                 "  pattern = ({ phase = \"inhale\"; seconds = 4.0; });\n};\n");
    expect_one_error("cycles 2^63-1", p, NULL, 0, "cycles");
    static const char taps[] =
        "version = 1;\nexercise = {\n  id = \"over4\"; title = \"T\"; kind = \"grounding\";\n"
        "  steps = ({ prompt = \"Tap\"; taps = { rate = 1.0; per_set = 10;"
        " sets = 2147483647; rest = 1.0; }; });\n};\n";
    expect_one_error("taps: 2^31-1 sets", "over4.cfg", taps, sizeof taps - 1, "\"sets\"");
    /* sets x per_set / rate + rests: each in range, the product too long */
    static const char slow[] =
        "version = 1;\nexercise = {\n  id = \"over6\"; title = \"T\"; kind = \"grounding\";\n"
        "  advance = \"timed\";\n"
        "  steps = ({ prompt = \"Tap\"; taps = { rate = 0.2; per_set = 100;"
        " sets = 100; rest = 60.0; }; });\n};\n";
    expect_one_error("taps: 100 x 100 at 0.2/s", "over6.cfg", slow, sizeof slow - 1, "4 hours");
    static const char count[] =
        "version = 1;\nexercise = {\n  id = \"over5\"; title = \"T\"; kind = \"grounding\";\n"
        "  steps = ({ prompt = \"Press\"; count = 2147483647; });\n};\n";
    expect_one_error("count 2^31-1", "over5.cfg", count, sizeof count - 1, "\"count\"");
}

static void include_of_anything_is_refused(void **state)
{
    (void)state;
    static const char *const targets[] = {"/etc/passwd", "/dev/zero", "", "include-me.cfg",
                                           "/proc/self/mem"};
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        char body[256], p[512], id[16];
        snprintf(id, sizeof id, "inc%zu", i);
        snprintf(body, sizeof body, "  cycles = 1;\n@include \"%s\"\n"
                 "  pattern = ({ phase = \"inhale\"; seconds = 4.0; });\n};\n", targets[i]);
        write_script(p, sizeof p, id, body);
        expect_one_error("@include", p, NULL, 0, "@include is not supported");
    }
}

/* A valid script with format specifiers in every text field loads, and keeps them. */
static void format_specifiers_in_text_are_kept_literally(void **state)
{
    (void)state;
    static const char fmt[] = "%s%n%x%p%%%99999999s";
    char p[512];
    path_of(p, sizeof p, "fmt.cfg");
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    fprintf(f, "version = 1;\nexercise = {\n  id = \"fmt\"; title = \"%s\"; summary = \"%s\";\n"
            "  about = \"%s\"; kind = \"breathing\"; tags = [\"%s\"]; cycles = 1;\n"
            "  pattern = ({ phase = \"inhale\"; seconds = 4.0; text = \"%s\"; });\n};\n",
            fmt, fmt, fmt, fmt, fmt);
    assert_int_equal(fclose(f), 0);
    struct ebb_diags d;
    ebb_diags_clear(&d);
    struct ebb_exercise *ex = ebb_script_load(p, p, &d);
    assert_non_null(ex);
    assert_int_equal(d.errors, 0);
    assert_string_equal(ex->title, fmt);
    assert_string_equal(ex->summary, fmt);
    assert_string_equal(ex->about, fmt);
    assert_int_equal(ex->tag_count, 1);
    assert_string_equal(ex->tags[0], fmt);
    assert_string_equal(ex->phases[0].text, fmt);
    ebb_script_free(ex);

    /* and in a grounding step's prompt and detail, and a sequence */
    path_of(p, sizeof p, "fmt2.cfg");
    f = fopen(p, "wb");
    assert_non_null(f);
    fprintf(f, "version = 1;\nexercise = {\n  id = \"fmt2\"; title = \"t\";"
            " kind = \"grounding\";\n  steps = ({ prompt = \"%s\"; detail = \"%s\"; });\n};\n",
            fmt, fmt);
    assert_int_equal(fclose(f), 0);
    ebb_diags_clear(&d);
    ex = ebb_script_load(p, p, &d);
    assert_non_null(ex);
    assert_string_equal(ex->steps[0].prompt, fmt);
    assert_string_equal(ex->steps[0].detail, fmt);
    ebb_script_free(ex);

    /* in a key, a value the error quotes, and the file name of a diagnostic */
    path_of(p, sizeof p, "%s%n.cfg");
    f = fopen(p, "wb");
    assert_non_null(f);
    fprintf(f, "version = 1;\nexercise = {\n  id = \"%s\"; title = \"t\"; kind = \"%s\";\n};\n",
            fmt, fmt);
    assert_int_equal(fclose(f), 0);
    ebb_diags_clear(&d);
    assert_null(ebb_script_load(p, p, &d));
    assert_true(d.errors >= 1);
    char line[EBB_DIAG_FILE_MAX + EBB_DIAG_MESSAGE_MAX + 32];
    ebb_diag_format(&d.items[0], line, sizeof line);
    print_message("limits: %s\n", line);
    assert_non_null(strstr(line, "%s%n.cfg"));
}

static int make_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/ebb-test-limits-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const char *san = getenv("EBB_SANITIZE");
    if (!BUILT_WITH_ASAN && !(san && strcmp(san, "ON") == 0)) {
        struct rlimit rl = {CEILING_BYTES, CEILING_BYTES};
        if (setrlimit(RLIMIT_AS, &rl) != 0) {
            perror("setrlimit");
            return 1;
        }
        ceiling_set = 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_memory_ceiling_is_in_force_outside_the_sanitizer_build),
        cmocka_unit_test(a_one_gib_sparse_file_is_refused_before_it_is_read),
        cmocka_unit_test(a_fifo_is_refused_without_waiting_for_a_writer),
        cmocka_unit_test(a_character_device_is_refused),
        cmocka_unit_test(a_folder_is_refused),
        cmocka_unit_test(a_dangling_symlink_cannot_be_read),
        cmocka_unit_test(a_symlink_loop_cannot_be_read),
        cmocka_unit_test(a_path_through_a_file_cannot_be_read),
        cmocka_unit_test(deep_nesting_stops_at_the_limit),
        cmocka_unit_test(a_hundred_thousand_phases_are_refused_with_the_limit),
        cmocka_unit_test(a_ten_megabyte_string_is_refused),
        cmocka_unit_test(invalid_utf8_and_nul_bytes_are_refused),
        cmocka_unit_test(numbers_at_and_past_the_edge_of_double_are_refused),
        cmocka_unit_test(negative_and_zero_durations_are_refused),
        cmocka_unit_test(a_session_of_ten_years_is_refused),
        cmocka_unit_test(counts_that_would_overflow_are_refused),
        cmocka_unit_test(include_of_anything_is_refused),
        cmocka_unit_test(format_specifiers_in_text_are_kept_literally),
    };
    return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
