#!/usr/bin/env bash
# Export with --voice: five-senses and body-scan speak each step's prompt and detail from
# the step's start, for about as long as espeak-ng's utterance lasts and nowhere else
# (the sound differs from the export without a voice only there); timeline.tsv has one
# voice row per step at the step's exact time; the peak stays under -12 dBFS; two
# exports are identical.
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/voice_bash.bash"
voice_or_skip

for ex in five-senses body-scan; do
    # presses every 15 s: a step's words end before the next step cuts them short
    o=(--at 0 --press-every 15)
    EBB_VOICE_LOG=$T/$ex.log "$EBB" --export "$T/$ex" "${o[@]}" --voice "$ex" 2> "$T/$ex.err" ||
        { cat "$T/$ex.err"; fail "$ex: export failed"; }
    [ ! -s "$T/$ex.err" ] || { cat "$T/$ex.err"; fail "$ex: the export said something"; }
    "$EBB" --export "$T/$ex-plain" "${o[@]}" "$ex" 2> /dev/null
    "$EBB" --export "$T/$ex-again" "${o[@]}" --voice "$ex" 2> /dev/null
    cmp "$T/$ex/audio.wav" "$T/$ex-again/audio.wav" || fail "$ex: two exports sound different"
    cmp "$T/$ex/timeline.tsv" "$T/$ex-again/timeline.tsv" || fail "$ex: two timelines differ"

    steps=$(awk -F'\t' '$2 == "step"' "$T/$ex/timeline.tsv" | wc -l)
    voices=$(awk -F'\t' '$2 == "voice"' "$T/$ex/timeline.tsv" | wc -l)
    [ "$steps" -gt 0 ] && [ "$voices" = "$steps" ] || fail "$ex: $voices voice rows for $steps steps"
    # each voice row follows its step at the same instant, and says the step's prompt first
    awk -F'\t' '$2 == "step" { t = $1; p = $5; want = 1; next }
                $2 == "voice" { if (!want || $1 != t || index($5, p) != 1) { print; bad = 1 } want = 0 }
                END { exit bad }' "$T/$ex/timeline.tsv" || fail "$ex: a voice row not at its step"
    grep -c "^voice	en	" "$T/$ex.log" > /dev/null || fail "$ex: no English voice in the log"
    check_speech "$T/$ex" "$T/$ex-plain" "$T/$ex.log"

    max=$(sox "$T/$ex/audio.wav" -n stat 2>&1 | awk '/^Maximum amplitude/ { print $3 }')
    awk -v m="$max" 'BEGIN { exit !(m > 0.001 && 20 * log(m) / log(10) <= -12.0) }' ||
        fail "$ex: peak $max is not under -12 dBFS"
done
echo ok
