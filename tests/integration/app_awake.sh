#!/usr/bin/env bash
# The screen is kept awake while a session runs and only then (engine/sdl/platform/awake.h): not
# on the picker; taken when a session starts; kept through a short pause, given back
# after a long one (a simulated clock jump stands for the minutes), taken again on
# resume; given back on Escape and at the end. The log's "awake on" / "awake off" lines
# say what SDL was told and reports back.
. "$(dirname "$0")/common.bash"
fail() { echo "FAIL: $1"; cat "$2"; exit 1; }

# picker -> session -> picker
EBB_TEST_LOG=$T/a EBB_TEST_KEYS="0.5:Return,1.5:Escape,2.5:Q" timeout 60 "$EBB" --no-checkin
awk '/^awake/ && !s { exit 1 } /^screen session/ { s = 1 } END { exit !s }' "$T/a" ||
    fail "the picker kept the screen awake (or no session started)" "$T/a"
[ "$(grep '^awake' "$T/a" | tr '\n' ' ')" = "awake on awake off " ] ||
    fail "expected one awake on, then off" "$T/a"
awk '/^start/ { s = 1 } /^awake on/ && s { on = 1 } /^key Escape/ && !on { exit 1 }
     /^key Escape/ { e = 1 } /^awake off/ && e { off = 1 } /^screen picker/ && e && !off { exit 1 }
     END { exit !(on && off) }' "$T/a" ||
    fail "not on with the session, off on the way back to the picker" "$T/a"

# a pause: kept for a while, given back after AWAKE_PAUSE_US (60 s), taken on resume
EBB_TEST_LOG=$T/b EBB_TEST_KEYS="0.5:P,2.0:P,3.0:Escape" EBB_TEST_JUMP="1.2:90" \
    timeout 60 "$EBB" --no-checkin box
# (the first "awake on" may come just before or just after "state paused": the session
# was running, or it is a pause of no length yet; either way it is kept awake)
awk '/^awake on/ { on = 1 } /^jump/ { exit !on }' "$T/b" || fail "not awake before the jump" "$T/b"
want="state paused|jump 90.0|awake off|state running|awake on|key Escape|awake off|"
got=$(sed -n '/^state paused/,$p' "$T/b" | grep -E '^(awake off|awake on|state|jump|key Escape)' |
    awk '!(NR == 2 && /^awake on/)' | tr '\n' '|')
[ "$got" = "$want" ] || { echo "got:  $got"; echo "want: $want"; fail "pause and awake" "$T/b"; }

# the end of a session gives it back
cat >"$T/short.cfg" <<'CFG'
version = 1;
exercise = { id = "short"; title = "Short"; kind = "breathing"; prepare = 0.5; cycles = 1;
  pattern = ( { phase = "inhale"; seconds = 1; }, { phase = "exhale"; seconds = 1; } ); };
CFG
EBB_TEST_LOG=$T/c EBB_TEST_KEYS="8:Q" timeout 60 "$EBB" --no-checkin "$T/short.cfg"
awk '/^awake on/ { on = 1 } /^screen finished/ { f = 1 } /^awake off/ && f && on { ok = 1 }
     /^key Q/ { exit } END { exit !ok }' "$T/c" ||
    fail "the end screen kept the screen awake" "$T/c"
echo ok
