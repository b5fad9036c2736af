#!/usr/bin/env bash
# Two windows at once: each remembers what it changed. The first window makes the
# selected exercise slower in the picker and stays open; a second ebb meanwhile turns
# the volume up and quits; then the first closes (SIGTERM, as the window closing). The
# state file must hold both changes: the first window writes back only the keys it
# changed, over what is on disk, instead of its whole state from start-up. No sleep
# decides the order: the test waits for the first window's log to show its key handled.
. "$(dirname "$0")/common.bash"
set +e +o pipefail
pid=
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$T"' EXIT
f=$XDG_STATE_HOME/ebb/state.cfg
mkdir -p "$XDG_STATE_HOME/ebb"
printf 'version = 1;\naudio = { volume = 80; mute = false; };\n' >"$f"

EBB_TEST_LOG=$T/first.log EBB_TEST_KEYS="0.3:[" "$EBB" >"$T/first.out" 2>"$T/first.err" &
pid=$!
for _ in $(seq 1 200); do
    grep -q '^key \[' "$T/first.log" 2>/dev/null && grep -q '^present' "$T/first.log" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
done
grep -q '^key \[' "$T/first.log" || { cat "$T/first.log" "$T/first.err"; fail "the first window never took its key"; }
sleep 0.2 # the key's frame; nothing below depends on how long this takes

EBB_TEST_KEYS="0.3:=,0.6:Escape" timeout 60 "$EBB" --no-checkin box 2>"$T/second.err" ||
    { cat "$T/second.err"; fail "the second window failed"; }
grep -q "volume = 85;" "$f" || { cat "$f"; fail "the second window did not save its volume"; }

kill -s TERM "$pid"
for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
kill -0 "$pid" 2>/dev/null && { kill -9 "$pid"; fail "the first window did not quit"; }
wait "$pid"
status=$?
pid=
[ "$status" -eq 0 ] || { cat "$T/first.err"; fail "the first window exited $status"; }
grep -q 'pace = 1.100' "$f" || { cat "$f"; fail "the first window's slower pace was not saved"; }
grep -q "volume = 85;" "$f" || { cat "$f"; fail "the first window undid the second's volume"; }
[ "$(stat -c %a "$f")" = 600 ] || fail "state.cfg mode $(stat -c %a "$f")"
echo "app_state_two_windows: ok"
