#!/usr/bin/env bash
# `tendersim calibrate` as a user meets it: the same bytes at 1 and 2 threads, after kill -9 and
# --resume, after --shard K/N jobs finished with --resume, and when only the scoring is redone;
# bad input exits 2 with a clear message and writes nothing.
# Usage: calibrate_cli.sh TENDERSIM SOURCE_DIR WORKDIR
set -euo pipefail
ts=$1 src=$2 out=$3
source "$src/tests/validation/kill_after_records.sh"
rm -rf "$out"
mkdir -p "$out"
scenario="$src/tests/experiment/data/tiny.toml" # a few ms a run
args=(--draws 100 --years 8 --replicates 2 --accept 0.25 --quiet)
dir=calibrate-tiny

"$ts" calibrate "$scenario" "${args[@]}" --threads 1 --out "$out/t1" >/dev/null
"$ts" calibrate "$scenario" "${args[@]}" --threads 2 --out "$out/t2" >/dev/null
for f in ensemble.toml draws.csv report.md runs.csv timeseries.csv manifest.json; do
  [ -s "$out/t1/$dir/$f" ] || { echo "FAIL: $f missing or empty"; exit 1; }
done
diff -r "$out/t1/$dir" "$out/t2/$dir" >/dev/null || { echo "FAIL: 1 and 2 threads differ"; diff -r "$out/t1/$dir" "$out/t2/$dir" | head -5; exit 1; }
# 100 draws, the best quarter: 25 accepted members.
grep -q '^schema_version = 1$' "$out/t1/$dir/ensemble.toml" || { echo "FAIL: no schema_version"; exit 1; }
grep -q '^accepted = 25$' "$out/t1/$dir/ensemble.toml" || { echo "FAIL: accepted count"; exit 1; }
[ "$(grep -c '^\[\[member\]\]$' "$out/t1/$dir/ensemble.toml")" = 25 ] || { echo "FAIL: members"; exit 1; }
[ "$(tail -n +2 "$out/t1/$dir/draws.csv" | wc -l)" = 100 ] || { echo "FAIL: draws.csv rows"; exit 1; }
[ "$(tail -n +2 "$out/t1/$dir/draws.csv" | cut -d, -f3 | grep -c TRUE)" = 25 ] || { echo "FAIL: accepted in draws.csv"; exit 1; }
grep -q "## Posterior beside prior, per parameter" "$out/t1/$dir/report.md" || { echo "FAIL: report"; exit 1; }
grep -q "## Which targets constrain which parameters" "$out/t1/$dir/report.md" || { echo "FAIL: report"; exit 1; }

# kill -9 mid-run, then --resume: the same bytes.
"$ts" calibrate "$scenario" "${args[@]}" --threads 2 --out "$out/k9" >/dev/null 2>&1 &
pid=$!
kill_after_records "$pid" "$out/k9/$dir/shards/main.records" 20
[ ! -f "$out/k9/$dir/ensemble.toml" ] || { echo "FAIL: the calibration finished before the kill"; exit 1; }
if "$ts" calibrate "$scenario" "${args[@]}" --out "$out/k9" >/dev/null 2>"$out/err.txt"; then
  echo "FAIL: a plain rerun overwrote an interrupted calibration"; exit 1
fi
grep -q "holds an interrupted sweep" "$out/err.txt" || { echo "FAIL: message: $(cat "$out/err.txt")"; exit 1; }
"$ts" calibrate "$scenario" "${args[@]}" --threads 2 --resume --out "$out/k9" >/dev/null
diff -r "$out/t1/$dir" "$out/k9/$dir" >/dev/null || { echo "FAIL: resume after kill -9 differs"; diff -r "$out/t1/$dir" "$out/k9/$dir" | head -5; exit 1; }

# Killed after the sweep's files but before the calibration's: --resume scores again.
rm "$out/k9/$dir/ensemble.toml" "$out/k9/$dir/report.md"
"$ts" calibrate "$scenario" "${args[@]}" --resume --out "$out/k9" >/dev/null
diff -r "$out/t1/$dir" "$out/k9/$dir" >/dev/null || { echo "FAIL: rescoring differs"; exit 1; }

# Shards, then --resume merges and scores.
"$ts" calibrate "$scenario" "${args[@]}" --shard 0/2 --out "$out/sh" >/dev/null
"$ts" calibrate "$scenario" "${args[@]}" --shard 1/2 --out "$out/sh" >/dev/null
"$ts" calibrate "$scenario" "${args[@]}" --resume --out "$out/sh" >/dev/null
diff -r "$out/t1/$dir" "$out/sh/$dir" >/dev/null || { echo "FAIL: shards differ"; exit 1; }

# The same scenario spelt relative and absolute: the same bytes (paths recorded relative to the
# current directory when under it).
mkdir -p "$out/pw/scenarios"
cp "$scenario" "$out/pw/scenarios/x.toml"
(cd "$out/pw" && "$ts" calibrate scenarios/x.toml --draws 12 --years 8 --replicates 1 --quiet --out rel >/dev/null)
(cd "$out/pw" && "$ts" calibrate "$PWD/scenarios/x.toml" --draws 12 --years 8 --replicates 1 --quiet --out abs >/dev/null)
diff -r "$out/pw/rel" "$out/pw/abs" >/dev/null || { echo "FAIL: relative and absolute scenario paths differ"; diff -r "$out/pw/rel" "$out/pw/abs" | head -5; exit 1; }
grep -q '^scenario_file = "scenarios/x.toml"$' "$out/pw/rel/calibrate-tiny/ensemble.toml" || { echo "FAIL: scenario_file not recorded relative"; exit 1; }

# Bad input: exit 2, a message naming the problem, nothing written.
expect_2() {
  local what=$1 pattern=$2; shift 2
  set +e
  "$ts" calibrate "$@" --out "$out/bad" >/dev/null 2>"$out/err.txt"
  local rc=$?
  set -e
  [ "$rc" = 2 ] || { echo "FAIL: $what: exit $rc, expected 2"; cat "$out/err.txt"; exit 1; }
  grep -q -- "$pattern" "$out/err.txt" || { echo "FAIL: $what: message: $(cat "$out/err.txt")"; exit 1; }
}
scenario="$src/scenarios/baseline.toml"
expect_2 "unknown scenario" "no_such.toml" "$out/no_such.toml" --draws 10
expect_2 "--draws 0" "--draws takes 2 to 1000000, got 0" "$scenario" --draws 0
expect_2 "no --draws" "missing --draws" "$scenario"
printf 'schema_version = 1\nwindow_years = 5\n[[target]]\nid = "x"\nmetric = \n' > "$out/bad_targets.toml"
expect_2 "unparsable targets" "bad_targets.toml:5" "$scenario" --draws 10 --targets "$out/bad_targets.toml"
expect_2 "--accept 0" "--accept takes" "$scenario" --draws 10 --accept 0
expect_2 "--seed above 2^53" "expected an integer from 0 to 9007199254740991" "$scenario" --draws 10 --seed 9007199254740992
expect_2 "--accept with --threshold" "exclude each other" "$scenario" --draws 10 --accept 0.2 --threshold 5
[ ! -e "$out/bad" ] || { echo "FAIL: bad input wrote $out/bad"; exit 1; }
echo "calibrate ok"
