#!/usr/bin/env bash
# The grounding keys in the window (DESIGN.md, Keys), driven headless by EBB_TEST_KEYS and
# seen in a screenshot (S) of five-senses:
#  1. Space, Enter and Space count three; Backspace takes one back: two of five dots filled.
#  2. N skips step 1, -> skips step 2, Space counts one on step 3 (three dots); P pauses
#     and P goes on; Escape leaves (exit 0).
. "$(dirname "$0")/common.bash"
PNG=$BUILD/tests/pngprobe
fail() { echo "FAIL: $1"; [ -f "$T/log" ] && grep -v '^present' "$T/log"; exit 1; }

# $1: keys; sets SHOT to the one screenshot taken
run() {
    rm -rf "$T/pics" "$T/log"
    mkdir -p "$T/pics"
    XDG_PICTURES_DIR=$T/pics EBB_TEST_LOG=$T/log EBB_TEST_KEYS="$1" \
        timeout 60 "$EBB" --no-checkin five-senses || fail "exit status $?"
    SHOT=$(ls "$T"/pics/ebb-*.png 2>/dev/null | head -n 1)
    [ -n "$SHOT" ] || fail "no screenshot"
}
# the filled dots (the dark theme's accent): "X N", and the expected centre of dot i of n
filled() { "$PNG" spot "$SHOT" 120 170 196 12 | awk '{ print $1, $3 }'; }
# width and height from the PNG header (no `file` command on a minimal system)
size() {
    od -An -tu1 -j16 -N8 "$SHOT" |
        awk '{ print $1*16777216 + $2*65536 + $3*256 + $4, $5*16777216 + $6*65536 + $7*256 + $8 }'
}
dot_x() { # i n w h: where grounding_view.c puts dot i of n
    awk -v i="$1" -v n="$2" -v w="$3" -v h="$4" \
        'BEGIN { m = w < h ? w : h; printf "%.1f", w / 2 + (i - (n - 1) / 2) * m * 0.03 * 3.4 }'
}
check() { awk "BEGIN { exit !($1) }" || fail "$2"; }

run "0.5:Space,0.8:Return,1.1:Space,1.4:Backspace,2.2:S,2.8:Escape"
read -r w h < <(size)
read -r x n < <(filled)
one=$(awk -v w="$w" -v h="$h" 'BEGIN { m = w < h ? w : h; r = m * 0.03; print 3.14159 * r * r }')
want=$(awk -v a="$(dot_x 0 5 "$w" "$h")" -v b="$(dot_x 1 5 "$w" "$h")" 'BEGIN { print (a + b) / 2 }')
check "($x - $want) ^ 2 < 9" "the first two of five dots filled (centre $x, expected $want)"
check "$n > 1.5 * $one && $n < 2.5 * $one" "two dots' worth of filled pixels ($n; one is $one)"
grep -qx "exit 0" "$T/log" || fail "Escape did not leave"

run "0.5:N,0.9:Right,2.0:Space,2.4:P,2.8:P,3.6:S,4.2:Escape"
read -r w h < <(size)
read -r x n < <(filled)
want=$(dot_x 0 3 "$w" "$h")
check "($x - $want) ^ 2 < 9" "the first of three dots filled (centre $x, expected $want)"
check "$n > 0.5 * $one && $n < 1.5 * $one" "one dot's worth of filled pixels ($n; one is $one)"
awk '/^key P/ { k++ } /^state paused/ && k == 1 { p = 1 } /^state running/ && k == 2 && p { ok = 1 }
     END { exit !ok }' "$T/log" || fail "P did not pause and go on"
grep -qx "exit 0" "$T/log" || fail "Escape did not leave"
echo ok
