# The Wayland tests' shared part (sourced after common.bash; not a test itself). Starts a
# headless sway of its own and stops everything it started when the test ends:
#
#   wl_start [SCALE]   sway on one headless 1280x720 output at SCALE (default 2; more
#                      config lines in $WL_EXTRA), in a
#                      scratch XDG_RUNTIME_DIR inside T; exports WAYLAND_DISPLAY, SWAYSOCK
#                      and XDG_RUNTIME_DIR, unsets DISPLAY and SDL_VIDEODRIVER (ebb chooses
#                      by itself). No input devices (WLR_LIBINPUT_NO_DEVICES=1): keys come
#                      from wtype's virtual keyboard. As root (CI), sway runs as nobody:
#                      it refuses to run as root.
#   ebb_bg ARGS...     starts ebb in the background (EBB_PID), log in $T/log
#   wl_wait_log RE [S] [N]  waits up to S seconds (default 20) for N (default 1) log
#                      lines matching RE
#   wl_key KEY         types KEY with wtype (its keyboard is given 300 ms to be seen)
#   wl_view FIELD      one field of ebb's window in sway's tree: app_id, shell,
#                      fullscreen_mode, idle (the application's idle inhibitor: enabled
#                      or none), width, height (the window in points), class
#   wl_wait_exit [S]   waits up to S seconds (default 10) for ebb to exit; its status
#
# A session is waited for as "present N (session|paused)": on a loaded machine the
# first frame can take longer than the 2 s a clock jump needs, and the session then
# pauses itself, as after a suspend (DESIGN.md, Time).
#
# Tools: sway, swaymsg, wtype, grim, python3 (reads sway's tree); setpriv as root.

# The sanitizer build's ebb is not run under sway: SDL's Wayland keymap and mesa's GL
# leak memory of their own there (LeakSanitizer reports none of ebb's), and llvmpipe
# under ASan on a shared machine is slow enough to look like a clock jump. The dev
# build runs these tests; ctest reports them skipped (77) in the asan build.
if [ "${EBB_SANITIZE:-OFF}" = ON ]; then
    echo "skipped in the sanitizer build (see tests/integration/wayland.bash)"
    exit 77
fi

for tool in sway swaymsg wtype grim python3; do
    command -v "$tool" >/dev/null || fail "$tool is not installed (scripts/dev deps installs it)"
done

WL_PIDS=()
EBB_PID=
wl_stop() {
    local p
    [ -z "$EBB_PID" ] || kill "$EBB_PID" 2>/dev/null || true
    for p in "${WL_PIDS[@]}"; do
        kill "$p" 2>/dev/null || true
    done
    for p in $EBB_PID "${WL_PIDS[@]}"; do # a few seconds, then for good
        for _ in $(seq 50); do
            kill -0 "$p" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$p" 2>/dev/null || true
        wait "$p" 2>/dev/null || true
    done
    rm -rf "$T"
}
trap wl_stop EXIT

wl_start() {
    local scale=${1:-2}
    local wl=$T/wl
    mkdir -p "$wl"
    chmod 0700 "$wl"
    cat >"$wl/config" <<CFG
output HEADLESS-1 resolution 1280x720 scale $scale
default_border none
default_floating_border none
xwayland enable
${WL_EXTRA:-}
CFG
    local run=()
    if [ "$(id -u)" -eq 0 ]; then
        chmod 0711 "$T" # sway, as nobody, reaches its own folder inside
        chown -R 65534:65534 "$wl"
        run=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    fi
    env -u DISPLAY -u WAYLAND_DISPLAY XDG_RUNTIME_DIR="$wl" HOME="$wl" \
        WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_HEADLESS_OUTPUTS=1 \
        WLR_RENDERER=pixman "${run[@]}" sway -c "$wl/config" >"$T/sway.log" 2>&1 &
    WL_PIDS+=($!)
    local i sock
    for i in $(seq 100); do
        sock=$(find "$wl" -maxdepth 1 -type s -name 'wayland-*' -printf '%f\n' | head -1)
        [ -n "$sock" ] && [ -n "$(find "$wl" -maxdepth 1 -type s -name 'sway-ipc.*')" ] && break
        kill -0 "${WL_PIDS[0]}" 2>/dev/null || { cat "$T/sway.log"; fail "sway did not start"; }
        sleep 0.1
    done
    [ -n "$sock" ] || { tail "$T/sway.log"; fail "sway made no socket"; }
    export XDG_RUNTIME_DIR=$wl WAYLAND_DISPLAY=$sock
    SWAYSOCK=$(find "$wl" -maxdepth 1 -type s -name 'sway-ipc.*' | head -1)
    export SWAYSOCK
    unset DISPLAY SDL_VIDEODRIVER
}

ebb_bg() {
    EBB_TEST_LOG=$T/log "$EBB" "$@" 2>"$T/ebb.err" &
    EBB_PID=$!
}

wl_wait_log() {
    local re=$1 secs=${2:-20} count=${3:-1} i
    for i in $(seq $((secs * 20))); do
        [ "$(cat "$T/log" 2>/dev/null | grep -cE "$re")" -ge "$count" ] && return 0
        sleep 0.05
    done
    echo "no log line /$re/ within ${secs}s:"
    cat "$T/log" "$T/ebb.err" 2>/dev/null | grep -v '^present\|^unchanged' | tail -20
    fail "waited for $re"
}

wl_key() {
    timeout 20 wtype -s 300 -k "$1" || fail "wtype $1 (status $?)"
}

wl_view() {
    timeout 20 swaymsg -t get_tree | python3 -c '
import json, sys
field = sys.argv[1]
def views(n):
    if n.get("type") in ("con", "floating_con") and n.get("pid"):
        yield n
    for c in n.get("nodes", []) + n.get("floating_nodes", []):
        yield from views(c)
for v in views(json.load(sys.stdin)):
    props = v.get("window_properties") or {}
    print({"app_id": v.get("app_id"), "shell": v.get("shell"),
           "fullscreen_mode": v.get("fullscreen_mode"),
           "idle": (v.get("idle_inhibitors") or {}).get("application"),
           "width": v["rect"]["width"], "height": v["rect"]["height"],
           "class": props.get("class")}[field])
    break
' "$1"
}

wl_wait_exit() {
    local secs=${1:-10} i
    for i in $(seq $((secs * 20))); do
        if ! kill -0 "$EBB_PID" 2>/dev/null; then
            local st=0
            wait "$EBB_PID" || st=$?
            EBB_PID=
            [ "$st" -eq 0 ] || tail -n 20 "$T/ebb.err"
            return $st
        fi
        sleep 0.05
    done
    fail "ebb did not exit within ${secs}s"
}

# the milliseconds since the epoch
now_ms() { date +%s%3N; }
