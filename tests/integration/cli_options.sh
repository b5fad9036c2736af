#!/usr/bin/env bash
# The command line itself: --version, --help, unknown options and bad values.
# Args: EBB_BINARY SOURCE_DIR BUILD_DIR.
set -u
EBB=$1
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export HOME=$TMP/home XDG_CONFIG_HOME=$TMP/config XDG_DATA_DIRS=$TMP/data XDG_STATE_HOME=$TMP/state
mkdir -p "$HOME"
fail() { echo "FAIL: $*"; exit 1; }

out=$("$EBB" --version) || fail "--version exit status"
[[ "$out" =~ ^ebb\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "--version printed '$out'"

"$EBB" --help >"$TMP/help" || fail "--help exit status"
for opt in --list --check --new --from --path --history --csv --forget --yes --screenshot \
           --cycles --minutes --pace --visual --no-holds --theme --reduced-motion \
           --eyes-closed --volume --mute --fullscreen --display --no-checkin --export --fps \
           --size --at --press-every --version --help; do
    grep -q -- "$opt\b" "$TMP/help" || fail "--help does not describe $opt"
done
grep -qi "not a crisis service" "$TMP/help" || fail "--help lacks the care note"
grep -q "docs/audio.md" "$TMP/help" || fail "--help does not point to docs/audio.md"
grep -q "docs/script-format.md" "$TMP/help" || fail "--help does not point to docs/script-format.md"

# An unknown option: one line naming it, then the usage; exit 2; nothing on stdout.
"$EBB" --bogus >"$TMP/out" 2>"$TMP/err"
[ $? -eq 2 ] || fail "--bogus: expected exit 2"
[ ! -s "$TMP/out" ] || fail "--bogus: wrote to stdout"
head -n 1 "$TMP/err" | grep -q -- '--bogus' || fail "--bogus: first line does not name it"
sed -n 2p "$TMP/err" | grep -q '^usage: ebb ' || fail "--bogus: no usage after the line"
[ "$(grep -c -- '--bogus' "$TMP/err")" -eq 1 ] || fail "--bogus: named more than once"

# Bad values: one line naming the option and what was expected, exit 2.
check_bad() {
    local opt=$1 expect=$2
    shift 2
    "$EBB" "$@" >"$TMP/out" 2>"$TMP/err"
    local status=$?
    [ "$status" -eq 2 ] || fail "$*: exit $status, expected 2"
    [ "$(wc -l <"$TMP/err")" -eq 1 ] || { cat "$TMP/err"; fail "$*: expected one line"; }
    grep -q -- "$opt" "$TMP/err" || fail "$*: the line does not name $opt"
    grep -q -- "$expect" "$TMP/err" || { cat "$TMP/err"; fail "$*: the line does not say '$expect'"; }
}
check_bad --pace "0.5 to 2.0" --pace 3 box
check_bad --pace "0.5 to 2.0" --pace nan box
check_bad --cycles "1 to 1000" --cycles 0 box
check_bad --cycles "1 to 1000" --cycles 4x box
check_bad --minutes "minutes" --minutes -2 box
check_bad --volume "0 to 100" --volume 101 box
check_bad --theme "dark, light or contrast" --theme pink box
check_bad --visual "circle" --visual square box
check_bad --display "display number" --display -1 box
check_bad --size "WIDTHxHEIGHT" --export "$TMP/x" --size 12 box
check_bad --fps "1 to 240" --export "$TMP/x" --fps 0 box
check_bad --at "seconds" --export "$TMP/x" --at 1,,2 box
check_bad --cycles "expected a value" box --cycles
check_bad --fps "--export" --fps 30 box
check_bad --csv "--history" --csv
check_bad --minutes "together" --cycles 3 --minutes 2 box

# An unknown id: one line naming it and pointing at --list.
"$EBB" no-such-exercise >"$TMP/out" 2>"$TMP/err"
[ $? -eq 2 ] || fail "unknown id: expected exit 2"
grep -q '"no-such-exercise"' "$TMP/err" && grep -q 'ebb --list' "$TMP/err" || fail "unknown id: message"
echo "cli_options: ok"
