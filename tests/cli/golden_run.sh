#!/usr/bin/env bash
# `tendersim run` on the golden scenario reproduces tests/golden/golden_metrics.csv: the golden
# test and the command line take their runs from the same run plan. Same policy as every golden
# comparison (tests/engine/golden_file.hpp): byte for byte.
set -euo pipefail
ts=$1 scenario=$2 expected=$3 out=$4
rm -rf "$out"
"$ts" run "$scenario" --threads 2 --quiet --out "$out" >/dev/null
actual="$out/golden/metrics.csv"
[ -s "$actual" ] || { echo "missing or empty: $actual"; exit 1; }
if ! cmp -s "$expected" "$actual"; then
  echo "tendersim run does not reproduce $(basename "$expected"); first differences:"
  diff "$expected" "$actual" | head -20
  exit 1
fi
echo "tendersim run reproduces $(basename "$expected") byte for byte"
