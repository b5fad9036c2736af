#!/usr/bin/env bash
# The sound device goes away mid-session (SDL_AUDIODEVICEREMOVED, as when headphones are
# pulled; simulated by the test hook): ebb reopens the default device (the dummy driver
# always has one) and the session runs on, its clock carrying on from where the sound
# stopped: no pause from a false clock jump, frames go on, a clean exit.
. "$(dirname "$0")/common.bash"

fail() { echo "FAIL: $*"; grep -v "^present" "$T/log"; cat "$T/err"; exit 1; }
EBB_TEST_LOG=$T/log EBB_TEST_LOSE_SOUND=1.0 EBB_TEST_KEYS="2.5:Escape" timeout 60 "$EBB" \
    --no-checkin box 2> "$T/err"
grep -q "^lose sound" "$T/log" || fail "the loss was not simulated"
grep -q "^sound reopened" "$T/log" || fail "the default device was not reopened"
! grep -q "^state paused" "$T/log" || fail "losing the sound paused the session"
n=$(awk '/^sound reopened/ { on = 1 } on && /^present .* session$/ { n++ } END { print n + 0 }' \
    "$T/log")
[ "$n" -ge 2 ] || fail "the session did not go on drawing ($n frames)"
grep -q "^exit 0" "$T/log" || fail "no clean exit"
[ ! -s "$T/err" ] || fail "a reopened device needs no message"
echo ok
