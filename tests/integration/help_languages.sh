#!/usr/bin/env bash
# Help in every shipped language, over the picker and over a session, at 1280x720 and
# 800x600: every row of keys is shown whole (no line clipped or cut with "..."), since a
# translation is often longer than the English.
. "$(dirname "$0")/common.bash"
langs=(en)
for po in "$SRC"/po/*.po; do
    [ -e "$po" ] && langs+=("$(basename "$po" .po)")
done
mkdir -p "$XDG_STATE_HOME/ebb"
checked=0
for size in 1280x720 800x600; do
    printf 'version = 1;\nwindow = { width = %s; height = %s; fullscreen = false; };\n' \
        "${size%x*}" "${size#*x}" >"$XDG_STATE_HOME/ebb/state.cfg"
    for lang in "${langs[@]}"; do
        for where in picker session; do
            rm -f "$T/log"
            args=(--language "$lang")
            [ "$where" = session ] && args+=(--no-checkin box)
            EBB_TEST_LOG=$T/log EBB_TEST_KEYS="2.0:F1,3.0:F1,3.3:Q" \
                timeout 60 "$EBB" "${args[@]}" >/dev/null 2>"$T/err" ||
                fail "$lang $size $where: ebb failed: $(head -c 300 "$T/err")"
            grep -q "^help " "$T/log" || fail "$lang $size $where: help was not shown"
            if grep -q "^clipped" "$T/log"; then
                fail "$lang $size $where: $(grep -m1 '^clipped' "$T/log")"
            fi
            checked=$((checked + 1))
        done
    done
done
echo "ok: help whole in ${#langs[@]} languages, $checked screens"
