#!/usr/bin/env bash
# `tendersim run --years 0` builds the market and runs only its burn-in years: suppliers.csv and
# manifest.json describe that starting market, metrics.csv and tenders.csv hold their header only,
# and the files do not depend on the thread count. Commands that need simulated years (compare,
# validate, sweep) refuse 0 and name the valid range.
# Usage: years_zero.sh TENDERSIM SCENARIO SOURCE_DIR WORKDIR
set -euo pipefail
ts=$1 scenario=$2 src=$3 out=$4
rm -rf "$out"
mkdir -p "$out"
name=$(sed -n 's/^name = "\(.*\)"/\1/p' "$scenario" | head -1)
"$ts" run "$scenario" --years 0 --replicates 2 --tender-log --threads 1 --quiet --out "$out/t1" >/dev/null
"$ts" run "$scenario" --years 0 --replicates 2 --tender-log --threads 2 --quiet --out "$out/t2" >/dev/null
dir=$out/t1/$name
[ "$(cat "$dir/metrics.csv")" = "scenario,replicate,seed,year,metric,value" ] ||
  { echo "FAIL: metrics.csv has rows after --years 0"; exit 1; }
[ "$(wc -l < "$dir/tenders.csv")" -eq 1 ] || { echo "FAIL: tenders.csv has rows"; exit 1; }
# Every supplier of both replicates' starting markets, and no year simulated.
for r in 0 1; do
  [ "$(awk -F, -v r=$r 'NR > 1 && $2 == r' "$dir/suppliers.csv" | wc -l)" -gt 10 ] ||
    { echo "FAIL: replicate $r has no starting market in suppliers.csv"; exit 1; }
done
grep -q '"run.years": 0' "$dir/manifest.json" || { echo "FAIL: manifest does not record 0 years"; exit 1; }
cmp "$dir/suppliers.csv" "$out/t2/$name/suppliers.csv" || { echo "FAIL: threads change suppliers.csv"; exit 1; }
# The starting market is the market a 1-year run starts from: a run of one year changes it.
"$ts" run "$scenario" --years 1 --replicates 2 --threads 1 --quiet --out "$out/y1" >/dev/null
if cmp -s "$dir/suppliers.csv" "$out/y1/$name/suppliers.csv"; then
  echo "FAIL: --years 0 wrote the same end state as --years 1"; exit 1
fi
# An [[adopt]] in a later year is no mistake when no year is simulated.
"$ts" run "$src/scenarios/sv10.toml" --years 0 --replicates 1 --quiet --out "$out/sv10" >/dev/null
"$ts" run --help | grep -q "^With --years 0: the starting market after the burn-in years" || { echo "FAIL: --help"; exit 1; }
# Commands that need years say so, with the range.
expect_refusal() {
  local fragment=$1; shift
  if "$@" >/dev/null 2>"$out/stderr"; then echo "FAIL: $* accepted 0 years"; exit 1; fi
  grep -qF -- "$fragment" "$out/stderr" || { echo "FAIL: $*: $(cat "$out/stderr")"; exit 1; }
}
expect_refusal "compare needs at least one simulated year: --years is 0; give --years from 1 to 200" \
  "$ts" compare "$scenario" "$scenario" --years 0 --replicates 1 --quiet --out "$out/cmp"
sed 's/^years = .*/years = 0/' "$scenario" > "$out/zero.toml"
expect_refusal "sets run.years = 0 (set it from 1 to 200)" "$ts" validate "$out/zero.toml" --replicates 2 --targets "$src/validation/targets.toml"
printf 'schema_version = 1\nbase = "zero.toml"\n[design]\ntype = "grid"\n' > "$out/sweep.toml"
expect_refusal "add years = N (1 to 200)" "$ts" sweep "$out/sweep.toml" --dry-run
expect_refusal "expected an integer from 0 to 200, got the integer -1" \
  "$ts" run "$scenario" --years -1 --out "$out/neg"
echo "years 0 ok"
