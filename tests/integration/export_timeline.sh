#!/usr/bin/env bash
# timeline.tsv against the timeline: the header, one phase row (and its cue row) per
# phase at the right time, the end; every frame on the fps grid from 0 to round(end*fps);
# --no-holds drops the holds; --at past the end gives the last frame and a warning; an
# unwritable folder is one line and status 1.
. "$(dirname "$0")/common.bash"
trap 'chmod -R u+w "$T"; rm -rf "$T"' EXIT
mkdir -p "$T/ex"
cat >"$T/ex/tiny.cfg" <<'CFG'
version = 1;
exercise = {
  id = "tiny"; title = "Tiny"; kind = "breathing"; prepare = 1.5; cycles = 2;
  pattern = (
    { phase = "inhale"; seconds = 2.0; text = "In"; },
    { phase = "hold"; seconds = 1.0; text = "Hold"; side = "left"; },
    { phase = "exhale"; seconds = 2.5; text = "Out\\slowly"; }
  );
};
CFG

"$EBB" --export "$T/out" --fps 10 --size 64x36 "$T/ex/tiny.cfg"
tsv=$T/out/timeline.tsv
[ "$(head -1 "$tsv")" = "$(printf 'time_s\tevent\tphase\tside\ttext')" ] || { echo "FAIL: header"; exit 1; }
# phases: 1.5 In, 3.5 Hold(left), 4.5 Out, 7.0 In, 9.0 Hold, 10.0 Out; end at 12.5
expect=$(printf '%s\n' "1.500000 inhale - In" "3.500000 hold left Hold" "4.500000 exhale - Out\\\\slowly" \
    "7.000000 inhale - In" "9.000000 hold left Hold" "10.000000 exhale - Out\\\\slowly")
got=$(awk -F'\t' '$2 == "phase" { print $1, $3, $4, $5 }' "$tsv")
[ "$got" = "$expect" ] || { echo "FAIL: phase rows:"; echo "$got"; exit 1; }
[ "$(awk -F'\t' '$2 == "cue" && $3 != "-"' "$tsv" | wc -l)" -eq 6 ] || { echo "FAIL: one cue per phase"; exit 1; }
[ "$(awk -F'\t' '$2 == "end" { print $1 }' "$tsv")" = "12.500000" ] || { echo "FAIL: end row"; exit 1; }
awk -F'\t' 'NR > 1 && NF != 5 { exit 1 }' "$tsv" || { echo "FAIL: a row without 5 columns"; exit 1; }
awk -F'\t' 'NR > 2 && $1 + 0 < prev { exit 1 } { prev = $1 + 0 }' "$tsv" || { echo "FAIL: not in time order"; exit 1; }
# frames 0..125 at 10 fps, nothing else
n=$(find "$T/out" -name 'frame-*.png' | wc -l)
[ "$n" -eq 126 ] || { echo "FAIL: $n frames, expected 126"; exit 1; }
[ -f "$T/out/frame-000000.png" ] && [ -f "$T/out/frame-000125.png" ] || { echo "FAIL: frame names"; exit 1; }
[ -s "$T/out/audio.wav" ] || { echo "FAIL: no audio.wav"; exit 1; }

# --no-holds: no hold rows; the session is shorter
"$EBB" --export "$T/nh" --fps 10 --size 64x36 --at 0 --no-holds "$T/ex/tiny.cfg"
! grep -q "	hold	" "$T/nh/timeline.tsv" || { echo "FAIL: --no-holds kept a hold"; exit 1; }
[ "$(awk -F'\t' '$2 == "end" { print $1 }' "$T/nh/timeline.tsv")" = "10.500000" ] || { echo "FAIL: --no-holds end"; exit 1; }

# --at past the end: the last frame and a warning
"$EBB" --export "$T/at" --fps 10 --size 64x36 --at 0.04,99 "$T/ex/tiny.cfg" 2>"$T/err"
ls "$T/at" | grep -q '^frame-000000.png$' || { echo "FAIL: --at 0.04 is frame 0"; exit 1; }
ls "$T/at" | grep -q '^frame-000125.png$' || { echo "FAIL: --at 99 is the last frame"; exit 1; }
grep -q "warning" "$T/err" || { echo "FAIL: no warning for a time past the end"; exit 1; }

# an unwritable folder: one line, status 1
mkdir -p "$T/ro" && chmod 0500 "$T/ro"
if [ "$(id -u)" -ne 0 ]; then
    set +e
    "$EBB" --export "$T/ro/x" --at 0 "$T/ex/tiny.cfg" 2>"$T/err"
    rc=$?
    set -e
    [ $rc -eq 1 ] || { echo "FAIL: unwritable folder gave status $rc"; exit 1; }
    [ "$(wc -l <"$T/err")" -eq 1 ] || { echo "FAIL: expected one line:"; cat "$T/err"; exit 1; }
fi
echo ok
