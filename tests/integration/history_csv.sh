#!/usr/bin/env bash
# ebb --history --csv: RFC 4180 on stdout (header row, CRLF line ends, fields with a
# comma, a quote or a line break quoted, quotes doubled).
. "$(dirname "$0")/common.bash"
mkdir -p "$XDG_STATE_HOME/ebb"

"$EBB" --history --csv >"$T/out" 2>"$T/err" || fail "--csv with no journal exited $?"
printf 'start,exercise,planned_s,actual_s,end,before,after\r\n' | cmp -s - "$T/out" ||
    fail "no journal: $(od -c "$T/out" | head)"

{
    printf 'start\texercise\tplanned_s\tactual_s\tend\tbefore\tafter\n'
    printf '2024-05-01T08:30:00+02:00\tbox\t303.0\t303.0\tcompleted\t7\t4\n'
    printf '2024-05-02T08:30:00-05:00\tmine,too\t60.0\t12.5\tleft-early\t\t\n'
    printf '2024-05-03T08:30:00+00:00\tsay "hi"\t60.0\t60.0\tcompleted\t10\t0\n'
    printf '2024-05-04T08:30:00+05:45\ttwo\\nlines\t60.0\t60.0\tcompleted\t0\t\n'
} >"$XDG_STATE_HOME/ebb/journal.tsv"
"$EBB" --history --csv >"$T/out" 2>"$T/err" || fail "--csv exited $?"
{
    printf 'start,exercise,planned_s,actual_s,end,before,after\r\n'
    printf '2024-05-01T08:30:00+02:00,box,303.0,303.0,completed,7,4\r\n'
    printf '2024-05-02T08:30:00-05:00,"mine,too",60.0,12.5,left-early,,\r\n'
    printf '2024-05-03T08:30:00+00:00,"say ""hi""",60.0,60.0,completed,10,0\r\n'
    printf '2024-05-04T08:30:00+05:45,"two\nlines",60.0,60.0,completed,0,\r\n'
} >"$T/want"
cmp -s "$T/want" "$T/out" || fail "csv differs: $(diff <(od -c "$T/want") <(od -c "$T/out"))"
[ ! -s "$T/err" ] || fail "stderr: $(cat "$T/err")"
echo ok
