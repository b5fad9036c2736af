#!/usr/bin/env bash
# The check-in never appears in --export, --screenshot (their frames show the exercise,
# not the slider) or a benchmark run, and none of them writes the journal.
. "$(dirname "$0")/common.bash"

"$EBB" --export "$T/x" --at 1.0 --visual circle box >/dev/null
f=$(ls "$T"/x/frame-*.png | head -n 1)
"$BUILD/tests/pngprobe" disc "$f" >/dev/null || { echo "FAIL: the export frame shows no disc"; exit 1; }
! grep -qi checkin "$T/x/timeline.tsv" || { echo "FAIL: a check-in in the timeline"; exit 1; }

"$EBB" --screenshot "$T/shot.png" --visual circle box
"$BUILD/tests/pngprobe" disc "$T/shot.png" >/dev/null || { echo "FAIL: the screenshot shows no disc"; exit 1; }

# a benchmark run ($EBB_BENCH) goes straight to the session and records nothing
EBB_BENCH=first-frame EBB_TEST_LOG=$T/log EBB_TEST_KEYS="0.5:Escape" timeout 60 "$EBB" box >/dev/null
! grep -q "^screen checkin" "$T/log" || { echo "FAIL: a check-in in a benchmark run"; exit 1; }
grep -q "^screen session" "$T/log" || { echo "FAIL: no session in a benchmark run"; exit 1; }

[ ! -e "$T/state/ebb/journal.tsv" ] || { echo "FAIL: export or screenshot wrote the journal"; exit 1; }
echo ok
