#!/usr/bin/env bash
# Export `box --visual circle` at the start, middle and end of the first inhale and check
# from the pixels that the disc's radius follows the breath level:
#   r = R * (0.35 + 0.65 * level), R = 0.30 * min(width, height)   (engine/sdl/draw/visuals.h)
# box: prepare 3 s, inhale 4 s (smooth ease): level 0 at 3.0 s, 0.5 at 5.0 s, 1 at 7.0 s.
# With --reduced-motion the disc keeps its size and its light follows the breath instead.
. "$(dirname "$0")/common.bash"
PROBE=$BUILD/tests/pngprobe

"$EBB" --export "$T/out" --size 1280x720 --at 3,5,7 --visual circle box
"$EBB" --export "$T/rm" --size 1280x720 --at 3,7 --visual circle --reduced-motion box

radius() { "$PROBE" disc "$1" | awk '{print $3}'; }
near() { # near VALUE EXPECTED TOLERANCE WHAT
    awk -v v="$1" -v e="$2" -v t="$3" 'BEGIN { exit !(v >= e - t && v <= e + t) }' ||
        { echo "FAIL: $4: radius $1, expected $2 ± $3"; exit 1; }
}
R=216 # 0.30 * 720
near "$(radius "$T/out/frame-000090.png")" "$(awk -v R=$R 'BEGIN{print R*0.35}')" 2.5 "start of inhale (level 0)"
near "$(radius "$T/out/frame-000150.png")" "$(awk -v R=$R 'BEGIN{print R*(0.35+0.65*0.5)}')" 2.5 "mid inhale (level 0.5)"
near "$(radius "$T/out/frame-000210.png")" "$R" 2.5 "end of inhale (level 1)"

# reduced motion: the same size at both ends, a different light
a=$("$PROBE" disc "$T/rm/frame-000090.png" 20 | awk '{print $3}')
b=$("$PROBE" disc "$T/rm/frame-000210.png" 20 | awk '{print $3}')
near "$a" "$b" 1.5 "reduced motion keeps the size"
c1=$("$PROBE" pixel "$T/rm/frame-000090.png" 640 316)
c2=$("$PROBE" pixel "$T/rm/frame-000210.png" 640 316)
[ "$c1" != "$c2" ] || { echo "FAIL: reduced motion: the light does not follow the breath ($c1)"; exit 1; }
# and it differs from the moving picture
[ "$(radius "$T/out/frame-000210.png")" != "$b" ] || { echo "FAIL: reduced motion draws the same"; exit 1; }
echo ok
