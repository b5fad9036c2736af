/* Tests that the documentation cannot drift from the loader: every key the loader
 * knows is in docs/script-format.md, and every complete script shown in that page or
 * in the README loads without a single diagnostic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "script.h"

/* The whole file, NUL-terminated; the caller frees it. */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 4096 + 1 > cap) {
            cap = (cap + 4096) * 2;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
        size_t n = fread(buf + len, 1, 4096, f);
        len += n;
        if (n == 0)
            break;
    }
    fclose(f);
    buf[len] = '\0';
    return buf;
}

static void every_key_the_loader_knows_is_documented(void **state)
{
    (void)state;
    char *doc = slurp(EBB_TEST_DIR "/../docs/script-format.md");
    const char *const *keys = ebb_script_known_keys();
    int n = 0;
    for (; keys[n]; n++) {
        char quoted[64];
        snprintf(quoted, sizeof quoted, "| `%s` |", keys[n]);
        if (!strstr(doc, quoted))
            fail_msg("docs/script-format.md has no table row for `%s`", keys[n]);
    }
    assert_true(n >= 40);
    free(doc);
}

/* Loads every fenced block that holds a whole script (it has "version = 1;"), named
 * after its id; returns how many there were and counts each kind in kinds[]. */
static int load_examples(const char *path, int kinds[EBB_KIND_COUNT])
{
    char *doc = slurp(path);
    int found = 0;
    char *p = doc;
    while ((p = strstr(p, "```\n")) != NULL) {
        char *start = p + 4;
        char *end = strstr(start, "\n```");
        if (!end)
            break;
        *end = '\0';
        if (strstr(start, "version = 1;")) {
            char name[64] = "";
            const char *id = strstr(start, "id = \"");
            if (id)
                sscanf(id + 6, "%40[a-z0-9-]", name);
            strcat(name, ".cfg");
            struct ebb_diags d;
            ebb_diags_clear(&d);
            struct ebb_exercise *ex = ebb_script_load_buffer(start, strlen(start), name, NULL, &d);
            char buf[1024];
            if (!ex || d.count)
                fail_msg("%s: the example %s: %s", path, name,
                         d.count ? ebb_diag_format(&d.items[0], buf, sizeof buf) : "");
            kinds[ex->kind]++;
            ebb_script_free(ex);
            found++;
        }
        p = end + 4;
    }
    free(doc);
    return found;
}

static void the_format_page_has_a_working_example_of_each_kind(void **state)
{
    (void)state;
    int kinds[EBB_KIND_COUNT] = {0};
    assert_true(load_examples(EBB_TEST_DIR "/../docs/script-format.md", kinds) >= 4);
    for (int k = 0; k < EBB_KIND_COUNT; k++)
        if (kinds[k] == 0)
            fail_msg("no %s example in docs/script-format.md", ebb_kind_name(k));
}

static void the_readme_first_exercise_loads(void **state)
{
    (void)state;
    int kinds[EBB_KIND_COUNT] = {0};
    assert_true(load_examples(EBB_TEST_DIR "/../README.md", kinds) >= 1);
    assert_true(kinds[EBB_KIND_BREATHING] >= 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_key_the_loader_knows_is_documented),
        cmocka_unit_test(the_format_page_has_a_working_example_of_each_kind),
        cmocka_unit_test(the_readme_first_exercise_loads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
