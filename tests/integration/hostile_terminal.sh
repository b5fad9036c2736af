#!/usr/bin/env bash
# Terminal injection: a value or a file name that a message, --list, --path or --history
# quotes is printed with its control characters escaped (\x1b, \n, \u009b...), so a
# script cannot set the terminal's title, clear the screen or forge a FILE:LINE line.
. "$(dirname "$0")/common.bash"

# raw FILE...: true when a file holds a control character other than newline, or a C1
raw() { LC_ALL=C grep -q -P '[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' "$@"; }

D=$XDG_CONFIG_HOME/ebb/exercises
mkdir -p "$D"
esc=$(printf '\033')
# an ESC sequence in an enum value: the title set and the screen cleared
printf 'version = 1;\nexercise = { id = "kind"; title = "K"; kind = "\\x1b]0;pwned\\x07\\x1b[2J";\n pattern = ( { phase = "inhale"; seconds = 4.0; } ); };\n' >"$T/kind.cfg"
# a newline in a value: a second, forged line
printf 'version = 1;\nexercise = { id = "visual"; title = "V"; kind = "breathing";\n visual = "box\\nforged.cfg:1: error: forged";\n pattern = ( { phase = "inhale"; seconds = 4.0; } ); };\n' >"$T/visual.cfg"
set +e
"$EBB" --check "$T/kind.cfg" 2>"$T/kind.err"
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "--check of an escaped kind exited $rc"
raw "$T/kind.err" && fail "a control character reached the terminal: $(od -c "$T/kind.err" | head)"
grep -qF '\x1b]0;pwned\x07\x1b[2J' "$T/kind.err" || fail "the value is not shown escaped: $(cat "$T/kind.err")"
set +e
"$EBB" --check "$T/visual.cfg" 2>"$T/visual.err"
set -e
[ "$(wc -l <"$T/visual.err")" -eq 1 ] || fail "a newline forged a line: $(cat "$T/visual.err")"
grep -qF 'box\nforged.cfg:1: error: forged' "$T/visual.err" || fail "not escaped: $(cat "$T/visual.err")"

# file names: an ESC in a broken file's name (listed as its title), a C1 CSI in a title
cp "$T/kind.cfg" "$D/x${esc}]0;name${esc}[2J.cfg"
printf 'version = 1;\nexercise = { id = "c1"; title = "C1 \xc2\x9b2J here"; kind = "breathing";\n pattern = ( { phase = "inhale"; seconds = 4.0; } ); };\n' >"$D/c1.cfg"
"$EBB" --list >"$T/list" 2>"$T/list.err" || fail "--list exited $?"
raw "$T/list" "$T/list.err" && fail "--list printed a control character: $(od -c "$T/list" | grep -m3 033)"
grep -qF 'C1 \u009b2J here' "$T/list" || fail "the C1 title is not escaped: $(cat "$T/list")"
grep -qF 'x\x1b]0;name\x1b[2J.cfg' "$T/list" || fail "the file name is not escaped: $(cat "$T/list")"
grep -q '^box ' "$T/list" || fail "the built-ins went missing"
XDG_CONFIG_HOME="$T/a${esc}[2Jb" "$EBB" --path >"$T/path" || fail "--path exited $?"
raw "$T/path" && fail "--path printed a control character"
grep -qF 'a\x1b[2Jb/ebb/exercises' "$T/path" || fail "--path: $(cat "$T/path")"

# the journal: an exercise id written by hand with an ESC sequence and a C1
mkdir -p "$XDG_STATE_HOME/ebb"
{
    printf 'start\texercise\tplanned_s\tactual_s\tend\tbefore\tafter\n'
    printf '2024-05-01T08:30:00+02:00\tbox\033]0;pwned\007\t303.0\t303.0\tcompleted\t7\t4\n'
    printf '2024-05-02T08:30:00+02:00\tx\xc2\x9b2J\t60.0\t60.0\tcompleted\t\t\n'
} >"$XDG_STATE_HOME/ebb/journal.tsv"
"$EBB" --history >"$T/hist" 2>"$T/hist.err" || fail "--history exited $?"
raw "$T/hist" "$T/hist.err" && fail "--history printed a control character: $(od -c "$T/hist" | head)"
grep -qF 'box\x1b]0;pwned\x07' "$T/hist" || fail "--history: $(cat "$T/hist")"
grep -qF 'x\u009b2J' "$T/hist" || fail "--history C1: $(cat "$T/hist")"

# values of the command line
set +e
"$EBB" "--no-such${esc}[2J" 2>"$T/opt.err"
"$EBB" "no-such${esc}[2J" 2>"$T/id.err"
"$EBB" --export "$T/out" --at "1,${esc}[2J" box 2>"$T/at.err"
set -e
raw "$T/opt.err" "$T/id.err" "$T/at.err" && fail "an argument reached the terminal raw: $(cat -v "$T/opt.err" "$T/id.err" "$T/at.err")"
grep -qF 'no-such\x1b[2J' "$T/id.err" || fail "an unknown id: $(cat "$T/id.err")"
grep -qF '1,\x1b[2J' "$T/at.err" || fail "--at: $(cat "$T/at.err")"
echo ok
