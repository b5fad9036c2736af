#!/usr/bin/env bash
# By sound alone (issue 5): one cycle of every built-in breathing exercise, with and
# without --eyes-closed, exported; every phase row of timeline.tsv has a cue row at the
# same time, and every cue row an audible onset in audio.wav within 2 ms of it.
. "$(dirname "$0")/common.bash"
PROBE=$BUILD/tests/wavprobe

ids=$("$EBB" --list 2>/dev/null | awk '$2 == "breathing" && $0 ~ /built-in/ { print $1 }')
[ "$(echo "$ids" | wc -l)" -ge 5 ] || { echo "FAIL: few built-in breathing exercises: $ids"; exit 1; }
for id in $ids; do
    for mode in plain eyes; do
        out=$T/$id-$mode
        o=()
        [ $mode = eyes ] && o=(--eyes-closed)
        timeout 120 "$EBB" --export "$out" --at 0 --cycles 1 "${o[@]}" "$id" 2>"$T/err" ||
            { echo "FAIL: $id $mode: export failed"; cat "$T/err"; exit 1; }
        tsv=$out/timeline.tsv
        silent=$(awk -F'\t' '$2 == "phase" { p[$1] = 1 } $2 == "cue" { c[$1] = 1 }
                 END { for (t in p) if (!(t in c)) print t }' "$tsv")
        [ -z "$silent" ] || { echo "FAIL: $id $mode: no cue at the phase at $silent"; exit 1; }
        awk -F'\t' '$2 == "cue" { print $1 }' "$tsv" >"$T/cues"
        "$PROBE" "$out/audio.wav" onsets >"$T/onsets"
        [ "$(wc -l <"$T/cues")" = "$(wc -l <"$T/onsets")" ] ||
            { echo "FAIL: $id $mode: cue rows and onsets differ"; paste "$T/cues" "$T/onsets"; exit 1; }
        paste "$T/cues" "$T/onsets" | awk -v w="$id $mode" '
            { d = $2 - $1; if (d < 0) d = -d
              if (d > 0.002) { printf "FAIL: %s: cue at %s sounds at %s\n", w, $1, $2; bad = 1 } }
            END { exit bad }'
    done
done
echo ok
