#!/usr/bin/env bash
# The S key twice within one second saves two pictures: the second gets its own name
# (ebb-STAMP-2.png) instead of writing over the first.
set -euo pipefail
EBB=$1 SRC=$2 BUILD=$3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export HOME=$T XDG_CONFIG_HOME=$T/config XDG_STATE_HOME=$T/state XDG_DATA_DIRS=$T/none
export XDG_PICTURES_DIR=$T/pics
mkdir -p "$T/pics"
EBB_TEST_LOG=$T/log EBB_TEST_KEYS="0.3:S,0.35:S,0.4:S,0.8:Q" timeout 60 "$EBB"
n=$(ls "$T"/pics/ebb-*.png | wc -l)
[ "$n" -eq 3 ] || { echo "FAIL: three S presses saved $n pictures"; ls "$T/pics"; exit 1; }
echo ok
