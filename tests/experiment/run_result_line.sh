#!/usr/bin/env bash
# tendersim run --result-line / --params-json for external drivers: one line per replicate on
# stdout, values equal to those `tendersim run` writes, nothing written to disk.
# (--threads 1 on `tendersim run`: results do not depend on it, and the engine's own threads
# would make the ThreadSanitizer build report oneTBB hand-offs it cannot see.)
# Usage: run_result_line.sh TENDERSIM DATA_DIR WORKDIR
set -euo pipefail
ts=$1 data=$2 out=$3
rm -rf "$out"
mkdir -p "$out"
cd "$out"
json=$("$ts" run "$data/tiny.toml" --threads 1 --result-line json --params-json '{"policy.price_weight": 0.7, "evaluation.abnormally_low_action": "reject"}' --set market.suppliers=150)
[ "$(printf '%s\n' "$json" | wc -l)" -eq 1 ] || { echo "FAIL: expected one line: $json"; exit 1; }
printf '%s\n' "$json" | grep -q '^{"scenario": "tiny", "replicate": 0, "seed": [0-9]*, "years": 4, "policy.price_weight": 0.7, "evaluation.abnormally_low_action": "reject", "market.suppliers": 150, "final.sme_share_direct": ' \
  || { echo "FAIL: json line: $json"; exit 1; }
[ -z "$(ls -A)" ] || { echo "FAIL: --result-line wrote files: $(ls -A)"; exit 1; }
# Provenance: the version and commit `tendersim --version` prints.
read -r _ version commit <<<"$("$ts" --version)"
commit=${commit#(}; commit=${commit%)}
printf '%s\n' "$json" | grep -q "\"version\": \"$version\", \"commit\": \"$commit\"}\$" \
  || { echo "FAIL: json line without version $version and commit $commit: $json"; exit 1; }
# The same point from a params file, as CSV with a header, two replicates.
echo '{"policy.price_weight": 0.7, "evaluation.abnormally_low_action": "reject", "market.suppliers": 150}' > "$out/p.json"
"$ts" run "$data/tiny.toml" --threads 1 --result-line csv --params-json "$out/p.json" --replicates 2 --metrics sme_share_direct,hhi > csv.txt
rm p.json
[ "$(wc -l < csv.txt)" -eq 3 ] || { echo "FAIL: csv lines"; cat csv.txt; exit 1; }
head -1 csv.txt | grep -qx 'scenario,replicate,seed,policy.price_weight,evaluation.abnormally_low_action,market.suppliers,final.sme_share_direct,final.hhi,mean.sme_share_direct,mean.hhi,version,commit'
awk -F, -v v="$version" -v c="$commit" 'NR > 1 && ($(NF - 1) != v || $NF != c) { exit 1 }' csv.txt \
  || { echo "FAIL: csv lines without version $version and commit $commit"; cat csv.txt; exit 1; }
# Values equal tendersim run's metrics.csv for the same point.
"$ts" run "$data/tiny.toml" --threads 1 --params-json "$out/csv.txt" >/dev/null 2>&1 && { echo "FAIL: accepted a CSV as JSON"; exit 1; }
"$ts" run "$data/tiny.toml" --threads 1 --set policy.price_weight=0.7 --set evaluation.abnormally_low_action=reject \
  --set market.suppliers=150 --replicates 2 --quiet --out "$out/run" >/dev/null
want=$(awk -F, '$2==1 && $4==4 && $5=="hhi" {print $6}' "$out/run/tiny/metrics.csv")
got=$(awk -F, 'NR==3 {print $8}' csv.txt)
[ "$want" = "$got" ] || { echo "FAIL: result line hhi $got, tendersim run $want"; exit 1; }
# Booleans: true in JSON, TRUE in CSV (R's read.csv reads only the upper-case form as logical).
"$ts" run "$data/tiny.toml" --threads 1 --result-line json --params-json '{"policy.reserve_sme": 1}' --metrics hhi \
  | grep -q '"policy.reserve_sme": true, ' || { echo "FAIL: json boolean"; exit 1; }
"$ts" run "$data/tiny.toml" --threads 1 --result-line csv --params-json '{"policy.reserve_sme": true}' --metrics hhi \
  | awk -F, 'NR == 2 && $4 == "TRUE" { ok = 1 } END { exit !ok }' || { echo "FAIL: csv boolean"; exit 1; }
# Errors: unknown key and a nested object.
if "$ts" run "$data/tiny.toml" --threads 1 --result-line json --params-json '{"policy.price_wieght": 1}' 2>err.txt; then echo "FAIL: unknown key accepted"; exit 1; fi
grep -q "did you mean 'policy.price_weight'" err.txt
if "$ts" run "$data/tiny.toml" --threads 1 --result-line json --params-json '{"a": {"b": 1}}' 2>err.txt; then echo "FAIL: nested accepted"; exit 1; fi
grep -q "the object must be flat" err.txt
echo "result line ok"
