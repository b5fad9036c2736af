#!/usr/bin/env bash
# A still screen sleeps: the end screen and the history screen wait for a key instead
# of waking the loop again and again (they once spun at 100 % of a core, because the
# wait was cut to a look at the script that those screens never take). The test log
# writes "wake N SCREEN" each time the sleeping loop wakes; while a test key is due the
# loop looks every 100 ms, so a few seconds on a screen give some tens of wakes, where
# a spinning loop gives many thousands.
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

EBB_TEST_LOG=$T/end EBB_TEST_KEYS="4.5:Escape" timeout 60 "$EBB" --no-checkin quick
grep -q "^screen finished" "$T/end" || { echo "FAIL: the end screen was not reached"; cat "$T/end"; exit 1; }
n=$(wakes "$T/end" finished)
[ "$n" -ge 1 ] || fail "no wake on the end screen was logged"
[ "$n" -le 100 ] || fail "the end screen woke the loop $n times in under 4 s (it spins)"
echo "end screen: $n wakes"

EBB_TEST_LOG=$T/hist EBB_TEST_KEYS="0.5:J,3.5:Escape,4.0:Escape" timeout 60 "$EBB" --no-checkin
grep -q "^screen history" "$T/hist" || { echo "FAIL: J did not open the history"; cat "$T/hist"; exit 1; }
n=$(wakes "$T/hist" history)
[ "$n" -ge 1 ] || fail "no wake on the history screen was logged"
[ "$n" -le 100 ] || fail "the history screen woke the loop $n times in 3 s (it spins)"
echo "history screen: $n wakes"
echo ok
