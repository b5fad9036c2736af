#!/usr/bin/env bash
# Precedence of the master volume (DESIGN.md, "Where things are found"): the command
# line, then the settings file, then the state file, then the default (80). Each run
# turns the volume up once (+5) and leaves; the state file it writes shows the volume
# the session started from. Also: mute written in ebb.cfg wins over the state's mute.
# Args: EBB_BINARY SOURCE_DIR BUILD_DIR.
. "$(dirname "$0")/common.bash"
set +e +o pipefail # the checks below read exit statuses themselves
STATE=$T/state/ebb/state.cfg
CFG=$T/config/ebb/ebb.cfg

# state VOLUME MUTE: a state file that remembers this volume and mute.
state() {
    mkdir -p "$T/state/ebb"
    printf 'version = 1;\naudio = { volume = %d; mute = %s; };\n' "$1" "$2" >"$STATE"
}
# settings TEXT: the person's ebb.cfg ("" removes it).
settings() {
    mkdir -p "$T/config/ebb"
    if [ -n "$1" ]; then printf '%s\n' "$1" >"$CFG"; else rm -f "$CFG"; fi
}
# started_at LABEL WANT [ARGS]: runs box, presses + once, leaves; the volume the
# session started from must be WANT.
started_at() {
    local label=$1 want=$2
    shift 2
    EBB_TEST_KEYS="0.3:=,0.6:Escape" timeout 60 "$EBB" --no-checkin "$@" box 2>"$T/err" \
        || { cat "$T/err"; fail "$label: ebb failed"; }
    local got
    got=$(sed -n 's/.*volume = \([0-9]*\);.*/\1/p' "$STATE")
    [ "$got" = "$((want + 5))" ] \
        || { cat "$STATE"; fail "$label: started at $((got - 5)), expected $want"; }
}

rm -rf "$T/state"
settings ""
started_at "defaults only" 80
state 50 false
started_at "the state file over the default" 50
state 50 false
settings "volume = 30;"
started_at "the settings file over the state file" 30
state 50 false
settings "volume = 30;"
started_at "the command line over the settings file" 70 --volume 70

# mute = true remembered in the state, mute = false written by the person: not muted,
# so + raises the volume and the state records mute = false.
state 50 true
settings "mute = false;"
started_at "mute in the settings file" 50
grep -q "mute = false;" "$STATE" || { cat "$STATE"; fail "the settings file's mute = false lost"; }
echo "settings_precedence: ok"
