#!/usr/bin/env bash
# The command line itself: --version, --help, unknown options and bad values.
# Args: EBB_BINARY SOURCE_DIR BUILD_DIR.
. "$(dirname "$0")/common.bash"
set +e +o pipefail # the checks below read exit statuses themselves

out=$("$EBB" --version) || fail "--version exit status"
[[ "$out" =~ ^ebb\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "--version printed '$out'"

"$EBB" --help >"$T/help" || fail "--help exit status"
for opt in --list --check --new --from --path --history --csv --forget --yes --screenshot \
           --cycles --minutes --pace --visual --no-holds --theme --reduced-motion \
           --eyes-closed --volume --mute --fullscreen --display --no-checkin --language --export --fps \
           --size --at --press-every --version --help; do
    grep -q -- "$opt\b" "$T/help" || fail "--help does not describe $opt"
done
grep -qi "not a crisis service" "$T/help" || fail "--help lacks the care note"
grep -q "docs/audio.md" "$T/help" || fail "--help does not point to docs/audio.md"
grep -q "docs/script-format.md" "$T/help" || fail "--help does not point to docs/script-format.md"

# An unknown option: one line naming it, then the usage; exit 2; nothing on stdout.
"$EBB" --bogus >"$T/out" 2>"$T/err"
[ $? -eq 2 ] || fail "--bogus: expected exit 2"
[ ! -s "$T/out" ] || fail "--bogus: wrote to stdout"
head -n 1 "$T/err" | grep -q -- '--bogus' || fail "--bogus: first line does not name it"
sed -n 2p "$T/err" | grep -q '^usage: ebb ' || fail "--bogus: no usage after the line"
[ "$(grep -c -- '--bogus' "$T/err")" -eq 1 ] || fail "--bogus: named more than once"

# Bad values: one line naming the option and what was expected, exit 2.
check_bad() {
    local opt=$1 expect=$2
    shift 2
    "$EBB" "$@" >"$T/out" 2>"$T/err"
    local status=$?
    [ "$status" -eq 2 ] || fail "$*: exit $status, expected 2"
    [ "$(wc -l <"$T/err")" -eq 1 ] || { cat "$T/err"; fail "$*: expected one line"; }
    grep -q -- "$opt" "$T/err" || fail "$*: the line does not name $opt"
    grep -q -- "$expect" "$T/err" || { cat "$T/err"; fail "$*: the line does not say '$expect'"; }
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
check_bad --size "WIDTHxHEIGHT" --export "$T/x" --size 12 box
check_bad --fps "1 to 240" --export "$T/x" --fps 0 box
check_bad --at "seconds" --export "$T/x" --at 1,,2 box
check_bad --cycles "expected a value" box --cycles
check_bad --fps "--export" --fps 30 box
check_bad --csv "--history" --csv
check_bad --minutes "together" --cycles 3 --minutes 2 box
check_bad --language "language code" --language klingon box

# An unknown id: one line naming it and pointing at --list.
"$EBB" no-such-exercise >"$T/out" 2>"$T/err"
[ $? -eq 2 ] || fail "unknown id: expected exit 2"
grep -q '"no-such-exercise"' "$T/err" && grep -q 'ebb --list' "$T/err" || fail "unknown id: message"
echo "cli_options: ok"
