#!/usr/bin/env bash
# The picker's History row (issue 10: the history is "reached from the picker (a
# "History" entry, and the key J)"): it is the last row, after every exercise; Enter on
# it opens the history screen; back in the picker it is still selected. The picture of
# the picker with the row selected is kept as BUILD/picker-history.png for a person.
. "$(dirname "$0")/common.bash"
export XDG_PICTURES_DIR=$T/pics
mkdir -p "$T/pics"
fail() { echo "FAIL: $*"; cat "$T"/log* 2>/dev/null; exit 1; }

n=$("$EBB" --list 2>/dev/null | wc -l)
[ "$n" -gt 3 ] || fail "the library lists only $n exercises"
# one Down per exercise and more: the selection stops on the History row
keys="" ms=300
for _ in $(seq 1 $((n + 3))); do
    keys="$keys$((ms / 1000)).$(printf %03d $((ms % 1000))):Down,"
    ms=$((ms + 50))
done
keys="${keys}3.0:S,3.4:Return,3.8:Escape,4.2:Return,4.6:Escape,5.0:Up,5.4:Return,6.0:Q"
EBB_TEST_LOG=$T/log1 EBB_TEST_KEYS="$keys" timeout 60 "$EBB"
got=$(grep -E '^(screen|start)' "$T/log1" | tr '\n' ',')
# Enter on History opens it; Escape comes back with History still selected, so Enter
# opens it again; Up then Enter starts the last exercise of the list (the check-in
# before it comes first)
case "$got" in
"screen picker,screen history,screen picker,screen history,screen picker,screen checkin,"*) ;;
*) fail "History row: $got" ;;
esac
shot=$(ls "$T"/pics/ebb-*.png 2>/dev/null | head -n 1)
[ -s "$shot" ] || fail "no screenshot of the picker"
cp "$shot" "$BUILD/picker-history.png"
echo ok
