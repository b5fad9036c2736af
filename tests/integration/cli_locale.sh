#!/usr/bin/env bash
# ebb takes the person's locale (the C library's messages come in their language) but
# keeps numbers in "C": under de_DE.UTF-8, whose decimal mark is a comma, a script's
# 4.5 still reads as four and a half seconds, --at 1.5 still parses, and files are
# written with a point. The locale is compiled into the test's folder (localedef, from
# the locales package), so nothing is installed system-wide.
. "$(dirname "$0")/common.bash"

command -v localedef >/dev/null || fail "localedef is missing (the locales package)"
mkdir -p "$T/loc"
localedef -i de_DE -f UTF-8 "$T/loc/de_DE.UTF-8" >/dev/null 2>&1 || [ -d "$T/loc/de_DE.UTF-8" ] ||
    fail "cannot compile de_DE.UTF-8"
# de EBB ARGS...: ebb under de_DE.UTF-8 (not bash itself, which cannot see LOCPATH)
de() { env LOCPATH="$T/loc" LC_ALL=de_DE.UTF-8 LANGUAGE=de "$@"; }

D=$XDG_CONFIG_HOME/ebb/exercises
mkdir -p "$D"
cat >"$D/half.cfg" <<'CFG'
version = 1;
exercise = {
  id = "half"; title = "Half"; kind = "breathing"; prepare = 0.0; cycles = 2;
  pattern = ( { phase = "inhale"; seconds = 4.5; }, { phase = "exhale"; seconds = 4.5; } );
};
CFG
de "$EBB" --check "$D/half.cfg" || fail "--check of 4.5 failed under de_DE"
# 2 cycles of 4.5 + 4.5 s: 0:18 (a comma locale's strtod would read 4 and give 0:16)
grep -q '^half  *breathing  *0:18 ' <(de "$EBB" --list) || fail "--list: $(de "$EBB" --list | grep half)"

de "$EBB" --export "$T/out" --fps 2 --size 32x32 --at 1.5 half 2>"$T/export.err" ||
    fail "export: $(cat "$T/export.err")"
[ -e "$T/out/frame-000003.png" ] || fail "--at 1.5 did not give frame 3: $(ls "$T/out")"
grep -q '^4\.500000	phase	exhale' "$T/out/timeline.tsv" ||
    fail "timeline.tsv: $(head -n 5 "$T/out/timeline.tsv")"

# the locale is taken: the C library's reason comes in German
set +e
de "$EBB" --check "$T/missing.cfg" 2>"$T/missing.err"
set -e
grep -q "missing.cfg: error: cannot read: Datei oder Verzeichnis nicht gefunden$" "$T/missing.err" ||
    fail "the locale was not taken: $(cat "$T/missing.err")"
echo ok
