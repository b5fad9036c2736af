#!/usr/bin/env bash
# SIGTERM and SIGINT in the middle of a session, while paused, and in the picker (issue
# 8): a clean exit with status 0 and nothing half-written, i.e. no temporary file left
# beside state.cfg, a state file that the next start reads without a warning, and a
# journal of whole lines. SDL turns SIGINT and SIGTERM into SDL_QUIT, the event a
# window's close button also sends, so this covers the window closing too.
# The signal is sent once the log of the test hook (docs/contributing-testing.md) shows
# the screen presented: no fixed sleep decides when.
# Args: EBB_BINARY SOURCE_DIR BUILD_DIR.
. "$(dirname "$0")/common.bash"
set +e +o pipefail # the checks below read exit statuses themselves
pid=
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$T"' EXIT
DEFAULT_SIGNALS="env --default-signal=INT,QUIT"
$DEFAULT_SIGNALS true 2>/dev/null || { set -m; DEFAULT_SIGNALS=; }

# wait_for LOG PATTERN: polls (up to 10 s) until a line of LOG matches PATTERN.
wait_for() {
    local i
    for i in $(seq 1 200); do
        grep -qE -- "$2" "$1" 2>/dev/null && return 0
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.05
    done
    return 1
}

# interrupt LABEL SIGNAL READY KEYS ARGS...: starts ebb ARGS, waits for READY in the
# log, sends SIGNAL, and checks the exit.
interrupt() {
    local label=$1 sig=$2 ready=$3 keys=$4
    shift 4
    local log=$T/$label.log status i t0
    rm -f "$log"
    # A non-interactive shell starts background jobs with SIGINT and SIGQUIT ignored, and SDL keeps
    # an ignored signal ignored: give ebb the default disposition a terminal gives it.
    EBB_TEST_LOG=$log EBB_TEST_KEYS=$keys $DEFAULT_SIGNALS "$EBB" "$@" >"$T/out" 2>"$T/err" &
    pid=$!
    wait_for "$log" "$ready" || { cat "$log" "$T/err"; fail "$label: never reached /$ready/"; }
    t0=$(date +%s%N)
    kill -s "$sig" "$pid"
    for i in $(seq 1 200); do # the hang guard: 10 s
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -9 "$pid"
        fail "$label: still running 10 s after SIG$sig"
    fi
    wait "$pid"
    status=$?
    pid=
    printf '%-36s exit %-3s %6s ms after the signal\n' "$label: SIG$sig" "$status" \
        $((($(date +%s%N) - t0) / 1000000))
    [ "$status" -eq 0 ] || { cat "$T/err"; fail "$label: SIG$sig gave exit $status, expected 0"; }
    grep -q '^exit 0' "$log" || { cat "$log"; fail "$label: no clean exit in the log"; }
    [ ! -s "$T/err" ] || { cat "$T/err"; fail "$label: wrote to stderr"; }
    left=$(find "$XDG_STATE_HOME" -name '*.cfg.*' -o -name '*.tmp' -o -name '*~' 2>/dev/null)
    [ -z "$left" ] || fail "$label: half-written files left: $left"
    if [ -d "$XDG_STATE_HOME/ebb" ]; then
        [ -z "$(find "$XDG_STATE_HOME/ebb" -name 'journal*' -size +0 -exec tail -c 1 {} \; |
            od -An -c | grep -v '\\n')" ] || fail "$label: a journal line was cut"
    fi
    # the next start reads the state file without a warning
    "$EBB" --screenshot "$T/next.png" box >/dev/null 2>"$T/err2" ||
        { cat "$T/err2"; fail "$label: the next start failed"; }
    [ ! -s "$T/err2" ] || { cat "$T/err2"; fail "$label: the next start warned"; }
}

SESSION='^present [0-9]+ session'
interrupt session-term TERM "$SESSION" "" --no-checkin box
interrupt session-int INT "$SESSION" "" --no-checkin box
interrupt grounding-term TERM "$SESSION" "" --no-checkin five-senses
interrupt paused-term TERM '^state paused' "0.5:Space" --no-checkin box
# SIGHUP (the terminal closed) and SIGQUIT end a session as SIGTERM does: it is recorded
# as left early, not killed with nothing recorded
for sig in TERM HUP QUIT; do
    rm -f "$XDG_STATE_HOME/ebb/journal.tsv"
    interrupt "session-${sig,,}-recorded" "$sig" "$SESSION" "" --no-checkin box
    grep -qP '\tbox\t.*\tleft-early\t' "$XDG_STATE_HOME/ebb/journal.tsv" ||
        fail "SIG$sig: the session was not recorded as left early"
done
interrupt picker-hup HUP '^present [0-9]+ picker' ""
interrupt picker-term TERM '^present [0-9]+ picker' "" 
interrupt picker-int INT '^present [0-9]+ picker' ""
# a session started from the picker, its choices changed (written to state.cfg on exit)
interrupt changed-term TERM "$SESSION" "0.3:Right,0.6:Return" --no-checkin
[ -s "$XDG_STATE_HOME/ebb/state.cfg" ] || fail "the changed choices were not saved on SIGTERM"
echo "machine_signals: ok"
