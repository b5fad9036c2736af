#!/usr/bin/env bash
# Starting: no display is one line and status 1; no font is one line and status 1;
# --screenshot saves the first frame of a session (the disc is there) and exits 0.
. "$(dirname "$0")/common.bash"

set +e
SDL_VIDEODRIVER=nonexistent "$EBB" box 2>"$T/err"
rc=$?
set -e
[ $rc -eq 1 ] || { echo "FAIL: no display gave $rc"; exit 1; }
[ "$(wc -l <"$T/err")" -eq 1 ] || { echo "FAIL: no display, expected one line:"; cat "$T/err"; exit 1; }

set +e
EBB_FONT=$T/missing.ttf "$EBB" box 2>"$T/err"
rc=$?
set -e
[ $rc -eq 1 ] || { echo "FAIL: no font gave $rc"; exit 1; }
[ "$(wc -l <"$T/err")" -eq 1 ] || { echo "FAIL: no font, expected one line:"; cat "$T/err"; exit 1; }

"$EBB" --screenshot "$T/shot.png" --visual circle box
"$BUILD/tests/pngprobe" disc "$T/shot.png" >/dev/null || { echo "FAIL: no disc in the screenshot"; exit 1; }
"$EBB" --screenshot "$T/picker.png"
[ -s "$T/picker.png" ] || { echo "FAIL: no picker screenshot"; exit 1; }
echo ok
