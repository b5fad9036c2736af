#!/usr/bin/env bash
# ebb on Wayland, natively, under a headless sway: SDL's wayland driver is chosen by
# itself, the window's app id is io.github.ebb.Ebb (the .desktop file's name), the
# picker and a session are drawn (grim's screenshots of the output), and Q and Escape
# leave. How long leaving took (from wtype's return, the key sent, to the process gone,
# the fade included) is printed; only past a gross 1 s does the test fail.
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/wayland.bash"
PNGCMP=$BUILD/tests/pngcmp
wl_start 2

ebb_bg --no-checkin
wl_wait_log '^present [0-9]+ picker'
grep -qx "video wayland" "$T/log" || { cat "$T/log" "$T/ebb.err"; fail "not on the wayland driver"; }
[ "$(wl_view app_id)" = io.github.ebb.Ebb ] || fail "app id is $(wl_view app_id)"
[ "$(wl_view shell)" = xdg_shell ] || fail "shell is $(wl_view shell), not xdg_shell"

timeout 20 grim "$T/picker.png" || fail "grim"
n=$("$PNGCMP" colours "$T/picker.png")
[ "$n" -gt 50 ] || fail "the picker's picture has $n colours: nothing drawn?"

wl_key Return
wl_wait_log '^present [0-9]+ (session|paused)'
sleep 0.5
timeout 20 grim "$T/session.png" || fail "grim"
read -r w h diff < <("$PNGCMP" same "$T/picker.png" "$T/session.png" 16)
[ "$w"x"$h" = 1280x720 ] || fail "the output is ${w}x$h"
[ "$diff" -gt 20000 ] || fail "the session looks like the picker ($diff pixels differ)"

wl_key Escape
wl_wait_log '^screen picker' 20 2 # the second one: back from the session

wl_key q
t0=$(now_ms) # wtype has sent the key and returned
wl_wait_exit 10 || fail "ebb exited with status $?"
ms=$(( $(now_ms) - t0 ))
echo "Q left in $ms ms"
grep -q '^exit 0' "$T/log" || fail "no clean exit"

# leave_ms KEY ARGS...: starts ebb with ARGS, waits for its first picture, sends KEY and
# sets ms to the milliseconds from the key sent to the process gone.
leave_ms() {
    local key=$1 t0
    shift
    rm -f "$T/log"
    ebb_bg --no-checkin "$@"
    wl_wait_log '^present [0-9]+ (picker|session|paused)'
    wl_key "$key"
    t0=$(now_ms)
    wl_wait_exit 10 || fail "ebb exited with status $?"
    ms=$(( $(now_ms) - t0 ))
}

# The bound is gross (the goal is 300 ms, the fade included) and the machine is shared:
# a measure over 1 s is taken again, and only three in a row over 1 s fail.
tries=1
while [ "$ms" -gt 1000 ] && [ $tries -lt 3 ]; do
    leave_ms q
    tries=$(( tries + 1 ))
    echo "Q left in $ms ms (again)"
done
[ "$ms" -le 1000 ] || fail "Q took more than 1 s to leave, three times"

# started with an exercise, Escape leaves
tries=0 ms=1001
while [ "$ms" -gt 1000 ] && [ $tries -lt 3 ]; do
    leave_ms Escape box
    tries=$(( tries + 1 ))
    echo "Escape left in $ms ms"
done
[ "$ms" -le 1000 ] || fail "Escape took more than 1 s to leave, three times"
echo ok
