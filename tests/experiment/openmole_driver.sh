#!/usr/bin/env bash
# scripts/drivers/openmole_model.sh takes values as OpenMOLE's SystemExecTask renders them (Scala
# toString: 5.0 for a whole Double, 1.0E-4, true, a negative Long seed), runs them with the seed
# reduced below 2^53, writes OUT_FILE whole and prints the metric means; each must equal a direct
# tendersim run of the same point.
# Usage: openmole_driver.sh TENDERSIM SOURCE_DIR DATA_DIR WORK_DIR
set -euo pipefail
ts=$1 src=$2 data=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
driver=$src/scripts/drivers/openmole_model.sh
export TENDERSIM=$ts TENDERSIM_SCENARIO=$data/tiny.toml TENDERSIM_METRICS=sme_share_direct,hhi \
  TENDERSIM_REPLICATES=2
got=$(bash "$driver" -5 "$work/out.csv" market.councils=5.0 policy.social_value_weight=1.0E-4 \
  policy.reserve_sme=true evaluation.abnormally_low_action=reject)
# -5 mod 2^53 = 9007199254740987.
"$ts" run "$data/tiny.toml" --seed 9007199254740987 --replicates 2 --threads 1 \
  --set market.councils=5 --set policy.social_value_weight=0.0001 --set policy.reserve_sme=true \
  --set evaluation.abnormally_low_action=reject --result-line csv --metrics sme_share_direct,hhi \
  >"$work/direct.csv"
cmp "$work/out.csv" "$work/direct.csv" || { echo "FAIL: OUT_FILE differs from the direct run"; diff "$work/out.csv" "$work/direct.csv"; exit 1; }
want=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; ++i) { if ($i == "final.sme_share_direct") a = i; if ($i == "final.hhi") b = i }; next }
                { s += $a; h += $b; n++ } END { printf "%.12g,%.12g", s / n, h / n }' "$work/direct.csv")
got=$(awk -F, '{ printf "%.12g,%.12g", $1, $2 }' <<<"$got")
[ "$want" = "$got" ] || { echo "FAIL: stdout $got, direct run $want"; exit 1; }
[ -z "$(find "$work" -name '*.tmp' -o -name '*.params.json')" ] || { echo "FAIL: temporary files left"; exit 1; }
# A malformed argument and a bad value fail with a message and leave no OUT_FILE.
if bash "$driver" 1 "$work/bad.csv" policy.price_weight 2>"$work/err.txt"; then echo "FAIL: accepted KEY without ="; exit 1; fi
grep -q "expected KEY=VALUE" "$work/err.txt" || { echo "FAIL: message: $(cat "$work/err.txt")"; exit 1; }
if bash "$driver" 1 "$work/bad.csv" market.councils=5.5 2>"$work/err.txt"; then echo "FAIL: accepted 5.5 councils"; exit 1; fi
grep -q "market.councils" "$work/err.txt" || { echo "FAIL: message: $(cat "$work/err.txt")"; exit 1; }
[ ! -e "$work/bad.csv" ] || { echo "FAIL: OUT_FILE written for a bad point"; exit 1; }
[ -z "$(find "$work" -name '*.tmp' -o -name '*.params.json')" ] || { echo "FAIL: a failed point left temporary files"; exit 1; }
echo "ok: $got equals the direct run's"
