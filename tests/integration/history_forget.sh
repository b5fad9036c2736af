#!/usr/bin/env bash
# ebb --forget: one confirmation line; only y or yes deletes; --yes skips the question;
# with no journal it says so; it deletes the journal file only.
. "$(dirname "$0")/common.bash"
mkdir -p "$XDG_STATE_HOME/ebb"
J=$XDG_STATE_HOME/ebb/journal.tsv
journal() {
    printf 'start\texercise\tplanned_s\tactual_s\tend\tbefore\tafter\n' >"$J"
    printf '2024-05-01T08:30:00+02:00\tbox\t303.0\t303.0\tcompleted\t7\t4\n' >>"$J"
    touch "$XDG_STATE_HOME/ebb/state.cfg"
}

out=$("$EBB" --forget </dev/null) || fail "--forget with no journal exited $?"
grep -q "no journal at $J" <<<"$out" || fail "no journal: '$out'"

journal
for answer in "" n no N "yes please" nope; do
    out=$(printf '%s\n' "$answer" | "$EBB" --forget) || fail "answer '$answer' exited $?"
    [ -f "$J" ] || fail "answer '$answer' deleted the journal"
    grep -qF "Delete the journal at $J? [y/N] " <<<"$out" || fail "no question: '$out'"
done
out=$("$EBB" --forget </dev/null) || fail "end of input exited $?"
[ -f "$J" ] || fail "end of input deleted the journal"

out=$(printf 'y\n' | "$EBB" --forget) || fail "y exited $?"
[ ! -e "$J" ] || fail "y kept the journal"
grep -q "Deleted the journal at $J" <<<"$out" || fail "y: '$out'"
[ -f "$XDG_STATE_HOME/ebb/state.cfg" ] || fail "--forget deleted more than the journal"

journal
out=$(printf 'YES\n' | "$EBB" --forget) || fail "YES exited $?"
[ ! -e "$J" ] || fail "YES kept the journal"

journal
out=$("$EBB" --forget --yes </dev/null) || fail "--yes exited $?"
[ ! -e "$J" ] || fail "--yes kept the journal"
grep -q '\[y/N\]' <<<"$out" && fail "--yes asked anyway"
[ -d "$XDG_STATE_HOME/ebb" ] || fail "--forget deleted the folder"
echo ok
