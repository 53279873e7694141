#!/usr/bin/env bash
# Saved states through the CLI: `run --save-state` after year 3 of the baseline, then
# `run sv20.toml --from-state` writes years 4 on exactly as an uninterrupted run of sv20 (which
# differs from the baseline only from year 5); a run that disagrees with the state on the years it
# ran, a damaged state and --seed with a state are refused with exit 2 and a message.
# Usage: saved_states.sh TENDERSIM SCENARIOS_DIR OUT_DIR
set -euo pipefail
ts="$1" scenarios="$2" out="$3"
rm -rf "$out" && mkdir -p "$out"
small=(--set market.councils=10 --set market.suppliers=300 --set run.burn_in_years=3 --quiet)
"$ts" run "$scenarios/baseline.toml" --years 3 --save-state "$out/y3.state" --out "$out/a" "${small[@]}"
grep -q '"saved_state": ' "$out/a/baseline/manifest.json" || { echo "manifest lacks saved_state"; exit 1; }
"$ts" run "$scenarios/sv20.toml" --years 7 --from-state "$out/y3.state" --tender-log --out "$out/b" "${small[@]}"
"$ts" run "$scenarios/sv20.toml" --years 7 --tender-log --out "$out/c" "${small[@]}"
# metrics.csv: scenario,replicate,seed,year,...; tenders.csv: scenario,replicate,year,...
cmp <(awk -F, 'NR == 1 || $4 > 3' "$out/c/sv20/metrics.csv") "$out/b/sv20/metrics.csv"
cmp <(awk -F, 'NR == 1 || $3 > 3' "$out/c/sv20/tenders.csv") "$out/b/sv20/tenders.csv"
cmp "$out/c/sv20/suppliers.csv" "$out/b/sv20/suppliers.csv"
[ "$(grep final_state "$out/c/sv20/manifest.json")" = "$(grep final_state "$out/b/sv20/manifest.json")" ]
grep -q '"from_state": {"file": ".*y3.state", "sha256": "[0-9a-f]\{64\}", "saved_after_year": 3}' \
  "$out/b/sv20/manifest.json" || { echo "manifest lacks from_state"; exit 1; }
refused() { # EXPECTED_MESSAGE ARGS...: exit 2 and the message on stderr
  local want="$1"; shift
  set +e; err=$("$ts" run "$@" 2>&1 >/dev/null); code=$?; set -e
  [ "$code" = 2 ] || { echo "expected exit 2, got $code for $*: $err"; exit 1; }
  grep -qF -- "$want" <<<"$err" || { echo "expected '$want' in: $err"; exit 1; }
}
refused "read [policy] price_weight = 0.6 in the saved scenario, price_weight = 0.7 here" \
  --from-state "$out/y3.state" --set policy.price_weight=0.7 --out "$out/d" "${small[@]}"
refused "--seed cannot go with --from-state" --from-state "$out/y3.state" --seed 4 --out "$out/d"
head -c 5000 "$out/y3.state" > "$out/cut.state"
refused "truncated state file" --from-state "$out/cut.state" --out "$out/d"
refused "not a tendersim state file" --from-state "$scenarios/baseline.toml" --out "$out/d"
refused "--save-state saves one replicate" "$scenarios/baseline.toml" --replicates 2 \
  --save-state "$out/two.state" --out "$out/d" "${small[@]}"
refused "inside $out/a/baseline, which this run replaces" "$scenarios/baseline.toml" --years 1 \
  --save-state "$out/a/baseline/x.state" --out "$out/a" "${small[@]}"
[ -f "$out/a/baseline/manifest.json" ] || { echo "the refused run touched the old results"; exit 1; }
mkdir -p "$out/adir"
refused "a directory; give a file name" "$scenarios/baseline.toml" --years 1 \
  --save-state "$out/adir" --out "$out/d" "${small[@]}"
refused "leaves nothing to run: give --years N, more than 3" --from-state "$out/y3.state" \
  --out "$out/d" --quiet
echo "continued runs match, bad states refused"
