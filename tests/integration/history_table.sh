#!/usr/bin/env bash
# ebb --history: a calm line with no journal; with one, a table of the last sessions and
# a summary per exercise; a torn last line is a warning on stderr, never a failure.
. "$(dirname "$0")/common.bash"

out=$("$EBB" --history 2>"$T/err") || fail "--history with no journal exited $?"
[ "$out" = "No sessions recorded yet." ] || fail "no journal: got '$out'"
[ ! -s "$T/err" ] || fail "no journal: stderr: $(cat "$T/err")"
[ ! -e "$XDG_STATE_HOME/ebb/journal.tsv" ] || fail "--history created a journal"

# Without XDG_STATE_HOME the journal is under ~/.local/state.
mkdir -p "$HOME/.local/state/ebb"
{
    printf 'start\texercise\tplanned_s\tactual_s\tend\tbefore\tafter\n'
    printf '2024-05-01T08:30:00+02:00\tbox\t303.0\t303.0\tcompleted\t7\t4\n'
    printf '2024-05-02T21:05:00+02:00\tfive-senses\t0.0\t95.0\tleft-early\t\t3\n'
    printf '2024-05-03T07:00:00+02:00\tbox\t303.0\t297.0\tcompleted\t5\t4\n'
    printf '2024-05-04T07:00:00+02:00\tbox\t30'
} >"$HOME/.local/state/ebb/journal.tsv"
out=$(env -u XDG_STATE_HOME "$EBB" --history 2>"$T/err") || fail "--history exited $?"
grep -q '^2024-05-01 08:30  box *5:03 *completed *7 -> 4$' <<<"$out" || fail "first row: $out"
grep -q '^2024-05-02 21:05  five-senses *1:35 *left early *- -> 3$' <<<"$out" ||
    fail "second row: $out"
grep -q '^box  *2  *10.0  *6.0 -> 4.0 (-2.0, 2 rated)$' <<<"$out" || fail "box summary: $out"
grep -q '^five-senses  *1  *1.6  *-$' <<<"$out" || fail "five-senses summary: $out"
grep -qi 'streak\|score' <<<"$out" && fail "history speaks of streaks or scores"
grep -q 'journal.tsv:5: warning: .*incomplete' "$T/err" || fail "torn line: $(cat "$T/err")"
[ "$(wc -l <"$T/err")" -eq 1 ] || fail "more than one line on stderr: $(cat "$T/err")"
echo ok
