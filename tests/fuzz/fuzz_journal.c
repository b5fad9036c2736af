/* libFuzzer target: any bytes as a journal.tsv must read without a crash, and every
 * record read must format back into a line that reads back the same. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "journal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ebb_journal j = {0};
    struct ebb_diags d;
    char line[EBB_JOURNAL_LINE_MAX];
    ebb_diags_clear(&d);
    if (ebb_journal_parse((const char *)data, size, "fuzz.tsv", &j, &d) != 0)
        return 0;
    for (size_t i = 0; i < j.count; i++) {
        struct ebb_journal_record back;
        const char *why = NULL;
        int n = ebb_journal_format(&j.records[i], line, sizeof line);
        if (n <= 0)
            __builtin_trap();
        if (ebb_journal_parse_line(line, (size_t)n - 1, &back, &why) != 0 ||
            strcmp(back.exercise, j.records[i].exercise) != 0 ||
            back.start_s != j.records[i].start_s || back.offset_s != j.records[i].offset_s ||
            back.rating_before != j.records[i].rating_before ||
            back.rating_after != j.records[i].rating_after ||
            back.completed != j.records[i].completed)
            __builtin_trap();
    }
    size_t count = 0;
    struct ebb_journal_summary *s = ebb_journal_summarize(&j, &count);
    struct ebb_journal_chart chart;
    ebb_journal_chart(&j, 19844, &chart);
    free(s);
    ebb_journal_free(&j);
    return 0;
}
