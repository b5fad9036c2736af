# A private PipeWire for the tests that play through a real sound server (sourced after
# common.bash; not a test itself). It runs in a scratch XDG_RUNTIME_DIR inside $T with a
# D-Bus session bus of its own, so it works as root on a machine with no session at all
# and never touches a person's own server:
#
#   pw_start          dbus-daemon, then the server: pipewire, wireplumber, pipewire-pulse,
#                     and a null sink "ebbtest" at 48 kHz as the default sink
#   pw_server_kill    kills the server's three processes (as if it crashed)
#   pw_server_start   starts them again (with the null sink)
#   pw_record FILE    records the sink's monitor (parecord) until pw_record_stop
#   pw_load N         N busy loops beside the test, until pw_stop
#   pw_sink_state     RUNNING, IDLE or SUSPENDED
#   pw_ebb_streams    how many streams ebb has on the sink
#   pw_stop           stops everything it started, by PID (also on EXIT, pass or fail)
#
# Every process is started here, its PID remembered, and only those PIDs are ever
# signalled.

for tool in pipewire wireplumber pipewire-pulse pactl parecord dbus-daemon; do
    command -v "$tool" >/dev/null ||
        fail "$tool is missing (scripts/dev installs pipewire, pipewire-pulse, wireplumber, pulseaudio-utils and dbus-user-session)"
done

PW_PIDS=()     # the server's processes
PW_OTHER=()    # dbus-daemon, the recorder, the busy loops
PW_REC_PID=
trap 'pw_stop; rm -rf "$T"' EXIT

export XDG_RUNTIME_DIR=$T/run PULSE_SERVER=unix:$T/run/pulse/native
unset PIPEWIRE_REMOTE PULSE_SINK
mkdir -p "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# kill_wait PID...: TERM, then KILL after a second; waits for each.
kill_wait() {
    local p i
    for p in "$@"; do kill -TERM "$p" 2>/dev/null || true; done
    for p in "$@"; do
        for i in $(seq 1 20); do
            kill -0 "$p" 2>/dev/null || break
            sleep 0.05
        done
        kill -KILL "$p" 2>/dev/null || true
        wait "$p" 2>/dev/null || true
    done
    return 0
}

pw_server_start() {
    local i
    pipewire >"$T/pipewire.log" 2>&1 &
    PW_PIDS+=($!)
    for i in $(seq 1 100); do # its socket first: the other two connect to it
        [ -S "$XDG_RUNTIME_DIR/pipewire-0" ] && break
        sleep 0.05
    done
    wireplumber >"$T/wireplumber.log" 2>&1 &
    PW_PIDS+=($!)
    pipewire-pulse >"$T/pipewire-pulse.log" 2>&1 &
    PW_PIDS+=($!)
    for i in $(seq 1 200); do
        pactl info >/dev/null 2>&1 && break
        sleep 0.05
    done
    pactl info >/dev/null 2>&1 || { cat "$T"/pipewire*.log; fail "the private PipeWire did not start"; }
    pactl load-module module-null-sink sink_name=ebbtest rate=48000 channels=2 \
        sink_properties=device.description=ebbtest >/dev/null || fail "no null sink"
    pactl set-default-sink ebbtest
    for i in $(seq 1 100); do
        pactl list short sinks 2>/dev/null | grep -q ebbtest && return 0
        sleep 0.05
    done
    fail "the null sink did not appear"
}

pw_start() {
    dbus-daemon --session --fork --nopidfile --print-pid=3 --print-address=4 \
        --address="unix:path=$XDG_RUNTIME_DIR/bus" 3>"$T/dbus.pid" 4>"$T/dbus.address" ||
        fail "no D-Bus session bus"
    PW_OTHER+=("$(cat "$T/dbus.pid")")
    DBUS_SESSION_BUS_ADDRESS=$(head -n 1 "$T/dbus.address")
    export DBUS_SESSION_BUS_ADDRESS
    pw_server_start
}

pw_server_kill() {
    local p
    for p in "${PW_PIDS[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
    for p in "${PW_PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
    PW_PIDS=()
    rm -f "$XDG_RUNTIME_DIR/pipewire-0" "$XDG_RUNTIME_DIR/pipewire-0.lock"
    return 0
}

pw_record() {
    parecord --device=ebbtest.monitor --rate=48000 --channels=2 --format=s16le \
        --latency-msec=50 --file-format=wav "$1" &
    PW_REC_PID=$!
    PW_OTHER+=("$PW_REC_PID")
    sleep 0.3 # the stream is connected before anything plays
}

pw_record_stop() {
    [ -n "$PW_REC_PID" ] && kill_wait "$PW_REC_PID"
    PW_REC_PID=
}

pw_load() {
    local i
    for i in $(seq 1 "$1"); do
        (while :; do :; done) &
        PW_OTHER+=($!)
    done
}

pw_sink_state() {
    pactl list short sinks 2>/dev/null | awk '$2 == "ebbtest" { print $NF }'
}

pw_ebb_streams() {
    pactl list sink-inputs 2>/dev/null | grep -c 'application.name = "ebb"' || true
}

pw_stop() {
    [ ${#PW_OTHER[@]} -gt 0 ] && kill_wait "${PW_OTHER[@]}"
    [ ${#PW_PIDS[@]} -gt 0 ] && kill_wait "${PW_PIDS[@]}"
    PW_OTHER=()
    PW_PIDS=()
    return 0
}
