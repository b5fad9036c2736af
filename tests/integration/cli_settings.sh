#!/usr/bin/env bash
# The settings file reaches the session under the command line: no_holds written in
# ebb.cfg drops the holds of an export; bad settings and unknown keys are one warning
# each with FILE:LINE and never stop ebb. Args: EBB_BINARY SOURCE_DIR BUILD_DIR.
. "$(dirname "$0")/common.bash"
set +e +o pipefail # the checks below read exit statuses themselves
mkdir -p "$XDG_CONFIG_HOME/ebb"
CFG=$XDG_CONFIG_HOME/ebb/ebb.cfg
export_box() {
    rm -rf "$T/out"
    "$EBB" --export "$T/out" --fps 1 --size 64x36 --at 0 box --cycles 1 2>"$T/err" \
        || { cat "$T/err"; fail "export failed"; }
}

# Without settings, box has its holds.
export_box
grep -q '	phase	hold	' "$T/out/timeline.tsv" || fail "box without settings has no hold"
[ ! -s "$T/err" ] || { cat "$T/err"; fail "warnings without a settings file"; }

# no_holds = true in the settings file drops them.
printf '# mine\nno_holds = true;\n' >"$CFG"
export_box
grep -q '	phase	hold	' "$T/out/timeline.tsv" && fail "no_holds in ebb.cfg was not applied"
[ ! -s "$T/err" ] || { cat "$T/err"; fail "a valid settings file gave warnings"; }

# A bad value and an unknown key: one warning each, with the line; the rest still applies.
printf 'volume = 500;\nno_holds = true;\nno_hold = false;\ntheme = 3;\n' >"$CFG"
export_box
grep -q '	phase	hold	' "$T/out/timeline.tsv" && fail "a bad line stopped the good ones"
grep -q "^$CFG:1: warning: volume: expected a whole number from 0 to 100" "$T/err" || { cat "$T/err"; fail "volume warning"; }
grep -q "^$CFG:3: warning: unknown setting \"no_hold\", ignored; did you mean \"no_holds\"?" "$T/err" || { cat "$T/err"; fail "unknown key warning"; }
grep -q "^$CFG:4: warning: theme: " "$T/err" || { cat "$T/err"; fail "theme warning"; }
[ "$(wc -l <"$T/err")" -eq 3 ] || { cat "$T/err"; fail "expected exactly three warnings"; }

# A settings file that does not parse is one warning, and ebb still runs.
printf 'no_holds = \n' >"$CFG"
export_box
grep -q '	phase	hold	' "$T/out/timeline.tsv" || fail "a broken settings file still applied"
grep -q "^$CFG:[0-9]*: warning: .*ignored" "$T/err" || { cat "$T/err"; fail "syntax warning"; }

# A UTF-8 byte order mark at the start and "@include" in a comment: the file is read.
printf '\xef\xbb\xbf# never @include other files\nno_holds = true;\n' >"$CFG"
export_box
grep -q '	phase	hold	' "$T/out/timeline.tsv" && fail "a settings file with a BOM or a commented @include was ignored"
[ ! -s "$T/err" ] || { cat "$T/err"; fail "a BOM or a commented @include gave warnings"; }

# An unknown or broken default_exercise: one warning with its line; the picker opens.
printf 'volume = 40;\ndefault_exercise = "nosuch";\n' >"$CFG"
EBB_TEST_LOG=$T/picker.log EBB_TEST_KEYS="0.3:Escape" timeout 60 "$EBB" 2>"$T/err" || fail "the picker did not open"
grep -q '^screen picker' "$T/picker.log" || fail "no picker"
[ "$(wc -l <"$T/err")" -eq 1 ] && grep -q "^$CFG:2: warning: default_exercise: no exercise \"nosuch\"" "$T/err" ||
    { cat "$T/err"; fail "unknown default_exercise: expected one line with its line number"; }
mkdir -p "$XDG_CONFIG_HOME/ebb/exercises"
printf 'version = 1;\nexercise = { id = "zq-broken"; };\n' >"$XDG_CONFIG_HOME/ebb/exercises/zq-broken.cfg"
printf 'default_exercise = "zq-broken";\n' >"$CFG"
EBB_TEST_KEYS="0.3:Escape" timeout 60 "$EBB" 2>"$T/err" || fail "the picker did not open"
grep -q "^$CFG:1: warning: default_exercise: \"zq-broken\" has errors" "$T/err" ||
    { cat "$T/err"; fail "broken default_exercise: no warning"; }
rm -rf "$XDG_CONFIG_HOME/ebb/exercises"

# The verbs that only read scripts never read the settings.
printf 'volume = 500;\n' >"$CFG"
"$EBB" --list >/dev/null 2>"$T/err" || fail "--list"
[ ! -s "$T/err" ] || fail "--list warned about the settings file"
echo "cli_settings: ok"
