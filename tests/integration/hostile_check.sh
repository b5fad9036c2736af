#!/usr/bin/env bash
# Hostile scripts through `ebb --check` (issue 8): each must end in exit status 2 and one
# line on stderr naming the file, within a generous hang guard (10 s), never a crash or
# a wait. Files that no one can read are made from file types (a FIFO, a folder, a
# dangling link), not permissions: the tests run as root, and root reads anything.
# Prints each case's time and peak memory; docs/reliability.md is the table of them.
# Args: EBB_BINARY SOURCE_DIR BUILD_DIR.
. "$(dirname "$0")/common.bash"
set +e +o pipefail # the checks below read exit statuses themselves
# shellcheck source=hostile_lib.bash
. "$SRC/tests/integration/hostile_lib.bash"

# script ID BODY: writes $T/ID.cfg, a breathing exercise whose group ends with BODY.
script() {
    printf 'version = 1;\nexercise = {\n  id = "%s";\n  title = "T";\n  kind = "breathing";\n%s\n};\n' \
        "$1" "$2" >"$T/$1.cfg"
}
PATTERN='  pattern = ({ phase = "inhale"; seconds = 4.0; }, { phase = "exhale"; seconds = 6.0; });'

# --- files that are not scripts ---
truncate -s 1G "$T/huge.cfg"
expect_check_error "1 GiB sparse file" "$T/huge.cfg" "cannot read: larger than 1 MiB"
mkfifo "$T/fifo.cfg"
expect_check_error "FIFO with no writer" "$T/fifo.cfg" "cannot read: not a regular file"
expect_check_error "character device" /dev/zero "cannot read: not a regular file"
mkdir "$T/folder.cfg"
expect_check_error "folder" "$T/folder.cfg" "cannot read: "
ln -s "$T/nowhere/at-all.cfg" "$T/dangling.cfg"
expect_check_error "dangling symlink" "$T/dangling.cfg" "cannot read: No such file"
ln -s "$T/loop-b.cfg" "$T/loop-a.cfg"
ln -s "$T/loop-a.cfg" "$T/loop-b.cfg"
expect_check_error "symlink loop" "$T/loop-a.cfg" "cannot read: Too many levels"
echo x >"$T/plain"
expect_check_error "path through a file (ENOTDIR)" "$T/plain/inside.cfg" "cannot read: Not a directory"

# --- sizes and shapes ---
{
    printf 'version = 1;\nexercise = { id = "deep"; title = "T"; kind = "breathing"; tags = '
    head -c 100000 /dev/zero | tr '\0' '('
    head -c 100000 /dev/zero | tr '\0' ')'
    printf '; };\n'
} >"$T/deep.cfg"
expect_check_error "100 000 nested lists" "$T/deep.cfg" "nested more than"
{
    printf 'version = 1;\n'
    for _ in $(seq 1 2000); do printf 'a = {'; done
    printf '\n'
} >"$T/deep-groups.cfg"
expect_check_error "2 000 nested groups" "$T/deep-groups.cfg" "nested more than"
{
    printf 'version = 1;\nexercise = {\n  id = "phases";\n  title = "T";\n  kind = "breathing";\n  cycles = 1;\n  pattern = ({}'
    head -c 99999 /dev/zero | sed 's/\x0/,{}/g'
    printf ');\n};\n'
} >"$T/phases.cfg"
expect_check_error "100 000 phases (300 KB)" "$T/phases.cfg" "at most 256"
{
    printf 'version = 1;\nexercise = {\n  id = "phases2";\n  title = "T";\n  kind = "breathing";\n  cycles = 1;\n  pattern = (\n'
    yes '    { phase = "inhale"; seconds = 1.0; },' | head -n 99999
    printf '    { phase = "exhale"; seconds = 1.0; }\n  );\n};\n'
} >"$T/phases2.cfg"
expect_check_error "100 000 phases (4 MB)" "$T/phases2.cfg" "cannot read: larger than 1 MiB"
{
    printf 'version = 1;\nexercise = {\n  id = "string";\n  title = "'
    head -c 10000000 /dev/zero | tr '\0' 'a'
    printf '";\n  kind = "breathing";\n%s\n};\n' "$PATTERN"
} >"$T/string.cfg"
expect_check_error "10 MB string" "$T/string.cfg" "cannot read: larger than 1 MiB"
{
    printf 'version = 1;\nexercise = {\n  id = "string2";\n  title = "'
    head -c 1000000 /dev/zero | tr '\0' 'a'
    printf '";\n  kind = "breathing";\n  cycles = 1;\n%s\n};\n' "$PATTERN"
} >"$T/string2.cfg"
expect_check_error "1 MB string" "$T/string2.cfg" '"title" must be a text of'

