#!/usr/bin/env bash
# Sequences that multiply: b5 is 64 x box, b4 is 64 x b5, ... b1 is 64 x b2, five levels
# (64^5 exercises if opened whole; `--list` once ran for minutes). `--list`, `--check`
# and starting each end at once with one line per broken file naming FILE:LINE, and a
# sequence nested within the limits runs its items in its place.
# Args: EBB_BINARY SOURCE_DIR BUILD_DIR.
. "$(dirname "$0")/common.bash"
set +e +o pipefail # the checks below read exit statuses themselves
# shellcheck source=hostile_lib.bash
. "$SRC/tests/integration/hostile_lib.bash"

U=$XDG_CONFIG_HOME/ebb/exercises
mkdir -p "$U"

# repeat ID ITEM N: a sequence of N items ITEM, one a line from line 4 on
repeat() {
    {
        printf 'version = 1;\nexercise = { id = "%s"; title = "Bomb %s"; kind = "sequence"; pause = 1.0;\n  items = [\n' "$1" "$1"
        for ((i = 1; i < $3; i++)); do printf '    "%s",\n' "$2"; done
        printf '    "%s" ];\n};\n' "$2"
    } >"$U/$1.cfg"
}
repeat b5 box 64
repeat b4 b5 64
repeat b3 b4 64
repeat b2 b3 64
repeat b1 b2 64

measure "--list with a five-level sequence bomb" "$EBB" --list
[ "$status" -ne 124 ] || fail "--list still running after ${HANG_GUARD_S}s"
[ "$status" -eq 0 ] || { cat "$ERR"; fail "--list exit $status"; }
for k in 1 2 3 4; do
    grep -qE "^b$k +broken" "$OUT" || { cat "$OUT"; fail "b$k is not listed broken"; }
    [ "$(grep -c "/b$k\.cfg:" "$ERR")" -eq 1 ] || { cat "$ERR"; fail "b$k: expected one line"; }
done
grep -qE "^b5 +sequence" "$OUT" || { cat "$OUT"; fail "b5 (64 exercises) is not listed"; }
grep -qE "/b4\.cfg:19: error: sequence \"b4\" would run more than 1000 exercises in all" "$ERR" ||
    { cat "$ERR"; fail "b4: not the limit's line"; }
grep -qE "/b1\.cfg:4: error: " "$ERR" || { cat "$ERR"; fail "b1: no FILE:LINE error"; }
sed 's/^/    /' "$ERR"

for k in 1 2 4; do
    expect_check_error "--check b$k.cfg" "$U/b$k.cfg" "b$k\.cfg:[0-9]+: error: "
    sed 's/^/    /' "$ERR"
done

# starting it: one line, exit 2, no window opened
measure "start b1" "$EBB" b1
[ "$status" -ne 124 ] || fail "start b1 still running after ${HANG_GUARD_S}s"
[ "$status" -eq 2 ] || { cat "$ERR"; fail "start b1: exit $status, expected 2"; }
[ "$(wc -l <"$ERR")" -eq 1 ] || { cat "$ERR"; fail "start b1: expected one line"; }
grep -qE "b1\.cfg:4: error: " "$ERR" || { cat "$ERR"; fail "start b1: no FILE:LINE error"; }
measure "export b4" "$EBB" --export "$T/out-b4" --size 160x90 --at 0.5 b4
[ "$status" -eq 2 ] && [ "$(wc -l <"$ERR")" -eq 1 ] || { cat "$ERR"; fail "export b4: $status"; }

# within the limits a nested sequence runs its items in its place, with the outer pause
for n in one two three; do
    cat >"$U/$n.cfg" <<CFG
version = 1;
exercise = { id = "$n"; title = "Breath $n"; kind = "breathing"; prepare = 0.0; cycles = 1;
  pattern = ( { phase = "inhale"; seconds = 1.0; }, { phase = "exhale"; seconds = 1.0; } ); };
CFG
done
cat >"$U/inner.cfg" <<'CFG'
version = 1;
exercise = { id = "inner"; title = "Inner"; kind = "sequence"; pause = 30.0;
  items = [ "two", "three" ]; };
CFG
cat >"$U/outer.cfg" <<'CFG'
version = 1;
exercise = { id = "outer"; title = "Outer"; kind = "sequence"; pause = 2.0;
  items = [ "one", "inner" ]; };
CFG
expect_check_clean() {
    measure "$1" "$EBB" --check "$2"
    [ "$status" -eq 0 ] && [ ! -s "$ERR" ] || { cat "$ERR"; fail "$1: expected exit 0, silent"; }
}
expect_check_clean "--check a sequence holding a sequence" "$U/outer.cfg"
measure "export outer" "$EBB" --export "$T/out-outer" --size 160x90 --at 0.5 --press-every 0.5 outer
[ "$status" -eq 0 ] || { cat "$ERR"; fail "export outer: exit $status"; }
transitions=$(awk -F'\t' '$2 == "transition" { print $5 }' "$T/out-outer/timeline.tsv" | tr '\n' '|')
[ "$transitions" = "Breath two|Breath three|" ] ||
    { cat "$T/out-outer/timeline.tsv"; fail "outer: transitions were '$transitions'"; }
echo "    transitions: $transitions"
# three 2 s items and the outer 2 s pause twice (the inner's 30 s is not used): ends at 10 s
end=$(awk -F'\t' '$2 == "end" { print $1 }' "$T/out-outer/timeline.tsv")
[ "$end" = "10.000000" ] || { cat "$T/out-outer/timeline.tsv"; fail "outer: ends at $end, not 10 s"; }

echo "hostile_sequences: ${#FIGURES[@]} runs, every one finished"
