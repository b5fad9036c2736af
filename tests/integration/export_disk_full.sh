#!/usr/bin/env bash
# A full disk during an export: ebb says which file it could not write, exits non-zero,
# and leaves no empty or cut file that looks whole (timeline.tsv, a frame). The disk is
# made "full" with a file size limit (ulimit -f, SIGXFSZ ignored, so writes come back
# short with EFBIG as they would with ENOSPC); stderr goes through a pipe, which the
# limit does not touch.
. "$(dirname "$0")/common.bash"
set +e +o pipefail

# limited KIB ARGS...: an export under a KIB KiB file size limit; sets status
limited() {
    local kib=$1
    shift
    rm -rf "$T/out"
    (
        ulimit -f "$kib"
        trap '' XFSZ
        exec "$EBB" --export "$T/out" "$@" 2>&1 >/dev/null
    ) | cat >"$T/err"
    status=${PIPESTATUS[0]}
}

# 1 KiB: not even timeline.tsv (2 KiB for box) fits
limited 1 --fps 1 --size 64x36 box
[ "$status" -ne 0 ] || fail "a full disk at timeline.tsv gave exit 0"
grep -q "^ebb: $T/out/timeline.tsv: cannot write: File too large" "$T/err" ||
    { cat "$T/err"; fail "no line naming timeline.tsv"; }
[ ! -e "$T/out/timeline.tsv" ] || fail "an empty timeline.tsv was left ($(stat -c %s "$T/out/timeline.tsv") bytes)"

# 4 KiB: the timeline fits, a 640x360 frame (7 KiB) does not
limited 4 --fps 1 --size 640x360 --at 0 box
[ "$status" -ne 0 ] || fail "a full disk at a frame gave exit 0"
[ -s "$T/out/timeline.tsv" ] || fail "the timeline that fitted is missing"
grep -q "^ebb: $T/out/frame-000000.png: cannot write: File too large" "$T/err" ||
    { cat "$T/err"; fail "no line naming the frame"; }
[ ! -e "$T/out/frame-000000.png" ] || fail "a cut frame was left ($(stat -c %s "$T/out/frame-000000.png") bytes)"

# with room, the same export works
"$EBB" --export "$T/out" --fps 1 --size 640x360 --at 0 box 2>"$T/err" || { cat "$T/err"; fail "export with room"; }
[ -s "$T/out/frame-000000.png" ] && [ -s "$T/out/timeline.tsv" ] && [ -s "$T/out/audio.wav" ] ||
    fail "export with room wrote nothing"
echo "export_disk_full: ok"
