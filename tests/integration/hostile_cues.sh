#!/usr/bin/env bash
# Cue files that are missing, empty, truncated, a folder, a FIFO, huge, or not audio at
# all (issue 8). These are warnings, never errors: `ebb --check` exits 0 with a warning
# where the loader can tell (missing, empty, a folder, not a regular file), and at play
# time (a headless export here) the built-in cue plays instead with one notice naming
# the file, and the export finishes. A FIFO must not make anything wait.
# Args: EBB_BINARY SOURCE_DIR BUILD_DIR.
. "$(dirname "$0")/common.bash"
set +e +o pipefail # the checks below read exit statuses themselves
# shellcheck source=hostile_lib.bash
. "$SRC/tests/integration/hostile_lib.bash"

# cue_script NAME: $T/NAME.cfg, whose first inhale plays NAME.wav
cue_script() {
    cat >"$T/$1.cfg" <<CFG
version = 1;
exercise = {
  id = "$1"; title = "T"; kind = "breathing"; prepare = 0.0; cycles = 1;
  pattern = ({ phase = "inhale"; seconds = 1.0; cue = "$1.wav"; },
             { phase = "exhale"; seconds = 1.0; });
};
CFG
}

# A real, short WAV header (48 kHz stereo 16-bit) followed by a cut-off data chunk.
wav_header() {
    printf 'RIFF\x24\x10\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x02\x00\x80\xbb\x00\x00'
    printf '\x00\xee\x02\x00\x04\x00\x10\x00data\x00\x10\x00\x00'
}

# play NAME PATTERN: a headless export of NAME.cfg finishes (exit 0, audio.wav written)
# with exactly one line on stderr, a warning naming NAME.wav that matches PATTERN.
play() {
    local name=$1 pattern=$2
    measure "$name: export" "$EBB" --export "$T/out-$name" --size 160x90 --at 0.5 \
        "$T/$name.cfg"
    [ "$status" -ne 124 ] || fail "$name: export still running after ${HANG_GUARD_S}s"
    [ "$status" -eq 0 ] || { cat "$ERR"; fail "$name: export exit $status, expected 0"; }
    [ -s "$T/out-$name/audio.wav" ] || fail "$name: no audio.wav"
    [ "$(wc -l <"$ERR")" -eq 1 ] || { cat "$ERR"; fail "$name: expected one notice"; }
    grep -qE -- ": warning: .*\"$name\.wav\"" "$ERR" ||
        { cat "$ERR"; fail "$name: the notice does not name $name.wav"; }
    grep -qE -- "$pattern" "$ERR" || { cat "$ERR"; fail "$name: the notice does not say /$pattern/"; }
    sed 's/^/    /' "$ERR"
}

# check_silent NAME: --check exits 0 and says nothing (the loader cannot tell).
check_silent() {
    measure "$1: --check" "$EBB" --check "$T/$1.cfg"
    [ "$status" -eq 0 ] && [ ! -s "$ERR" ] || { cat "$ERR"; fail "$1: --check expected 0, silent"; }
}

cue_script missing
expect_check_warning "missing: --check" "$T/missing.cfg" "\"missing.wav\" was not found"
play missing "not found"

cue_script empty
: >"$T/empty.wav"
expect_check_warning "empty: --check" "$T/empty.cfg" "\"empty.wav\" is empty"
play empty "empty"

cue_script folder
mkdir "$T/folder.wav"
expect_check_warning "folder: --check" "$T/folder.cfg" "\"folder.wav\" is a folder"
play folder "folder"

cue_script fifo
mkfifo "$T/fifo.wav"
expect_check_warning "FIFO: --check" "$T/fifo.cfg" "\"fifo.wav\" is not a regular file"
play fifo "not a regular file"

cue_script truncated
wav_header >"$T/truncated.wav"
head -c 100 /dev/urandom >>"$T/truncated.wav"
check_silent truncated
# A cut-off data chunk may still decode to the part that is there: what matters is that
# the export finishes; if it does warn, the notice is one line naming the file.
measure "truncated: export" "$EBB" --export "$T/out-trunc" --size 160x90 --at 0.5 "$T/truncated.cfg"
[ "$status" -eq 0 ] || { cat "$ERR"; fail "truncated: export exit $status"; }
[ "$(wc -l <"$ERR")" -le 1 ] || { cat "$ERR"; fail "truncated: more than one notice"; }

cue_script header
printf 'RIFF\x24\x10\x00\x00WAVEfmt ' >"$T/header.wav"
check_silent header
play header "cannot play"

cue_script noise
head -c 4096 /dev/urandom >"$T/noise.wav"
check_silent noise
play noise "cannot play"

cue_script text
echo "this is not a sound" >"$T/text.wav"
check_silent text
play text "cannot play"

cue_script huge
{ wav_header; } >"$T/huge.wav"
truncate -s 1G "$T/huge.wav" # a valid header claiming a gigabyte of sound
check_silent huge
play huge "larger than"

echo "hostile_cues: ${#FIGURES[@]} cases, all warnings, every export finished"
