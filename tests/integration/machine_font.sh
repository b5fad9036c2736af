#!/usr/bin/env bash
# No usable font (issue 8): ebb asks fontconfig for a sans-serif font covering Latin,
# Greek and Cyrillic (engine/sdl/draw/text.c), or uses EBB_FONT. When fontconfig knows no
# font at all (FONTCONFIG_FILE pointing at a configuration with no font folders), or
# EBB_FONT names a file that is missing, not a font, or a FIFO, the picker, a session
# and an export each end in one line naming what was looked for, and exit status 1.
# Args: EBB_BINARY SOURCE_DIR BUILD_DIR.
. "$(dirname "$0")/common.bash"
set +e +o pipefail # the checks below read exit statuses themselves
export XDG_CACHE_HOME=$T/cache
# shellcheck source=hostile_lib.bash
. "$SRC/tests/integration/hostile_lib.bash"

# no_font LABEL PATTERN ARGS...: exit 1 and one line matching PATTERN.
no_font() {
    local label=$1 pattern=$2
    shift 2
    measure "$label" "$EBB" "$@"
    [ "$status" -ne 124 ] || fail "$label: still running after ${HANG_GUARD_S}s"
    [ "$status" -eq 1 ] || { cat "$ERR"; fail "$label: exit $status, expected 1"; }
    [ "$(wc -l <"$ERR")" -eq 1 ] || { cat "$ERR"; fail "$label: expected one line"; }
    grep -qE -- "$pattern" "$ERR" || { cat "$ERR"; fail "$label: expected /$pattern/"; }
    sed 's/^/    /' "$ERR"
}

cat >"$T/empty-fonts.conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig></fontconfig>
XML
FONTCONFIG_FILE=$T/empty-fonts.conf no_font "fontconfig knows no font: picker" \
    "no font found that covers Latin, Greek and Cyrillic"
FONTCONFIG_FILE=$T/empty-fonts.conf no_font "fontconfig knows no font: session" \
    "no font found that covers Latin, Greek and Cyrillic" --no-checkin box
FONTCONFIG_FILE=$T/empty-fonts.conf no_font "fontconfig knows no font: export" \
    "no font found" --export "$T/export" --at 0 box

EBB_FONT=$T/missing.ttf no_font "EBB_FONT missing" "missing\.ttf" --no-checkin box
echo "not a font" >"$T/text.ttf"
EBB_FONT=$T/text.ttf no_font "EBB_FONT is not a font" "text\.ttf" --no-checkin box
mkfifo "$T/fifo.ttf"
EBB_FONT=$T/fifo.ttf no_font "EBB_FONT is a FIFO" "fifo\.ttf" --no-checkin box
mkdir "$T/folder.ttf"
EBB_FONT=$T/folder.ttf no_font "EBB_FONT is a folder" "folder\.ttf" --no-checkin box

# What needs no window needs no font either.
FONTCONFIG_FILE=$T/empty-fonts.conf measure "no font: --list" "$EBB" --list
[ "$status" -eq 0 ] && [ ! -s "$ERR" ] || { cat "$ERR"; fail "--list without a font"; }
echo "machine_font: ${#FIGURES[@]} cases"
