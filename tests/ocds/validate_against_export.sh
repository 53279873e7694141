#!/usr/bin/env bash
# `tendersim validate --against-ocds` on the model's own export: the model's side is computed from
# the engine's tenders, the register's side from the OCDS file by the importer, so the bid-count
# rows (mean, the five bins, the single-bid share, and their sample sizes) must be equal. Against
# the export of another seed at least one of them must differ: the comparison can fail.
# Usage: validate_against_export.sh TENDERSIM SOURCE_DIR WORK_DIR
set -euo pipefail
ts=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
scenario=$src/scenarios/baseline.toml
"$ts" run "$scenario" --years 3 --replicates 2 --ocds --quiet --threads 2 --out "$work" >/dev/null
bid_rows() { # markdown table -> "measure|model|n|register|n" for the bid-count rows
  awk -F' \\| ' '/^\| (mean bids|tenders with|single-bid)/ { sub(/^\| /, "", $1); sub(/ \|$/, "", $5)
                  print $1 "|" $2 "|" $3 "|" $4 "|" $5 }' "$1"
}
compare() { # seed, table file
  "$ts" validate "$scenario" --set run.years=3 --set run.seed="$1" --replicates 2 --threads 2 \
    --against-ocds "$work/baseline/ocds.jsonl" --markdown "$2" >/dev/null
}
seed=$(sed -n '/^\[run\]/,/^\[/{s/^seed = //p}' "$scenario")
compare "$seed" "$work/same.md"
rows=$(bid_rows "$work/same.md")
echo "$rows"
test "$(wc -l <<<"$rows")" -eq 7 || { echo "FAIL: expected 7 bid-count rows"; exit 1; }
while IFS='|' read -r measure model n data dn; do
  [ "$model" = "$data" ] && [ "$n" = "$dn" ] ||
    { echo "FAIL: '$measure': model $model (n $n), its own export $data (n $dn)"; exit 1; }
done <<<"$rows"
compare $((seed + 1)) "$work/other.md"
differ=$(bid_rows "$work/other.md" | awk -F'|' '$2 != $4 || $3 != $5' | wc -l)
test "$differ" -gt 0 || { echo "FAIL: another seed's model matches this export on every row"; exit 1; }
echo "ok: the seven bid-count rows equal the export's; $differ differ for another seed"
