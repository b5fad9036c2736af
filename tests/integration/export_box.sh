#!/usr/bin/env bash
# Export `box` in the middle of each of its four phases and check from the pixels that the
# dot travels one side of the square per phase: inhale up the left side, hold across the
# top, exhale down the right side, rest along the bottom.
. "$(dirname "$0")/common.bash"
PROBE=$BUILD/tests/pngprobe

"$EBB" --export "$T/out" --size 960x540 --at 5,9,13,17 box
dot() { "$PROBE" spot "$T/out/frame-$1.png" 120 170 196 12; } # the dark theme's accent
read -r x0 y0 _ < <(dot 000150) # inhale, mid
read -r x1 y1 _ < <(dot 000270) # hold, mid
read -r x2 y2 _ < <(dot 000390) # exhale, mid
read -r x3 y3 _ < <(dot 000510) # rest, mid
check() { awk "BEGIN { exit !($1) }" || { echo "FAIL: $2 ($x0,$y0 $x1,$y1 $x2,$y2 $x3,$y3)"; exit 1; }; }
check "$x0 < $x1 - 100 && $x1 < $x2 - 100" "left, top, right sides from left to right"
check "($x1 - $x3) ^ 2 < 4 && ($x0 + $x2) / 2 - $x1 < 3" "top and bottom midpoints share a column"
check "$y1 < $y0 - 100 && $y0 < $y3 - 100" "top above left side's middle above bottom"
check "($y0 - $y2) ^ 2 < 4" "left and right midpoints share a row"
echo ok
