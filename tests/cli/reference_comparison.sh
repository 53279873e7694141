#!/usr/bin/env bash
# The main job's policy comparison (scripts/main.sh) reproduces the committed reference in
# results/reference/ byte for byte. After an intended model change, regenerate it with the
# compare command below (from the repository root) and copy comparison.csv and report.md into
# results/reference/.
set -euo pipefail
ts=$1 root=$2 out=$3
rm -rf "$out"
cd "$root" # the report names the scenario files as given, so give them as scripts/main.sh does
"$ts" compare scenarios/baseline.toml scenarios/sv10.toml scenarios/sv20.toml \
  scenarios/sv60.toml --replicates 10 --years-at 5,10,15,20 --out "$out" --quiet >/dev/null
dir="$out/compare-baseline-vs-sv10-vs-sv20-vs-sv60"
cmp "$dir/comparison.csv" results/reference/comparison.csv ||
  { echo "differs from results/reference/comparison.csv"; exit 1; }
# report.md names the commit that produced it; every other line must match.
diff <(grep -v '^- Files:' "$dir/report.md") <(grep -v '^- Files:' results/reference/report.md) >/dev/null ||
  { echo "differs from results/reference/report.md"; exit 1; }
echo "reference comparison reproduced"
