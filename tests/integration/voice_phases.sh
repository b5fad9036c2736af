#!/usr/bin/env bash
# A breathing exercise with `voice = "all"` speaks a phase's text only when it ends
# inside the phase: the short "In" is spoken every cycle, the two long texts of short
# phases never are, and no utterance (in timeline.tsv or in audio.wav) crosses a phase
# boundary.
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/voice_bash.bash"
voice_or_skip

mkdir -p "$T/s"
cat > "$T/s/long-words.cfg" <<'CFG'
version = 1;
exercise = { id = "long-words"; title = "Long words"; kind = "breathing"; cycles = 3;
  pattern = ( { phase = "inhale"; seconds = 4; text = "In"; },
              { phase = "hold"; seconds = 1; text = "Now hold the breath gently for a little while, without any strain at all"; },
              { phase = "exhale"; seconds = 2; text = "Let the breath go out slowly and softly through the mouth, all the way"; } );
  audio = { voice = "all"; };
};
CFG
EBB_VOICE_LOG=$T/log "$EBB" --export "$T/v" --at 0 "$T/s/long-words.cfg" 2> "$T/err" ||
    { cat "$T/err"; fail "export failed"; }
"$EBB" --export "$T/plain" --at 0 --no-voice "$T/s/long-words.cfg" 2> /dev/null
tsv=$T/v/timeline.tsv
[ "$(awk -F'\t' '$2 == "voice" && $5 == "In"' "$tsv" | wc -l)" = 3 ] || fail "\"In\" is not spoken each cycle"
[ "$(awk -F'\t' '$2 == "voice" && $5 != "In"' "$tsv" | wc -l)" = 0 ] || fail "a text too long for its phase is spoken"
# every voice row ends (time + its length) before the next phase row
awk -F'\t' 'NR == FNR { if ($1 == "utterance") len[$3] = $2; next }
            $2 == "voice" { open = $1 + len[$5]; have = 1; next }
            ($2 == "phase" || $2 == "end") && have { if (open > $1) { print "crosses " $1; bad = 1 } have = 0 }
            END { exit bad }' "$T/log" "$tsv" || fail "an utterance crosses a phase boundary"
check_speech "$T/v" "$T/plain" "$T/log"
# and in the sound: every stretch of speech ends before the phase after it begins
awk -F'\t' '$2 == "phase" { print $1 }' "$tsv" > "$T/bounds"
"$PROBE" "$T/v/audio.wav" differ "$T/plain/audio.wav" 0.25 |
    awk 'NR == FNR { b[NR] = $1; n = NR; next }
         { for (i = 1; i <= n; i++) if ($1 < b[i] - 0.001 && $2 > b[i] + 0.001) { print; bad = 1 } }
         END { exit bad }' "$T/bounds" - || fail "speech in audio.wav crosses a phase boundary"
echo ok
