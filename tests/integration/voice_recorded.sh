#!/usr/bin/env bash
# A folder of recordings named after the steps ($XDG_CONFIG_HOME/ebb/voices/ID/step-N.wav,
# .ogg or .flac) replaces the synthesized voice for that exercise: each recorded step is
# spoken by its file from the step's start for the file's length, a step without a file
# says nothing, espeak-ng is not needed, and other exercises keep the synthesized voice.
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/voice_bash.bash"

dir=$XDG_CONFIG_HOME/ebb/voices/five-senses
mkdir -p "$dir"
# "recordings": a second and a half second of soft tone, with silence around them
sox -n -r 44100 -c 1 -b 16 "$dir/step-1.wav" synth 1.0 sine 330 gain -20 pad 0.3 0.3
sox -n -r 22050 -c 2 -b 16 "$dir/step-03.flac" synth 0.5 sine 440 gain -20
echo "not a recording" > "$dir/notes.txt"

EBB_NO_ESPEAK=1 EBB_VOICE_LOG=$T/log "$EBB" --export "$T/v" --at 0 --press-every 15 --voice \
    five-senses 2> "$T/err" || { cat "$T/err"; fail "export failed"; }
[ ! -s "$T/err" ] || { cat "$T/err"; fail "recordings need no espeak-ng, but there was a notice"; }
"$EBB" --export "$T/plain" --at 0 --press-every 15 five-senses 2> /dev/null
rows=$(awk -F'\t' '$2 == "voice" { print $5 }' "$T/v/timeline.tsv" | tr '\n' ' ')
[ "$rows" = "step-1.wav step-03.flac " ] || fail "voice rows \"$rows\", not the two recordings"
step3=$(awk -F'\t' '$2 == "step" { n++ } $2 == "step" && n == 3 { print $1 }' "$T/v/timeline.tsv")
grep -q "	voice	-	-	step-03.flac" <(awk -F'\t' -v t="$step3" '$1 == t' "$T/v/timeline.tsv") ||
    fail "step-03.flac is not at the third step ($step3 s)"
# trimmed of its silence: the first recording lasts about its one second of tone
awk -F'\t' '$1 == "utterance" && $3 == "step-1.wav" { exit !($2 > 0.95 && $2 < 1.05) }' "$T/log" ||
    { cat "$T/log"; fail "step-1.wav does not last its second"; }
check_speech "$T/v" "$T/plain" "$T/log"

# other exercises are not touched by this folder
"$EBB" --export "$T/other" --at 0 --voice --press-every 15 feet-on-floor 2> "$T/other.err"
! grep -q "step-1.wav" "$T/other/timeline.tsv" || fail "five-senses' recordings spoke in another exercise"
echo ok
