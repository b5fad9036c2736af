#!/usr/bin/env bash
# ebb --list: columns, order, sources, broken entries, overriding by id, and every
# built-in's length from its timeline. Args: EBB_BINARY SOURCE_DIR BUILD_DIR.
. "$(dirname "$0")/common.bash"
set +e +o pipefail # the checks below read exit statuses themselves
USER_DIR=$XDG_CONFIG_HOME/ebb/exercises
mkdir -p "$USER_DIR"

"$EBB" --list >"$T/list" 2>"$T/err" || fail "--list exit status"
[ ! -s "$T/err" ] || { cat "$T/err"; fail "--list of the built-ins wrote to stderr"; }
[ -s "$T/list" ] || fail "--list printed nothing"

# Five columns separated by two or more spaces; kinds, lengths and sources as agreed.
awk -F '  +' '
    NF < 5 { print "too few columns: " $0; bad = 1 }
    $2 !~ /^(breathing|grounding|sequence|broken)$/ { print "kind: " $0; bad = 1 }
    $3 !~ /^([0-9]+:[0-5][0-9]|self-paced|-)$/ { print "length: " $0; bad = 1 }
    $4 !~ /^(built-in|user)$/ { print "source: " $0; bad = 1 }
    END { exit bad }' "$T/list" || fail "bad columns"
# Aligned: the kind column starts at the same place on every line.
[ "$(awk '{ print index($0, $2) }' "$T/list" | sort -u | wc -l)" -eq 1 ] || fail "not aligned"

# Sorted by kind, then title.
awk -F '  +' '
    BEGIN { rank["breathing"] = 1; rank["grounding"] = 2; rank["sequence"] = 3; rank["broken"] = 4 }
    { r = rank[$2]; t = tolower($5)
      if (r < last_r || (r == last_r && t < last_t)) { print "out of order: " $0; bad = 1 }
      last_r = r; last_t = t }
    END { exit bad }' "$T/list" || fail "not sorted by kind then title"

# Every built-in breathing exercise is there with its length from the timeline (the
# summaries state none: the picker shows this length beside them, so they cannot differ).
for pair in box=2:11 four-seven-eight=1:19 coherent=10:08 resonance-ramp=11:59 \
            cyclic-sigh=5:00 long-exhale=5:03 long-exhale-8=5:03 alternate-nostril=3:03 \
            gentle-start=3:05; do
    id=${pair%=*} want=${pair#*=}
    line=$(grep "^$id  " "$T/list") || fail "$id is not listed"
    kind=$(echo "$line" | awk -F '  +' '{ print $2 }')
    len=$(echo "$line" | awk -F '  +' '{ print $3 }')
    [ "$kind" = breathing ] || fail "$id: kind $kind"
    [ "$len" = "$want" ] || fail "$id: --list says $len, not $want"
    ! grep '^ *summary' "$SRC/exercises/$id.cfg" | grep -q '[0-9]:[0-9][0-9]' ||
        fail "$id: its summary states a length"
done

# Grounding that runs by itself, counted as the session runs it (with the lead before
# taps and the pause after each step): feet-on-floor runs 59.8 s. Grounding that waits
# for a press is self-paced.
for pair in feet-on-floor=1 body-scan=5 muscle-relaxation=4; do
    id=${pair%=*} said=${pair#*=}
    line=$(grep "^$id  " "$T/list") || fail "$id is not listed"
    len=$(echo "$line" | awk -F '  +' '{ print $3 }')
    echo "$len" | grep -q '^[0-9]*:[0-5][0-9]$' || fail "$id: length $len"
    mins=$(echo "$len" | awk -F: '{ print int(($1 * 60 + $2) / 60 + 0.5) }')
    [ "$mins" = "$said" ] || fail "$id: --list says $len, not about $said minutes"
done
grep -q '^feet-on-floor  *grounding  *1:00  ' "$T/list" || fail "feet-on-floor is not 1:00"
for id in five-senses orienting butterfly-hug too-much; do
    grep -q "^$id  .*  self-paced  " "$T/list" || fail "$id is not self-paced"
done

# A user file overrides a built-in by id; a broken user file falls back with a warning;
# a broken file of a new id is listed as broken with its first error on stderr.
sed 's/title = "Box breathing"/title = "My own box"/' "$SRC/exercises/box.cfg" >"$USER_DIR/box.cfg"
printf 'version = 1;\nexercise = {\n  id = ;\n};\n' >"$USER_DIR/coherent.cfg"
printf 'version = 1;\nexercise = {\n  id = "mine"; title = 5;\n};\n' >"$USER_DIR/mine.cfg"
"$EBB" --list >"$T/list" 2>"$T/err" || fail "--list with user files: exit status"
grep -q '^box  .*  user  *My own box$' "$T/list" || fail "the user's box does not win"
grep -q '^coherent  .*  built-in  ' "$T/list" || fail "broken coherent did not fall back"
grep -q "^$USER_DIR/coherent.cfg:3: warning: .*using the built-in" "$T/err" \
    || { cat "$T/err"; fail "no fallback warning"; }
grep -q '^mine  *broken  *-  *user  *mine.cfg$' "$T/list" || { cat "$T/list"; fail "broken entry"; }
tail -n 1 "$T/list" | grep -q '^mine ' || fail "the broken entry is not last"
grep -q "^$USER_DIR/mine.cfg:[0-9]*: error: " "$T/err" || { cat "$T/err"; fail "no first error"; }
echo "cli_list: ok"
