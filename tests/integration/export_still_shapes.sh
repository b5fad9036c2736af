#!/usr/bin/env bash
# Two calm layouts, from export frames of box (prepare 3 s, inhale 3-7 s, hold 7-11 s):
# - --reduced-motion --visual wave draws one whole cycle of the breath, still (the top of
#   the hold is there at every instant; no flat line through the middle), and its light
#   follows the breath (a point of the shape differs between level 0 and level 1);
# - --visual none puts the words and the seconds in the middle of the window, not low
#   under an empty area.
# Geometry from engine/sdl/draw/visuals.h at 1280x720: centre y 0.44 * 720 = 317, full
# 0.30 * 720 = 216, so the wave's top is at y 101 and its bottom at y 511.
. "$(dirname "$0")/common.bash"
PROBE=$BUILD/tests/pngprobe

"$EBB" --export "$T/rm" --size 1280x720 --at 3.2,6.8,9 --visual wave --reduced-motion box
lum() { "$PROBE" pixel "$1" "$2" "$3" | awk '{ print int(.299*$1 + .587*$2 + .114*$3) }'; }
bg=$(lum "$T/rm/frame-000096.png" 640 650)
for f in 000096 000204 000270; do
    top=$(lum "$T/rm/frame-$f.png" 500 101)
    mid=$(lum "$T/rm/frame-$f.png" 500 306)
    [ "$top" -gt $((bg + 20)) ] || fail "reduced-motion wave, frame $f: no still shape at the top ($top, background $bg)"
    [ "$mid" -lt $((bg + 10)) ] || fail "reduced-motion wave, frame $f: a line through the middle ($mid)"
done
a=$(lum "$T/rm/frame-000096.png" 500 101) b=$(lum "$T/rm/frame-000204.png" 500 101)
[ "$b" -gt $((a + 10)) ] || fail "reduced-motion wave: the light does not follow the breath ($a, $b)"

"$EBB" --export "$T/none" --size 1280x720 --at 5 --visual none box
# the words' colour (the dark theme's text), where it is drawn
read -r x y n < <("$PROBE" spot "$T/none/frame-000150.png" 206 213 222 10)
awk -v x="$x" -v y="$y" -v n="$n" 'BEGIN { exit !((x - 640) ^ 2 < 400 && y > 300 && y < 400 && n > 200) }' ||
    fail "--visual none: the words are not in the middle ($x $y $n)"
echo ok
