#!/usr/bin/env bash
# ebb --path: the search folders in order, each with its source and whether it exists.
# Args: EBB_BINARY SOURCE_DIR BUILD_DIR.
set -u
EBB=$1 SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export HOME=$TMP/home XDG_CONFIG_HOME=$TMP/config XDG_STATE_HOME=$TMP/state
export XDG_DATA_DIRS=$TMP/data1:$TMP/data2:$TMP/data1
mkdir -p "$HOME" "$TMP/data2/ebb/exercises"
fail() { echo "FAIL: $*"; exit 1; }

"$EBB" --path >"$TMP/out" 2>"$TMP/err" || fail "--path exit status"
[ ! -s "$TMP/err" ] || fail "--path wrote to stderr"
sed -n 1p "$TMP/out" | grep -q "^$TMP/config/ebb/exercises  *user  *(missing)$" || { cat "$TMP/out"; fail "line 1"; }
sed -n 2p "$TMP/out" | grep -q "^$TMP/data1/ebb/exercises  *built-in  *(missing)$" || fail "line 2"
sed -n 3p "$TMP/out" | grep -q "^$TMP/data2/ebb/exercises  *built-in  *(exists)$" || fail "line 3"
# data1 given twice is listed once; run from the build folder, the source tree comes last.
[ "$(grep -c "$TMP/data1/" "$TMP/out")" -eq 1 ] || fail "a folder listed twice"
tail -n 1 "$TMP/out" | grep -q "^$SRC/exercises  *built-in  *(exists)$" || { cat "$TMP/out"; fail "source tree last"; }

# Once the user folder exists, it says so.
mkdir -p "$TMP/config/ebb/exercises"
"$EBB" --path | sed -n 1p | grep -q '(exists)$' || fail "user folder not seen"
echo "cli_path: ok"
