#!/usr/bin/env bash
# A grounding step that waits for a press draws nothing while it waits: once the step
# has faded in, the loop sleeps on events instead of drawing at 60 Hz. The log counts
# every frame the loop draws: `present` when something changed, `unchanged` when it woke
# and drew for nothing. Between a press (which is drawn) and the next key two seconds
# later, a waiting step should draw the press and hardly anything else; a loop that
# redraws at 60 Hz draws about 120 frames there.
. "$(dirname "$0")/common.bash"

EBB_TEST_LOG=$T/a EBB_TEST_KEYS="1.5:Space,3.5:Escape" timeout 60 "$EBB" --no-checkin five-senses
grep -q "^start five-senses" "$T/a" || { echo "FAIL: five-senses did not start"; cat "$T/a"; exit 1; }
grep -q "^key Space" "$T/a" || { echo "FAIL: the press never came"; cat "$T/a"; exit 1; }
# the fade-in of the first step is drawn frame by frame
f=$(awk '/^key/ { exit } /^present .* session/ { n++ } END { print n + 0 }' "$T/a")
[ "$f" -ge 2 ] || { echo "FAIL: the step's fade-in drew $f frames"; cat "$T/a"; exit 1; }
# from the press to the next key: the press is shown, then the step waits
p=$(awk '/^key Space/ { on = 1; next } /^key/ && on { exit } on && /^present/ { n++ } END { print n + 0 }' "$T/a")
u=$(awk '/^key Space/ { on = 1; next } /^key/ && on { exit } on && /^unchanged/ { n++ } END { print n + 0 }' "$T/a")
[ "$p" -ge 1 ] || { echo "FAIL: the press was not drawn"; cat "$T/a"; exit 1; }
[ $((p + u)) -le 10 ] || { echo "FAIL: a waiting step drew $p frames and woke for $u unchanged ones"; exit 1; }
echo ok
