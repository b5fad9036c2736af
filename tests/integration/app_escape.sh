#!/usr/bin/env bash
# Escape in a session started as `ebb ID` ends the program with status 0; started from
# the picker, Escape goes back to the picker, and Escape there quits (status 0). Keys are
# pushed by the test hook (docs/contributing-testing.md); each waits for the one before.
. "$(dirname "$0")/common.bash"

EBB_TEST_LOG=$T/a EBB_TEST_KEYS="0.3:Escape" timeout 60 "$EBB" --no-checkin box
grep -q "^screen session" "$T/a" || { echo "FAIL: no session"; cat "$T/a"; exit 1; }
! grep -q "^screen picker" "$T/a" || { echo "FAIL: ebb ID went to the picker"; exit 1; }
grep -q "^exit 0" "$T/a" || { echo "FAIL: no clean exit"; exit 1; }

EBB_TEST_LOG=$T/b EBB_TEST_KEYS="0.3:Return,0.6:Escape,0.9:Escape" timeout 60 "$EBB" --no-checkin
got=$(grep -E '^(screen|exit)' "$T/b" | tr '\n' ',')
[ "$got" = "screen picker,screen session,screen picker,exit 0," ] ||
    { echo "FAIL: picker -> session -> picker -> quit, got: $got"; exit 1; }

# Q quits from a session at once (after the short fade), status 0
EBB_TEST_LOG=$T/c EBB_TEST_KEYS="0.3:Q" timeout 60 "$EBB"
grep -q "^exit 0" "$T/c" || { echo "FAIL: Q"; exit 1; }
echo ok
