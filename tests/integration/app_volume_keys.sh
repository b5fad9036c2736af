#!/usr/bin/env bash
# The volume keys of DESIGN.md's table from the main keys and the keypad: + (or =) up,
# - down, M mute, each by 5 points from the default 80, remembered in the state file.
. "$(dirname "$0")/common.bash"
f=$T/state/ebb/state.cfg
fail() { echo "FAIL: $*"; cat "$f" 2>/dev/null; exit 1; }

# 80 +5 +5 +5 = 95, -5 (main minus) = 90, -5 (keypad minus) = 85, then mute
EBB_TEST_KEYS="0.3:Keypad +,0.4:Keypad +,0.5:=,0.6:-,0.7:Keypad -,0.8:M,1.0:Escape" \
    timeout 60 "$EBB" --no-checkin box
grep -q "volume = 85;" "$f" || fail "volume is not 85"
grep -q "mute = true;" "$f" || fail "M did not mute"

# in the picker too; M again unmutes, and a volume key also unmutes
EBB_TEST_KEYS="0.3:M,0.5:Keypad +,0.7:Q" timeout 60 "$EBB"
grep -q "volume = 90;" "$f" || fail "keypad + in the picker"
grep -q "mute = false;" "$f" || fail "still muted"
echo ok
