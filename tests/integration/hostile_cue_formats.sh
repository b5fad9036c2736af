#!/usr/bin/env bash
# Cue files of every format through the whole program (a headless export): a 1 Hz WAV
# of 50 000 frames (it used to crash export), an hour of FLAC silence and a 60 MB WAV
# (both used to be decoded whole: tens of seconds and gigabytes), a symlink to
# /dev/zero, an 8 kHz WAV of two frames, one broken file named by eight phases, and
# every file of the tests/cues corpus. Each ends in a finished export with at
# most one line per file naming it; the peak memory of the long files is bounded.
# Args: EBB_BINARY SOURCE_DIR BUILD_DIR.
. "$(dirname "$0")/common.bash"
set +e +o pipefail # the checks below read exit statuses themselves
# shellcheck source=hostile_lib.bash
. "$SRC/tests/integration/hostile_lib.bash"

MEMORY_BOUND_KB=$((300 * 1024)) # gross: the long files took gigabytes before
# Resampling 30 s from 1 Hz takes about a second in the debug build on a quiet machine;
# a machine shared by many builds can make that ten. A hang (a FIFO waiting for its
# writer) is still caught.
HANG_GUARD_S=40

# script ID PHASES...: $T/ID.cfg with one 0.5 s phase per cue file named
script() {
    local id=$1
    shift
    {
        printf 'version = 1;\nexercise = {\n  id = "%s"; title = "T"; kind = "breathing";\n' "$id"
        printf '  prepare = 0.0; cycles = 1;\n  pattern = (\n'
        local first=1 kind=inhale
        for cue in "$@"; do
            [ $first -eq 1 ] || printf ',\n'
            printf '    { phase = "%s"; seconds = 0.5; cue = "%s"; }' "$kind" "$cue"
            first=0
            [ $kind = inhale ] && kind=exhale || kind=inhale
        done
        printf '\n  );\n};\n'
    } >"$T/$id.cfg"
}

# export_ok LABEL ID: the export of ID.cfg finishes with exit 0 and an audio.wav
export_ok() {
    measure "$1" "$EBB" --export "$T/out-$2" --size 160x90 --at 0.2 "$T/$2.cfg"
    [ "$status" -ne 124 ] || fail "$1: export still running after ${HANG_GUARD_S}s"
    [ "$status" -eq 0 ] || { cat "$ERR"; fail "$1: export exit $status, expected 0"; }
    [ -s "$T/out-$2/audio.wav" ] || fail "$1: no audio.wav"
}

# one_line LABEL PATTERN: stderr is exactly one line matching PATTERN
one_line() {
    [ "$(wc -l <"$ERR")" -eq 1 ] || { cat "$ERR"; fail "$1: expected exactly one line"; }
    grep -qE -- "$2" "$ERR" || { cat "$ERR"; fail "$1: the line does not say /$2/"; }
    sed 's/^/    /' "$ERR"
}

memory_bounded() {
    [ "$peak_kb" = '?' ] || [ "$peak_kb" -lt "$MEMORY_BOUND_KB" ] ||
        fail "$1: peak memory ${peak_kb} KiB, more than ${MEMORY_BOUND_KB} KiB"
}

# A WAV header: RATE CHANNELS BITS DATA_BYTES (PCM)
wav_header() {
    python3 - "$@" <<'PY'
import struct, sys
rate, ch, bits, n = map(int, sys.argv[1:])
b = bits // 8
fmt = struct.pack('<4sIHHIIHH', b'fmt ', 16, 1, ch, rate, rate * ch * b, ch * b, bits)
sys.stdout.buffer.write(b'RIFF' + struct.pack('<I', 4 + len(fmt) + 8 + n) + b'WAVE' + fmt +
                        b'data' + struct.pack('<I', n))
PY
}

# --- a 1 Hz WAV of 50 000 frames: once a SIGSEGV in export ---
{ wav_header 1 1 16 100000; head -c 100000 /dev/urandom; } >"$T/one-hz.wav"
script one-hz one-hz.wav
export_ok "1 Hz WAV, 50 000 frames" one-hz
one_line "1 Hz WAV" "one-hz\.cfg:[0-9]+: warning: sound file \"one-hz\.wav\" is longer than 30 seconds"

