#!/usr/bin/env bash
# No audio device (issue 8): with SDL_AUDIODRIVER=nonexistent a session still runs, in
# silence, with one notice on stderr saying so, and ends normally (status 0). The test
# hook (docs/contributing-testing.md) presses Escape once the session is showing. Export
# uses no device, so it still writes its sound file.
# Args: EBB_BINARY SOURCE_DIR BUILD_DIR.
. "$(dirname "$0")/common.bash"
set +e +o pipefail # the checks below read exit statuses themselves
# shellcheck source=hostile_lib.bash
. "$SRC/tests/integration/hostile_lib.bash"

export SDL_AUDIODRIVER=nonexistent
for ex in box five-senses; do
    log=$T/$ex.log
    # Escape waits for the one before it and for any fade: the session is on screen.
    EBB_TEST_LOG=$log EBB_TEST_KEYS="1.0:Escape" measure "no audio device: $ex session" \
        "$EBB" --no-checkin "$ex"
    [ "$status" -ne 124 ] || fail "$ex: still running after ${HANG_GUARD_S}s"
    [ "$status" -eq 0 ] || { cat "$ERR"; fail "$ex without audio: exit $status, expected 0"; }
    grep -q '^screen session' "$log" || { cat "$log"; fail "$ex: the session never showed"; }
    grep -q '^present ' "$log" || fail "$ex: no frame was presented"
    grep -q '^exit 0' "$log" || { cat "$log"; fail "$ex: no clean exit"; }
    [ "$(wc -l <"$ERR")" -eq 1 ] || { cat "$ERR"; fail "$ex: expected one notice"; }
    grep -qi 'sound' "$ERR" || { cat "$ERR"; fail "$ex: the notice does not mention sound"; }
    sed 's/^/    /' "$ERR"
done

measure "no audio device: export" "$EBB" --export "$T/export" --size 160x90 --at 0 box --cycles 1
[ "$status" -eq 0 ] || { cat "$ERR"; fail "export without an audio device: exit $status"; }
[ -s "$T/export/audio.wav" ] || fail "export without an audio device wrote no audio.wav"
echo "machine_audio: ${#FIGURES[@]} cases"
