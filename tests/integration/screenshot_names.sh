#!/usr/bin/env bash
# The S key twice within one second saves two pictures: the second gets its own name
# (ebb-STAMP-2.png) instead of writing over the first.
. "$(dirname "$0")/common.bash"
export XDG_PICTURES_DIR=$T/pics
mkdir -p "$T/pics"
EBB_TEST_LOG=$T/log EBB_TEST_KEYS="0.3:S,0.35:S,0.4:S,0.8:Q" timeout 60 "$EBB"
n=$(ls "$T"/pics/ebb-*.png | wc -l)
[ "$n" -eq 3 ] || { echo "FAIL: three S presses saved $n pictures"; ls "$T/pics"; exit 1; }
echo ok
