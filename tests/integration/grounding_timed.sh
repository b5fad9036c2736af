#!/usr/bin/env bash
# Export presses only for what waits for the person: in an exercise with advance = "timed"
# whose steps have no seconds of their own, --press-every presses nothing and each step
# lasts its 30 s, while a manual step in the same export is pressed. A frame in the
# middle of a timed step shows the ring half empty: the time left on its left half.
. "$(dirname "$0")/common.bash"
PNG=$BUILD/tests/pngprobe

cat > "$T/quiet-timed.cfg" <<'EOF'
version = 1;
exercise = {
  id = "quiet-timed"; title = "Quiet timed"; kind = "grounding"; advance = "timed";
  steps = (
    { prompt = "Notice the floor"; },
    { prompt = "Notice the air"; seconds = 10.0; }
  );
};
EOF
"$EBB" --export "$T/out" --size 1280x720 --press-every 2 --at 15 "$T/quiet-timed.cfg"
TSV=$T/out/timeline.tsv
fail() { echo "FAIL: $1"; exit 1; }
presses=$(awk -F'\t' '$2 == "press"' "$TSV" | wc -l)
[ "$presses" = 0 ] || fail "$presses presses in a timed exercise"
steps=$(awk -F'\t' '$2 == "step" { printf "%s ", $1 }' "$TSV")
[ "$steps" = "0.000000 31.200000 " ] || fail "steps began at $steps (30 s, then the quiet 1.2 s)"
end=$(awk -F'\t' '$2 == "end" { print $1 }' "$TSV")
[ "$end" = 42.400000 ] || fail "ended at $end"

# halfway through the first step the arc has gone from the right half of the ring only
lum() { "$PNG" pixel "$T/out/frame-000450.png" "$1" "$2" | awk '{ print int(.299*$1 + .587*$2 + .114*$3) }'; }
# the ring: centre (640, 180), radius 0.13 * 720 = 93.6
left=$(lum 546 180) right=$(lum 734 180) inside=$(lum 640 240)
echo "ring: $left $right $inside"
awk -v l="$left" -v r="$right" -v i="$inside" 'BEGIN { exit !(l > r + 30 && r > i) }' ||
    fail "the ring has not emptied on the right only (left $left, right $right, inside $inside)"

# the same exercise as manual is pressed every 2 s
mkdir -p "$T/m"
sed 's/advance = "timed"/advance = "manual"/' "$T/quiet-timed.cfg" > "$T/m/quiet-timed.cfg"
"$EBB" --export "$T/out2" --press-every 2 --at 0 "$T/m/quiet-timed.cfg"
first=$(awk -F'\t' '$2 == "press" { print $1; exit }' "$T/out2/timeline.tsv")
[ "$first" = 2.000000 ] || fail "the manual step was first pressed at $first"
echo ok
