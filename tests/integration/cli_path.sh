#!/usr/bin/env bash
# ebb --path: the search folders in order, each with its source and whether it exists.
# Args: EBB_BINARY SOURCE_DIR BUILD_DIR.
. "$(dirname "$0")/common.bash"
set +e +o pipefail # the checks below read exit statuses themselves
export XDG_DATA_DIRS=$T/data1:$T/data2:$T/data1
mkdir -p "$T/data2/ebb/exercises"

"$EBB" --path >"$T/out" 2>"$T/err" || fail "--path exit status"
[ ! -s "$T/err" ] || fail "--path wrote to stderr"
sed -n 1p "$T/out" | grep -q "^$T/config/ebb/exercises  *user  *(missing)$" || { cat "$T/out"; fail "line 1"; }
sed -n 2p "$T/out" | grep -q "^$T/data1/ebb/exercises  *built-in  *(missing)$" || fail "line 2"
sed -n 3p "$T/out" | grep -q "^$T/data2/ebb/exercises  *built-in  *(exists)$" || fail "line 3"
# data1 given twice is listed once; run from the build folder, the source tree comes last.
[ "$(grep -c "$T/data1/" "$T/out")" -eq 1 ] || fail "a folder listed twice"
tail -n 1 "$T/out" | grep -q "^$SRC/exercises  *built-in  *(exists)$" || { cat "$T/out"; fail "source tree last"; }

# Once the user folder exists, it says so.
mkdir -p "$T/config/ebb/exercises"
"$EBB" --path | sed -n 1p | grep -q '(exists)$' || fail "user folder not seen"
echo "cli_path: ok"
