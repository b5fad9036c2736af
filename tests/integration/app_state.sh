#!/usr/bin/env bash
# The state file: garbage in it is one warning and the defaults (the program still
# runs); what the person changes (volume) is written with mode 0600 in a 0700 folder;
# a length chosen in the picker is remembered for that exercise.
. "$(dirname "$0")/common.bash"
mkdir -p "$T/state/ebb"
printf 'version = 1;\nwindow = { width = \001\002 ((' >"$T/state/ebb/state.cfg"

EBB_TEST_KEYS="0.3:Escape" timeout 60 "$EBB" box 2>"$T/err"
grep -q "state.cfg.*warning.*using defaults" "$T/err" || { echo "FAIL: no warning:"; cat "$T/err"; exit 1; }
[ "$(grep -c state.cfg "$T/err")" -eq 1 ] || { echo "FAIL: more than one line"; exit 1; }

# volume up once (80 -> 85), then leave: the state is written, 0600, folder 0700
rm -rf "$T/state/ebb"
EBB_TEST_KEYS="0.3:=,0.6:Escape" timeout 60 "$EBB" box
f=$T/state/ebb/state.cfg
[ -f "$f" ] || { echo "FAIL: no state file"; exit 1; }
[ "$(stat -c %a "$f")" = 600 ] || { echo "FAIL: mode $(stat -c %a "$f")"; exit 1; }
[ "$(stat -c %a "$T/state/ebb")" = 700 ] || { echo "FAIL: folder mode"; exit 1; }
grep -q "volume = 85;" "$f" || { echo "FAIL: volume not remembered:"; cat "$f"; exit 1; }

# in the picker, find our exercise with the filter, make it one cycle longer (while the
# filter is typed), clear the filter (the selection stays), make it slower, quit
mkdir -p "$T/config/ebb/exercises"
cat >"$T/config/ebb/exercises/zq-state.cfg" <<'CFG'
version = 1;
exercise = { id = "zq-state"; title = "Zq state"; kind = "breathing"; cycles = 5;
  pattern = ( { phase = "inhale"; seconds = 4.0; }, { phase = "exhale"; seconds = 4.0; } ); };
CFG
EBB_TEST_KEYS="0.3:/,0.4:z,0.5:q,0.6:-,0.7:s,0.8:Right,0.9:Escape,1.0:[,1.1:Escape" \
    timeout 60 "$EBB"
grep -q 'id = "zq-state"; cycles = 6;' "$f" || { echo "FAIL: length not remembered:"; cat "$f"; exit 1; }
grep -q 'id = "zq-state";.*pace = 1.100' "$f" || { echo "FAIL: pace not remembered:"; cat "$f"; exit 1; }
grep -q "volume = 85;" "$f" || { echo "FAIL: the volume was forgotten"; exit 1; }
echo ok
