#!/usr/bin/env bash
# scripts/drivers: the EMEWS-style loop sends points as Python does (floats for integers, 1/0 for
# booleans, one-element lists) through emews_model.sh; each run must get the typed values, carry
# the build's version and commit, and its objective must equal a direct run of the same point.
# Usage: emews_driver.sh TENDERSIM SOURCE_DIR DATA_DIR WORK_DIR
set -euo pipefail
ts=$1 src=$2 data=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
TENDERSIM=$ts /usr/bin/python3 "$src/scripts/drivers/emews_loop.py" "$data/tiny.toml" "$work" 2 >"$work/loop.csv"
cat "$work/loop.csv"
test "$(wc -l <"$work/loop.csv")" -eq 3 || { echo "FAIL: expected a header and two points"; exit 1; }
read -r _ version commit <<<"$("$ts" --version)"
commit=${commit#(}; commit=${commit%)}
awk -F, -v v="$version" -v c="$commit" 'NR > 1 && ($3 != 2 || $4 != v || $5 != c) { exit 1 }' \
  "$work/loop.csv" || { echo "FAIL: replicates, version or commit"; exit 1; }
# Point 1 was sent as {"policy.price_weight": [0.4], "run.replicates": [2.0], "policy.reserve_local": 1.0}.
grep -q '"policy.price_weight": 0.4, "run.replicates": 2, "policy.reserve_local": true' \
  "$work/instance_1/result.json" || { echo "FAIL: typed values"; cat "$work/instance_1/result.json"; exit 1; }
want=$("$ts" run "$data/tiny.toml" --threads 1 --set policy.price_weight=0.4 --set run.replicates=2 \
  --set policy.reserve_local=true --result-line csv --metrics sme_share_direct |
  awk -F, 'NR == 1 { for (i = 1; i <= NF; ++i) if ($i == "final.sme_share_direct") c = i; next }
            { s += $c; n++ } END { printf "%.12g", s / n }')
got=$(awk -F, 'NR == 3 { printf "%.12g", $2 }' "$work/loop.csv")
[ "$want" = "$got" ] || { echo "FAIL: objective $got, direct run $want"; exit 1; }
echo "ok: objective $got equals the direct run's"
