#!/usr/bin/env bash
# kill -9 while the state file is written leaves the old file or the new one, never a
# torn one. tests/tools/state_writer writes state.cfg through ebb_state_save again and
# again (a temporary file, fsync, rename); this kills it at a random moment, over and
# over, and after each kill reads the file back through ebb_state_load: it must load with
# no warning, every value of one generation, and that generation must be the one left by
# the previous round or one this round wrote.
# Args: EBB_BINARY SOURCE_DIR BUILD_DIR.
. "$(dirname "$0")/common.bash"
set +e +o pipefail # the checks below read exit statuses themselves
WRITER=$BUILD/tests/state_writer
ROUNDS=${EBB_KILL_ROUNDS:-200}
[ -x "$WRITER" ] || fail "$WRITER is not built"

STATE=$T/state/ebb/state.cfg
# The first file, whole, so every round has an old one to keep.
"$WRITER" write "$STATE" 0 &
pid=$!
until [ -f "$STATE" ]; do
    kill -0 "$pid" 2>/dev/null || fail "the writer stopped before writing anything"
    sleep 0.01
done
kill -9 "$pid"
wait "$pid" 2>/dev/null
prev=$("$WRITER" check "$STATE") || fail "the first file does not load"

started=$(date +%s%N)
leftover=0
for round in $(seq 1 "$ROUNDS"); do
    start=$((round * 5000)) # far above anything the previous round could reach
    "$WRITER" write "$STATE" "$start" &
    pid=$!
    # 0 to 30 ms: early kills land in the first write, later ones anywhere in a write
    sleep "0.0$(printf '%02d' $((RANDOM % 30)))"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    now=$("$WRITER" check "$STATE" 2>"$T/err") ||
        fail "round $round: the state file is torn: $(cat "$T/err")"
    if [ "$now" != "$prev" ] && { [ "$now" -lt "$start" ] || [ "$now" -ge $((start + 5000)) ]; }; then
        fail "round $round: generation $now was neither the old one ($prev) nor written now (from $start)"
    fi
    prev=$now
    # A temporary file a killed writer leaves behind may stay; the next write must not
    # mind, and the state file itself is never one of them.
    leftover=$(find "$T/state/ebb" -name 'state.cfg.*' | wc -l)
done
elapsed_ms=$((($(date +%s%N) - started) / 1000000))
echo "kill_state: $ROUNDS rounds of kill -9 in ${elapsed_ms} ms, no torn file" \
    "($leftover temporary files left by killed writers)"
