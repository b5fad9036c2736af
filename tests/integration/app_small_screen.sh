#!/usr/bin/env bash
# Small screens, on a real X server (Xvfb) with no window manager:
# - on an 800x600 screen the first window fits it (at most the usable area, from
#   SDL_GetDisplayUsableBounds), not 1280x720 hanging off its edges, and no text is cut;
# - a remembered 300x200 window opens at the smallest laid-out size, 640x480;
# - F and --fullscreen cover the whole screen (nothing acts on SDL's request without a
#   window manager, so ebb sizes the window itself), and F again gives the window back.
# The window's place and size come from xwininfo, the picture's from a screenshot (S).
# Skips (77) without Xvfb or xwininfo.
. "$(dirname "$0")/common.bash"
command -v Xvfb >/dev/null || { echo "skip: no Xvfb"; exit 77; }
command -v xwininfo >/dev/null || { echo "skip: no xwininfo (x11-utils)"; exit 77; }
export XDG_PICTURES_DIR=$T/pics
mkdir -p "$T/pics"
unset SDL_VIDEODRIVER
XVFB=

# screen WxH: a fresh Xvfb of that size, with no window manager
screen() {
    [ -z "$XVFB" ] || { kill "$XVFB"; wait "$XVFB" 2>/dev/null || true; }
    rm -f "$T/display"
    exec 3>"$T/display"
    Xvfb -displayfd 3 -screen 0 "${1}x24" -nolisten tcp -noreset >"$T/xvfb.log" 2>&1 &
    XVFB=$!
    exec 3>&-
    for _ in $(seq 100); do [ -s "$T/display" ] && break; sleep 0.05; done
    [ -s "$T/display" ] || fail "Xvfb did not start: $(cat "$T/xvfb.log")"
    export DISPLAY=:$(head -n 1 "$T/display")
}
trap '[ -z "$XVFB" ] || kill $XVFB 2>/dev/null; rm -rf "$T"' EXIT

# geometry: ebb's window as WxH+X+Y, waiting until it is mapped at that size
geometry() {
    xwininfo -root -tree | awk '/"ebb": \("io.github.ebb.Ebb"/ { print $(NF-1) }' | head -n 1
}
# run KEYS ARGS...: ebb in the background; PID
run() {
    local keys=$1
    shift
    rm -f "$T/log"
    EBB_TEST_LOG=$T/log EBB_TEST_KEYS=$keys timeout 60 "$EBB" --no-checkin "$@" >"$T/out" 2>&1 &
    PID=$!
}
# wait_keys N: until ebb's log has N "key" lines
wait_keys() {
    local n
    for _ in $(seq 200); do
        n=$(grep -c '^key ' "$T/log" 2>/dev/null || true)
        [ "${n:-0}" -ge "$1" ] && return 0
        sleep 0.05
    done
    fail "ebb did not take $1 keys: $(cat "$T/out")"
}
# the size of the newest screenshot, from its PNG header
shot_size() {
    local png
    png=$(ls -t "$T"/pics/ebb-*.png | head -n 1)
    od -An -tu1 -j16 -N8 "$png" |
        awk '{ printf "%dx%d\n", $1*16777216 + $2*65536 + $3*256 + $4, $5*16777216 + $6*65536 + $7*256 + $8 }'
}
finish() {
    wait "$PID" || fail "ebb ended with status $?: $(cat "$T/out")"
    if grep -q '^clipped' "$T/log"; then grep '^clipped' "$T/log"; fail "text cut at $1"; fi
}

# an 800x600 screen: the window fits, and the session's text is whole
screen 800x600
run "1.0:S,2.0:Q" box
wait_keys 1
sleep 0.3
g=$(geometry)
echo "800x600 screen: window $g"
[ "$g" = 800x600+0+0 ] || fail "the first window on an 800x600 screen is $g"
[ "$(shot_size)" = 800x600 ] || fail "the picture is $(shot_size)"
finish 800x600

# a remembered tiny window: the smallest laid-out size
mkdir -p "$T/state/ebb"
printf 'version = 1;\nwindow = { width = 300; height = 200; fullscreen = false; };\n' \
    >"$T/state/ebb/state.cfg"
run "1.0:S,2.0:Q" box
wait_keys 1
sleep 0.3
g=$(geometry)
echo "remembered 300x200: window $g"
[ "${g%%+*}" = 640x480 ] || fail "a remembered 300x200 window opened as $g"
finish 640x480
rm -f "$T/state/ebb/state.cfg"

# full screen on a 1920x1080 screen: F covers it, F again gives the window back
screen 1920x1080
run "1.0:F,2.0:S,3.0:F,4.0:S,5.0:Q" box
wait_keys 2
sleep 0.3
g=$(geometry)
echo "F: window $g, picture $(shot_size)"
[ "$g" = 1920x1080+0+0 ] || fail "F: the window is $g, not the whole screen"
[ "$(shot_size)" = 1920x1080 ] || fail "F: the picture is $(shot_size)"
wait_keys 4
sleep 0.3
g=$(geometry)
echo "F again: window $g"
[ "$g" = 1280x720+320+180 ] || fail "F again: the window is $g, not 1280x720 in the middle"
finish 1920x1080
rm -f "$T/state/ebb/state.cfg"

run "1.0:S,2.0:Q" --fullscreen box
wait_keys 1
sleep 0.3
g=$(geometry)
echo "--fullscreen: window $g"
[ "$g" = 1920x1080+0+0 ] || fail "--fullscreen: the window is $g"
[ "$(shot_size)" = 1920x1080 ] || fail "--fullscreen: the picture is $(shot_size)"
finish 1920x1080
echo ok
