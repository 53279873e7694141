#!/usr/bin/env bash
# Bad sweep files stop with file, line, key and what was expected, exit status 2, and nothing
# written; the shipped example sweep files are all valid.
# Usage: sweep_errors.sh TENDERSIM DATA_DIR SWEEPS_DIR WORKDIR
set -euo pipefail
ts=$1 data=$2 sweeps=$3 out=$4
rm -rf "$out"
mkdir -p "$out"
head='schema_version = 1
base = "'"$data"'/tiny.toml"'
check() { # name, expected message, file body
  printf '%s\n%s\n' "$head" "$3" > "$out/$1.toml"
  set +e
  "$ts" sweep "$out/$1.toml" --quiet --out "$out/results" >/dev/null 2>"$out/$1.err"
  local rc=$?
  set -e
  [ "$rc" -eq 2 ] || { echo "FAIL: $1: exit status $rc, expected 2"; exit 1; }
  grep -qF "$2" "$out/$1.err" || { echo "FAIL: $1: got '$(cat "$out/$1.err")', expected '$2'"; exit 1; }
  [ ! -e "$out/results" ] || { echo "FAIL: $1: files were written"; exit 1; }
}
p='[[parameter]]
key = "policy.price_weight"
min = 0.2
max = 0.8'
check unknown-key "unknown-key.toml:7: key 'policy.pric_weight': unknown parameter" \
  "$(printf '[design]\ntype = "lhs"\nsamples = 4\n[[parameter]]\nkey = "policy.pric_weight"\nmin = 0\nmax = 1')"
check out-of-range "out-of-range.toml:8: key 'policy.social_value_weight.max': expected a number from 0 to 0.6 (weight), got the number 0.9" \
  "$(printf '[design]\ntype = "grid"\n[[parameter]]\nkey = "policy.social_value_weight"\nmin = 0\nmax = 0.9')"
check bad-design "bad-design.toml:4: key 'design.type': expected grid, lhs, morris, sobol or points, got \"factorial\"" \
  "$(printf '[design]\ntype = "factorial"\n%s' "$p")"
check bad-metric "key 'outputs.metrics': unknown metric \"sme_share\"" \
  "$(printf '[design]\ntype = "grid"\n[outputs]\nmetrics = ["sme_share"]\n%s' "$p")"
check syntax "syntax.toml:3: TOML syntax error" "$(printf '[design\ntype = "grid"')"
# A points design's file is checked cell by cell: file, line and column.
printf 'policy.price_weight,market.suppliers\n0.5,150\n0.6,many\n' > "$out/points.csv"
check points-cell "points.csv:3:2: column 'market.suppliers': expected a whole number from 1 to" \
  "$(printf '[design]\ntype = "points"\nfile = "points.csv"')"
# Every shipped example is valid.
for f in "$sweeps"/*.toml; do
  "$ts" sweep "$f" --dry-run >/dev/null || { echo "FAIL: $f is not a valid sweep file"; exit 1; }
done
echo "errors ok"
