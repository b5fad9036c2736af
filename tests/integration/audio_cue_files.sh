#!/usr/bin/env bash
# A script's own sounds: an OGG, a FLAC and a WAV (at other rates and channel counts)
# named by `cue`, relative to the script's folder. --check accepts them without a word,
# export mixes each from memory at the exact sample of its boundary, and each is really
# the file's sound: a second export with the files broken (a folder, junk, a truncated
# OGG) warns once per file and plays the short built-in cues instead, so the long tones
# of the files are missing there.
. "$(dirname "$0")/common.bash"
PROBE=$BUILD/tests/wavprobe
command -v sox >/dev/null || fail "sox is needed (scripts/dev installs it)"

mkdir -p "$T/own/sounds" "$T/broken/sounds"
sox -n -r 44100 -c 1 "$T/own/sounds/in.ogg" synth 2.0 sine 660 vol 0.5 fade 0 2.0 0.05 2>/dev/null
sox -n -r 48000 -c 2 "$T/own/out.flac" synth 2.0 sine 440 vol 0.5 fade 0 2.0 0.05
sox -n -r 22050 -c 1 -b 16 "$T/own/h.wav" synth 1.5 sine 330 vol 0.5 fade 0 1.5 0.05
cat > "$T/own/files.cfg" <<'CFG'
version = 1;
exercise = {
  id = "files"; title = "Own sounds"; kind = "breathing";
  prepare = 1.0; cycles = 2;
  pattern = (
    { phase = "inhale"; seconds = 3.0; cue = "sounds/in.ogg"; },
    { phase = "hold";   seconds = 2.5; cue = "h.wav"; },
    { phase = "exhale"; seconds = 3.0; cue = "out.flac"; }
  );
};
CFG

"$EBB" --check "$T/own/files.cfg" 2> "$T/check.err" || fail "--check refused the script"
[ ! -s "$T/check.err" ] || fail "--check said something: $(cat "$T/check.err")"

timeout 60 "$EBB" --export "$T/out" --at 0 "$T/own/files.cfg" 2> "$T/export.err" ||
    fail "export failed: $(cat "$T/export.err")"
[ ! -s "$T/export.err" ] || fail "export warned: $(cat "$T/export.err")"

# The cue rows name the files as written, in order.
awk -F'\t' '$2 == "cue" && $3 != "-" { print $5 }' "$T/out/timeline.tsv" > "$T/names"
printf '%s\n' sounds/in.ogg h.wav out.flac sounds/in.ogg h.wav out.flac | diff - "$T/names" ||
    fail "cue rows do not name the files"

# Every file cue after the first (the start bell still rings at 1 s) starts within 2 ms.
while read -r t; do
    on=$("$PROBE" "$T/out/audio.wav" onset-near "$t")
    [ "$on" != none ] || fail "no onset near $t"
    awk -v a="$t" -v b="$on" 'BEGIN { d = b - a; if (d < 0) d = -d; exit !(d <= 0.002) }' ||
        fail "cue at $t sounds at $on"
done < <(awk -F'\t' '$2 == "cue" && $3 != "-" && $1 > 2 { print $1 }' "$T/out/timeline.tsv")

# 1.3 s into each cue the files' tones still sound; the built-in cues have ended.
loud() { "$PROBE" "$1" rms "$(awk -v t="$2" 'BEGIN { print t + 1.3 }')" \
    "$(awk -v t="$2" 'BEGIN { print t + 1.4 }')"; }
cp "$T/own/files.cfg" "$T/broken/files.cfg"
mkdir "$T/broken/h.wav"
echo "not a sound" > "$T/broken/out.flac"
head -c 100 "$T/own/sounds/in.ogg" > "$T/broken/sounds/in.ogg"
timeout 60 "$EBB" --export "$T/out2" --at 0 "$T/broken/files.cfg" 2> "$T/broken.err" ||
    fail "export with broken files failed"
[ "$(grep -c 'warning: .*built-in cue plays instead' "$T/broken.err")" = 3 ] ||
    fail "expected one warning per broken file: $(cat "$T/broken.err")"
for t in 1 4 6.5; do
    own=$(loud "$T/out/audio.wav" "$t")
    fallback=$(loud "$T/out2/audio.wav" "$t")
    awk -v o="$own" 'BEGIN { exit !(o > -35) }' || fail "file cue at $t not heard ($own dBFS)"
    [ "$fallback" = "-inf" ] || awk -v f="$fallback" -v o="$own" 'BEGIN { exit !(f < o - 12) }' ||
        fail "the broken file at $t still sounds like the file ($fallback vs $own dBFS)"
done
echo ok