# --- bytes ---
script utf8 "  summary = \"caf$(printf '\xc3\x28')\";  cycles = 1;
$PATTERN"
expect_check_error "invalid UTF-8" "$T/utf8.cfg" "invalid UTF-8"
script overlong "  summary = \"$(printf '\xc0\xaf')\";  cycles = 1;
$PATTERN"
expect_check_error "overlong UTF-8" "$T/overlong.cfg" "invalid UTF-8"
printf 'version = 1;\nexercise = {\n  id = "nul";\n  title = "a\0b";\n};\n' >"$T/nul.cfg"
expect_check_error "NUL byte" "$T/nul.cfg" "NUL byte"

# --- numbers ---
script e308 '  cycles = 1;
  pattern = ({ phase = "inhale"; seconds = 1e308; });'
expect_check_error "1e308" "$T/e308.cfg" '"seconds" must be a number'
script e309 '  cycles = 1;
  pattern = ({ phase = "inhale"; seconds = 1e309; });'
expect_check_error "1e309" "$T/e309.cfg" '"seconds" must be a number'
script negative '  cycles = 1;
  pattern = ({ phase = "inhale"; seconds = -4.0; });'
expect_check_error "negative seconds" "$T/negative.cfg" '"seconds"'
script zero '  cycles = 1;
  pattern = ({ phase = "inhale"; seconds = 0; });'
expect_check_error "zero seconds" "$T/zero.cfg" '"seconds"'
script zero-duration "  duration = 0.0;
$PATTERN"
expect_check_error "zero duration" "$T/zero-duration.cfg" '"duration"'
script years "  duration = 315360000.0;
$PATTERN"
expect_check_error "10-year session" "$T/years.cfg" '"duration"'
script years2 '  cycles = 1000;
  pattern = ({ phase = "inhale"; seconds = 60.0; }, { phase = "exhale"; seconds = 60.0; });'
expect_check_error "1000 cycles of 2 minutes" "$T/years2.cfg" "at most 4 hours"
script overflow "  cycles = 99999999999999999999;
$PATTERN"
expect_check_error "cycles = 1e20 (overflow)" "$T/overflow.cfg" "too large"
script overflow2 "  cycles = 0xffffffffffffffffL;
$PATTERN"
expect_check_error "cycles = 2^64-1 hex (overflow)" "$T/overflow2.cfg" "too large"
script inf "  cycles = inf;
$PATTERN"
expect_check_error "inf" "$T/inf.cfg" "inf is not allowed"

# --- @include of anything ---
for target in /etc/passwd /dev/zero "$T/fifo.cfg" "$T/huge.cfg" ""; do
    name=include-$RANDOM
    script "$name" "@include \"$target\"
  cycles = 1;
$PATTERN"
    expect_check_error "@include \"${target##*/}\"" "$T/$name.cfg" "@include is not supported"
done

# --- format specifiers are text, shown literally ---
F='%s%n%x%p%99999999s%%'
cat >"$T/fmt.cfg" <<CFG
version = 1;
exercise = {
  id = "fmt"; title = "$F"; summary = "$F"; about = "$F"; tags = ["$F"];
  kind = "breathing"; cycles = 1;
  pattern = ({ phase = "inhale"; seconds = 4.0; text = "$F"; });
};
CFG
measure "%s%n in every text field" "$EBB" --check "$T/fmt.cfg"
[ "$status" -eq 0 ] && [ ! -s "$ERR" ] || { cat "$ERR"; fail "%s%n: expected exit 0 and silence"; }
cat >"$T/fmt2.cfg" <<CFG
version = 1;
exercise = {
  id = "fmt2"; title = "T"; kind = "grounding";
  steps = ({ prompt = "$F"; detail = "$F"; });
};
CFG
measure "%s%n in a step" "$EBB" --check "$T/fmt2.cfg"
[ "$status" -eq 0 ] && [ ! -s "$ERR" ] || { cat "$ERR"; fail "%s%n step: expected exit 0"; }
script fmtval "  kind = \"$F\";"
sed -i '/kind = "breathing"/d' "$T/fmtval.cfg"
expect_check_error "%s%n in a value the error quotes" "$T/fmtval.cfg" '"kind" must be'
grep -qF "found \"$F\"" "$ERR" || { cat "$ERR"; fail "%s%n: the value was not shown literally"; }
mkdir -p "$T/%s%n"
sed 's/"fmt"/"x"/' "$T/fmt.cfg" >"$T/%s%n/%n%s.cfg"
expect_check_error "%s%n in the file name" "$T/%s%n/%n%s.cfg" 'id "x" must match'
grep -qF "$T/%s%n/%n%s.cfg:" "$ERR" || fail "%s%n: the file name was not shown literally"

# --- everything in tests/bad at once: one line each, exit 2 ---
measure "all of tests/bad at once" "$EBB" --check "$SRC"/tests/bad/*.cfg
[ "$status" -eq 2 ] || fail "tests/bad: exit $status, expected 2"
[ "$(grep -c ': error: ' "$ERR")" -ge "$(find "$SRC/tests/bad" -name '*.cfg' | wc -l)" ] ||
    fail "tests/bad: fewer errors than files"

echo "hostile_check: ${#FIGURES[@]} cases, all ended cleanly"
