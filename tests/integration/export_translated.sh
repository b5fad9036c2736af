#!/usr/bin/env bash
# A script's own translations are shown in the interface language (--language, else
# the locale): the title in --list, phase texts and step prompts in
# timeline.tsv; the exact code first, then the language part, else as written. A script
# without translations is shown as written in every language, and so is a file whose
# translations lack the language. The built-in exercises come in German and Japanese.
. "$(dirname "$0")/common.bash"
mkdir -p "$XDG_CONFIG_HOME/ebb/exercises"
cat >"$XDG_CONFIG_HOME/ebb/exercises/duo.cfg" <<'CFG'
version = 1;
exercise = {
  id = "duo"; title = "Two breaths"; kind = "breathing"; prepare = 1.0; cycles = 1;
  pattern = (
    { phase = "inhale"; seconds = 2.0; },
    { phase = "exhale"; seconds = 2.0; text = "Out, slowly"; }
  );
  translations = {
    de = { title = "Zwei Atemzüge";
           strings = ( [ "Breathe in", "Einatmen" ], [ "Out, slowly", "Langsam aus" ] ); };
    pt = { title = "Duas respirações"; strings = ( [ "Breathe in", "Inspire" ] ); };
    pt_BR = { title = "Duas respirações (Brasil)"; };
  };
};
CFG
cat >"$XDG_CONFIG_HOME/ebb/exercises/mine.cfg" <<'CFG'
version = 1;
exercise = {
  id = "mine"; title = "Meine Füße"; kind = "grounding"; advance = "timed";
  steps = ( { prompt = "Spüre den Boden"; seconds = 2.0; } );
};
CFG

rows() { # DIR: "event|text" of the phase and step rows
    awk -F'\t' '$2 == "phase" || $2 == "step" { print $2 "|" $5 }' "$1/timeline.tsv"
}
export_rows() { # NAME ARGS...: exports into $T/NAME and prints its rows
    local name=$1
    shift
    "$EBB" --export "$T/$name" --fps 2 --size 64x36 --at 0 "$@" >/dev/null
    rows "$T/$name"
}

[ "$(export_rows en duo)" = "$(printf '%s\n' 'phase|Breathe in' 'phase|Out, slowly')" ] ||
    fail "English is not as written: $(rows "$T/en")"
[ "$(export_rows de --language de duo)" = "$(printf '%s\n' 'phase|Einatmen' 'phase|Langsam aus')" ] ||
    fail "--language de: $(rows "$T/de")"
# the locale decides when --language is not given; de_AT falls back to de
[ "$(LANG=de_AT.UTF-8 export_rows at duo)" = "$(rows "$T/de")" ] || fail "LANG=de_AT: $(rows "$T/at")"
# the exact code wins over the language part; what pt_BR lacks is as written, not pt's
[ "$(export_rows br --language pt_BR duo)" = "$(printf '%s\n' 'phase|Breathe in' 'phase|Out, slowly')" ] ||
    fail "pt_BR: $(rows "$T/br")"
"$EBB" --language pt_BR --list | grep -Eq ' Duas respirações \(Brasil\)$' || fail "--list in pt_BR"
[ "$(export_rows pt --language pt_PT duo)" = "$(printf '%s\n' 'phase|Inspire' 'phase|Out, slowly')" ] ||
    fail "pt_PT falls back to pt: $(rows "$T/pt")"
# a language the script has no words for, and a script with no translations: as written
[ "$(export_rows ja --language ja duo)" = "$(rows "$T/en")" ] || fail "ja is not as written: $(rows "$T/ja")"
[ "$(export_rows mine --language ja mine)" = "$(printf '%s\n' 'step|Spüre den Boden')" ] ||
    fail "a script of one's own is not as written: $(rows "$T/mine")"
# a file given by path carries its translations too
[ "$(export_rows file --language de "$XDG_CONFIG_HOME/ebb/exercises/duo.cfg")" = "$(rows "$T/de")" ] ||
    fail "a file by path: $(rows "$T/file")"

# --list shows the translated title under the same id
"$EBB" --language de --list | grep -Eq '^duo +breathing +0:05 +user +Zwei Atemzüge$' || fail "--list in German"
"$EBB" --language de --list | grep -Eq '^mine +grounding .* Meine Füße$' || fail "--list of one's own"

# the built-in exercises
"$EBB" --language de --list | grep -Eq '^box +breathing .* Box-Atmung$' || fail "built-in box in German"
"$EBB" --language ja --list | grep -Eq '^box +breathing .* ボックス呼吸$' || fail "built-in box in Japanese"
export_rows box_de --language de --cycles 1 box >/dev/null
[ "$(rows "$T/box_de" | tr '\n' ' ')" = "phase|Einatmen phase|Halten phase|Ausatmen phase|Ruhen " ] ||
    fail "box in German: $(rows "$T/box_de")"
! "$EBB" --check "$SRC/exercises/box.cfg" 2>&1 | grep -q . || fail "--check box.cfg is not silent"
echo "ok"
