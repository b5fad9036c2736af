#!/usr/bin/env bash
# Pause stops frame production: after Space pauses a breathing session, the paused
# picture is drawn once and nothing more until a key comes (the log counts presents).
# A simulated clock jump of 10 s (the machine slept) pauses the session by itself.
. "$(dirname "$0")/common.bash"

EBB_TEST_LOG=$T/a EBB_TEST_KEYS="0.8:Space,2.3:Escape" timeout 60 "$EBB" --no-checkin box
grep -q "^state paused" "$T/a" || { echo "FAIL: Space did not pause"; cat "$T/a"; exit 1; }
# presents between the pause and the next key: exactly one (the paused picture)
n=$(awk '/^state paused/ { on = 1; next } /^key/ && on { exit } on && /^present/ { n++ } END { print n + 0 }' "$T/a")
[ "$n" -eq 1 ] || { echo "FAIL: $n presents while paused, expected 1"; cat "$T/a"; exit 1; }
# and while running it does draw continuously
r=$(awk '/^present .* session$/ { n++ } END { print n + 0 }' "$T/a")
[ "$r" -ge 2 ] || { echo "FAIL: a running session drew $r frames"; exit 1; }

EBB_TEST_LOG=$T/b EBB_TEST_JUMP="0.3:10" EBB_TEST_KEYS="1.0:Escape" timeout 60 "$EBB" --no-checkin box
awk '/^jump/ { j = 1 } /^state paused/ && j { ok = 1 } /^key/ && !ok { exit 1 } END { exit !ok }' "$T/b" ||
    { echo "FAIL: a clock jump did not pause the session"; cat "$T/b"; exit 1; }
echo ok
