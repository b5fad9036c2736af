#!/usr/bin/env bash
# A window session speaks too: with SDL's disk audio driver standing in for a sound card,
# five-senses with --voice has speech after its first tick where the same session
# without a voice is silent, and V turns the voice off (the rest of the utterance is not
# heard). Levels are compared with wide margins: nothing here depends on timing.
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/voice_bash.bash"
voice_or_skip

session() { # NAME KEYS OPTIONS...
    local name=$1 keys=$2
    shift 2
    SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$T/$name.raw EBB_TEST_LOG=$T/$name.log \
        EBB_TEST_KEYS=$keys timeout 60 "$EBB" --no-checkin "$@" five-senses 2> "$T/$name.err" ||
        { cat "$T/$name.err"; fail "$name: the session failed"; }
    sox -t raw -r 48000 -e floating-point -b 32 -c 2 "$T/$name.raw" -b 16 "$T/$name.wav"
}
session voice "5:Escape" --voice
session plain "5:Escape" --no-voice
session off "1.5:V,5:Escape" --voice
grep -q "voice off" "$T/off.log" || fail "V did not turn the voice off"

level() { "$PROBE" "$T/$1.wav" rms "$2" "$3"; }
v=$(level voice 0.6 4.5) p=$(level plain 0.6 4.5)
awk -v v="$v" -v p="$p" 'BEGIN { exit !(v > -60 && (p == "-inf" || v > p + 15)) }' ||
    fail "no speech in the live sound (voice $v dBFS, without $p dBFS)"
# the same whole stretch with V pressed at 1.5 s: the voice stopped (or, on a slow
# machine, never began), so clearly less sound than with it on throughout
o=$(level off 0.6 4.5)
awk -v o="$o" -v v="$v" 'BEGIN { exit !(o == "-inf" || o < v - 3) }' ||
    fail "V left the voice on (with V $o dBFS, without $v dBFS)"
echo ok
