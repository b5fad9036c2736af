#!/usr/bin/env bash
# ebb --check: diagnostics on stderr only, exit 0 when every file loads, 2 otherwise.
# Args: EBB_BINARY SOURCE_DIR BUILD_DIR.
set -u
EBB=$1 SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export HOME=$TMP/home XDG_CONFIG_HOME=$TMP/config XDG_DATA_DIRS=$TMP/data XDG_STATE_HOME=$TMP/state
mkdir -p "$HOME"
fail() { echo "FAIL: $*"; exit 1; }

# Every built-in passes.
"$EBB" --check "$SRC"/exercises/*.cfg >"$TMP/out" 2>"$TMP/err"
status=$?
[ "$status" -eq 0 ] || { cat "$TMP/err"; fail "built-ins: exit $status, expected 0"; }
[ ! -s "$TMP/out" ] || fail "built-ins: --check wrote to stdout"

# A broken file: exit 2, one FILE:LINE: error: line on stderr, nothing on stdout.
cat >"$TMP/typo.cfg" <<'CFG'
version = 1;
exercise = {
  id = "typo"; title = "Typo"; kind = "breathing"; cycles = 2;
  pattern = ( { phase = "inhale"; secnds = 4.0; } );
};
CFG
"$EBB" --check "$TMP/typo.cfg" >"$TMP/out" 2>"$TMP/err"
status=$?
[ "$status" -eq 2 ] || fail "typo: exit $status, expected 2"
[ ! -s "$TMP/out" ] || fail "typo: --check wrote to stdout"
grep -q "^$TMP/typo.cfg:4: error: " "$TMP/err" || { cat "$TMP/err"; fail "typo: no FILE:4: error: line"; }

# A file that cannot be read.
"$EBB" --check "$TMP/nowhere.cfg" >"$TMP/out" 2>"$TMP/err"
status=$?
[ "$status" -eq 2 ] || fail "missing: exit $status, expected 2"
grep -q "^$TMP/nowhere.cfg: error: cannot read" "$TMP/err" || { cat "$TMP/err"; fail "missing: message"; }

# Good and bad together: still 2, and the good one says nothing.
"$EBB" --check "$SRC/exercises/box.cfg" "$TMP/typo.cfg" >"$TMP/out" 2>"$TMP/err"
[ $? -eq 2 ] || fail "mixed: expected exit 2"
grep -q "box.cfg" "$TMP/err" && fail "mixed: the valid file got a diagnostic"

# A sequence is resolved against the library: an unknown item is an error with its line.
cat >"$TMP/seq.cfg" <<'CFG'
version = 1;
exercise = {
  id = "seq"; title = "Seq"; kind = "sequence"; pause = 5.0;
  items = [ "box",
            "no-such-exercise" ];
};
CFG
"$EBB" --check "$TMP/seq.cfg" >"$TMP/out" 2>"$TMP/err"
[ $? -eq 2 ] || { cat "$TMP/err"; fail "sequence: expected exit 2"; }
grep -q "^$TMP/seq.cfg:5: error: .*\"no-such-exercise\"" "$TMP/err" || { cat "$TMP/err"; fail "sequence: message"; }

# No file at all is a usage mistake.
"$EBB" --check >"$TMP/out" 2>"$TMP/err"
[ $? -eq 2 ] || fail "--check without files: expected exit 2"
echo "cli_check: ok"
