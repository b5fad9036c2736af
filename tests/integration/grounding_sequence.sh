#!/usr/bin/env bash
# Export the sequence too-much and check it runs through all three items: orienting's six
# steps, a transition row naming 5-4-3-2-1 senses, its five steps, a transition naming
# Long exhale, breathing phases, and one end. A frame in the first transition shows its
# words where a step's prompt would be, and the still point in the figure's place.
. "$(dirname "$0")/common.bash"
PNG=$BUILD/tests/pngprobe

timeout 120 "$EBB" --export "$T/out" --size 1280x720 --at 0 too-much
TSV=$T/out/timeline.tsv
fail() { echo "FAIL: $1"; exit 1; }
# the order of what happened, one word per row kind (cue and press rows left out)
awk -F'\t' 'NR > 1 && $2 != "cue" && $2 != "press" && $2 != "phase" { print $2 "|" $5 }' \
    "$TSV" > "$T/order"
expected="step|Let your eyes move slowly around the room
step|Slowly turn your head to the left
step|And slowly to the right
step|Name three things you see
step|Find something pleasant or neutral to rest your eyes on
step|You are here, in this room, right now
transition|5-4-3-2-1 senses
step|Five things you can see
step|Four things you can touch
step|Three things you can hear
step|Two things you can smell
step|One thing you can taste
transition|Long exhale
prepare|-
end|-"
[ "$(cat "$T/order")" = "$expected" ] || { echo "FAIL: the sequence ran as"; cat "$T/order"; exit 1; }
t1=$(awk -F'\t' '$2 == "transition" { print $1; exit }' "$TSV")
t2=$(awk -F'\t' '$2 == "transition" { n++; if (n == 2) print $1 }' "$TSV")
phases=$(awk -F'\t' -v t="$t2" '$2 == "phase" && $1 > t' "$TSV" | wc -l)
[ "$phases" -ge 20 ] || fail "only $phases breathing phases after the second transition"
[ "$(tail -n 2 "$TSV" | head -n 1 | cut -f2)" = end ] || fail "the end is not the last event"

# the first transition's screen, 2 s in (it waits for a press; export presses every 5 s)
t=$(awk -v t="$t1" 'BEGIN { printf "%.3f", t + 2 }')
"$EBB" --export "$T/tr" --size 1280x720 --at "$t" too-much
f=$(awk -v t="$t" 'BEGIN { printf "%06d", int(t * 30 + 0.5) }')
read -r x y n < <("$PNG" spot "$T/tr/frame-$f.png" 206 213 222 10)
# the title and "Press Space when you are ready" below it, in the text's colour
awk -v x="$x" -v y="$y" -v n="$n" 'BEGIN { exit !((x - 640) ^ 2 < 400 && y > 380 && y < 480 && n > 500) }' ||
    fail "the transition's title is not in the words' band ($x $y $n)"
lum() { "$PNG" pixel "$T/tr/frame-$f.png" 640 "$1" | awk '{ print int(.299*$1 + .587*$2 + .114*$3) }'; }
mid=$(lum 180) above=$(lum 60)
awk -v a="$mid" -v b="$above" 'BEGIN { exit !(a > b + 30) }' ||
    fail "no still point at the figure ($mid over $above)"
echo ok
