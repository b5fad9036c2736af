#!/usr/bin/env bash
# The screen kept awake, as the X server sees it: under Xvfb with the screen saver set to
# blank after 1 s of no input (xset s 1 0), tests/tools/xsaver reads the saver's state
# (XScreenSaverQueryInfo). On the picker the screen blanks as usual; while a session
# runs it stays unblanked (ebb suspended the saver); back on the picker it blanks again.
# Waits are for a state, with long limits; nothing depends on how fast the machine is.
# Skips (77) without Xvfb, xset or xsaver (built when libXss's headers are there).
. "$(dirname "$0")/common.bash"
XSAVER=$BUILD/tests/xsaver
command -v Xvfb >/dev/null || { echo "skip: no Xvfb"; exit 77; }
command -v xset >/dev/null || { echo "skip: no xset (x11-xserver-utils)"; exit 77; }
[ -x "$XSAVER" ] || { echo "skip: no xsaver (no libXss headers)"; exit 77; }

exec 3>"$T/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset >"$T/xvfb.log" 2>&1 &
XVFB=$!
exec 3>&-
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; kill $XVFB 2>/dev/null; rm -rf "$T"' EXIT
for _ in $(seq 200); do [ -s "$T/display" ] && break; sleep 0.05; done
[ -s "$T/display" ] || fail "Xvfb did not start: $(cat "$T/xvfb.log")"
export DISPLAY=:$(head -n 1 "$T/display")
unset SDL_VIDEODRIVER
xset s 1 0 || fail "xset could not set the screen saver"
"$XSAVER" on 20 >/dev/null || fail "the screen saver of Xvfb never blanked with nobody there"

# wait_log PATTERN SECONDS: polls the log until a line matches.
wait_log() {
    local i
    for i in $(seq 1 $(($2 * 20))); do
        grep -qE -- "$1" "$T/log" 2>/dev/null && return 0
        sleep 0.05
    done
    return 1
}
show() { echo "FAIL: $1"; cat "$T/log" "$T/err" 2>/dev/null; exit 1; }

# the picker, a session from 8 s to 14 s of ebb's own time, then the picker again: the
# keys are ebb's test keys (not X input, which would wake the saver by itself)
EBB_TEST_LOG=$T/log EBB_TEST_KEYS="8:Return,14:Escape" timeout 120 "$EBB" --no-checkin \
    2>"$T/err" &
pid=$!
wait_log '^present [0-9]+ picker' 30 || show "the picker was not drawn"
# the picker keeps nothing awake: the screen blanks after its second of no input
s=$("$XSAVER" on 8) || show "the screen saver was $s on the picker"
grep -q '^screen session' "$T/log" && show "the session began before the picker was looked at"
echo "picker: the screen saver blanked"
wait_log '^awake on' 30 || show "the session did not keep the screen awake (log)"
# a running session: for 3 s (three times the timeout) the saver never blanks
for _ in $(seq 1 12); do
    s=$("$XSAVER")
    [ "$s" = off ] || show "the screen saver was $s while a session ran"
    sleep 0.25
done
grep -q '^key Escape' "$T/log" && show "the session ended before it was looked at"
echo "session: the screen saver stayed off for 3 s (timeout 1 s)"
# back on the picker: the saver is given back and blanks again
wait_log '^awake off' 30 || show "the screen was not let go (log)"
s=$("$XSAVER" on 10) || show "the screen saver was $s back on the picker"
echo "picker again: the screen saver blanked"
kill -TERM "$pid"
wait "$pid" || show "ebb ended with status $?"
pid=
grep -q '^exit 0' "$T/log" || show "ebb did not end cleanly"
[ ! -s "$T/err" ] || show "ebb wrote to stderr"
echo ok
