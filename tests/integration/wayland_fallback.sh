#!/usr/bin/env bash
# ebb falls back to X11 by itself: with $WAYLAND_DISPLAY naming no compositor but an X
# server there (sway's XWayland), it opens on the x11 driver, as an XWayland window
# whose WM_CLASS is io.github.ebb.Ebb (matched to the .desktop file as on Wayland), and
# keys still reach it. SDL_VIDEODRIVER=x11 is obeyed even with a compositor there. With
# neither, ebb says so and exits 1 (SDL would otherwise draw on its offscreen driver).
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/wayland.bash"
command -v Xwayland >/dev/null || fail "Xwayland is not installed (scripts/dev deps installs it)"
wl_start 2

# sway's XWayland display, as its own children see it
rm -f "$XDG_RUNTIME_DIR/display"
swaymsg exec 'echo "$DISPLAY $XAUTHORITY" >"$XDG_RUNTIME_DIR/display"' >/dev/null ||
    fail "swaymsg exec"
for i in $(seq 100); do
    [ -s "$XDG_RUNTIME_DIR/display" ] && break
    sleep 0.05
done
read -r x auth <"$XDG_RUNTIME_DIR/display" || true
[ -n "$x" ] || fail "sway has no XWayland display"
[ -z "$auth" ] || export XAUTHORITY=$auth
# XWayland lets in only its own user; as root (CI) ebb is another one
if [ "$(id -u)" -eq 0 ]; then
    command -v xhost >/dev/null || fail "xhost is not installed (scripts/dev deps installs it)"
    DISPLAY=$x setpriv --reuid=65534 --regid=65534 --clear-groups xhost +si:localuser:root \
        >/dev/null || fail "xhost"
fi

check_x11() { # what it is: a phrase for the failure
    wl_wait_log '^present [0-9]+ (session|paused)'
    grep -qx "video x11" "$T/log" || { cat "$T/log" "$T/ebb.err"; fail "$1: not on x11"; }
    [ "$(wl_view shell)" = xwayland ] || fail "$1: the window's shell is $(wl_view shell)"
    [ "$(wl_view class)" = io.github.ebb.Ebb ] || fail "$1: WM_CLASS is $(wl_view class)"
    wl_key q
    wl_wait_exit 20 || fail "$1: ebb exited with status $?"
}

DISPLAY=$x WAYLAND_DISPLAY=no-compositor-here ebb_bg --no-checkin box
check_x11 "no compositor at \$WAYLAND_DISPLAY"
rm -f "$T/log"
DISPLAY=$x SDL_VIDEODRIVER=x11 ebb_bg --no-checkin box
check_x11 "SDL_VIDEODRIVER=x11"

# neither: one line and exit 1, never a window nobody sees (SDL's offscreen driver)
st=0
env -u DISPLAY WAYLAND_DISPLAY=no-compositor-here timeout 20 "$EBB" --no-checkin box \
    2>"$T/err" || st=$?
[ "$st" -eq 1 ] || { cat "$T/err"; fail "with no display: exit $st, expected 1"; }
grep -q "^ebb: cannot open the display: neither Wayland" "$T/err" || { cat "$T/err"; fail "no reason given"; }
echo ok
