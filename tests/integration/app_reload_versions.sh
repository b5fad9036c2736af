#!/usr/bin/env bash
# Live reload does not keep every version: saving a script again and again while it
# runs frees the old versions once neither the session nor the sound reads them (the
# test log's "reload kept N" counts those still held), and a save that leaves the
# bytes as they were (a touch) is not read again.
. "$(dirname "$0")/common.bash"

script() { # SECONDS: one breath of SECONDS in and out
    cat <<CFG
version = 1;
exercise = {
  id = "again"; title = "Again"; kind = "breathing"; prepare = 0.5; cycles = 200;
  pattern = ( { phase = "inhale"; seconds = $1; }, { phase = "exhale"; seconds = 0.5; } );
};
CFG
}

bad() { echo "FAIL: $*"; echo "--- log"; grep -v "^present\|^wake\|^unchanged" "$T/log"; exit 1; }

# wait_for PATTERN FILE: waits (at most 60 s) for a line of the test log
wait_for() { for _ in $(seq 600); do grep -q "$1" "$2" 2>/dev/null && return 0; sleep 0.1; done; return 1; }

# A session of a file saved 12 times, 1.1 s apart (the file is looked at once a second);
# ebb is ended by SIGTERM (as a closed window) once the saves are done
script 0.5 >"$T/again.cfg"
EBB_TEST_LOG=$T/log timeout 120 "$EBB" --no-checkin "$T/again.cfg" 2>"$T/err" &
ebb=$!
wait_for "^start again" "$T/log" || bad "the session did not start"
for i in $(seq 12); do
    sleep 1.1
    script "0.$((5 + i % 4))$i" >"$T/again.cfg.new" && mv "$T/again.cfg.new" "$T/again.cfg"
done
sleep 1.5
kill -TERM $ebb
wait $ebb || true
grep -q "^exit 0" "$T/log" || bad "no clean exit"
loads=$(grep -c "^reload pending again" "$T/log" || true)
most=$(awk '$1 == "reload" && $2 == "kept" && $3 > m { m = $3 } END { print m + 0 }' "$T/log")
[ "$loads" -ge 8 ] || bad "only $loads of 12 saves were read"
grep -q "^reload kept" "$T/log" || bad "no count of the versions kept"
[ "$most" -le 6 ] || bad "$most versions held after $loads saves: old versions are never freed"
echo "session: $loads saves read, at most $most versions held"

# The picker: four touches (new times, same bytes) read nothing; then a real save
D=$XDG_CONFIG_HOME/ebb/exercises
mkdir -p "$D"
script 0.5 >"$D/again.cfg"
printf 'default_exercise = "again";\n' >"$XDG_CONFIG_HOME/ebb/ebb.cfg"
EBB_TEST_LOG=$T/log2 timeout 120 "$EBB" --no-checkin 2>"$T/err" &
ebb=$!
wait_for "^screen picker" "$T/log2" || bad "no picker"
for i in 1 2 3 4; do
    sleep 1.1
    touch -d "@$(($(date +%s) + 10 * i))" "$D/again.cfg"
done
sleep 1.5
script 0.75 >"$D/again.cfg.new" && mv "$D/again.cfg.new" "$D/again.cfg"
wait_for "^reload picker" "$T/log2" || true
sleep 1.2
kill -TERM $ebb
wait $ebb || true
cp "$T/log2" "$T/log"
grep -q "^exit 0" "$T/log" || bad "no clean exit"
n=$(grep -c "^reload picker again" "$T/log" || true)
[ "$n" -eq 1 ] || bad "$n reloads for four touches and one save (expected 1)"
[ "$(awk '$1 == "reload" && $2 == "kept" { k = $3 } END { print k + 0 }' "$T/log")" -eq 0 ] ||
    bad "the picker still holds the old version"
echo ok
