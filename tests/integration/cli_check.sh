#!/usr/bin/env bash
# ebb --check: diagnostics on stderr only, exit 0 when every file loads, 2 otherwise.
# Args: EBB_BINARY SOURCE_DIR BUILD_DIR.
. "$(dirname "$0")/common.bash"
set +e +o pipefail # the checks below read exit statuses themselves

# Every built-in passes.
"$EBB" --check "$SRC"/exercises/*.cfg >"$T/out" 2>"$T/err"
status=$?
[ "$status" -eq 0 ] || { cat "$T/err"; fail "built-ins: exit $status, expected 0"; }
[ ! -s "$T/out" ] || fail "built-ins: --check wrote to stdout"

# A broken file: exit 2, one FILE:LINE: error: line on stderr, nothing on stdout.
cat >"$T/typo.cfg" <<'CFG'
version = 1;
exercise = {
  id = "typo"; title = "Typo"; kind = "breathing"; cycles = 2;
  pattern = ( { phase = "inhale"; secnds = 4.0; } );
};
CFG
"$EBB" --check "$T/typo.cfg" >"$T/out" 2>"$T/err"
status=$?
[ "$status" -eq 2 ] || fail "typo: exit $status, expected 2"
[ ! -s "$T/out" ] || fail "typo: --check wrote to stdout"
grep -q "^$T/typo.cfg:4: error: " "$T/err" || { cat "$T/err"; fail "typo: no FILE:4: error: line"; }

# A file that cannot be read.
"$EBB" --check "$T/nowhere.cfg" >"$T/out" 2>"$T/err"
status=$?
[ "$status" -eq 2 ] || fail "missing: exit $status, expected 2"
grep -q "^$T/nowhere.cfg: error: cannot read" "$T/err" || { cat "$T/err"; fail "missing: message"; }

# Good and bad together: still 2, and the good one says nothing.
"$EBB" --check "$SRC/exercises/box.cfg" "$T/typo.cfg" >"$T/out" 2>"$T/err"
[ $? -eq 2 ] || fail "mixed: expected exit 2"
grep -q "box.cfg" "$T/err" && fail "mixed: the valid file got a diagnostic"

# A sequence is resolved against the library: an unknown item is an error with its line.
cat >"$T/seq.cfg" <<'CFG'
version = 1;
exercise = {
  id = "seq"; title = "Seq"; kind = "sequence"; pause = 5.0;
  items = [ "box",
            "no-such-exercise" ];
};
CFG
"$EBB" --check "$T/seq.cfg" >"$T/out" 2>"$T/err"
[ $? -eq 2 ] || { cat "$T/err"; fail "sequence: expected exit 2"; }
grep -q "^$T/seq.cfg:5: error: .*\"no-such-exercise\"" "$T/err" || { cat "$T/err"; fail "sequence: message"; }

# No file at all is a usage mistake.
"$EBB" --check >"$T/out" 2>"$T/err"
[ $? -eq 2 ] || fail "--check without files: expected exit 2"
echo "cli_check: ok"
