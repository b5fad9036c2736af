/* libFuzzer target: the settings parser from a memory buffer. Whatever the bytes, it
 * must return 0 or -1, never crash, leak or read out of bounds, and leave every value
 * either unwritten or in its range. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "settings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct ebb_diags diags;
    struct ebb_settings s;
    ebb_diags_clear(&diags);
    int r = ebb_settings_load_buffer(&s, (const char *)data, size, "fuzz.cfg", &diags);
    if (r != 0 && r != -1)
        abort();
    if (s.volume_percent < -1 || s.volume_percent > 100)
        abort();
    if (s.theme[0] && !ebb_theme_valid(s.theme))
        abort();
    if (s.default_exercise[0] && !ebb_id_valid(s.default_exercise))
        abort();
    if (memchr(s.theme, '\0', sizeof s.theme) == NULL ||
        memchr(s.default_exercise, '\0', sizeof s.default_exercise) == NULL)
        abort();
    return 0;
}
