#!/usr/bin/env bash
# On Wayland the screen is kept awake through the compositor's idle-inhibit protocol,
# and only while a session runs: sway's tree shows the window's application inhibitor
# "enabled" in a session and "none" on the picker, after Escape and after the end.
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/wayland.bash"
wl_start 2
wait_idle() { # enabled|none
    local i
    for i in $(seq 100); do
        [ "$(wl_view idle)" = "$1" ] && return 0
        sleep 0.05
    done
    fail "the idle inhibitor is $(wl_view idle), not $1 ($2)"
}

ebb_bg --no-checkin
wl_wait_log '^present [0-9]+ picker'
wait_idle none "on the picker"
wl_key Return
wl_wait_log '^present [0-9]+ (session|paused)'
wait_idle enabled "in a session"
grep -q '^awake on (idle inhibitor)' "$T/log" || fail "the log does not say the inhibitor was taken"
wl_key p
wl_wait_log '^state paused'
wait_idle enabled "a short pause"
wl_key p
wl_key Escape
wl_wait_log '^screen picker' 20 2
wait_idle none "back on the picker"
wl_key q
wl_wait_exit 10 || fail "ebb exited with status $?"

# the end of a session lets go of it
cat >"$T/short.cfg" <<'CFG'
version = 1;
exercise = { id = "short"; title = "Short"; kind = "breathing"; prepare = 0.5; cycles = 1;
  pattern = ( { phase = "inhale"; seconds = 1; }, { phase = "exhale"; seconds = 1; } ); };
CFG
rm -f "$T/log"
ebb_bg --no-checkin "$T/short.cfg"
wl_wait_log '^present [0-9]+ (session|paused)'
wait_idle enabled "in a session"
! grep -q '^state paused' "$T/log" || wl_key p # it paused itself (a slow first frame): on
wl_wait_log '^screen finished'
wait_idle none "on the end screen"
wl_key q
wl_wait_exit 10 || fail "ebb exited with status $?"
echo ok
