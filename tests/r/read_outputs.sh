#!/usr/bin/env bash
# Every table tendersim writes reads cleanly in R (read.csv, data.table::fread, jsonlite) and in
# pandas, the way docs/r.md shows: seeds come back exact (below 2^53, so a double holds them) and
# yes/no columns come back logical. Skipped (77) only when R or pandas is missing, naming it;
# scripts/setup.sh installs both.
# Usage: read_outputs.sh TENDERSIM DATA_DIR WORKDIR
set -euo pipefail
ts=$1 data=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
command -v Rscript >/dev/null || { echo "SKIP: Rscript not found (apt-get install r-base-core r-cran-data.table r-cran-jsonlite, or scripts/setup.sh)"; exit 77; }
/usr/bin/python3 -c 'import pandas' 2>/dev/null || { echo "SKIP: pandas not found for /usr/bin/python3 (apt-get install python3-pandas)"; exit 77; }
rm -rf "$out"
mkdir -p "$out"
"$ts" run "$data/tiny.toml" --replicates 3 --tender-log --threads 1 --out "$out" --quiet >/dev/null
"$ts" compare "$data/tiny.toml" "$data/tiny-variant.toml" --replicates 3 --threads 1 --out "$out" --quiet >/dev/null
cat > "$out/sweep.toml" <<TOML
schema_version = 1
name = "rsafe"
base = "$data/tiny.toml"
seed = 6244019864658
replicates = 2
years = 2
[design]
type = "grid"
[outputs]
metrics = ["hhi"]
[[parameter]]
key = "policy.reserve_sme"
TOML
"$ts" sweep "$out/sweep.toml" --threads 1 --out "$out" --quiet >/dev/null
"$ts" run "$data/tiny.toml" --replicates 2 --threads 1 --result-line json \
  --params-json '{"policy.reserve_sme": true}' --metrics hhi > "$out/lines.jsonl"
"$ts" run "$data/tiny.toml" --replicates 2 --threads 1 --result-line csv \
  --params-json '{"policy.reserve_sme": true}' --metrics hhi > "$out/lines.csv"
Rscript "$here/read_outputs.R" "$out"
/usr/bin/python3 "$here/read_outputs.py" "$out"
# The worked example of docs/r.md, on the sweep of the CI smoke file.
"$ts" sweep "$here/../../scenarios/sweeps/ci-smoke.toml" --threads 1 --out "$out" --quiet >/dev/null
Rscript "$here/../../scripts/examples/sweep_in_r.R" "$out/sweep-ci-smoke" "$out"/compare-* "$out/sweep.png" > "$out/example.txt"
grep -q '^run 0: seed [0-9]*$' "$out/example.txt" || { echo "FAIL: example output"; cat "$out/example.txt"; exit 1; }
want=$(awk -F, 'NR == 2 { print $4 }' "$out/sweep-ci-smoke/runs.csv")
grep -qx "run 0: seed $want" "$out/example.txt" || { echo "FAIL: the example's seed is not runs.csv's $want"; exit 1; }
[ -s "$out/sweep.png" ] || { echo "FAIL: no chart"; exit 1; }
echo "R and pandas read every output: seeds exact, flags logical"
