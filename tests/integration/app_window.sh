#!/usr/bin/env bash
# The window remembered (DESIGN.md, State): F writes full screen to the state file, and
# the next start opens full screen; a remembered window size is the size of the next
# window (seen in a screenshot's pixels). `--display N` past the last display is one
# warning and display 0, not a failure.
. "$(dirname "$0")/common.bash"
export XDG_PICTURES_DIR=$T/pics
mkdir -p "$T/pics"
f=$T/state/ebb/state.cfg
fail() { echo "FAIL: $*"; cat "$f" 2>/dev/null; exit 1; }

# the width and height of the one screenshot in pics/, from its PNG header, then removed
shot_size() {
    local png
    png=$(ls "$T"/pics/ebb-*.png)
    od -An -tu1 -j16 -N8 "$png" |
        awk '{ printf "%dx%d\n", $1*16777216 + $2*65536 + $3*256 + $4, $5*16777216 + $6*65536 + $7*256 + $8 }'
    rm -f "$T"/pics/ebb-*.png
}

# F in a session: full screen is remembered
EBB_TEST_KEYS="0.3:F,0.6:Escape" timeout 60 "$EBB" --no-checkin box
grep -q "fullscreen = true;" "$f" || fail "full screen not remembered"

# a remembered window size is the next window's size
printf 'version = 1;\nwindow = { width = 1000; height = 600; fullscreen = false; };\n' >"$f"
EBB_TEST_KEYS="0.3:S,0.6:Escape" timeout 60 "$EBB" --no-checkin box
[ "$(shot_size)" = 1000x600 ] || fail "the window is not 1000x600"

# remembered full screen: the next window fills the display (not 1000x600)
printf 'version = 1;\nwindow = { width = 1000; height = 600; fullscreen = true; };\n' >"$f"
EBB_TEST_KEYS="0.3:S,0.6:Escape" timeout 60 "$EBB" --no-checkin box
size=$(shot_size)
[ "$size" != 1000x600 ] || fail "did not start full screen ($size)"

# a display that is not there: one line, then display 0
rm -f "$f"
EBB_TEST_KEYS="0.3:Escape" timeout 60 "$EBB" --no-checkin --display 7 box 2>"$T/err" ||
    fail "--display 7 failed"
[ "$(grep -c -- "--display" "$T/err")" -eq 1 ] || { cat "$T/err"; fail "expected one line about --display"; }
grep -q -- "--display 7.*using display 0" "$T/err" || { cat "$T/err"; fail "no fallback named"; }
echo ok
