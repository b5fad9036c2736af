#!/usr/bin/env bash
# --at takes any number of times: 300 distinct times give 300 frames (there was a
# silent limit of 256), and 10 000 times past the end give the last frame with one
# warning for all of them, not one line each.
. "$(dirname "$0")/common.bash"

# 0.0,0.1,...,29.9 at 10 frames a second: 300 distinct frames
at=$(awk 'BEGIN { for (i = 0; i < 300; i++) printf "%s%.1f", i ? "," : "", i / 10 }')
"$EBB" --export "$T/many" --fps 10 --size 32x32 --at "$at" box 2>"$T/many.err" ||
    fail "export exited $?: $(cat "$T/many.err")"
n=$(find "$T/many" -name 'frame-*.png' | wc -l)
[ "$n" -eq 300 ] || fail "300 --at times gave $n frames"
[ -e "$T/many/frame-000299.png" ] || fail "the 300th time has no frame"
[ ! -s "$T/many.err" ] || fail "unexpected lines: $(cat "$T/many.err")"

# 10 000 times past the end of box (131 s): one warning, and the last frame
past=$(awk 'BEGIN { for (i = 0; i < 10000; i++) printf "%s%d", i ? "," : "", 1000 + i }')
"$EBB" --export "$T/past" --fps 1 --size 32x32 --at "1,$past" box 2>"$T/past.err" ||
    fail "export exited $?: $(cat "$T/past.err")"
[ "$(wc -l <"$T/past.err")" -eq 1 ] || fail "$(wc -l <"$T/past.err") lines for 10 000 times past the end"
grep -q '^ebb: warning: 10000 --at times are past the end (131.000 s), the first 1000: each gives the last frame$' \
    "$T/past.err" || fail "the warning: $(cat "$T/past.err")"
[ "$(find "$T/past" -name 'frame-*.png' | wc -l)" -eq 2 ] || fail "expected frames 1 and the last"
[ -e "$T/past/frame-000131.png" ] || fail "no last frame: $(ls "$T/past")"

# one time past the end keeps its own words
"$EBB" --export "$T/one" --fps 1 --size 32x32 --at 500 box 2>"$T/one.err" || fail "export exited $?"
grep -q '^ebb: warning: --at 500 is past the end (131.000 s): the last frame$' "$T/one.err" ||
    fail "one past the end: $(cat "$T/one.err")"
echo ok
