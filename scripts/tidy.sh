#!/usr/bin/env bash
# Runs clang-tidy (the repo's .clang-tidy) over the sources in sim/ and exits non-zero on any
# finding. It reads BUILD_DIR's compile_commands.json (the top-level CMakeLists exports it) and
# configures BUILD_DIR first if there is none; nothing is compiled.
# Usage: scripts/tidy.sh [-j N] [PATH...]   e.g. scripts/tidy.sh sim/core/phase_award.cpp
#   PATH: files or directories under sim/ (default: all of sim/); BUILD_DIR (default build).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${BUILD_DIR:-build}
jobs=2
if [[ ${1:-} == -j ]]; then
  jobs=$2
  shift 2
fi

tidy=$(command -v clang-tidy-14 || command -v clang-tidy || true)
[[ -n $tidy ]] || { echo "tidy.sh: clang-tidy not found (apt install clang-tidy-14)" >&2; exit 2; }
if [[ ! -f $build/compile_commands.json ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi

# The compile commands are GCC's: clang does not know some of its warning flags (-Wno-restrict),
# which -Werror would turn into an error, so unknown warning options are ignored.
extra=(-extra-arg=-Wno-unknown-warning-option)

# Which translation units: a regex on absolute paths, one alternative per PATH.
paths=("${@:-sim/}")
regex=""
for p in "${paths[@]}"; do
  p=${p%/}
  [[ -d $p ]] && p="$p/"
  regex+="${regex:+|}^$root/$p"
done
regex="(${regex//./\\.})"

out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
runner=$(command -v run-clang-tidy-14 || command -v run-clang-tidy || true)
if [[ -n $runner ]]; then
  "$runner" -clang-tidy-binary "$tidy" -p "$build" -j "$jobs" -quiet "${extra[@]}" "$regex" \
    >"$out" 2>&1 || status=$?
else
  python3 -c 'import json,re,sys
for e in json.load(open(sys.argv[1])):
    if re.search(sys.argv[2], e["file"]): print(e["file"])' "$build/compile_commands.json" "$regex" |
    xargs -r -P "$jobs" -n 1 "$tidy" -p "$build" --quiet "${extra[@]/-extra-arg/--extra-arg}" \
      >"$out" 2>&1 || status=$?
fi
# run-clang-tidy always asks for colour: strip it so the diagnostics can be counted.
sed -i 's/\x1b\[[0-9;]*m//g' "$out"
# Keep the diagnostics, drop the per-file command lines and "N warnings generated" chatter.
grep -Ev '^(\S*clang-tidy(-[0-9]+)? |Running clang-tidy|[0-9]+ warnings? (and [0-9]+ errors? )?generated|Suppressed [0-9]+ warnings|Use -header-filter|Error while processing|Found compiler error)' \
  "$out" || true
findings=$(grep -cE ': (warning|error): ' "$out" || true)
if [[ $status -ne 0 || $findings -ne 0 ]]; then
  echo "tidy.sh: $findings finding(s) (clang-tidy exit $status)" >&2
  exit 1
fi
echo "tidy.sh: clean (${paths[*]})"
