#!/usr/bin/env bash
# `tendersim params --toml SCENARIO` writes the scenario fully resolved: running that file gives
# byte-identical metrics and final state hashes (its [[adopt]] entries included), for a policy
# scenario and for one with region- and council-scoped adoptions and strings to escape.
# Usage: params_roundtrip.sh TENDERSIM SCENARIOS_DIR WORKDIR
set -euo pipefail
ts=$1 scenarios=$2 out=$3
rm -rf "$out"
mkdir -p "$out/orig" "$out/resolved"
fail() { echo "FAIL: $*"; exit 1; }
cp "$scenarios/baseline.toml" "$scenarios/sv10.toml" "$out/orig/"
cat > "$out/orig/scoped.toml" <<'TOML'
schema_version = 1
name = "scoped"
description = "a \"quoted\" description\nover two lines, with a \\ too"
base = "baseline.toml"
[[adopt]]
year = 2
scope = "region"
region = 1
[adopt.policy]
social_value_weight = 0.3
reserve_local = true
[[adopt]]
year = 3
scope = "councils"
councils = [0, 3, 7]
[adopt.policy]
lot_threshold_gbp = 250000
TOML
hashes() { sed -n '/final_state_hashes/,/]/p' "$1"; }
for s in sv10 scoped; do
  "$ts" params --toml "$out/orig/$s.toml" > "$out/resolved/$s.toml"
  grep -q '^\[\[adopt\]\]' "$out/resolved/$s.toml" || fail "$s: no [[adopt]] in the resolved file"
  "$ts" run "$out/orig/$s.toml" --years 6 --quiet --out "$out/run-orig" >/dev/null
  "$ts" run "$out/resolved/$s.toml" --years 6 --quiet --out "$out/run-resolved" >/dev/null
  cmp "$out/run-orig/$s/metrics.csv" "$out/run-resolved/$s/metrics.csv" \
    || fail "$s: metrics.csv of the resolved file differs from the original's"
  [ "$(hashes "$out/run-orig/$s/manifest.json")" = "$(hashes "$out/run-resolved/$s/manifest.json")" ] \
    || fail "$s: final state hashes differ"
done
# The adoption changes the run (so the comparison above would catch a dropped [[adopt]]).
"$ts" run "$out/orig/baseline.toml" --years 6 --quiet --out "$out/run-orig" >/dev/null
cmp -s <(cut -d, -f2- "$out/run-orig/baseline/metrics.csv") <(cut -d, -f2- "$out/run-orig/sv10/metrics.csv") \
  && fail "sv10 gives the baseline's metrics"
echo "params --toml round-trip ok"
