#!/usr/bin/env bash
# tendersim compare writes its four files, a plain-language report, and uses exactly the seeds of
# tendersim run: replicate r of each scenario matches `tendersim run`'s replicate r.
# Usage: compare_cli.sh TENDERSIM DATA_DIR WORKDIR
set -euo pipefail
ts=$1 data=$2 out=$3
rm -rf "$out"
mkdir -p "$out" # the table goes beside the results: no other test need have made the parent
"$ts" compare "$data/tiny.toml" "$data/tiny-variant.toml" --replicates 4 --years-at 2,4 \
  --threads 2 --quiet --out "$out" > "$out/table.txt"
dir="$out/compare-tiny-vs-tiny-variant"
for f in comparison.csv replicates.csv report.md manifest.json; do
  [ -s "$dir/$f" ] || { echo "FAIL: missing $f"; exit 1; }
done
# --quiet: no table, only the line saying where the results went.
[ "$(wc -l < "$out/table.txt")" -eq 1 ] && grep -q "^wrote $dir (report.md" "$out/table.txt" ||
  { echo "FAIL: --quiet printed more than where the results went:"; head -3 "$out/table.txt"; exit 1; }
grep -q "^# Policy comparison: tiny-variant against tiny" "$dir/report.md"
# The summary comes first, at the final year, with its legend and one sentence per alternative.
[ "$(grep -m1 '^## ' "$dir/report.md")" = "## Summary at year 4 (the final year)" ] || { echo "FAIL: summary first"; exit 1; }
grep -q "^✱ distinguishable from chance" "$dir/report.md" || { echo "FAIL: legend"; exit 1; }
[ "$(grep -c '^- \*\*tiny-variant\*\*.* At year 4: ' "$dir/report.md")" -eq 1 ] || { echo "FAIL: policy sentence"; exit 1; }
grep -q "distinguishable from noise" "$dir/report.md"
# One sentence per metric and year: 9 headline metrics, spend and 3 TOMs measures x 2 years.
[ "$(grep -c '^- \*\*.*\*\*, year [0-9]*: ' "$dir/report.md")" -eq 26 ] || { echo "FAIL: sentence count"; exit 1; }
head -1 "$dir/comparison.csv" | grep -qx 'metric,year,scenario,replicates,mean,mean_ci95_low,mean_ci95_high,vs,diff,diff_ci95_low,diff_ci95_high,share_same_sign,distinguishable'
# Same seeds as tendersim run (--threads 1: see run_result_line.sh).
for s in tiny tiny-variant; do
  "$ts" run "$data/$s.toml" --replicates 4 --threads 1 --quiet --out "$out/run" >/dev/null
  for r in 0 3; do
    want=$(awk -F, -v r=$r '$2==r && $4==4 && $5=="sme_share_direct" {print $3","$6}' "$out/run/$s/metrics.csv")
    got=$(awk -F, -v s=$s -v r=$r '$1==s && $2==r && $4==4 && $5=="sme_share_direct" {print $3","$6}' "$dir/replicates.csv")
    [ -n "$want" ] && [ "$want" = "$got" ] || { echo "FAIL: $s replicate $r: run gives $want, compare $got"; exit 1; }
  done
done
# Thread count does not change the files.
# (without --quiet: the table on stdout.)
"$ts" compare "$data/tiny.toml" "$data/tiny-variant.toml" --replicates 4 --years-at 2,4 \
  --threads 1 --out "$out/t1" > "$out/t1-table.txt" 2>/dev/null
grep -q "^Paired comparison against tiny: 4 replicates" "$out/t1-table.txt" || { echo "FAIL: table"; exit 1; }
diff -r "$dir" "$out/t1/compare-tiny-vs-tiny-variant" || { echo "FAIL: threads change output"; exit 1; }
echo "compare ok"
