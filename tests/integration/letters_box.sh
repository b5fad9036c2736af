#!/usr/bin/env bash
# A character no font has (U+0378, unassigned) is never drawn as nothing: it is a small
# hollow box where it stands, named once on stderr however often it is drawn, and the
# export counts the boxes in its last line. Without it the words around close up.
. "$(dirname "$0")/common.bash"
PROBE=$BUILD/tests/pngprobe
"$EBB" --export "$T/out" --size 960x540 --at 3,5,7 "$SRC/tests/i18n/no-font.cfg" 2>"$T/err" ||
    { cat "$T/err"; fail "export failed"; }
cat "$T/err"
[ "$(grep -c 'no font has the character U+0378' "$T/err")" -eq 1 ] ||
    fail "U+0378 was not named exactly once"
grep -qE 'export: [1-9][0-9]* characters drawn as a box' "$T/err" || fail "no count of boxes"
# the prompt is wider than "Here:  and  again" would be without its two boxes
sed 's/\xcd\xb8//g; s/"no-font"/"no-font-gone"/' "$SRC/tests/i18n/no-font.cfg" >"$T/no-font-gone.cfg"
"$EBB" --export "$T/gone" --size 960x540 --at 5 "$T/no-font-gone.cfg" 2>/dev/null ||
    fail "export without the character failed"
n=$("$PROBE" diff "$T/out/frame-000150.png" "$T/gone/frame-000150.png" 240 340)
[ "$n" -gt 50 ] || fail "the prompt looks the same without its two boxes ($n pixels differ)"
echo ok
