#!/usr/bin/env bash
# Every doctest case has a ctest entry of its own: lists each binary's cases and the entries ctest
# knows, and names any case that no entry runs.
# Usage: ctest_coverage.sh CTEST BUILD_DIR BINARY=PREFIX...
set -euo pipefail
ctest=$1 build=$2
shift 2
entries=$(cd "$build" && "$ctest" -N | sed -n 's/^ *Test *#[0-9]*: //p')
missing=0 cases=0
for pair in "$@"; do
  bin=${pair%%=*} prefix=${pair#*=}
  # Case names sit between the first two rules of "=" signs in the listing.
  while IFS= read -r name; do
    cases=$((cases + 1))
    if ! grep -qxF -- "$prefix$name" <<<"$entries"; then
      echo "no ctest entry runs '$prefix$name' ($(basename "$bin"))"
      missing=$((missing + 1))
    fi
  done < <("$bin" --list-test-cases --no-colors | awk '/^====/{n++; next} n==1')
done
echo "$cases doctest cases, $missing without a ctest entry"
[ "$cases" -gt 0 ] && [ "$missing" -eq 0 ]
