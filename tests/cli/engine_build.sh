#!/usr/bin/env bash
# cmake/engine_build.cmake (run whenever a model source changes): the hash follows every listed
# file's bytes and the compiler settings, and the output is left untouched (nothing recompiles)
# while neither changed.
# Usage: engine_build.sh CMAKE SCRIPT WORKDIR
set -euo pipefail
cmake=$1 script=$2 work=$3
rm -rf "$work"
mkdir -p "$work/src/core"
echo "int a;" > "$work/src/core/a.cpp"
echo "int b;" > "$work/src/core/b.hpp"
printf 'core/a.cpp\ncore/b.hpp\n' > "$work/list.txt"
gen() { "$cmake" -DSOURCE_DIR="$work/src" -DLIST_FILE="$work/list.txt" -DOUTPUT="$work/out.cpp" "-DEXTRA=$1" -P "$script"; }
hash() { sed -n 's/.*kEngineBuild = "\([0-9a-f]*\)";.*/\1/p' "$work/out.cpp"; }

gen "GNU 12; Release"
h1=$(hash)
[ ${#h1} -eq 64 ] || { echo "no hash in:"; cat "$work/out.cpp"; exit 1; }
touch -d 2001-01-01 "$work/out.cpp"
gen "GNU 12; Release"
[ "$(stat -c %Y "$work/out.cpp")" = "$(date -d 2001-01-01 +%s)" ] \
  || { echo "rewritten although nothing changed"; exit 1; }
echo "int a = 1;" > "$work/src/core/a.cpp"
gen "GNU 12; Release"
h2=$(hash)
[ "$h2" != "$h1" ] || { echo "hash unchanged after a source edit"; exit 1; }
gen "GNU 13; Release"
[ "$(hash)" != "$h2" ] || { echo "hash unchanged after a compiler change"; exit 1; }
echo "engine build script ok"
