#!/usr/bin/env bash
# The history screen (J in the picker) drawn from a sample journal whose dates are made
# relative to today, saved with the S key as a PNG: the chart is there (the accent's
# "after" discs), there is no red, and with no journal a plain line is shown instead.
# The picture is kept as BUILD/checkin-history.png for a person to look at.
. "$(dirname "$0")/common.bash"
export XDG_PICTURES_DIR=$T/pics
mkdir -p "$T/state/ebb" "$T/pics"
J=$T/state/ebb/journal.tsv
fail() { echo "FAIL: $*"; cat "$T"/log* 2>/dev/null; exit 1; }

# days ago, exercise, planned, actual, end, before, after (empty: skipped)
{
    printf 'start\texercise\tplanned_s\tactual_s\tend\tbefore\tafter\n'
    while IFS=, read -r ago ex planned actual end before after; do
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -d "-$ago days" +%Y-%m-%dT08:30:00%:z)" \
            "$ex" "$planned" "$actual" "$end" "$before" "$after"
    done <<'ROWS'
40,box,303.0,303.0,completed,9,7
27,box,303.0,303.0,completed,8,5
25,five-senses,0.0,240.0,completed,7,5
22,coherent,600.0,600.0,completed,6,4
20,box,303.0,120.0,left-early,7,
17,cyclic-sigh,300.0,300.0,completed,6,3
15,coherent,600.0,600.0,completed,,3
12,feet-on-floor,0.0,180.0,completed,8,6
10,box,303.0,303.0,completed,5,3
8,coherent,600.0,600.0,completed,5,2
6,coherent,600.0,300.0,left-early,,
4,long-exhale,420.0,420.0,completed,4,2
2,box,303.0,303.0,completed,6,3
1,coherent,600.0,600.0,completed,4,2
0,cyclic-sigh,300.0,300.0,completed,5,2
ROWS
} >"$J"
chmod 600 "$J"

EBB_TEST_LOG=$T/log1 EBB_TEST_KEYS="0.4:J,1.0:S,1.6:Q" timeout 60 "$EBB"
grep -q "^screen history" "$T/log1" || fail "J did not open the history"
shot=$(ls "$T"/pics/ebb-*.png 2>/dev/null | head -n 1)
[ -s "$shot" ] || fail "no screenshot"
cp "$shot" "$BUILD/checkin-history.png"
# the dark theme's accent (the "after" discs) is there; nothing is red
"$BUILD/tests/pngprobe" spot "$shot" 120 170 196 12 >/dev/null || fail "no chart in the picture"
! "$BUILD/tests/pngprobe" spot "$shot" 220 50 50 90 >/dev/null || fail "red in the history"

# J again goes back to the picker, Escape there quits
EBB_TEST_LOG=$T/log2 EBB_TEST_KEYS="0.4:J,0.8:J,1.2:Escape" timeout 60 "$EBB"
got=$(grep -E '^(screen|exit)' "$T/log2" | tr '\n' ',')
[ "$got" = "screen picker,screen history,screen picker,exit 0," ] || fail "J, J, Escape: $got"

# no journal: the plain line, no chart
rm -f "$J" "$T"/pics/*
EBB_TEST_LOG=$T/log3 EBB_TEST_KEYS="0.4:J,1.0:S,1.6:Escape,2.0:Escape" timeout 60 "$EBB"
shot=$(ls "$T"/pics/ebb-*.png 2>/dev/null | head -n 1)
[ -s "$shot" ] || fail "no screenshot of the empty history"
cp "$shot" "$BUILD/checkin-history-empty.png"
! "$BUILD/tests/pngprobe" spot "$shot" 120 170 196 12 >/dev/null || fail "a chart with no journal"
echo ok
