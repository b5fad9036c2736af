#!/usr/bin/env bash
# cmake --install into a temporary prefix, then run the installed ebb from another
# folder: it finds its built-ins from its own prefix. Also checks the desktop files.
# Args: EBB_BINARY SOURCE_DIR BUILD_DIR.
. "$(dirname "$0")/common.bash"
set +e +o pipefail # the checks below read exit statuses themselves

PREFIX=$T/prefix
cmake --install "$BUILD" --prefix "$PREFIX" >"$T/install.log" 2>&1 \
    || { cat "$T/install.log"; fail "cmake --install"; }
for f in bin/ebb share/ebb/exercises/box.cfg share/ebb/exercises/gentle-start.cfg \
         share/applications/io.github.ebb.Ebb.desktop share/metainfo/io.github.ebb.Ebb.metainfo.xml \
         share/icons/hicolor/scalable/apps/io.github.ebb.Ebb.svg \
         share/man/man1/ebb.1 share/man/man5/ebb-script.5 \
         share/doc/ebb/script-format.md share/doc/ebb/audio.md share/doc/ebb/settings.md; do
    [ -e "$PREFIX/$f" ] || fail "not installed: $f"
done
[ -x "$PREFIX/bin/ebb" ] || fail "the binary is not executable"

# From another folder, the installed program finds its built-ins (never the source tree).
cd /
"$PREFIX/bin/ebb" --list >"$T/list" 2>"$T/err" || { cat "$T/err"; fail "installed --list"; }
grep -q '^box  .*  built-in  ' "$T/list" || { cat "$T/list"; fail "installed --list lacks box"; }
[ "$(grep -c '' "$T/list")" -eq "$(ls "$PREFIX"/share/ebb/exercises/*.cfg | wc -l)" ] \
    || fail "installed --list does not show exactly the installed exercises"
"$PREFIX/bin/ebb" --path | grep -q "^$PREFIX/share/ebb/exercises  *built-in  *(exists)" \
    || { "$PREFIX/bin/ebb" --path; fail "installed --path lacks the prefix"; }
"$PREFIX/bin/ebb" --path | grep -q "^$SRC/exercises" && fail "installed ebb searches the source tree"
"$PREFIX/bin/ebb" --check "$PREFIX"/share/ebb/exercises/*.cfg 2>"$T/err" \
    || { cat "$T/err"; fail "installed --check"; }

# Moved elsewhere, it still finds them.
mv "$PREFIX" "$T/moved"
"$T/moved/bin/ebb" --list | grep -q '^gentle-start  ' || fail "a moved prefix lost its exercises"

# The window's app id (Wayland app_id, X11 WM_CLASS) names the .desktop file, so the
# desktop shows ebb's name and icon for its window.
id=$(sed -n 's/^#define PLATFORM_APP_ID "\(.*\)"$/\1/p' "$SRC/engine/sdl/platform/platform.h")
[ -n "$id" ] || fail "no PLATFORM_APP_ID in engine/sdl/platform/platform.h"
[ -e "$T/moved/share/applications/$id.desktop" ] || fail "no $id.desktop installed"
grep -qx "StartupWMClass=$id" "$SRC/assets/$id.desktop" || fail "StartupWMClass is not $id"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" \
    "$SRC/assets/io.github.ebb.Ebb.metainfo.xml" || fail "the metainfo does not launch $id.desktop"

if command -v appstreamcli >/dev/null 2>&1; then
    appstreamcli validate --no-net "$SRC/assets/io.github.ebb.Ebb.metainfo.xml" >"$T/as.log" 2>&1 \
        || { cat "$T/as.log"; fail "appstreamcli validate"; }
fi
if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$SRC/assets/io.github.ebb.Ebb.desktop" || fail "desktop-file-validate"
fi
echo "cli_install: ok"
