#!/usr/bin/env bash
# Live reload (issue 7): while a session of a script given by path runs, saving the file
# applies the edit at the next cycle boundary, and a broken save is refused with its
# FILE:LINE line on stderr while the old version runs on. Driven by the test hooks
# (docs/contributing-testing.md): the log says when an edit waits, when it takes over
# (event time and cycle) and when one is refused. The file is never written by ebb.
. "$(dirname "$0")/common.bash"

script() { # IN_SECONDS OUT_SECONDS
    cat <<CFG
version = 1;
exercise = {
  id = "breathe";
  title = "Quick breaths";
  kind = "breathing";
  prepare = 1.0;
  cycles = 40;
  pattern = (
    { phase = "inhale"; seconds = $1; },
    { phase = "exhale"; seconds = $2; }
  );
};
CFG
}
script 1.0 1.0 > "$T/breathe.cfg"

(
    sleep 2
    script 0.75 1.25 > "$T/breathe.cfg.new" && mv "$T/breathe.cfg.new" "$T/breathe.cfg"
    # the broken save, once the good one has been taken (or after a long while)
    for _ in $(seq 100); do grep -q "^reload applied" "$T/log" 2>/dev/null && break; sleep 0.1; done
    sleep 0.5
    printf 'version = 1;\nexercise = {\n  id = "breathe"\n  kind = ;\n};\n' > "$T/breathe.cfg"
    cp "$T/breathe.cfg" "$T/broken.copy"
) &
writer=$!

EBB_TEST_LOG=$T/log EBB_TEST_KEYS="11.0:Escape" timeout 60 "$EBB" --no-checkin "$T/breathe.cfg" \
    2> "$T/err"
wait $writer

fail() { echo "FAIL: $*"; echo "--- log"; grep -v "^present" "$T/log"; echo "--- stderr"; cat "$T/err"; exit 1; }

grep -q "^exit 0" "$T/log" || fail "no clean exit"
pending=$(awk '/^reload pending breathe at / { print $5; exit }' "$T/log")
[ -n "$pending" ] || fail "the valid edit was not scheduled"
applied=$(awk '/^reload applied breathe at / { print $5, $7; exit }' "$T/log")
[ -n "$applied" ] || fail "the valid edit was not applied"
at=${applied% *} cycle=${applied#* }
[ "$at" = "$pending" ] || fail "applied at $at, scheduled for $pending"
# at a cycle boundary of the old version: prepare 1 s + 2 s a cycle, to the microsecond
want=$(awk -v k="$cycle" 'BEGIN { printf "%.6f", 1 + 2 * k }')
[ "$at" = "$want" ] || fail "applied at $at, not at the start of cycle $cycle ($want)"
[ "$cycle" -ge 1 ] || fail "applied before the first cycle ended"

# the broken save: refused, with FILE:LINE on stderr, and the session runs on
grep -q "^reload refused .*breathe.cfg:[0-9][0-9]*: error: " "$T/log" || fail "no refusal logged"
grep -q "breathe.cfg:[0-9][0-9]*: error: " "$T/err" || fail "no FILE:LINE line on stderr"
[ "$(grep -c "breathe.cfg:[0-9][0-9]*: error: " "$T/err")" -eq 1 ] || fail "the error twice"
refused=$(awk '/^reload refused/ { print NR; exit }' "$T/log")
after=$(awk -v r="$refused" 'NR > r && /^present .* session$/ { n++ } END { print n + 0 }' "$T/log")
[ "$after" -ge 2 ] || fail "no session after the refusal"
ended=$(awk -v r="$refused" 'NR > r && /^screen finished/ { n++ } END { print n + 0 }' "$T/log")
[ "$ended" -eq 0 ] || fail "the broken save ended it"
! grep -q "^state paused" "$T/log" || fail "a reload paused the session (a false clock jump)"

# ebb never rewrites a person's script
cmp -s "$T/breathe.cfg" "$T/broken.copy" || fail "the script was changed"

# the picker reads the selected exercise's file again when it is saved, and a session
# started from it then runs the new version
mkdir -p "$T/config/ebb/exercises"
echo 'default_exercise = "breathe";' > "$T/config/ebb/ebb.cfg"
script 1.0 1.0 > "$T/config/ebb/exercises/breathe.cfg"
(sleep 1.5; script 2.0 3.0 > "$T/config/ebb/exercises/breathe.cfg") &
writer=$!
EBB_TEST_LOG=$T/log EBB_TEST_KEYS="4.0:Return,4.5:Escape,5.0:Escape" timeout 60 "$EBB" \
    --no-checkin 2> "$T/err"
wait $writer
grep -q "^reload picker breathe" "$T/log" || fail "the picker did not read the edit"
picked=$(awk '/^reload picker/ { print NR; exit }' "$T/log")
started=$(awk '/^start breathe/ { print NR; exit }' "$T/log")
[ -n "$started" ] && [ "$picked" -lt "$started" ] || fail "no session after the picker's reload"
echo ok
