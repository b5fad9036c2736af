/* libFuzzer target: the script loader from a memory buffer. Any input must end in
 * an exercise or in diagnostics, without a crash, a leak or undefined behaviour.
 * Run: build/asan/fuzz_script -max_total_time=60 tests/fuzz/seeds exercises tests/bad
 * (with LSAN_OPTIONS=suppressions=tests/lsan.supp for libconfig 1.5's own leaks). */
#include <stddef.h>
#include <stdint.h>

#include "script.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ebb_diags d;
    ebb_diags_clear(&d);
    /* A folder with no sound files in it: cue names are only looked up there. */
    struct ebb_exercise *ex =
        ebb_script_load_buffer((const char *)data, size, "fuzz.cfg", "/nonexistent", &d);
    if (ex && ex->id == NULL)
        __builtin_trap(); /* a loaded exercise always has its id */
    ebb_script_free(ex);
    return 0;
}
