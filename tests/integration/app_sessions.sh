#!/usr/bin/env bash
# One session after another: leaving a session and starting the next, and "again" from
# the end screen, free the old session at once while the sound goes on (the sound lets
# go of its plan under the device lock first). Run by the sanitizer build too, where a
# plan read after it was freed stops the program. The end screen keeps the end bell.
. "$(dirname "$0")/common.bash"

fail() { echo "FAIL: $*"; grep -v "^present" "$T/$LOG"; exit 1; }

# picker -> session -> picker -> another session -> picker -> quit
LOG=a
EBB_TEST_LOG=$T/a EBB_TEST_KEYS="0.3:Return,1.2:Escape,1.8:Down,2.0:Return,2.9:Escape,3.5:Escape" \
    timeout 60 "$EBB" --no-checkin
got=$(grep -E '^(screen|exit)' "$T/a" | tr '\n' ',')
[ "$got" = "screen picker,screen session,screen picker,screen session,screen picker,exit 0," ] ||
    fail "got $got"
[ "$(grep -c '^start ' "$T/a")" -eq 2 ] || fail "two sessions expected"

# a session that ends by itself, then "again" from the end screen (↑ from "Back to the
# list", which the end screen selects first), then Escape quits
cat > "$T/short.cfg" <<'CFG'
version = 1;
exercise = {
  id = "short"; title = "Short"; kind = "breathing"; prepare = 0.5; cycles = 1;
  pattern = ( { phase = "inhale"; seconds = 0.5; }, { phase = "exhale"; seconds = 0.5; } );
};
CFG
LOG=b
EBB_TEST_LOG=$T/b EBB_TEST_KEYS="2.5:Up,2.7:Return,3.4:Escape" timeout 60 "$EBB" --no-checkin "$T/short.cfg"
got=$(grep -E '^(screen|start|exit)' "$T/b" | tr '\n' ',')
[ "$got" = "screen session,start short,screen finished,screen session,start short,exit 0," ] ||
    fail "got $got"

# Enter on the end screen goes back to the list (the choice selected first)
LOG=c
EBB_TEST_LOG=$T/c EBB_TEST_KEYS="2.5:Return,3.0:Escape" timeout 60 "$EBB" --no-checkin "$T/short.cfg"
got=$(grep -E '^(screen|start|exit)' "$T/c" | tr '\n' ',')
[ "$got" = "screen session,start short,screen finished,screen picker,exit 0," ] ||
    fail "got $got"
echo ok
