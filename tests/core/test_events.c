/* Tests of engine/core/events.c: the rows of a breathing session (their count, order
 * and fields), cue defaults, ranges split anywhere, names and TSV escaping. Exercises
 * are filled by hand, so these tests do not depend on the script loader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "events.h"

struct fixture {
    struct ebb_exercise ex;
    struct ebb_phase phases[4];
    struct ebb_timeline tl;
};

/* Two cycles after 2 s of prepare: inhale 3 s (auto cue), hold 2 s (cue bell, side
 * left), exhale 3 s (auto cue). Phase starts: 2, 5, 7, 10, 13, 15; end at 18 s. */
static void two_cycles(struct fixture *f, enum ebb_cues cues)
{
    memset(f, 0, sizeof *f);
    f->ex.id = "two";
    f->ex.title = "Two cycles";
    f->ex.kind = EBB_KIND_BREATHING;
    f->ex.prepare_s = 2.0;
    f->ex.cycles = 2;
    f->ex.audio.cues = cues;
    f->ex.audio.volume = 1.0;
    f->ex.phases = f->phases;
    f->ex.phase_count = 3;
    f->phases[0] = (struct ebb_phase){.kind = EBB_PHASE_INHALE, .seconds = 3.0, .text = "In"};
    f->phases[1] = (struct ebb_phase){.kind = EBB_PHASE_HOLD,
                                      .seconds = 2.0,
                                      .text = "Rest\there",
                                      .side = EBB_SIDE_LEFT,
                                      .cue = {.kind = EBB_CUE_BELL}};
    f->phases[2] = (struct ebb_phase){.kind = EBB_PHASE_EXHALE, .seconds = 3.0, .text = "Out"};
    struct ebb_diags d;
    ebb_diags_clear(&d);
    assert_int_equal(ebb_timeline_init(&f->tl, &f->ex, NULL, &d), 0);
}

static void expect(const struct ebb_event *ev, double t_s, enum ebb_event_kind kind,
                   const char *text)
{
    assert_int_equal(ev->t_us, (uint64_t)(t_s * 1e6 + 0.5));
    assert_int_equal(ev->kind, kind);
    if (text)
        assert_string_equal(ev->text, text);
    else
        assert_null(ev->text);
}

static void a_two_cycle_session_has_its_rows_in_order(void **state)
{
    (void)state;
    struct fixture f;
    two_cycles(&f, EBB_CUES_TONES);
    struct ebb_event ev[32];
    size_t n = ebb_breath_events(&f.tl, 0, f.tl.end_us + 1, ev, 32);
    assert_int_equal(n, 16);
    expect(&ev[0], 0, EBB_EVENT_PREPARE, "Two cycles");
    assert_false(ev[0].has_phase);
    expect(&ev[1], 0, EBB_EVENT_CUE, "bell");
    assert_int_equal(ev[1].sound, EBB_SOUND_BELL);
    const double starts[6] = {2, 5, 7, 10, 13, 15};
    const char *texts[3] = {"In", "Rest\there", "Out"};
    const char *cues[3] = {"inhale", "bell", "exhale"};
    const enum ebb_sound sounds[3] = {EBB_SOUND_INHALE, EBB_SOUND_BELL, EBB_SOUND_EXHALE};
    for (int j = 0; j < 6; j++) {
        const struct ebb_event *p = &ev[2 + 2 * j], *c = p + 1;
        int i = j % 3;
        expect(p, starts[j], EBB_EVENT_PHASE, texts[i]);
        assert_true(p->has_phase);
        assert_int_equal(p->phase, f.phases[i].kind);
        assert_int_equal(p->side, i == 1 ? EBB_SIDE_LEFT : EBB_SIDE_NONE);
        expect(c, starts[j], EBB_EVENT_CUE, cues[i]);
        assert_true(c->has_phase);
        assert_int_equal(c->phase, f.phases[i].kind);
        assert_int_equal(c->side, p->side);
        assert_int_equal(c->sound, sounds[i]);
        assert_string_equal(ebb_event_cue_name(c), cues[i]);
    }
    expect(&ev[14], 18, EBB_EVENT_END, NULL);
    expect(&ev[15], 18, EBB_EVENT_CUE, "bell");
    ebb_timeline_deinit(&f.tl);
}

