# What the voice tests share (sourced after common.bash; not a test itself).
#   voice_or_skip: ends the test with "skip" when this ebb has no espeak-ng built in
#   check_speech DIR PLAIN LOG: the voice of export DIR, against the same export without
#     a voice (PLAIN) and the utterance lengths in LOG (EBB_VOICE_LOG): sound differs
#     only from each voice row's time for about its utterance's length
PROBE=$BUILD/tests/wavprobe

voice_or_skip() {
    if "$EBB" --export "$T/probe" --at 0 --voice five-senses 2>&1 | grep -q "built without espeak-ng"; then
        echo "skip: this ebb is built without espeak-ng"
        exit 0
    fi
}

check_speech() {
    local dir=$1 plain=$2 log=$3
    # the voice rows, with their lengths in order of first use
    awk -F'\t' 'NR == FNR { if ($1 == "utterance") len[$3] = $2; next }
                $2 == "voice" { if (!($5 in len)) { print "no length for " $5 > "/dev/stderr"; exit 1 }
                                print $1, len[$5] }' \
        <(sed 's/\\t/\t/g' "$log") "$dir/timeline.tsv" > "$T/rows" || fail "$dir: a voice row without its utterance in the log"
    [ -s "$T/rows" ] || fail "$dir: no voice rows"
    "$PROBE" "$dir/audio.wav" differ "$plain/audio.wav" 1.0 > "$T/differ"
    [ -s "$T/differ" ] || fail "$dir: the voice changed nothing in audio.wav"
    # every stretch of difference begins at a voice row and ends with the last utterance
    # it holds (plus the duck's release); every utterance is heard for about its length
    awk 'NR == FNR { t[NR] = $1; l[NR] = $2; n = NR; next }
         { a = $1; b = $2; ok = 0; end = 0
           for (i = 1; i <= n; i++) {
               if (a >= t[i] - 0.001 && a <= t[i] + 0.02) ok = 1
               if (t[i] >= a - 0.001 && t[i] < b && t[i] + l[i] > end) end = t[i] + l[i]
           }
           if (!ok) { print "sound differs from " a " s with no voice row there"; bad = 1 }
           if (b > end + 0.2) { print "sound differs until " b " s, past the utterance (" end " s)"; bad = 1 }
           s[FNR] = a; e[FNR] = b; m = FNR }
         END { for (i = 1; i <= n; i++) { in_one = 0
                 for (k = 1; k <= m; k++)
                     if (s[k] <= t[i] + 0.02 && e[k] >= t[i] + l[i] - 0.1) in_one = 1
                 if (!in_one) { print "the utterance at " t[i] " s (" l[i] " s) is not heard whole"; bad = 1 } }
               exit bad }' "$T/rows" "$T/differ" || { cat "$T/differ"; fail "$dir: speech is not where the voice rows say"; }
}
