#!/usr/bin/env bash
# With no sound device (a driver that does not exist, or ALSA with no card) the session
# runs silently: one line on stderr says so, nothing else (ALSA's own lines are kept
# off the terminal), and the program leaves cleanly. The dummy driver is a working,
# silent device: no line at all.
. "$(dirname "$0")/common.bash"

run() { # DRIVER NAME
    SDL_AUDIODRIVER=$1 EBB_TEST_LOG=$T/$2.log EBB_TEST_KEYS="1.0:Escape" \
        timeout 60 "$EBB" --no-checkin box 2> "$T/$2.err"
    grep -q "^screen session" "$T/$2.log" || { echo "FAIL: $2: no session"; exit 1; }
    grep -q "^exit 0" "$T/$2.log" || { echo "FAIL: $2: no clean exit"; exit 1; }
}

run nonexistent missing
[ "$(wc -l < "$T/missing.err")" = 1 ] || { echo "FAIL: want one line:"; cat "$T/missing.err"; exit 1; }
grep -q "^ebb: no sound: no sound server or device was found; the session runs silently$" "$T/missing.err" || { echo "FAIL:"; cat "$T/missing.err"; exit 1; }

# ALSA with no card (as on a machine without one): the same single line, no ALSA noise
if [ ! -e /dev/snd/controlC0 ]; then
    run alsa alsa
    [ "$(wc -l < "$T/alsa.err")" -le 1 ] || { echo "FAIL: ALSA:"; cat "$T/alsa.err"; exit 1; }
    ! grep -qi "^ALSA lib" "$T/alsa.err" || { echo "FAIL: ALSA printed"; exit 1; }
fi

run dummy dummy
[ ! -s "$T/dummy.err" ] || { echo "FAIL: dummy is a working device:"; cat "$T/dummy.err"; exit 1; }
echo ok
