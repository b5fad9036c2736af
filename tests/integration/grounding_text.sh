#!/usr/bin/env bash
# Export five-senses in the middle of its first two steps and check from the pixels that
# each prompt is drawn large and centred in the words' band (below the figure, from half
# the height down), that the two steps' prompts differ, and that the count's dots fill:
# four of five pressed in the first frame, one of four in the second.
. "$(dirname "$0")/common.bash"
PROBE=$BUILD/tests/pngprobe

# presses every 5 s: step 1 has four at 22 s; step 2 begins at 26.2 s and has one at 32 s
"$EBB" --export "$T/out" --size 1280x720 --at 22,32 five-senses
TSV=$T/out/timeline.tsv
step2=$(awk -F'\t' '$2 == "step" && n++ == 1 { print $1 }' "$TSV")
awk -v t="$step2" 'BEGIN { exit !(t > 22 && t < 31.4) }' ||
    { echo "FAIL: the second step begins at $step2 s, not between the two frames"; exit 1; }

check() { awk "BEGIN { exit !($1) }" || { echo "FAIL: $2"; exit 1; }; }
# the dark theme's text colour is used by the prompt alone
text() { "$PROBE" spot "$T/out/frame-$1.png" 206 213 222 10; }
read -r x1 y1 n1 < <(text 000660)
read -r x2 y2 n2 < <(text 000960)
check "($x1 - 640) ^ 2 < 100 && ($x2 - 640) ^ 2 < 100" "prompts centred ($x1, $x2)"
check "$y1 > 360 && $y1 < 430 && $y2 > 360 && $y2 < 430" "prompts in the words' band ($y1, $y2)"
check "$n1 > 800 && $n2 > 800" "prompts large ($n1, $n2 pixels)"
check "($n1 - $n2) ^ 2 > 400 || ($x1 - $x2) ^ 2 > 4" "the two steps show different prompts"

# the dots: accent-coloured discs on the figure's row (0.25 of the height)
dots() { "$PROBE" spot "$T/out/frame-$1.png" 120 170 196 12; }
read -r dx1 dy1 dn1 < <(dots 000660)
read -r dx2 dy2 dn2 < <(dots 000960)
check "($dy1 - 180) ^ 2 < 4 && ($dy2 - 180) ^ 2 < 4" "dots on the figure's row ($dy1, $dy2)"
# four filled of five: their centre lies left of the middle; one of four: further left
check "$dx1 < 640 - 20 && $dx2 < $dx1 - 40" "dots fill from the left ($dx1, $dx2)"
check "$dn1 > 3 * $dn2 && $dn1 < 5 * $dn2" "four dots filled, then one ($dn1, $dn2 pixels)"
echo ok
