#!/usr/bin/env bash
# ebb --new ID [--from ID]: copies with only the id changed, the copy validates, a
# second --new refuses, bad ids and unknown sources are refused.
# Args: EBB_BINARY SOURCE_DIR BUILD_DIR.
. "$(dirname "$0")/common.bash"
set +e +o pipefail # the checks below read exit statuses themselves
USER_DIR=$XDG_CONFIG_HOME/ebb/exercises

out=$("$EBB" --new my-breath 2>"$T/err") || { cat "$T/err"; fail "--new exit status"; }
[ "$out" = "$USER_DIR/my-breath.cfg" ] || fail "--new printed '$out'"
[ -f "$out" ] || fail "no file written"
[ "$(stat -c %a "$XDG_CONFIG_HOME/ebb")" = 700 ] || fail "folder mode is not 0700"
# Only the id's value changed: a diff of exactly one line.
diff "$SRC/exercises/gentle-start.cfg" "$out" >"$T/diff"
[ "$(grep -c '^<' "$T/diff")" -eq 1 ] && [ "$(grep -c '^>' "$T/diff")" -eq 1 ] \
    || { cat "$T/diff"; fail "more than the id changed"; }
grep -q '^> *id = "my-breath";' "$T/diff" || { cat "$T/diff"; fail "the id line"; }
"$EBB" --check "$out" 2>"$T/err" || { cat "$T/err"; fail "the copy does not pass --check"; }
"$EBB" --list | grep -q '^my-breath  .*  user  ' || fail "the copy is not listed as user"

# A second time: refused, exit 2, one line, the file untouched.
cp "$out" "$T/before"
"$EBB" --new my-breath >"$T/out" 2>"$T/err"
[ $? -eq 2 ] || fail "second --new: expected exit 2"
[ "$(wc -l <"$T/err")" -eq 1 ] && grep -q 'already exists' "$T/err" || fail "second --new message"
[ ! -s "$T/out" ] || fail "second --new wrote to stdout"
cmp -s "$T/before" "$out" || fail "second --new changed the file"

# --from another exercise.
out=$("$EBB" --new calm-box --from box) || fail "--from box"
grep -q 'id = "calm-box";' "$out" && grep -q 'cycles = 8;' "$out" || fail "--from box content"
"$EBB" --check "$out" || fail "--from box copy does not pass --check"

# Bad ids say the rule; an unknown source points at --list.
for bad in -dash Upper 'sp ace' "$(printf 'a%.0s' {1..41})"; do
    "$EBB" --new "$bad" >/dev/null 2>"$T/err"
    [ $? -eq 2 ] || fail "bad id '$bad' accepted"
    grep -q 'a-z, 0-9 and -' "$T/err" || fail "bad id '$bad': the rule is not said"
done
"$EBB" --new other --from no-such >/dev/null 2>"$T/err"
[ $? -eq 2 ] || fail "unknown --from accepted"
grep -q 'ebb --list' "$T/err" || fail "unknown --from message"
[ ! -e "$USER_DIR/other.cfg" ] || fail "a file was written for an unknown --from"
ls -A "$USER_DIR" | grep -q '^\.' && fail "a temporary file was left behind"
echo "cli_new: ok"
