#!/usr/bin/env bash
# A one-hour session exported on the virtual clock (one frame, --at): every cue, the
# last one an hour in included, sounds within 2 ms of its scheduled time. Nothing
# drifts because every frame is counted from one origin.
T_PARENT=$3 # an hour of sound: its folder goes in the build folder, not /tmp
. "$(dirname "$0")/common.bash"
PROBE=$BUILD/tests/wavprobe

timeout 280 "$EBB" --export "$T/out" --at 1 coherent --minutes 60
TSV=$T/out/timeline.tsv
WAV=$T/out/audio.wav
end=$(awk -F'\t' '$2 == "end" { print $1 }' "$TSV")
awk -v e="$end" 'BEGIN { exit !(e >= 3500) }' || { echo "FAIL: the session ends at $end s"; exit 1; }

awk -F'\t' '$2 == "cue" { print $1 }' "$TSV" > "$T/cues"
"$PROBE" "$WAV" onsets > "$T/onsets"
[ "$(wc -l < "$T/cues")" = "$(wc -l < "$T/onsets")" ] ||
    { echo "FAIL: $(wc -l < "$T/cues") cue rows, $(wc -l < "$T/onsets") onsets"; exit 1; }
paste "$T/cues" "$T/onsets" | awk '
    { d = $2 - $1; if (d < 0) d = -d
      if (d > 0.002) { printf "FAIL: cue at %s sounds at %s\n", $1, $2; bad = 1 } }
    END { exit bad }'

# and the last cue on its own, by its time
last=$(tail -n 1 "$T/cues")
got=$("$PROBE" "$WAV" onset-near "$last")
awk -v a="$last" -v b="$got" 'BEGIN { d = b - a; if (d < 0) d = -d; exit !(b != "none" && d <= 0.002) }' ||
    { echo "FAIL: the last cue ($last s) sounds at $got"; exit 1; }
echo ok
