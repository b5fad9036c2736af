#!/usr/bin/env bash
# Full screen and HiDPI on Wayland (headless sway, one 1280x720 output at scale 2; the
# window floats so that its own size shows). A 400x300 window (points) draws 800x600
# pixels (ebb's own S screenshot is the drawable); F makes it full screen (sway's tree
# says so, and the drawable is the whole output, 1280x720), F again gives the window
# back; --fullscreen starts full screen.
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/wayland.bash"
export XDG_PICTURES_DIR=$T/pics
mkdir -p "$T/pics" "$T/state/ebb"
WL_EXTRA='for_window [app_id="io.github.ebb.Ebb"] floating enable'
wl_start 2

# the width and height of the newest screenshot, from its PNG header, then removed
shot_size() {
    local png i
    for i in $(seq 100); do
        png=$(ls "$T"/pics/ebb-*.png 2>/dev/null | head -1)
        [ -n "$png" ] && break
        sleep 0.05
    done
    [ -n "$png" ] || fail "no screenshot saved"
    od -An -tu1 -j16 -N8 "$png" |
        awk '{ printf "%dx%d\n", $1*16777216 + $2*65536 + $3*256 + $4, $5*16777216 + $6*65536 + $7*256 + $8 }'
    rm -f "$T"/pics/ebb-*.png
}
wait_view() { # FIELD VALUE
    local i
    for i in $(seq 100); do
        [ "$(wl_view "$1")" = "$2" ] && return 0
        sleep 0.05
    done
    fail "$1 is $(wl_view "$1"), not $2"
}

printf 'version = 1;\nwindow = { width = 400; height = 300; fullscreen = false; };\n' \
    >"$T/state/ebb/state.cfg"
ebb_bg --no-checkin box
wl_wait_log '^present [0-9]+ (session|paused)'
[ "$(wl_view fullscreen_mode)" = 0 ] || fail "started full screen"
[ "$(wl_view width)x$(wl_view height)" = 400x300 ] ||
    fail "the window is $(wl_view width)x$(wl_view height) points, not 400x300"
wl_key s
size=$(shot_size)
echo "a 400x300 window draws $size pixels"
[ "$size" = 800x600 ] || fail "at scale 2 a 400x300 window drew $size, not 800x600"

wl_key f
wait_view fullscreen_mode 1
sleep 0.3
wl_key s
size=$(shot_size)
echo "full screen draws $size pixels"
[ "$size" = 1280x720 ] || fail "full screen drew $size, not the output's 1280x720"

wl_key f
wait_view fullscreen_mode 0
wl_key q
wl_wait_exit 10 || fail "ebb exited with status $?"

ebb_bg --no-checkin --fullscreen box
wl_wait_log '^present [0-9]+ (session|paused)'
wait_view fullscreen_mode 1
wl_key q
wl_wait_exit 10 || fail "ebb exited with status $?"
echo ok
