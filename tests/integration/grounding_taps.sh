#!/usr/bin/env bash
# Export butterfly-hug and check the bilateral taps: timeline.tsv's tap cues alternate
# left, right; in frames just after two consecutive taps the mark on the tap's side is
# lit and the other is not; the "rest" between two sets lights neither; and in
# audio.wav each tap's tick sounds at least 6 dB louder on its own side.
. "$(dirname "$0")/common.bash"
PNG=$BUILD/tests/pngprobe
WAV=$BUILD/tests/wavprobe

"$EBB" --export "$T/plan" --at 0 butterfly-hug
TSV=$T/plan/timeline.tsv
awk -F'\t' '$2 == "cue" && $4 != "-" { print $1, $4 }' "$TSV" > "$T/taps"
n=$(wc -l < "$T/taps")
[ "$n" = 48 ] || { echo "FAIL: $n sided tap cues, expected 6 sets of 8"; exit 1; }
awk 'NR > 1 && $2 == prev { printf "FAIL: two %s taps in a row at %s\n", $2, $1; bad = 1 }
     { prev = $2 } END { exit bad }' "$T/taps"
read -r tl sl < <(sed -n 1p "$T/taps")
read -r tr sr < <(sed -n 2p "$T/taps")
read -r last8 _ < <(sed -n 8p "$T/taps")
[ "$sl" = left ] && [ "$sr" = right ] || { echo "FAIL: taps begin $sl, $sr"; exit 1; }

# frames a tenth of a second after each tap, and in the middle of the first rest
at() { awk -v t="$1" -v d="$2" 'BEGIN { printf "%.3f", t + d }'; }
frame() { awk -v t="$1" 'BEGIN { printf "%06d", int(t * 30 + 0.5) }'; }
a=$(at "$tl" 0.1) b=$(at "$tr" 0.1) r=$(at "$last8" 3.0)
"$EBB" --export "$T/out" --size 1280x720 --at "$a,$b,$r" butterfly-hug

# the marks' centres at 1280x720 (grounding_view.h): x = 640 -/+ 360, y = 0.25 * 720
lum() { "$PNG" pixel "$T/out/frame-$1.png" "$2" 180 | awk '{ print int(.299*$1 + .587*$2 + .114*$3) }'; }
fa=$(frame "$a") fb=$(frame "$b") fr=$(frame "$r")
l1=$(lum "$fa" 280) r1=$(lum "$fa" 1000)
l2=$(lum "$fb" 280) r2=$(lum "$fb" 1000)
l3=$(lum "$fr" 280) r3=$(lum "$fr" 1000)
check() { awk "BEGIN { exit !($1) }" || { echo "FAIL: $2"; exit 1; }; }
check "$l1 > $r1 + 60" "left mark lit at a left tap ($l1 vs $r1)"
check "$r2 > $l2 + 60" "right mark lit at the next tap ($r2 vs $l2)"
check "($l2 - $r1) ^ 2 < 16 && ($r2 - $l1) ^ 2 < 16" "lit and quiet look the same on both sides"
check "($l3 - $r1) ^ 2 < 16 && ($r3 - $r1) ^ 2 < 16" "both quiet while resting ($l3, $r3)"

# the ticks, panned: 150 ms from each of the first two taps
bal() { "$WAV" "$T/plan/audio.wav" balance "$1" "$(at "$1" 0.15)"; }
bl=$(bal "$tl") br=$(bal "$tr")
check "$bl >= 6 && $br <= -6" "ticks panned to their side ($bl dB, $br dB)"
echo "ok: $l1/$r1 $l2/$r2 $l3/$r3, $bl / $br dB"
