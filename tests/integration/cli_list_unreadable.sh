#!/usr/bin/env bash
# A folder of one's own exercises that cannot be read (no permission) gets one warning
# naming it, instead of its exercises vanishing without a word; the built-ins are still
# listed and the exit is 0. Root reads anything, so as root ebb runs without the
# capabilities that let it (setpriv drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH).
. "$(dirname "$0")/common.bash"
set +e +o pipefail
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
AS_USER=()
[ "$(id -u)" -ne 0 ] || AS_USER=(setpriv --bounding-set -dac_override,-dac_read_search)
dir=$XDG_CONFIG_HOME/ebb/exercises
mkdir -p "$dir"
cat >"$dir/zq-mine.cfg" <<'CFG'
version = 1;
exercise = { id = "zq-mine"; title = "Zq mine"; kind = "breathing"; cycles = 2;
  pattern = ( { phase = "inhale"; seconds = 4.0; }, { phase = "exhale"; seconds = 4.0; } ); };
CFG
"$EBB" --list >"$T/out" 2>"$T/err" || fail "--list with a readable folder"
grep -q '^zq-mine ' "$T/out" || fail "the readable folder's exercise is not listed"

# check LABEL: --list exits 0, lists the built-ins, and says the one line
check() {
    "${AS_USER[@]}" "$EBB" --list >"$T/out" 2>"$T/err"
    local status=$?
    [ "$status" -eq 0 ] || { cat "$T/err"; fail "$1: exit $status"; }
    grep -q '^box ' "$T/out" || fail "$1: the built-ins are not listed"
    grep -q '^zq-mine ' "$T/out" && fail "$1: the exercise was read after all (is this test root with all capabilities?)"
    [ "$(wc -l <"$T/err")" -eq 1 ] || { cat "$T/err"; fail "$1: expected one line"; }
    grep -q "^$dir: warning: cannot read this folder of exercises (Permission denied)" "$T/err" ||
        { cat "$T/err"; fail "$1: no warning naming the folder"; }
    echo "$1: $(cat "$T/err")"
}
chmod 000 "$dir"
check "the folder unreadable"
chmod 755 "$dir"
chmod 000 "$XDG_CONFIG_HOME/ebb" # the folder cannot even be looked up
check "its parent unreadable"
chmod 755 "$XDG_CONFIG_HOME/ebb"
echo "cli_list_unreadable: ok"
