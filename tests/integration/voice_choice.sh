#!/usr/bin/env bash
# Who decides the voice: nothing written speaks nothing; --eyes-closed speaks a grounding
# exercise's prompts (without details); ebb.cfg's `voice` wins over the script's and
# --voice / --no-voice win over both; a bad `voice` setting is one warning.
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/voice_bash.bash"
voice_or_skip

rows() { awk -F'\t' '$2 == "voice"' "$1/timeline.tsv" | wc -l; }
run() { local d=$1; shift; "$EBB" --export "$T/$d" --at 0 "$@" 2> "$T/$d.err"; }

run none body-scan
[ "$(rows "$T/none")" = 0 ] || fail "body-scan speaks with nothing asking it to"
run eyes --eyes-closed body-scan
[ "$(rows "$T/eyes")" = 10 ] || fail "--eyes-closed does not speak body-scan's ten prompts"
awk -F'\t' '$2 == "voice" && $5 != "Your feet." && $5 ~ /^Your feet/ { exit 1 }' "$T/eyes/timeline.tsv" ||
    fail "--eyes-closed speaks details too"
run breathe --eyes-closed box
[ "$(rows "$T/breathe")" = 0 ] || fail "--eyes-closed speaks a breathing exercise"
run off --eyes-closed --no-voice body-scan
[ "$(rows "$T/off")" = 0 ] || fail "--no-voice does not silence --eyes-closed"
run all --voice box
[ "$(rows "$T/all")" -gt 0 ] || fail "--voice does not speak box's phases"

mkdir -p "$XDG_CONFIG_HOME/ebb"
echo 'voice = "none";' > "$XDG_CONFIG_HOME/ebb/ebb.cfg"
run cfg-none --eyes-closed body-scan
[ "$(rows "$T/cfg-none")" = 0 ] || fail "ebb.cfg's voice = none does not win over --eyes-closed"
run cfg-cli --voice body-scan
[ "$(rows "$T/cfg-cli")" = 10 ] || fail "--voice does not win over ebb.cfg"
echo 'voice = "prompts";' > "$XDG_CONFIG_HOME/ebb/ebb.cfg"
run cfg-prompts five-senses
[ "$(awk -F'\t' '$2 == "voice" && $5 == "Five things you can see."' "$T/cfg-prompts/timeline.tsv" | wc -l)" = 1 ] ||
    fail "ebb.cfg's voice = prompts does not speak the bare prompts"
echo 'voice = "shout";' > "$XDG_CONFIG_HOME/ebb/ebb.cfg"
run cfg-bad five-senses
[ "$(grep -c 'ebb.cfg:1: warning: voice' "$T/cfg-bad.err")" = 1 ] || { cat "$T/cfg-bad.err"; fail "a bad voice setting is not one warning"; }
[ "$(rows "$T/cfg-bad")" = 0 ] || fail "a bad voice setting speaks"
echo ok
