#!/usr/bin/env bash
# The translations: every string of po/ebb.pot is translated (not empty, not fuzzy) in
# every shipped po/LL.po, with formats that match (msgfmt -c); the pot is what the
# sources mark today; and the program speaks the language chosen by the locale, by
# ebb.cfg's `language` and by --language, in that order of strength.
# Args: EBB_BINARY SOURCE_DIR BUILD_DIR.
. "$(dirname "$0")/common.bash"
command -v msgfmt >/dev/null && command -v msgcmp >/dev/null && command -v xgettext >/dev/null ||
    { echo "skip: gettext's tools are not installed"; exit 77; }
[ -d "$BUILD/locale" ] || { echo "skip: built with EBB_NLS off"; exit 77; }

for lang in de es fr ar ja; do
    po=$SRC/po/$lang.po
    [ -f "$po" ] || fail "po/$lang.po is missing"
    stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1) || fail "$lang: msgfmt -c: $stats"
    grep -Eq 'untranslated|fuzzy' <<<"$stats" && fail "$lang: not complete: $stats"
    # every msgid of the pot has a translation here (untranslated and fuzzy count as none)
    msgcmp "$po" "$SRC/po/ebb.pot" 2>"$T/cmp" || { cat "$T/cmp"; fail "$lang: strings of the pot are missing"; }
    [ -f "$BUILD/locale/$lang/LC_MESSAGES/ebb.mo" ] || fail "$lang: no ebb.mo in the build"
done

# The committed pot holds exactly the strings the sources mark (scripts/dev pot).
(cd "$SRC" && find engine -name '*.[ch]' | LC_ALL=C sort >"$T/sources")
(cd "$SRC" && xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ \
    --keyword=ngettext:1,2 -o "$T/fresh.pot" -f "$T/sources")
msgcmp --use-untranslated "$T/fresh.pot" "$SRC/po/ebb.pot" 2>"$T/cmp" ||
    { cat "$T/cmp"; fail "po/ebb.pot has strings the sources no longer mark: run scripts/dev pot"; }
msgcmp --use-untranslated "$SRC/po/ebb.pot" "$T/fresh.pot" 2>"$T/cmp" ||
    { cat "$T/cmp"; fail "the sources mark strings po/ebb.pot lacks: run scripts/dev pot"; }

unset LC_ALL LC_MESSAGES LANGUAGE
export LANG=C.UTF-8
# The whole output first: grep -q leaving early would make the writer's SIGPIPE a failure.
# help_says TEXT [OPTIONS]: ebb OPTIONS --help prints TEXT.
help_says() {
    local want=$1 out
    shift
    out=$("$EBB" "$@" --help 2>&1)
    grep -q -- "$want" <<<"$out"
}

# The locale, as every gettext program reads it.
LANG=de_DE.UTF-8 help_says "Übungen:" || fail "LANG=de_DE.UTF-8: --help is not German"
LANG=de_DE.UTF-8 help_says "örtliche Notrufnummer" || fail "German help lacks the crisis line"
LC_ALL=fr_FR.UTF-8 LANG=de_DE.UTF-8 help_says "Exercices :" || fail "LC_ALL does not win over LANG"
LANGUAGE=es LANG=de_DE.UTF-8 help_says "Ejercicios:" || fail "LANGUAGE does not win over LANG"
LANGUAGE=es LC_ALL=C help_says "^Exercises:" || fail "LC_ALL=C is not English"
# A locale that is not generated on this machine still chooses the words.
LANG=ja_XX.UTF-8 help_says "エクササイズ:" || fail "an ungenerated locale's language is not used"

# --language, even under the C locale; it wins over ebb.cfg's `language`, which wins
# over the locale.
help_says "緊急通報番号" --language ja || fail "--language ja: --help is not Japanese"
help_says "الطوارئ المحلي" --language=ar || fail "--language=ar: --help is not Arabic"
mkdir -p "$XDG_CONFIG_HOME/ebb"
echo 'language = "fr";' >"$XDG_CONFIG_HOME/ebb/ebb.cfg"
LANG=de_DE.UTF-8 help_says "Exercices :" || fail "ebb.cfg's language does not win over LANG"
help_says "Ejercicios:" --language es || fail "--language does not win over ebb.cfg"
rm "$XDG_CONFIG_HOME/ebb/ebb.cfg"

# A mistake on the command line is answered in the language too; --check stays English.
LANG=de_DE.UTF-8 "$EBB" --cycles 0 box 2>"$T/err" >/dev/null && fail "--cycles 0 was taken"
grep -q "erwartet" "$T/err" || { cat "$T/err"; fail "a bad option is not answered in German"; }
printf 'version = 1;\nexercise = { id = "x"; };\n' >"$T/x.cfg"
LANG=de_DE.UTF-8 "$EBB" --check "$T/x.cfg" 2>"$T/err" >/dev/null && fail "a broken script passed --check"
grep -q "error:" "$T/err" || { cat "$T/err"; fail "--check's diagnostics are not in English"; }
echo "translations: ok"
