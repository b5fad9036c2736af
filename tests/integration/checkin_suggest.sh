#!/usr/bin/env bash
# The offer of grounding: made when the rating before a breathing exercise is 7 or more,
# not at 6, not for a grounding exercise; Enter keeps what was chosen; choosing the
# offer starts feet-on-floor, recorded with the rating given.
. "$(dirname "$0")/common.bash"
J=$T/state/ebb/journal.tsv
fail() { echo "FAIL: $*"; for f in "$T"/log*; do echo "== $f"; cat "$f"; done; exit 1; }

# 7: offered; Enter (the default) keeps box
EBB_TEST_LOG=$T/log1 EBB_TEST_KEYS="0.4:7,0.7:Return,1.0:Return,1.8:Escape" timeout 60 "$EBB" box
grep -q "^screen suggest" "$T/log1" || fail "no offer at 7"
grep -q "^suggest keep" "$T/log1" && grep -q "^start box" "$T/log1" || fail "Enter did not keep box"

# 6: no offer
EBB_TEST_LOG=$T/log2 EBB_TEST_KEYS="0.4:6,0.7:Return,1.4:Escape" timeout 60 "$EBB" box
! grep -q "^screen suggest" "$T/log2" || fail "an offer at 6"
grep -q "^start box" "$T/log2" || fail "box did not start at 6"

# 9 before a grounding exercise: no offer
EBB_TEST_LOG=$T/log3 EBB_TEST_KEYS="0.4:9,0.7:Return,1.4:Escape" timeout 60 "$EBB" five-senses
! grep -q "^screen suggest" "$T/log3" || fail "an offer before grounding"

# 9 from the picker (box selected by the filter), then the offer: ↓ Enter grounds first
EBB_TEST_LOG=$T/log4 EBB_TEST_KEYS="0.3:/,0.4:b,0.5:o,0.6:x,0.7:Return,1.0:9,1.3:Return,1.6:Down,1.9:Return,2.6:Escape,3.2:Escape,3.8:Escape" \
    timeout 60 "$EBB"
grep -q "^screen suggest" "$T/log4" || fail "no offer from the picker"
grep -q "^start feet-on-floor" "$T/log4" || fail "the offer did not start feet-on-floor"
[ "$(tail -n 1 "$J" | cut -f2,5,6)" = "$(printf 'feet-on-floor\tleft-early\t9')" ] ||
    fail "record of the grounding session: $(tail -n 1 "$J")"
echo ok
