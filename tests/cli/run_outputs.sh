#!/usr/bin/env bash
# tendersim run writes every promised file, identical at 1 and 2 threads; an invalid scenario
# leaves earlier results untouched.
set -euo pipefail
ts=$1 scenario=$2 out=$3
rm -rf "$out"
"$ts" run "$scenario" --threads 1 --tender-log --quiet --out "$out/t1" >/dev/null
"$ts" run "$scenario" --threads 2 --tender-log --quiet --out "$out/t2" >/dev/null
for f in metrics.csv tenders.csv suppliers.csv manifest.json; do
  [ -s "$out/t1/golden/$f" ] || { echo "missing or empty: $f"; exit 1; }
done
for f in metrics.csv tenders.csv suppliers.csv; do
  cmp "$out/t1/golden/$f" "$out/t2/golden/$f" || { echo "differs across thread counts: $f"; exit 1; }
done
head -1 "$out/t1/golden/metrics.csv" | grep -qx 'scenario,replicate,seed,year,metric,value'
grep -q '"scenario_sha256": "'"$(sha256sum "$scenario" | cut -c1-64)"'"' "$out/t1/golden/manifest.json" \
  || { echo "manifest hash does not match sha256sum"; exit 1; }
# An invalid run must not touch the results already there, nor leave staging files behind.
before=$(sha256sum "$out/t1/golden/metrics.csv")
bad=$(mktemp --suffix=.toml)
sed 's/^name = "golden"/name = "golden"\nbogus_key = 1/' "$scenario" > "$bad"
if "$ts" run "$bad" --quiet --out "$out/t1" 2>/dev/null; then echo "bad scenario accepted"; exit 1; fi
[ "$before" = "$(sha256sum "$out/t1/golden/metrics.csv")" ] || { echo "earlier results changed"; exit 1; }
if ls -a "$out/t1" | grep -q partial; then echo "staging left behind"; exit 1; fi
rm -f "$bad"
echo "run outputs ok"
