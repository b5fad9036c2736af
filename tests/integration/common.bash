# The beginning every tests/integration/*.sh shares (sourced; not a test itself, so it
# does not end in .sh). A test starts with
#
#   . "$(dirname "$0")/common.bash"
#
# and then has:
#   - strict mode (set -euo pipefail); a test that looks at exit statuses itself turns
#     -e and pipefail off again right after;
#   - EBB, SRC, BUILD: its arguments EBB_BINARY SOURCE_DIR BUILD_DIR;
#   - T: a fresh temporary folder, removed on exit (made in $T_PARENT when that is set,
#     e.g. for files too big for /tmp);
#   - HOME ($T/home, made), XDG_CONFIG_HOME, XDG_STATE_HOME and XDG_DATA_DIRS inside T,
#     so nothing of the person running the tests is read or written;
#   - the SDL dummy drivers (as ctest sets them), so it also runs by hand;
#   - LANG=C.UTF-8, LANGUAGE, LC_ALL and LC_MESSAGES unset: ebb speaks English;
#   - fail MESSAGE: prints "FAIL: MESSAGE" and ends the test with status 1 (a test that
#     wants to show more first defines its own).

set -euo pipefail
# shellcheck disable=SC2034 # each test uses the ones it needs
EBB=$1 SRC=$2 BUILD=$3
T=$(mktemp -d ${T_PARENT:+-p "$T_PARENT"})
trap 'rm -rf "$T"' EXIT
export HOME=$T/home XDG_CONFIG_HOME=$T/config XDG_STATE_HOME=$T/state XDG_DATA_DIRS=$T/data
mkdir -p "$HOME"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
# English whatever the locale of the person running the tests: the built-in exercises
# and ebb's own words follow it. A test of another language sets it itself.
unset LANGUAGE LC_ALL LC_MESSAGES
export LANG=C.UTF-8

fail() {
    echo "FAIL: $*"
    exit 1
}
