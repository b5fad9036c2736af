#!/usr/bin/env bash
# Every script's letters: a Hebrew, an Arabic, a Japanese and a Hindi exercise (a person's
# own, tests/i18n/) are exported, no character of theirs is drawn as a box (none is named
# on stderr), and tesseract reads each prompt back from the frame: at least 80 % of the
# prompt's characters, in logical order, as written in the script. Letters in reverse
# order, unjoined Arabic or broken Devanagari clusters read back as something else.
# Skips (77) without tesseract, its language data, or a font for one of the scripts.
. "$(dirname "$0")/common.bash"
command -v tesseract >/dev/null || { echo "skip: no tesseract (tesseract-ocr)"; exit 77; }
command -v python3 >/dev/null || { echo "skip: no python3"; exit 77; }
langs=$(tesseract --list-langs 2>/dev/null)
for pair in hebrew:heb:he arabic:ara:ar japanese:jpn:ja hindi:hin:hi; do
    IFS=: read -r name ocr lang <<<"$pair"
    grep -qx "$ocr" <<<"$langs" || { echo "skip: no tesseract-ocr-$ocr"; exit 77; }
    [ -n "$(fc-list ":lang=$lang" file 2>/dev/null)" ] || { echo "skip: no font for $lang"; exit 77; }
done

for pair in hebrew:heb arabic:ara japanese:jpn hindi:hin; do
    IFS=: read -r name ocr <<<"$pair"
    cfg=$SRC/tests/i18n/$name-feet.cfg
    "$EBB" --export "$T/$name" --size 960x540 --at 5 "$cfg" 2>"$T/$name.err" ||
        { cat "$T/$name.err"; fail "$name: export failed"; }
    if grep -E 'U\+[0-9A-F]{4}|drawn as a box' "$T/$name.err"; then
        fail "$name: a character was drawn as a box"
    fi
    tesseract "$T/$name/frame-000150.png" "$T/$name-ocr" -l "$ocr" >/dev/null 2>&1 ||
        fail "$name: tesseract failed"
    prompt=$(sed -n 's/^ *{ prompt = "\(.*\)";$/\1/p' "$cfg")
    [ -n "$prompt" ] || fail "$name: no prompt found in $cfg"
    # the best-matching line, compared without spaces (OCR of Japanese adds some)
    score=$(python3 - "$prompt" "$T/$name-ocr.txt" <<'PY'
import difflib, sys
want = "".join(sys.argv[1].split())
lines = open(sys.argv[2], encoding="utf-8").read().splitlines()
best = 0.0
for line in lines:
    got = "".join(line.split())
    m = difflib.SequenceMatcher(None, want, got)
    best = max(best, sum(b.size for b in m.get_matching_blocks()) / len(want))
print(f"{best:.2f}")
PY
)
    echo "$name: $score of \"$prompt\" read back"
    awk "BEGIN { exit !($score >= 0.8) }" || { cat "$T/$name-ocr.txt"; fail "$name: read back $score"; }
done
echo ok
