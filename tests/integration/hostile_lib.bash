# Shared by the hostile_*.sh and machine_*.sh tests (sourced; not a test itself, so it
# does not end in .sh). Runs one command under a generous hang guard and reports its
# wall time and peak memory, without ever judging the time.
#
#   measure LABEL CMD [ARGS...]
#     runs CMD with `timeout 10`, stdout to $OUT, stderr to $ERR; sets $status (124
#     when the guard fired), $wall_ms and $peak_kb, and prints one line of figures.
# Peak memory comes from bench/bench_launch (wait4's rusage) when the build has it, else
# from GNU time when installed; otherwise it is shown as "?".
# Needs common.bash sourced first (T, EBB, fail), with -e off: measure runs commands
# that are meant to fail.

HANG_GUARD_S=10
: "${T:?source common.bash before hostile_lib.bash}"
OUT=$T/.out ERR=$T/.err
BENCH_LAUNCH=${BUILD:+$BUILD/bench/bench_launch}
FIGURES=()

measure() {
    local label=$1
    shift
    local t0 t1 figs=$T/.figs
    peak_kb='?'
    t0=$(date +%s%N)
    if [ -n "$BENCH_LAUNCH" ] && [ -x "$BENCH_LAUNCH" ]; then
        # bench_launch reads the command's stdout itself, so the command writes its own
        "$BENCH_LAUNCH" -- bash -c 'out=$1; shift; exec timeout '"$HANG_GUARD_S"' "$@" >"$out"' \
            _ "$OUT" "$@" >"$figs" 2>"$ERR"
        status=$(awk '$1 == "status" { print $2 }' "$figs")
        peak_kb=$(awk '$1 == "maxrss_kb" { print $2 }' "$figs")
    elif command time -f '%M' true >/dev/null 2>&1; then
        command time -o "$figs" -f '%M' timeout "$HANG_GUARD_S" "$@" >"$OUT" 2>"$ERR"
        status=$?
        peak_kb=$(tail -n 1 "$figs")
    else
        timeout "$HANG_GUARD_S" "$@" >"$OUT" 2>"$ERR"
        status=$?
    fi
    t1=$(date +%s%N)
    wall_ms=$(((t1 - t0) / 1000000))
    local line
    line=$(printf '%-44s exit %-3s %6s ms %8s KiB' "$label" "$status" "$wall_ms" "$peak_kb")
    FIGURES+=("$line")
    echo "$line"
}

# expect_check_error LABEL FILE [PATTERN]: `ebb --check FILE` exits 2 with exactly one
# line on stderr, "FILE: error: ..." or "FILE:LINE: error: ...", holding PATTERN (an
# extended regular expression), and nothing on stdout.
expect_check_error() {
    local label=$1 file=$2 pattern=${3:-}
    measure "$label" "$EBB" --check "$file"
    [ "$status" -ne 124 ] || fail "$label: still running after ${HANG_GUARD_S}s"
    [ "$status" -eq 2 ] || { cat "$ERR"; fail "$label: exit $status, expected 2"; }
    [ ! -s "$OUT" ] || fail "$label: --check wrote to stdout"
    [ "$(wc -l <"$ERR")" -eq 1 ] || { cat "$ERR"; fail "$label: expected one line on stderr"; }
    grep -qF "$file" "$ERR" || { cat "$ERR"; fail "$label: the line does not name the file"; }
    grep -qE "^.*(:[0-9]+)?: error: " "$ERR" || { cat "$ERR"; fail "$label: not FILE:LINE: error:"; }
    if [ -n "$pattern" ]; then
        grep -qE -- "$pattern" "$ERR" || { cat "$ERR"; fail "$label: expected /$pattern/"; }
    fi
    sed 's/^/    /' "$ERR"
}

# expect_check_warning LABEL FILE PATTERN: exit 0, warnings only, one matching PATTERN.
expect_check_warning() {
    local label=$1 file=$2 pattern=$3
    measure "$label" "$EBB" --check "$file"
    [ "$status" -eq 0 ] || { cat "$ERR"; fail "$label: exit $status, expected 0"; }
    ! grep -q ": error: " "$ERR" || { cat "$ERR"; fail "$label: an error, expected a warning"; }
    grep -qE -- ": warning: .*$pattern" "$ERR" || { cat "$ERR"; fail "$label: no warning /$pattern/"; }
    sed 's/^/    /' "$ERR"
}