# --- an 8 kHz WAV of two frames plays, silently (it once failed with an empty reason) ---
{ wav_header 8000 1 16 4; printf '\x00\x10\x00\x10'; } >"$T/tiny.wav"
script tiny tiny.wav
export_ok "8 kHz WAV, two frames" tiny
[ ! -s "$ERR" ] || { cat "$ERR"; fail "8 kHz WAV: expected no notice"; }

# --- a symlink to /dev/zero: refused unread, one line, nothing waits ---
ln -s /dev/zero "$T/zero.wav"
script zero zero.wav
expect_check_warning "symlink to /dev/zero: --check" "$T/zero.cfg" "\"zero\.wav\" is not a regular file"
export_ok "symlink to /dev/zero" zero
one_line "symlink to /dev/zero" "\"zero\.wav\" is not a regular file"

# --- an hour of FLAC silence (a few hundred KB): only its first 30 s are decoded ---
if command -v sox >/dev/null; then
    sox -D -n -r 48000 -c 2 -b 16 "$T/hour.flac" trim 0 3600
    script hour hour.flac
    export_ok "an hour of FLAC silence ($(($(stat -c %s "$T/hour.flac") / 1024)) KiB)" hour
    one_line "hour of FLAC" "\"hour\.flac\" is longer than 30 seconds; only its first 30 seconds play"
    memory_bounded "hour of FLAC"
else
    echo "sox missing: the hour of FLAC is not made (scripts/dev installs it)"
fi

# --- a 60 MB WAV named by eight phases: decoded once, one line ---
{ wav_header 48000 2 16 60000000; } >"$T/big.wav"
truncate -s 60000044 "$T/big.wav"
script big big.wav big.wav big.wav big.wav big.wav big.wav big.wav big.wav
export_ok "a 60 MB WAV on eight phases" big
one_line "60 MB WAV on eight phases" "big\.cfg:[0-9]+: warning: sound file \"big\.wav\" is longer"
memory_bounded "60 MB WAV on eight phases"

# --- one broken file named by eight phases: one line, at the first phase ---
printf 'RIFF\x24\x10\x00\x00WAVEfmt ' >"$T/broken.wav"
script broken broken.wav broken.wav broken.wav broken.wav broken.wav broken.wav broken.wav broken.wav
export_ok "a broken WAV on eight phases" broken
one_line "broken WAV on eight phases" "broken\.cfg:6: warning: cannot play sound file \"broken\.wav\""

# --- the whole corpus, ten files to an export (an export keeps 16 notices): one line
# for each file that does not simply play, with the reason tests/cues says ---
cp "$SRC"/tests/cues/* "$T/"
names=()
for f in "$SRC"/tests/cues/*; do
    case $f in *.expect) continue ;; esac
    names+=("$(basename "$f")")
done
for ((at = 0; at < ${#names[@]}; at += 10)); do
    group=("${names[@]:at:10}")
    script "corpus$at" "${group[@]}"
    export_ok "tests/cues, files $((at + 1)) to $((at + ${#group[@]}))" "corpus$at"
    want=0
    for n in "${group[@]}"; do
        line=$(cat "$SRC/tests/cues/$n.expect")
        case $line in
        "plays "*", cut")
            grep -qF "\"$n\" is longer than 30 seconds" "$ERR" || { cat "$ERR"; fail "$n: no line"; }
            want=$((want + 1)) ;;
        "cannot play: "*)
            grep -qF "\"$n\" (${line#cannot play: })" "$ERR" ||
                { cat "$ERR"; fail "$n: no line with its reason"; }
            want=$((want + 1)) ;;
        *) ! grep -qF "\"$n\"" "$ERR" || { cat "$ERR"; fail "$n: plays, but has a notice"; } ;;
        esac
    done
    [ "$(wc -l <"$ERR")" -eq "$want" ] || { cat "$ERR"; fail "corpus$at: expected $want lines"; }
    echo "    $want lines for ${#group[@]} files"
done

echo "hostile_cue_formats: ${#FIGURES[@]} exports, every one finished"
