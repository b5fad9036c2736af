#!/usr/bin/env bash
# No display (issue 8): with SDL_VIDEODRIVER=nonexistent (or x11 with no $DISPLAY), the
# picker and a session each end in one line on stderr and exit status 1, never a crash;
# meanwhile everything that needs no window still works: --check, --list, --path,
# --history, --version, and --export (headless, on the dummy driver).
# Args: EBB_BINARY SOURCE_DIR BUILD_DIR.
. "$(dirname "$0")/common.bash"
set +e +o pipefail # the checks below read exit statuses themselves
# shellcheck source=hostile_lib.bash
. "$SRC/tests/integration/hostile_lib.bash"

# cannot_start LABEL ARGS...: exit 1, one line naming the display, nothing left behind.
cannot_start() {
    local label=$1
    shift
    measure "$label" "$EBB" "$@"
    [ "$status" -ne 124 ] || fail "$label: still running after ${HANG_GUARD_S}s"
    [ "$status" -eq 1 ] || { cat "$ERR"; fail "$label: exit $status, expected 1"; }
    [ "$(wc -l <"$ERR")" -eq 1 ] || { cat "$ERR"; fail "$label: expected one line"; }
    grep -qi 'display' "$ERR" || { cat "$ERR"; fail "$label: the line does not say display"; }
    sed 's/^/    /' "$ERR"
}

export SDL_VIDEODRIVER=nonexistent
cannot_start "no video driver: picker"
cannot_start "no video driver: session" --no-checkin box
cannot_start "no video driver: session from a file" --no-checkin "$SRC/exercises/box.cfg"
cannot_start "no video driver: screenshot" --screenshot "$T/shot.png" box
[ ! -e "$T/shot.png" ] || fail "a screenshot was written without a display"
SDL_VIDEODRIVER=x11 DISPLAY='' cannot_start "x11 with no DISPLAY: session" --no-checkin box

measure "no video driver: --check" "$EBB" --check "$SRC"/exercises/*.cfg
[ "$status" -eq 0 ] && [ ! -s "$ERR" ] || { cat "$ERR"; fail "--check without a display"; }
measure "no video driver: --list" "$EBB" --list
[ "$status" -eq 0 ] && [ -s "$OUT" ] && [ ! -s "$ERR" ] || { cat "$ERR"; fail "--list without a display"; }
grep -q '^box  ' "$OUT" || fail "--list without a display: box missing"
measure "no video driver: --path" "$EBB" --path
[ "$status" -eq 0 ] || { cat "$ERR"; fail "--path without a display"; }
measure "no video driver: --history" "$EBB" --history
[ "$status" -eq 0 ] || { cat "$ERR"; fail "--history without a display"; }
measure "no video driver: --version" "$EBB" --version
[ "$status" -eq 0 ] && [ -s "$OUT" ] || fail "--version without a display"

SDL_VIDEODRIVER=dummy measure "dummy video driver: --export" \
    "$EBB" --export "$T/export" --size 160x90 --at 0,2 box --cycles 1
[ "$status" -eq 0 ] || { cat "$ERR"; fail "--export on the dummy driver: exit $status"; }
[ -s "$T/export/audio.wav" ] && [ -s "$T/export/timeline.tsv" ] ||
    fail "--export on the dummy driver wrote no audio.wav or timeline.tsv"
ls "$T/export"/frame-*.png >/dev/null 2>&1 || fail "--export on the dummy driver wrote no frame"
echo "machine_display: ${#FIGURES[@]} cases"