static void cues_none_gives_no_cue_rows(void **state)
{
    (void)state;
    struct fixture f;
    two_cycles(&f, EBB_CUES_NONE);
    ebb_timeline_deinit(&f.tl);
    f.phases[1].cue.kind = EBB_CUE_AUTO; /* an explicit cue would still sound */
    struct ebb_diags d;
    ebb_diags_clear(&d);
    assert_int_equal(ebb_timeline_init(&f.tl, &f.ex, NULL, &d), 0);
    struct ebb_event ev[32];
    size_t n = ebb_breath_events(&f.tl, 0, UINT64_MAX, ev, 32);
    assert_int_equal(n, 8);
    for (size_t i = 0; i < n; i++)
        assert_int_not_equal(ev[i].kind, EBB_EVENT_CUE);
    expect(&ev[0], 0, EBB_EVENT_PREPARE, "Two cycles");
    expect(&ev[1], 2, EBB_EVENT_PHASE, "In");
    expect(&ev[7], 18, EBB_EVENT_END, NULL);
    ebb_timeline_deinit(&f.tl);
}

static void an_explicit_cue_sounds_even_when_cues_are_none(void **state)
{
    (void)state;
    struct fixture f;
    two_cycles(&f, EBB_CUES_NONE);
    struct ebb_event ev[32];
    size_t n = ebb_breath_events(&f.tl, 0, UINT64_MAX, ev, 32);
    assert_int_equal(n, 10);
    expect(&ev[3], 5, EBB_EVENT_CUE, "bell");
    expect(&ev[7], 13, EBB_EVENT_CUE, "bell");
    ebb_timeline_deinit(&f.tl);
}

static void bell_cues_ring_a_bell_at_every_phase(void **state)
{
    (void)state;
    struct fixture f;
    two_cycles(&f, EBB_CUES_BELL);
    struct ebb_event ev[32];
    size_t n = ebb_breath_events(&f.tl, 0, UINT64_MAX, ev, 32);
    assert_int_equal(n, 16);
    for (size_t i = 0; i < n; i++)
        if (ev[i].kind == EBB_EVENT_CUE)
            assert_int_equal(ev[i].sound, EBB_SOUND_BELL);
    ebb_timeline_deinit(&f.tl);
}

static void same_events(const struct ebb_event *a, const struct ebb_event *b)
{
    assert_int_equal(a->t_us, b->t_us);
    assert_int_equal(a->kind, b->kind);
    assert_int_equal(a->has_phase, b->has_phase);
    assert_int_equal(a->phase, b->phase);
    assert_int_equal(a->side, b->side);
    assert_ptr_equal(a->text, b->text);
    assert_int_equal(a->sound, b->sound);
    assert_ptr_equal(a->cue, b->cue);
}

/* Reads the whole session in ranges cut at `cuts` (ascending) and compares with one
 * read. */
static void check_split(const struct fixture *f, const uint64_t *cuts, int ncuts)
{
    struct ebb_event whole[64], parts[64];
    uint64_t end = f->tl.end_us + 1;
    size_t n = ebb_breath_events(&f->tl, 0, end, whole, 64);
    size_t got = 0;
    uint64_t from = 0;
    for (int c = 0; c <= ncuts; c++) {
        uint64_t to = c < ncuts ? cuts[c] : end;
        size_t k = ebb_breath_events(&f->tl, from, to, parts + got, 64 - got);
        for (size_t i = 0; i < k; i++)
            assert_true(parts[got + i].t_us >= from && parts[got + i].t_us < to);
        got += k;
        from = to;
    }
    assert_int_equal(got, n);
    for (size_t i = 0; i < n; i++)
        same_events(&whole[i], &parts[i]);
}

static void ranges_split_anywhere_give_the_same_events_as_one_range(void **state)
{
    (void)state;
    struct fixture f;
    two_cycles(&f, EBB_CUES_TONES);
    /* At and around boundaries, including 0 and the end. */
    const uint64_t at_edges[] = {1,       1999999,  2000000,  2000001, 5000000,
                                 9999999, 10000000, 17999999, 18000000};
    check_split(&f, at_edges, (int)(sizeof at_edges / sizeof at_edges[0]));
    /* Audio-buffer-sized pieces: 10 ms, then an odd size. */
    uint64_t cuts[2000];
    int n = 0;
    for (uint64_t t = 10000; t < f.tl.end_us && n < 2000; t += 10000)
        cuts[n++] = t;
    check_split(&f, cuts, n);
    n = 0;
    for (uint64_t t = 777777; t < f.tl.end_us; t += 777777)
        cuts[n++] = t;
    check_split(&f, cuts, n);
    /* Pseudo-random cut points (a fixed linear congruential sequence). */
    uint64_t x = 12345;
    n = 0;
    uint64_t t = 0;
    while (n < 40) {
        x = x * 6364136223846793005u + 1442695040888963407u;
        t += (x >> 33) % 900000 + 1;
        if (t > f.tl.end_us)
            break;
        cuts[n++] = t;
    }
    check_split(&f, cuts, n);
    ebb_timeline_deinit(&f.tl);
}

