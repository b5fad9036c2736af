#!/usr/bin/env bash
# Export passes --mute and --eyes-closed to the sound: a muted export is a silent file of
# the same length, and an eyes-closed export has its own, more distinct cues (so its
# sound differs from the default's while its timeline does not).
. "$(dirname "$0")/common.bash"
PROBE=$BUILD/tests/wavprobe

for v in plain mute eyes; do
    case $v in plain) o=() ;; mute) o=(--mute) ;; eyes) o=(--eyes-closed) ;; esac
    "$EBB" --export "$T/$v" --at 0 "${o[@]}" --cycles 1 box 2> "$T/$v.err"
    [ -s "$T/$v/audio.wav" ] || { echo "FAIL: $v: no audio.wav"; cat "$T/$v.err"; exit 1; }
done
[ "$(stat -c %s "$T/mute/audio.wav")" = "$(stat -c %s "$T/plain/audio.wav")" ] ||
    { echo "FAIL: a muted export has another length"; exit 1; }
peak=$("$PROBE" "$T/mute/audio.wav" peak)
[ "$peak" = "-inf" ] || awk -v p="$peak" 'BEGIN { exit !(p < -90.0) }' || { echo "FAIL: --mute peaks at $peak dBFS"; exit 1; }
peak=$("$PROBE" "$T/plain/audio.wav" peak)
awk -v p="$peak" 'BEGIN { exit !(p > -40.0) }' || { echo "FAIL: the plain export is silent"; exit 1; }
cmp -s "$T/plain/timeline.tsv" "$T/eyes/timeline.tsv" || { echo "FAIL: eyes-closed moved events"; exit 1; }
! cmp -s "$T/plain/audio.wav" "$T/eyes/audio.wav" || { echo "FAIL: --eyes-closed changed no sound"; exit 1; }
echo ok
