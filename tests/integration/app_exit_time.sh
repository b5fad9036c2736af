#!/usr/bin/env bash
# Leaving is quick: from the key (Q or Escape) to ebb's window gone, measured on a real X
# server (Xvfb) by tests/tools/xwatch, which sends the key to the window and times its
# unmap. The goal is 300 ms (the fade included); the figures are printed, and the test
# fails only past 1 s, a gross bound a loaded machine cannot reach by noise alone.
# Skips (status 0, saying so) without Xvfb or xwatch (built when Xlib's headers are there).
. "$(dirname "$0")/common.bash"
XWATCH=$BUILD/tests/xwatch
command -v Xvfb >/dev/null || { echo "skip: no Xvfb"; exit 0; }
[ -x "$XWATCH" ] || { echo "skip: no xwatch (no Xlib headers)"; exit 0; }

exec 3>"$T/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset >"$T/xvfb.log" 2>&1 &
XVFB=$!
exec 3>&-
trap 'kill $XVFB 2>/dev/null; rm -rf "$T"' EXIT
for _ in $(seq 100); do [ -s "$T/display" ] && break; sleep 0.05; done
[ -s "$T/display" ] || fail "Xvfb did not start: $(cat "$T/xvfb.log")"
export DISPLAY=:$(head -n 1 "$T/display")
unset SDL_VIDEODRIVER

# try NAME KEY WAIT ARGS...: one measured exit
try() {
    local name=$1 key=$2 wait=$3
    shift 3
    EBB_TEST_LOG=$T/log timeout 60 "$EBB" --no-checkin "$@" >"$T/out" 2>&1 &
    local pid=$!
    local ms
    ms=$("$XWATCH" "$key" "$wait") || { kill $pid 2>/dev/null; fail "$name: $ms"; }
    wait $pid || fail "$name: ebb ended with status $?: $(cat "$T/out")"
    grep -q "^exit 0" "$T/log" || fail "$name: no clean exit"
    ms=${ms#exit_ms }
    echo "exit time, $name: $ms ms (goal <= 300)"
    [ "$ms" -le 1000 ] || fail "$name took $ms ms from the key to the window gone"
}

for i in 1 2 3; do
    try "session, Q" q 2.5 box
    try "session, Escape" Escape 2.5 box
    try "picker, Escape" Escape 1.0
done
echo ok