static void a_range_holds_the_count_even_when_out_is_smaller(void **state)
{
    (void)state;
    struct fixture f;
    two_cycles(&f, EBB_CUES_TONES);
    struct ebb_event ev[3];
    memset(ev, 0, sizeof ev);
    assert_int_equal(ebb_breath_events(&f.tl, 0, UINT64_MAX, ev, 3), 16);
    expect(&ev[0], 0, EBB_EVENT_PREPARE, "Two cycles");
    expect(&ev[2], 2, EBB_EVENT_PHASE, "In");
    assert_int_equal(ebb_breath_events(&f.tl, 0, UINT64_MAX, NULL, 0), 16);
    /* [5 s, 10 s): hold + bell, exhale + cue. */
    assert_int_equal(ebb_breath_events(&f.tl, 5000000, 10000000, NULL, 0), 4);
    /* Only the end: END and its bell. */
    assert_int_equal(ebb_breath_events(&f.tl, 18000000, 18000001, NULL, 0), 2);
    assert_int_equal(ebb_breath_events(&f.tl, 18000001, UINT64_MAX, NULL, 0), 0);
    /* Empty and inverted ranges. */
    assert_int_equal(ebb_breath_events(&f.tl, 7000000, 7000000, NULL, 0), 0);
    assert_int_equal(ebb_breath_events(&f.tl, 9000000, 3000000, NULL, 0), 0);
    ebb_timeline_deinit(&f.tl);
}

static void without_prepare_the_first_phase_follows_the_prepare_rows_at_zero(void **state)
{
    (void)state;
    struct fixture f;
    two_cycles(&f, EBB_CUES_TONES);
    ebb_timeline_deinit(&f.tl);
    f.ex.prepare_s = 0.0;
    struct ebb_diags d;
    ebb_diags_clear(&d);
    assert_int_equal(ebb_timeline_init(&f.tl, &f.ex, NULL, &d), 0);
    struct ebb_event ev[8];
    assert_int_equal(ebb_breath_events(&f.tl, 0, 1, ev, 8), 4);
    expect(&ev[0], 0, EBB_EVENT_PREPARE, "Two cycles");
    expect(&ev[1], 0, EBB_EVENT_CUE, "bell");
    expect(&ev[2], 0, EBB_EVENT_PHASE, "In");
    expect(&ev[3], 0, EBB_EVENT_CUE, "inhale");
    ebb_timeline_deinit(&f.tl);
}

static void a_file_cue_is_named_as_written(void **state)
{
    (void)state;
    struct fixture f;
    two_cycles(&f, EBB_CUES_TONES);
    f.phases[2].cue = (struct ebb_cue){
        .kind = EBB_CUE_FILE, .file = "/somewhere/sounds/gong.ogg", .name = "sounds/gong.ogg"};
    struct ebb_event ev[4];
    assert_int_equal(ebb_breath_events(&f.tl, 7000000, 7000001, ev, 4), 2);
    assert_int_equal(ev[1].sound, EBB_SOUND_FILE);
    assert_ptr_equal(ev[1].cue, &f.phases[2].cue);
    assert_string_equal(ebb_event_cue_name(&ev[1]), "sounds/gong.ogg");
    assert_string_equal(ev[1].text, "sounds/gong.ogg");
    ebb_timeline_deinit(&f.tl);
}

static void sound_for_applies_explicit_cues_then_the_defaults(void **state)
{
    (void)state;
    struct ebb_exercise ex;
    memset(&ex, 0, sizeof ex);
    struct ebb_cue cue = {.kind = EBB_CUE_AUTO};
    const enum ebb_sound tones[EBB_PHASE_COUNT] = {EBB_SOUND_INHALE, EBB_SOUND_EXHALE,
                                                   EBB_SOUND_HOLD};
    for (int p = 0; p < EBB_PHASE_COUNT; p++) {
        ex.audio.cues = EBB_CUES_TONES;
        assert_int_equal(ebb_sound_for(&ex, &cue, 0, (enum ebb_phase_kind)p), tones[p]);
        assert_int_equal(ebb_sound_for(&ex, NULL, 0, (enum ebb_phase_kind)p), tones[p]);
        ex.audio.cues = EBB_CUES_BELL;
        assert_int_equal(ebb_sound_for(&ex, &cue, 0, (enum ebb_phase_kind)p), EBB_SOUND_BELL);
        ex.audio.cues = EBB_CUES_NONE;
        assert_int_equal(ebb_sound_for(&ex, &cue, 0, (enum ebb_phase_kind)p), EBB_SOUND_NONE);
    }
    ex.audio.cues = EBB_CUES_TONES;
    assert_int_equal(ebb_sound_for(&ex, &cue, 1, EBB_PHASE_INHALE), EBB_SOUND_TICK);
    ex.audio.cues = EBB_CUES_BELL;
    assert_int_equal(ebb_sound_for(&ex, &cue, 1, EBB_PHASE_INHALE), EBB_SOUND_TICK);
    ex.audio.cues = EBB_CUES_NONE;
    assert_int_equal(ebb_sound_for(&ex, &cue, 1, EBB_PHASE_INHALE), EBB_SOUND_NONE);
    /* Written cues win over audio.cues, for phases and steps alike. */
    const enum ebb_cue_kind kinds[] = {EBB_CUE_INHALE, EBB_CUE_EXHALE, EBB_CUE_HOLD, EBB_CUE_BELL,
                                       EBB_CUE_TICK,   EBB_CUE_NONE,   EBB_CUE_FILE};
    const enum ebb_sound sounds[] = {EBB_SOUND_INHALE, EBB_SOUND_EXHALE, EBB_SOUND_HOLD,
                                     EBB_SOUND_BELL,   EBB_SOUND_TICK,   EBB_SOUND_NONE,
                                     EBB_SOUND_FILE};
    for (int c = 0; c < 7; c++) {
        cue.kind = kinds[c];
        ex.audio.cues = EBB_CUES_NONE;
        assert_int_equal(ebb_sound_for(&ex, &cue, 0, EBB_PHASE_HOLD), sounds[c]);
        ex.audio.cues = EBB_CUES_TONES;
        assert_int_equal(ebb_sound_for(&ex, &cue, 1, EBB_PHASE_HOLD), sounds[c]);
    }
}

