#!/usr/bin/env bash
# The program keeps running where it can (issue 8): a user folder full of hostile files
# still gives `ebb --list` of everything else, with each broken file of a new id listed
# as broken (its first error on stderr), and nothing waits on a FIFO. Then the search
# path itself is hostile: a symlink loop, a file where a folder should be, a dangling
# link. --list still works and lists every built-in.
# Args: EBB_BINARY SOURCE_DIR BUILD_DIR.
. "$(dirname "$0")/common.bash"
set +e +o pipefail # the checks below read exit statuses themselves
USER_DIR=$XDG_CONFIG_HOME/ebb/exercises
mkdir -p "$USER_DIR"
# shellcheck source=hostile_lib.bash
. "$SRC/tests/integration/hostile_lib.bash"

BUILTINS=$(find "$SRC/exercises" -name '*.cfg' | wc -l)

# every_builtin_listed: each built-in id appears in $OUT as a valid (not broken) entry.
every_builtin_listed() {
    local f id
    for f in "$SRC"/exercises/*.cfg; do
        id=$(basename "$f" .cfg)
        grep -qE "^$id  +(breathing|grounding|sequence)  " "$OUT" ||
            { cat "$OUT"; fail "$1: built-in $id is missing"; }
    done
}

# --- a user folder of hostile files ---
sed 's/"gentle-start"/"calm"/; s/title = "[^"]*"/title = "Still mine"/' \
    "$SRC/exercises/gentle-start.cfg" >"$USER_DIR/calm.cfg"
printf 'version = 1;\nexercise = {\n  id = "typo"; title = "T"; kind = "breathing";\n  cycles = 2; pattern = ({ phase = "inhale"; secnds = 4.0; });\n};\n' \
    >"$USER_DIR/typo.cfg"
mkfifo "$USER_DIR/fifo.cfg"
mkdir "$USER_DIR/folder.cfg"
ln -s "$T/nowhere.cfg" "$USER_DIR/dangling.cfg"
ln -s "$USER_DIR/loop-b.cfg" "$USER_DIR/loop-a.cfg"
ln -s "$USER_DIR/loop-a.cfg" "$USER_DIR/loop-b.cfg"
truncate -s 1G "$USER_DIR/huge.cfg"
printf 'version = 1;\n@include "/etc/passwd"\n' >"$USER_DIR/include.cfg"
printf 'version = 1;\nexercise = { title = "\xff\xfe"; };\n' >"$USER_DIR/bytes.cfg"
printf 'version = 1;\nexercise = { id = "x\0y"; };\n' >"$USER_DIR/nul.cfg"
{ printf 'version = 1;\nx = '; head -c 50000 /dev/zero | tr '\0' '['; } >"$USER_DIR/deep.cfg"
printf 'not a script at all' >"$USER_DIR/notes.txt" # not .cfg: never read

measure "--list, user folder of hostile files" "$EBB" --list
[ "$status" -ne 124 ] || fail "--list still running after ${HANG_GUARD_S}s (a FIFO?)"
[ "$status" -eq 0 ] || { cat "$ERR"; fail "--list exit $status, expected 0"; }
sed "s/^/    /" "$ERR"
every_builtin_listed "hostile user folder"
grep -qE '^calm  +breathing  +[0-9]+:[0-9]{2}  +user  +Still mine$' "$OUT" ||
    { cat "$OUT"; fail "the user's valid script is not listed"; }
for name in typo fifo folder dangling loop-a loop-b huge include bytes nul deep; do
    grep -qE "^$name  +broken  +-  +user  +$name\.cfg$" "$OUT" ||
        { cat "$OUT"; fail "$name.cfg is not listed as broken"; }
    grep -qE "^$USER_DIR/$name\.cfg(:[0-9]+)?: error: " "$ERR" ||
        { cat "$ERR"; fail "$name.cfg: no error line on stderr"; }
done
grep -q notes "$OUT" "$ERR" && fail "a file that is not .cfg was read"
# one error line per broken file, nothing else
[ "$(grep -c ': error: ' "$ERR")" -eq 11 ] || { cat "$ERR"; fail "expected 11 error lines"; }
[ "$(wc -l <"$OUT")" -eq $((BUILTINS + 12)) ] || { cat "$OUT"; fail "expected $BUILTINS + 12 lines"; }
# The broken ones come last.
tail -n 11 "$OUT" | grep -vqE '  broken  ' && fail "a broken entry is not among the last"

# The session of a listed exercise still starts from the same folder (export: headless).
measure "export with the hostile folder" "$EBB" --export "$T/export" --size 160x90 --at 0 calm
[ "$status" -eq 0 ] || { cat "$ERR"; fail "export of calm beside hostile files: exit $status"; }
# And a broken one is refused with its error, exit 2, without opening anything.
measure "start a broken exercise" "$EBB" --export "$T/export2" --at 0 typo
[ "$status" -eq 2 ] || { cat "$ERR"; fail "starting typo: exit $status, expected 2"; }
grep -q "typo.cfg:4: error: " "$ERR" || { cat "$ERR"; fail "starting typo: no error"; }

# --- a hostile search path ---
rm -rf "$XDG_CONFIG_HOME/ebb"
mkdir -p "$XDG_CONFIG_HOME/ebb"
ln -s "$XDG_CONFIG_HOME/ebb/exercises" "$XDG_CONFIG_HOME/ebb/exercises.tmp"
mv "$XDG_CONFIG_HOME/ebb/exercises.tmp" "$XDG_CONFIG_HOME/ebb/exercises" # points at itself
measure "--list, user folder is a symlink loop" "$EBB" --list
[ "$status" -eq 0 ] || { cat "$ERR"; fail "symlink loop: exit $status"; }
every_builtin_listed "symlink loop"

rm -rf "$XDG_CONFIG_HOME/ebb"
mkdir -p "$XDG_CONFIG_HOME/ebb/exercises/sub"
ln -s .. "$XDG_CONFIG_HOME/ebb/exercises/sub/up"        # a loop below the folder
ln -s . "$XDG_CONFIG_HOME/ebb/exercises/self.cfg"      # a .cfg that is the folder itself
measure "--list, loops inside the user folder" "$EBB" --list
[ "$status" -eq 0 ] || { cat "$ERR"; fail "inner loops: exit $status"; }
every_builtin_listed "inner loops"

rm -rf "$XDG_CONFIG_HOME/ebb"
mkdir -p "$XDG_CONFIG_HOME/ebb"
echo "a file" >"$XDG_CONFIG_HOME/ebb/exercises"           # ENOTDIR below it
measure "--list, a file where the folder is" "$EBB" --list
[ "$status" -eq 0 ] || { cat "$ERR"; fail "file as folder: exit $status"; }
every_builtin_listed "file as folder"

rm -rf "$XDG_CONFIG_HOME/ebb"
mkdir -p "$XDG_CONFIG_HOME/ebb"
ln -s "$T/gone" "$XDG_CONFIG_HOME/ebb/exercises"         # dangling
mkfifo "$T/data-fifo"
export XDG_DATA_DIRS="$T/data-fifo:$T/plain-file/below:/nonexistent:$T/data-fifo"
echo x >"$T/plain-file"
measure "--list, dangling link, FIFO and ENOTDIR on the path" "$EBB" --list
[ "$status" -ne 124 ] || fail "--list waited on the path"
[ "$status" -eq 0 ] || { cat "$ERR"; fail "hostile path: exit $status"; }
every_builtin_listed "hostile path"
measure "--path, the same" "$EBB" --path
[ "$status" -eq 0 ] || { cat "$ERR"; fail "--path: exit $status"; }

echo "hostile_list: ${#FIGURES[@]} cases, the library kept working"
