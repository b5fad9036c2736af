/* The LeakSanitizer canary (asan build only; see tests/lsan.supp).
 *   lsan_canary ours       parses a script and never calls config_destroy: a leak of
 *                          ours, which LSan must still report with the suppressions on;
 *   lsan_canary libconfig  only triggers libconfig 1.5's own known leaks (a quoted
 *                          string where a key belongs) and cleans up: nothing is reported.
 * Together they show the suppressions are exactly wide enough. */
#include <libconfig.h>
#include <string.h>

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "ours";
    if (!strcmp(mode, "libconfig")) {
        static const char *const broken[] = {
            "version = 1;\n\"exercise\" = {};\n", /* strbuf_append's buffer */
            "version = 1;\n\"\" = {};\n",         /* an empty string, made in the scanner */
        };
        for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
            config_t cfg;
            config_init(&cfg);
            config_read_string(&cfg, broken[i]);
            config_destroy(&cfg);
        }
        return 0;
    }
    static config_t cfg; /* static: the leak must be of libconfig's allocations only */
    config_init(&cfg);
    config_read_string(&cfg, "version = 1;\nexercise = { id = \"box\"; title = \"Box\"; };\n");
    /* deliberately no config_destroy(&cfg) */
    cfg.root = NULL;
    return 0;
}
