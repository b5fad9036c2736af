#!/usr/bin/env bash
# The box's square has clean corners at 1920x1080 (as in full screen): the pixel just
# inside each outer corner has the colour of the side, and the pixels just past the
# corner, along both sides and diagonally, are background (no notch, no overshoot).
# With reduced motion too, where the line is wider.
. "$(dirname "$0")/common.bash"
PROBE=$BUILD/tests/pngprobe

# 1080 high: the square's side is 1.6 * 0.30 * 1080 = 518.4 around (960, 475.2), so its
# corners are at x 700.8 and 1219.2, y 216 and 734.4; the line is 4.5 (6 with reduced
# motion) wide, centred on them
for mode in plain reduced; do
    o=()
    [ $mode = reduced ] && o=(--reduced-motion)
    "$EBB" --export "$T/$mode" --size 1920x1080 --at 5 "${o[@]}" box
    f=$T/$mode/frame-000150.png
    px() { "$PROBE" pixel "$f" "$1" "$2"; }
    bg=$(px 960 600)
    top=$(px 960 214) bottom=$(px 960 735)
    [ "$top" != "$bg" ] && [ "$bottom" != "$bg" ] || fail "$mode: no square ($top $bottom $bg)"
    for c in "699 214 $top" "1220 214 $top" "699 735 $bottom" "1220 735 $bottom"; do
        read -r x y r g b <<<"$c"
        [ "$(px "$x" "$y")" = "$r $g $b" ] || fail "$mode: corner pixel $x,$y is $(px "$x" "$y"), not $r $g $b"
    done
    for c in "695 210" "695 214" "699 210" "1224 210" "1224 214" "1220 210" \
        "695 739" "695 735" "699 739" "1224 739" "1224 735" "1220 739"; do
        read -r x y <<<"$c"
        [ "$(px "$x" "$y")" = "$bg" ] || fail "$mode: $x,$y past a corner is $(px "$x" "$y"), not background"
    done
done
echo ok
