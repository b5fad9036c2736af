#!/usr/bin/env bash
# F1 over a running session pauses it, lists the keys of that screen, and covers the
# screen solidly: two screenshots of help taken two seconds apart are the same below
# the notice band (the session neither runs on nor shows through). The hint line and
# help are made from the screen's key map (engine/sdl/app/keymap.c); the log names it.
. "$(dirname "$0")/common.bash"
PROBE=$BUILD/tests/pngprobe
export XDG_PICTURES_DIR=$T/pics
mkdir -p "$T/pics" "$XDG_STATE_HOME/ebb"
printf 'version = 1;\nwindow = { width = 800; height = 600; fullscreen = false; };\n' \
    >"$XDG_STATE_HOME/ebb/state.cfg"

for theme in dark light; do
    rm -f "$T"/pics/*
    EBB_TEST_LOG=$T/log EBB_TEST_KEYS="4.5:F1,5.0:S,7.0:S,7.3:Escape,7.6:Q" \
        timeout 60 "$EBB" --no-checkin --theme $theme box
    grep -q "^help breathing" "$T/log" || fail "$theme: help did not name the breathing keys"
    awk '/^key F1/ { f = 1 } f && /^state paused/ { ok = 1 } END { exit !ok }' "$T/log" ||
        fail "$theme: F1 did not pause the session"
    mapfile -t shots < <(ls "$T"/pics/*.png | sort)
    [ "${#shots[@]}" -eq 2 ] || fail "$theme: expected two screenshots, got ${#shots[@]}"
    n=$("$PROBE" diff "${shots[0]}" "${shots[1]}" 60 600)
    [ "$n" -eq 0 ] || fail "$theme: $n pixels of help changed in 2 s (the session shows through)"
    # the help is not the session's picture: the disc's middle is background there
    bg=$("$PROBE" pixel "${shots[0]}" 5 300)
    mid=$("$PROBE" pixel "${shots[0]}" 400 264)
    [ "$bg" = "$mid" ] || fail "$theme: the shape shows under help ($mid vs $bg)"
done
echo ok
