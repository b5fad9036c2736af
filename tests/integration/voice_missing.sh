#!/usr/bin/env bash
# Without espeak-ng's data (ESPEAK_DATA_PATH pointing nowhere, or EBB_NO_ESPEAK set) a
# session asked to speak runs with its tones only, after exactly one notice: the export
# sounds exactly like one without a voice and has no voice rows, and a window session
# starts and leaves normally.
. "$(dirname "$0")/common.bash"

"$EBB" --export "$T/plain" --at 0 --no-voice five-senses 2> /dev/null
for how in path off; do
    case $how in
    path) env=(ESPEAK_DATA_PATH=$T/nowhere) ;;
    off) env=(EBB_NO_ESPEAK=1) ;;
    esac
    env "${env[@]}" "$EBB" --export "$T/$how" --at 0 --voice five-senses 2> "$T/$how.err" ||
        { cat "$T/$how.err"; fail "$how: export failed"; }
    [ "$(wc -l < "$T/$how.err")" = 1 ] && grep -q "spoken guidance is not available" "$T/$how.err" ||
        { cat "$T/$how.err"; fail "$how: not one notice"; }
    ! grep -q "	voice	" "$T/$how/timeline.tsv" || fail "$how: voice rows without a voice"
    cmp "$T/$how/audio.wav" "$T/plain/audio.wav" || fail "$how: the sound is not the tones alone"
done
ESPEAK_DATA_PATH=$T/nowhere EBB_TEST_LOG=$T/log EBB_TEST_KEYS="0.5:Escape" timeout 60 \
    "$EBB" --voice --no-checkin body-scan 2> "$T/app.err" || { cat "$T/app.err"; fail "the window session failed"; }
[ "$(grep -c "spoken guidance is not available" "$T/app.err")" = 1 ] || { cat "$T/app.err"; fail "the window gave not one notice"; }
grep -q "exit 0" "$T/log" || fail "the window session did not end normally"
echo ok
