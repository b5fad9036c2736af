#!/usr/bin/env bash
# Sound as it is heard: ebb plays a session through a private PipeWire (pipewire.bash)
# with each SDL driver a Debian desktop offers (pulseaudio through pipewire-pulse, and
# pipewire), first on a quiet machine, then beside two busy loops. The sink's monitor is
# recorded and compared with `ebb --export` of the same session: the cues heard, the
# interval between successive cues beside the export's, the drift over the run, holes of
# digital silence inside a sound, the peak (at most -12 dBFS) and the first cue swelling
# in (quiet in its first 100 ms).
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/pipewire.bash"
PROBE=${EBB_WAVPROBE:-$BUILD/tests/wavprobe}
mkdir -p "$XDG_CONFIG_HOME/ebb/exercises"
EX=$XDG_CONFIG_HOME/ebb/exercises/heard.cfg
# short cues (knock, tick) with silence between them, so that every onset can be seen
cat >"$EX" <<'CFG'
version = 1;
exercise = { id = "heard"; title = "Heard test"; kind = "breathing"; prepare = 3.0; cycles = 3;
  pattern = ( { phase = "inhale"; seconds = 2.0; cue = "hold"; },
              { phase = "hold"; seconds = 1.0; cue = "tick"; },
              { phase = "exhale"; seconds = 2.0; cue = "hold"; } );
};
CFG
"$EBB" --export "$T/export" --at 0 "$EX" >/dev/null 2>&1 || fail "export failed"
"$PROBE" "$T/export/audio.wav" onsets >"$T/export.on"
[ "$(wc -l <"$T/export.on")" -ge 10 ] || fail "the export has too few onsets"

pw_start
unset SDL_AUDIODRIVER

# compare EXPORT_ONSETS RECORDED_ONSETS LABEL BOUND_MS: matches every cue of the export
# (after the first bell, which may start a little late as the device opens) with the
# recorded onset nearest its place, prints the worst interval error and the drift, and
# fails when a cue is missing or an error passes BOUND_MS.
compare() {
    awk -v label="$3" -v bound="$4" '
        NR == FNR { x[++nx] = $1; next }
        { r[++nr] = $1 }
        function near(t,   j, best, d) {
            best = -1
            for (j = 1; j <= nr; j++) {
                d = r[j] - t; if (d < 0) d = -d
                if (d < 0.05 && (best < 0 || d < bestd)) { best = j; bestd = d }
            }
            return best
        }
        END {
            # the offset between the files: the one that matches the most cues
            for (k = 1; k <= nr; k++) {
                o = r[k] - x[2]; m = 0
                for (i = 2; i <= nx; i++) if (near(x[i] + o) > 0) m++
                if (m > bm) { bm = m; off = o }
            }
            for (i = 2; i <= nx; i++) {
                j = near(x[i] + off)
                if (j < 0) { printf "%s: the cue at %.3f s was not heard\n", label, x[i]; miss++; h[i] = -1 } else h[i] = r[j]
            }
            for (i = 3; i <= nx; i++) {
                if (h[i] < 0 || h[i-1] < 0) continue
                e = ((h[i] - h[i-1]) - (x[i] - x[i-1])) * 1000; if (e < 0) e = -e
                if (e > worst) worst = e
            }
            drift = (h[nx] >= 0 && h[2] >= 0) ? ((h[nx] - h[2]) - (x[nx] - x[2])) * 1000 : 0
            printf "%-22s %d cues, %d not heard, worst interval error %.2f ms, drift %.2f ms over %.0f s\n",
                label, nx - 1, miss, worst, drift, x[nx] - x[2]
            if (3 * miss > nx - 1 || worst > bound || drift > bound || drift < -bound) exit 1
        }' "$1" "$2"
}

# play LABEL DRIVER BOUND_MS: records one session and compares it with the export.
play() {
    local label=$1 drv=$2 bound=$3 rec=$T/$1.wav
    pw_record "$rec"
    SDL_AUDIODRIVER=$drv EBB_TEST_LOG=$T/$label.log EBB_TEST_KEYS="21:q" timeout 60 \
        "$EBB" --no-checkin "$EX" 2>"$T/$label.err" || { cat "$T/$label.err"; fail "$label: ebb failed"; }
    sleep 0.3
    pw_record_stop
    [ ! -s "$T/$label.err" ] || { cat "$T/$label.err"; fail "$label: wrote to stderr"; }
    "$PROBE" "$rec" onsets >"$T/$label.on"
    compare "$T/export.on" "$T/$label.on" "$label" "$bound" ||
        { paste "$T/export.on" "$T/$label.on"; fail "$label: cues off their places"; }
    local holes peak first
    holes=$("$PROBE" "$rec" holes)
    echo "$label: $holes holes of silence inside sounds"
    peak=$("$PROBE" "$rec" peak)
    awk -v p="$peak" 'BEGIN { exit !(p <= -12.0) }' || fail "$label: peak $peak dBFS"
    first=$(head -n 1 "$T/$label.on")
    peak=$("$PROBE" "$rec" peak "$first" "$(awk -v f="$first" 'BEGIN { print f + 0.1 }')")
    awk -v p="$peak" 'BEGIN { exit !(p <= -30.0) }' || fail "$label: the first cue starts at $peak dBFS (no fade-in)"
}

# The figures (the worst interval error, the drift, holes) are printed, and go into the
# benchmark beside their goal of 2 ms (bench/run); what decides here is gross, as the
# machine is shared: two thirds of the cues heard at least, none more than 100 ms off
# its interval (a server that skipped a whole buffer under load is ~43 ms; ebb catches
# up within half a second), the peak and the swell.
play pulseaudio pulseaudio 100
play pipewire pipewire 100
pw_load 2
play pulseaudio-loaded pulseaudio 100
play pipewire-loaded pipewire 100
echo ok
