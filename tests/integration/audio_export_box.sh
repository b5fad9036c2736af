#!/usr/bin/env bash
# Export `box --cycles 10` and find every cue's onset in audio.wav: each within 2 ms of
# its `cue` row in timeline.tsv, the last as exact as the first; the file is 48 kHz
# stereo 16-bit, covers the whole session, and peaks at or below -12 dBFS.
. "$(dirname "$0")/common.bash"
PROBE=$BUILD/tests/wavprobe

timeout 120 "$EBB" --export "$T/out" --at 0 box --cycles 10
WAV=$T/out/audio.wav
[ -s "$WAV" ] || { echo "FAIL: no audio.wav"; exit 1; }
"$PROBE" "$WAV" info > "$T/info"
grep -qx "rate 48000" "$T/info" && grep -qx "channels 2" "$T/info" ||
    { echo "FAIL: not 48 kHz stereo"; cat "$T/info"; exit 1; }

awk -F'\t' '$2 == "cue" { print $1 }' "$T/out/timeline.tsv" > "$T/cues"
end=$(awk -F'\t' '$2 == "end" { print $1 }' "$T/out/timeline.tsv")
seconds=$(awk '/^seconds/ { print $2 }' "$T/info")
awk -v s="$seconds" -v e="$end" 'BEGIN { exit !(s >= e) }' ||
    { echo "FAIL: audio.wav is $seconds s, the session $end s"; exit 1; }

"$PROBE" "$WAV" onsets > "$T/onsets"
n_cues=$(wc -l < "$T/cues")
n_onsets=$(wc -l < "$T/onsets")
[ "$n_cues" -ge 40 ] || { echo "FAIL: only $n_cues cue rows"; exit 1; }
[ "$n_cues" = "$n_onsets" ] ||
    { echo "FAIL: $n_cues cue rows but $n_onsets onsets"; paste "$T/cues" "$T/onsets"; exit 1; }
paste "$T/cues" "$T/onsets" | awk '
    { d = $2 - $1; if (d < 0) d = -d
      if (d > 0.002) { printf "FAIL: cue at %s sounds at %s\n", $1, $2; bad = 1 } }
    END { exit bad }'

peak=$("$PROBE" "$WAV" peak)
awk -v p="$peak" 'BEGIN { exit !(p <= -12.0 && p > -40.0) }' ||
    { echo "FAIL: peak $peak dBFS"; exit 1; }
echo ok
