#!/usr/bin/env bash
# ebb holds the sound device only while sound plays, so the server can suspend the sink:
# on a private PipeWire (pipewire.bash), no stream of ebb's is on the sink on the picker,
# while a session is paused, while it is muted and after it ended; while it plays there
# is one, and the stream is named for the mixer (application "ebb", the exercise's title
# as the stream's name, the role "music"). Waits are for a state, with long limits.
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/pipewire.bash"
mkdir -p "$XDG_CONFIG_HOME/ebb/exercises"
cat >"$XDG_CONFIG_HOME/ebb/exercises/held.cfg" <<'CFG'
version = 1;
exercise = { id = "held"; title = "Held or not"; kind = "breathing"; prepare = 2.0; cycles = 20;
  pattern = ( { phase = "inhale"; seconds = 2.0; }, { phase = "exhale"; seconds = 2.0; } );
};
CFG
echo 'default_exercise = "held";' >"$XDG_CONFIG_HOME/ebb/ebb.cfg"
pid=
trap '[ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; pw_stop; rm -rf "$T"' EXIT
pw_start
export SDL_AUDIODRIVER=pulseaudio

# streams N LABEL: waits (up to 15 s) until ebb has N streams on the sink.
streams() {
    local i
    for i in $(seq 1 150); do
        [ "$(pw_ebb_streams)" -eq "$1" ] && return 0
        sleep 0.1
    done
    pactl list sink-inputs
    fail "$2: ebb has $(pw_ebb_streams) streams on the sink, expected $1"
}
# suspended LABEL: waits (up to 15 s) for the sink to suspend.
suspended() {
    local i
    for i in $(seq 1 150); do
        [ "$(pw_sink_state)" = SUSPENDED ] && return 0
        sleep 0.1
    done
    fail "$1: the sink is $(pw_sink_state), not suspended"
}

# picker 0-6 s; the session from 6 s; paused 12-22 s; muted 28-38 s; the end screen after
log=$T/log
EBB_TEST_LOG=$log EBB_TEST_KEYS="6:Return,12:Space,22:Space,28:M,38:M,44:Escape,52:q" \
    "$EBB" --no-checkin 2>"$T/err" &
pid=$!
sleep 4
streams 0 "the picker"
suspended "the picker"
grep -q "^screen picker" "$log" || fail "not on the picker"
streams 1 "a playing session"
[ "$(pw_sink_state)" = RUNNING ] || fail "the sink is $(pw_sink_state) while a session plays"
pactl list sink-inputs >"$T/inputs"
grep -q 'media.name = "Held or not"' "$T/inputs" || { cat "$T/inputs"; fail "the stream is not named after the exercise"; }
grep -q 'media.role = "music"' "$T/inputs" || { cat "$T/inputs"; fail "the stream has no role"; }
grep -q 'application.name = "ebb"' "$T/inputs" || fail "the stream is not ebb's"
grep -q "^state paused" <(sleep 8; cat "$log") || fail "Space did not pause"
streams 0 "paused"
suspended "paused"
streams 1 "resumed"
grep -q "^key M" <(while ! grep -q "^key M" "$log"; do sleep 0.2; done; cat "$log")
streams 0 "muted"
suspended "muted"
streams 1 "unmuted"
grep -q "^key Escape" <(while ! grep -q "^key Escape" "$log"; do sleep 0.2; done; cat "$log")
streams 0 "back on the picker"
wait "$pid" || { s=$?; cat "$T/err"; fail "exit status $s"; }
pid=
[ ! -s "$T/err" ] || { cat "$T/err"; fail "wrote to stderr"; }
echo ok