static void event_kinds_are_named_as_in_timeline_tsv(void **state)
{
    (void)state;
    const char *names[EBB_EVENT_COUNT] = {"prepare", "phase",      "cue", "step",
                                          "press",   "transition", "end", "voice"};
    for (int k = 0; k < EBB_EVENT_COUNT; k++)
        assert_string_equal(ebb_event_kind_name((enum ebb_event_kind)k), names[k]);
    assert_string_equal(ebb_event_kind_name(EBB_EVENT_COUNT), "-");
}

static void tsv_escaping_writes_backslash_tab_and_newline_as_escapes(void **state)
{
    (void)state;
    char buf[64];
    assert_int_equal(ebb_tsv_escape("a\tb\nc\\d", buf, sizeof buf), 10);
    assert_string_equal(buf, "a\\tb\\nc\\\\d");
    assert_int_equal(ebb_tsv_escape("Breathe in", buf, sizeof buf), 10);
    assert_string_equal(buf, "Breathe in");
    assert_int_equal(ebb_tsv_escape("Ünïcode ✓", buf, sizeof buf), strlen("Ünïcode ✓"));
    assert_string_equal(buf, "Ünïcode ✓");
}

static void tsv_escaping_writes_a_dash_for_nothing(void **state)
{
    (void)state;
    char buf[8];
    assert_int_equal(ebb_tsv_escape(NULL, buf, sizeof buf), 1);
    assert_string_equal(buf, "-");
    assert_int_equal(ebb_tsv_escape("", buf, sizeof buf), 1);
    assert_string_equal(buf, "-");
}

static void tsv_escaping_truncates_without_cutting_an_escape(void **state)
{
    (void)state;
    char buf[4];
    assert_int_equal(ebb_tsv_escape("ab\tc", buf, sizeof buf), 2);
    assert_string_equal(buf, "ab");
    assert_int_equal(ebb_tsv_escape("abcdef", buf, sizeof buf), 3);
    assert_string_equal(buf, "abc");
    buf[0] = 'x';
    assert_int_equal(ebb_tsv_escape("abc", buf, 0), 0);
    assert_int_equal(buf[0], 'x');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_two_cycle_session_has_its_rows_in_order),
        cmocka_unit_test(cues_none_gives_no_cue_rows),
        cmocka_unit_test(an_explicit_cue_sounds_even_when_cues_are_none),
        cmocka_unit_test(bell_cues_ring_a_bell_at_every_phase),
        cmocka_unit_test(ranges_split_anywhere_give_the_same_events_as_one_range),
        cmocka_unit_test(a_range_holds_the_count_even_when_out_is_smaller),
        cmocka_unit_test(without_prepare_the_first_phase_follows_the_prepare_rows_at_zero),
        cmocka_unit_test(a_file_cue_is_named_as_written),
        cmocka_unit_test(sound_for_applies_explicit_cues_then_the_defaults),
        cmocka_unit_test(event_kinds_are_named_as_in_timeline_tsv),
        cmocka_unit_test(tsv_escaping_writes_backslash_tab_and_newline_as_escapes),
        cmocka_unit_test(tsv_escaping_writes_a_dash_for_nothing),
        cmocka_unit_test(tsv_escaping_truncates_without_cutting_an_escape),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
