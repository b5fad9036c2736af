/* bench_launch: runs one command and reports, as "name value" lines, its wall time,
 * peak resident memory (from wait4's rusage) and exit status; with --first-frame, the
 * time from just before exec to the first frame the program reports on stdout as
 * "ebb-first-present MONOTONIC_NS" (printed by ebb when EBB_BENCH=first-frame). */
/* wait4 (peak memory of the child) is a BSD call outside POSIX. */
#define _DEFAULT_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int main(int argc, char **argv)
{
    int first_frame = 0, arg = 1;
    if (arg < argc && strcmp(argv[arg], "--first-frame") == 0) {
        first_frame = 1;
        arg++;
    }
    if (arg < argc && strcmp(argv[arg], "--") == 0)
        arg++;
    if (arg >= argc) {
        fprintf(stderr, "usage: bench_launch [--first-frame] -- COMMAND [ARGS]\n");
        return 2;
    }
    int out[2];
    if (pipe(out) != 0)
        return 1;
    uint64_t t0 = now_ns();
    pid_t pid = fork();
    if (pid < 0)
        return 1;
    if (pid == 0) {
        dup2(out[1], STDOUT_FILENO);
        close(out[0]);
        close(out[1]);
        execvp(argv[arg], argv + arg);
        _exit(127);
    }
    close(out[1]);
    FILE *f = fdopen(out[0], "r");
    char line[256];
    int64_t first_us = -1;
    while (f && fgets(line, sizeof line, f)) {
        unsigned long long ns;
        if (first_frame && first_us < 0 && sscanf(line, "ebb-first-present %llu", &ns) == 1) {
            first_us = ((int64_t)ns - (int64_t)t0) / 1000;
            kill(pid, SIGTERM);
        }
    }
    int status = 0;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0)
        return 1;
    uint64_t t1 = now_ns();
    if (f)
        fclose(f);
    printf("wall_us %llu\n", (unsigned long long)((t1 - t0) / 1000));
    printf("maxrss_kb %ld\n", ru.ru_maxrss);
    printf("status %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    if (first_frame)
        printf("first_frame_us %lld\n", (long long)first_us);
    return 0;
}
