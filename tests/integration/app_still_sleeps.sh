#!/usr/bin/env bash
# A still screen sleeps: the end screen and the history screen wait for a key instead
# of waking the loop again and again (they once spun at 100 % of a core, because the
# wait was cut to a look at the script that those screens never take). The test log
# writes "wake N SCREEN" each time the sleeping loop wakes; with no test key due the
# loop looks once a second, so three seconds on a screen give a few wakes, where a
# spinning loop gives many thousands.
. "$(dirname "$0")/common.bash"

mkdir -p "$XDG_CONFIG_HOME/ebb/exercises"
cat >"$XDG_CONFIG_HOME/ebb/exercises/quick.cfg" <<'CFG'
version = 1;
exercise = {
  id = "quick"; title = "Quick"; kind = "breathing"; prepare = 0.0; cycles = 1;
  pattern = ( { phase = "inhale"; seconds = 0.5; }, { phase = "exhale"; seconds = 0.5; } );
};
CFG

# wakes LOG SCREEN: the wakes of the loop on SCREEN
wakes() { awk -v s="$2" '$1 == "wake" && $3 == s { n++ } END { print n + 0 }' "$1"; }
# wait_for PATTERN FILE: waits (at most 60 s) for a line of the test log
wait_for() { for _ in $(seq 600); do grep -q "$1" "$2" 2>/dev/null && return 0; sleep 0.1; done; return 1; }

# The end screen, left alone for 3 s (ebb then ends by SIGTERM, as a closed window).
# With no test key due, the loop looks once a second: a handful of wakes.
EBB_TEST_LOG=$T/end timeout 120 "$EBB" --no-checkin quick &
ebb=$!
wait_for "^screen finished" "$T/end" || { kill $ebb; echo "FAIL: the end screen was not reached"; cat "$T/end"; exit 1; }
sleep 3
kill -TERM $ebb
wait $ebb || true
n=$(wakes "$T/end" finished)
[ "$n" -ge 1 ] || fail "no wake on the end screen was logged"
[ "$n" -le 30 ] || fail "the end screen woke the loop $n times in 3 s (it spins)"
echo "end screen: $n wakes"

EBB_TEST_LOG=$T/hist EBB_TEST_KEYS="0.5:J" timeout 120 "$EBB" --no-checkin &
ebb=$!
wait_for "^screen history" "$T/hist" || { kill $ebb; echo "FAIL: J did not open the history"; cat "$T/hist"; exit 1; }
sleep 3
kill -TERM $ebb
wait $ebb || true
n=$(wakes "$T/hist" history)
[ "$n" -ge 1 ] || fail "no wake on the history screen was logged"
[ "$n" -le 30 ] || fail "the history screen woke the loop $n times in 3 s (it spins)"
echo "history screen: $n wakes"
echo ok
