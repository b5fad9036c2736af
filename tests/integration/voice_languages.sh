#!/usr/bin/env bash
# The voice speaks the script's `language` (German and Spanish by espeak-ng's own voice
# names), else the locale's; a language espeak-ng has no voice for falls back to English
# with exactly one notice.
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/voice_bash.bash"
voice_or_skip

mkdir -p "$T/s"
script() { # ID LANGUAGE-LINE PROMPT
    printf 'version = 1;\nexercise = { id = "%s"; title = "T"; kind = "grounding"; %s\n  steps = ( { prompt = "%s"; } ); audio = { voice = "prompts"; }; };\n' \
        "$1" "$2" "$3" > "$T/s/$1.cfg"
}
script sprich 'language = "de";' "Spüre deine Füße auf dem Boden"
script habla 'language = "es";' "Siente tus pies en el suelo"
script plain '' "Feel your feet on the floor"
script nowhere 'language = "zz";' "Feel your feet on the floor"

for id in sprich habla nowhere; do
    EBB_VOICE_LOG=$T/$id.log "$EBB" --export "$T/$id" --at 0 "$T/s/$id.cfg" 2> "$T/$id.err" ||
        { cat "$T/$id.err"; fail "$id: export failed"; }
done
grep -q "^voice	de	German	" "$T/sprich.log" || { cat "$T/sprich.log"; fail "German is not spoken by espeak-ng's German voice"; }
grep -q "^voice	es	Spanish" "$T/habla.log" || { cat "$T/habla.log"; fail "Spanish is not spoken by a Spanish voice"; }
[ ! -s "$T/sprich.err" ] && [ ! -s "$T/habla.err" ] || fail "a language with a voice gave a notice"
[ "$(grep -c 'no voice for language "zz"; the voice speaks English' "$T/nowhere.err")" = 1 ] &&
    [ "$(wc -l < "$T/nowhere.err")" = 1 ] || { cat "$T/nowhere.err"; fail "not one notice for zz"; }
grep -q "^voice	zz	English" "$T/nowhere.log" || fail "zz does not fall back to English"
grep -q "	voice	" "$T/nowhere/timeline.tsv" || fail "the English fallback says nothing"

# no language in the script: the locale decides (LC_ALL first, then LC_MESSAGES, LANG)
LANG=es_ES.UTF-8 LC_ALL= LC_MESSAGES=de_DE.UTF-8 EBB_VOICE_LOG=$T/loc.log \
    "$EBB" --export "$T/loc" --at 0 "$T/s/plain.cfg" 2> /dev/null
grep -q "^voice	de-de	German" "$T/loc.log" || { cat "$T/loc.log"; fail "LC_MESSAGES=de_DE does not speak German"; }
LANG=C LC_ALL= LC_MESSAGES= EBB_VOICE_LOG=$T/c.log "$EBB" --export "$T/c" --at 0 "$T/s/plain.cfg" 2> "$T/c.err"
grep -q "^voice	en	English" "$T/c.log" && [ ! -s "$T/c.err" ] || fail "the C locale does not speak English quietly"
echo ok
