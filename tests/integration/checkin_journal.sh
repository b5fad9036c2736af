#!/usr/bin/env bash
# The check-in before and after an interactive session, and the journal line it leaves:
# both ratings of a completed session (mode 0600, folder 0700); a session left early
# with the rating before only; a skipped question records nothing; --no-checkin asks
# nothing but still records; an unusable journal path is one warning and the session
# runs. Keys come from the test hook (docs/contributing-testing.md).
. "$(dirname "$0")/common.bash"
J=$T/state/ebb/journal.tsv
fail() { echo "FAIL: $*"; for f in "$T"/log*; do echo "== $f"; cat "$f"; done; exit 1; }

# a one-step grounding exercise: one Space completes it, so the session ends by itself
mkdir -p "$T/config/ebb/exercises"
cat >"$T/config/ebb/exercises/zq-ground.cfg" <<'CFG'
version = 1;
exercise = { id = "zq-ground"; title = "Zq ground"; kind = "grounding";
  steps = ( { prompt = "Notice your feet on the floor"; } ); };
CFG

# 1. before 4, one press completes it, after 2, then Escape from the end screen
EBB_TEST_LOG=$T/log1 EBB_TEST_KEYS="0.4:4,0.7:Return,1.6:Space,5.0:2,5.3:Return,5.8:Escape" \
    timeout 60 "$EBB" zq-ground
got=$(grep -E '^screen' "$T/log1" | tr '\n' ',')
[ "$got" = "screen checkin,screen session,screen checkin,screen finished," ] ||
    fail "checkin -> session -> checkin -> end screen, got: $got"
[ -f "$J" ] || fail "no journal"
[ "$(stat -c %a "$J")" = 600 ] || fail "journal mode $(stat -c %a "$J")"
[ "$(stat -c %a "$T/state/ebb")" = 700 ] || fail "journal folder mode"
[ "$(wc -l <"$J")" -eq 2 ] || fail "expected a header and one line: $(cat "$J")"
IFS=$'\t' read -r start ex planned actual end before after < <(tail -n 1 "$J")
[[ $start =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([+-][0-9]{2}:[0-9]{2}|Z)$ ]] ||
    fail "start time $start"
[ "$ex" = zq-ground ] && [ "$end" = completed ] && [ "$before" = 4 ] && [ "$after" = 2 ] ||
    fail "record: $(tail -n 1 "$J")"
[ "$planned" = 0.0 ] || fail "a manual grounding exercise is self-paced, planned $planned"
awk -v a="$actual" 'BEGIN { exit !(a > 0.5 && a < 30) }' || fail "actual length $actual"

# 2. left early (Escape in the session): the rating before, no rating after
EBB_TEST_LOG=$T/log2 EBB_TEST_KEYS="0.4:3,0.7:Return,1.5:Escape" timeout 60 "$EBB" box
grep -q "^exit 0" "$T/log2" || fail "no clean exit"
[ "$(wc -l <"$J")" -eq 3 ] || fail "no second line"
[ "$(tail -n 1 "$J" | cut -f2,5,6,7)" = "$(printf 'box\tleft-early\t3\t')" ] ||
    fail "left early: $(tail -n 1 "$J")"
! grep -q "^screen suggest" "$T/log2" || fail "an offer at 3"

# 3. a skipped question (Enter on the untouched slider) records nothing for it
EBB_TEST_LOG=$T/log3 EBB_TEST_KEYS="0.4:Return,1.2:Escape" timeout 60 "$EBB" box
[ "$(tail -n 1 "$J" | cut -f2,6,7)" = "$(printf 'box\t\t')" ] || fail "skipped: $(tail -n 1 "$J")"

# 4. --no-checkin: straight into the session, and the session is still recorded
EBB_TEST_LOG=$T/log4 EBB_TEST_KEYS="0.5:Escape" timeout 60 "$EBB" --no-checkin box
! grep -q "^screen checkin" "$T/log4" || fail "--no-checkin asked"
grep -q "^screen session" "$T/log4" || fail "--no-checkin: no session"
[ "$(wc -l <"$J")" -eq 5 ] || fail "--no-checkin recorded nothing"

# the same from the settings file
mkdir -p "$T/config/ebb"
echo 'checkin = false;' >"$T/config/ebb/ebb.cfg"
EBB_TEST_LOG=$T/log5 EBB_TEST_KEYS="0.5:Escape" timeout 60 "$EBB" box
! grep -q "^screen checkin" "$T/log5" || fail "checkin = false in ebb.cfg asked"
rm "$T/config/ebb/ebb.cfg"

# 5. an unusable journal (its path is a folder): one warning, the session runs, exit 0
mkdir -p "$T/bad/ebb/journal.tsv"
XDG_STATE_HOME=$T/bad EBB_TEST_LOG=$T/log6 EBB_TEST_KEYS="0.4:Return,1.0:Escape" \
    timeout 60 "$EBB" box 2>"$T/err"
grep -q "^screen session" "$T/log6" || fail "no session with an unusable journal"
grep -q "^exit 0" "$T/log6" || fail "unusable journal: no clean exit"
[ "$(grep -c . "$T/err")" -eq 1 ] && grep -q "journal" "$T/err" ||
    fail "expected one warning: $(cat "$T/err")"
echo ok
