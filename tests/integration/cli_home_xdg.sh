#!/usr/bin/env bash
# HOME and XDG values ebb cannot use: each gives one clear line on stderr, the session
# still runs (exit 0), and nothing is created where it should not be: not under the
# current folder for a relative value, not a missing HOME itself. Relative XDG values
# are ignored as the XDG Base Directory spec asks, falling back to HOME.
. "$(dirname "$0")/common.bash"
set +e +o pipefail
mkdir -p "$T/cwd"
cd "$T/cwd" || fail "no folder"

# run LABEL PATTERN ENV...: a short session (volume up, then leave) with ENV; stderr
# must be exactly one line matching PATTERN ("" for none), the current folder empty.
run() {
    local label=$1 pattern=$2
    shift 2
    env -u HOME -u XDG_CONFIG_HOME -u XDG_STATE_HOME "$@" EBB_TEST_KEYS="0.3:=,0.6:Escape" \
        timeout 60 "$EBB" --no-checkin box >"$T/out" 2>"$T/err"
    local status=$?
    [ "$status" -eq 0 ] || { cat "$T/err"; fail "$label: exit $status"; }
    if [ -z "$pattern" ]; then
        [ ! -s "$T/err" ] || { cat "$T/err"; fail "$label: expected no message"; }
    else
        [ "$(wc -l <"$T/err")" -eq 1 ] || { cat "$T/err"; fail "$label: expected one line"; }
        grep -qE -- "$pattern" "$T/err" || { cat "$T/err"; fail "$label: expected /$pattern/"; }
    fi
    [ -z "$(ls -A "$T/cwd")" ] || { ls -laR "$T/cwd"; fail "$label: wrote under the current folder"; }
    echo "$label: ok ($(cat "$T/err"))"
}

run "HOME unset" '^ebb: warning: HOME is not set: .*nothing is remembered'
run "HOME empty" '^ebb: warning: HOME is not set: ' HOME=
run "HOME relative" '^ebb: warning: HOME="home" is not an absolute path: ignored' HOME=home
run "HOME missing" "^ebb: warning: HOME=$T/missing cannot be used \(No such file or directory\).*does not create it" \
    HOME="$T/missing"
[ ! -e "$T/missing" ] || fail "the missing HOME was created"

# HOME unset is fine when both XDG folders are given: no line, the state saved there
run "HOME unset, XDG given" "" XDG_CONFIG_HOME="$T/config" XDG_STATE_HOME="$T/xstate"
grep -q "volume = 85;" "$T/xstate/ebb/state.cfg" || fail "the state was not saved in XDG_STATE_HOME"
grep -q "left-early" "$T/xstate/ebb/journal.tsv" || fail "the session was not recorded"

# relative XDG values: one line each, then HOME's folders are used
run "XDG_STATE_HOME relative" '^ebb: warning: XDG_STATE_HOME="state" is not an absolute path: ignored' \
    HOME="$HOME" XDG_STATE_HOME=state
grep -q "volume = 85;" "$HOME/.local/state/ebb/state.cfg" || fail "the state did not fall back to HOME"
mkdir -p "$HOME/.config/ebb/exercises"
cat >"$HOME/.config/ebb/exercises/zq-home.cfg" <<'CFG'
version = 1;
exercise = { id = "zq-home"; title = "Zq home"; kind = "breathing"; cycles = 2;
  pattern = ( { phase = "inhale"; seconds = 4.0; }, { phase = "exhale"; seconds = 4.0; } ); };
CFG
env -u XDG_STATE_HOME XDG_CONFIG_HOME=config HOME="$HOME" timeout 60 "$EBB" --list >"$T/out" 2>"$T/err"
grep -q '^ebb: warning: XDG_CONFIG_HOME="config" is not an absolute path' "$T/err" ||
    { cat "$T/err"; fail "no line for a relative XDG_CONFIG_HOME"; }
grep -q '^zq-home .* user ' "$T/out" || { cat "$T/out"; fail "HOME's own exercises were not read"; }
grep -q '^box ' "$T/out" || fail "--list lost the built-ins"
XDG_DATA_DIRS="data:/usr/share" timeout 60 "$EBB" --list >"$T/out" 2>"$T/err"
[ "$(wc -l <"$T/err")" -eq 1 ] && grep -q 'XDG_DATA_DIRS holds "data", not an absolute path' "$T/err" ||
    { cat "$T/err"; fail "no single line for a relative XDG_DATA_DIRS entry"; }
grep -q '^box ' "$T/out" || fail "--list lost the built-ins"
[ -z "$(ls -A "$T/cwd")" ] || fail "something was written under the current folder"
echo "cli_home_xdg: ok"
