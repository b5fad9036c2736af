#!/usr/bin/env bash
# A scale-2 Wayland output gets a sharp picture, not one drawn at half the pixels and
# upscaled: what the compositor shows (grim's capture of the output) is ebb's own
# drawable (its S screenshot) pixel for pixel, and neighbouring pixels differ as often
# inside any 2x2 block as across blocks (an upscaled picture repeats each pixel).
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/wayland.bash"
PNGCMP=$BUILD/tests/pngcmp
export XDG_PICTURES_DIR=$T/pics
mkdir -p "$T/pics"
wl_start 2

ebb_bg --no-checkin
wl_wait_log '^present [0-9]+ picker'
[ "$(wl_view width)x$(wl_view height)" = 640x360 ] ||
    fail "the window is $(wl_view width)x$(wl_view height) points on a 1280x720 output at scale 2"
sleep 0.3
timeout 20 grim "$T/output.png" || fail "grim"
wl_key s
for i in $(seq 100); do
    ls "$T"/pics/ebb-*.png >/dev/null 2>&1 && break
    sleep 0.05
done
shot=$(ls "$T"/pics/ebb-*.png 2>/dev/null | head -1)
[ -n "$shot" ] || fail "no screenshot"
read -r w h diff < <("$PNGCMP" same "$T/output.png" "$shot" 8) ||
    fail "the output and ebb's picture differ in size (drawn at half the pixels?)"
echo "output ${w}x$h, $diff pixels differ from ebb's own picture"
[ "$diff" -le $(( w * h / 100 )) ] || fail "$diff pixels differ: the output is not ebb's picture"
read -r inside between < <("$PNGCMP" blocky "$T/output.png")
echo "neighbours differing inside 2x2 blocks: $inside, across them: $between"
[ "$between" -gt 500 ] || fail "almost nothing drawn"
[ $(( inside * 3 )) -ge "$between" ] || fail "the picture is blocky: upscaled, not sharp"
wl_key q
wl_wait_exit 10 || fail "ebb exited with status $?"
echo ok
