#!/usr/bin/env bash
# `tendersim compare ... --ensemble FILE | --robust N` as a user meets it: a calibration's
# ensemble runs, the same bytes at 1 and 2 threads, after kill -9 and --resume, and from 2
# --shard jobs (in sequence or side by side) merged by --resume; a bad ensemble file or --shard
# exits 2 naming the file, line or field and what was expected, writing nothing.
# Usage: robust_compare_cli.sh TENDERSIM SOURCE_DIR WORKDIR
set -euo pipefail
ts=$1 src=$2 out=$3
source "$src/tests/validation/kill_after_records.sh"
rm -rf "$out"
mkdir -p "$out"
data="$src/tests/experiment/data"
pair=("$data/tiny.toml" "$data/tiny-variant.toml")
dir=compare-tiny-vs-tiny-variant-robust

# A small calibration of tiny gives the ensemble (4 of 8 draws).
"$ts" calibrate "$data/tiny.toml" --draws 8 --years 4 --replicates 1 --accept 0.5 --quiet \
  --out "$out/cal" >/dev/null
ens="$out/cal/calibrate-tiny/ensemble.toml"
[ "$(grep -c '^\[\[member\]\]$' "$ens")" = 4 ] || { echo "FAIL: ensemble members"; exit 1; }

args=(--ensemble "$ens" --replicates 2 --years 3 --years-at 2,3 --quiet)
"$ts" compare "${pair[@]}" "${args[@]}" --threads 1 --out "$out/t1" >/dev/null
"$ts" compare "${pair[@]}" "${args[@]}" --threads 2 --out "$out/t2" >/dev/null
for f in robustness.csv report.md effects.csv sets.csv scenarios.csv manifest.json \
         sweeps/tiny/timeseries.csv sweeps/tiny-variant/runs.csv; do
  [ -s "$out/t1/$dir/$f" ] || { echo "FAIL: $f missing or empty"; exit 1; }
done
diff -r "$out/t1/$dir" "$out/t2/$dir" >/dev/null || { echo "FAIL: 1 and 2 threads differ"; diff -r "$out/t1/$dir" "$out/t2/$dir" | head -5; exit 1; }
# One row per metric and year of the one alternative: 13 headline metrics x 2 years.
[ "$(tail -n +2 "$out/t1/$dir/robustness.csv" | wc -l)" = 26 ] || { echo "FAIL: robustness.csv rows"; exit 1; }
head -1 "$out/t1/$dir/robustness.csv" | grep -q '^metric,year,scenario,vs,sets,sets_left_out,replicates,median,low,high,between_sd,noise_sd,same_sign_share,sets_above_zero,sets_below_zero,heterogeneity_p_value,verdict,drivers$' \
  || { echo "FAIL: robustness.csv header"; exit 1; }
[ "$(tail -n +2 "$out/t1/$dir/sets.csv" | wc -l)" = 4 ] || { echo "FAIL: sets.csv rows"; exit 1; }
grep -q '^## Robustness$' "$out/t1/$dir/report.md" || { echo "FAIL: report section"; exit 1; }
grep -Eq '\*\*(robust|depends on|within noise)\*\*' "$out/t1/$dir/report.md" || { echo "FAIL: no verdict"; exit 1; }
sha=$(sha256sum "$ens" | cut -d' ' -f1)
grep -q "\"ensemble\": {\"file\": \"$ens\", \"sha256\": \"$sha\", \"members\": 4}" "$out/t1/$dir/manifest.json" \
  || { echo "FAIL: manifest ensemble"; grep ensemble "$out/t1/$dir/manifest.json"; exit 1; }

# kill -9 mid-run, then --resume: the same bytes (--robust: enough runs to stop part-way).
rargs=(--robust 40 --replicates 2 --years 4 --quiet)
"$ts" compare "${pair[@]}" "${rargs[@]}" --threads 2 --out "$out/r1" >/dev/null
"$ts" compare "${pair[@]}" "${rargs[@]}" --threads 2 --out "$out/k9" >/dev/null 2>&1 &
pid=$!
kill_after_records "$pid" "$out/k9/$dir/sweeps/tiny/shards/main.records" 20
[ ! -f "$out/k9/$dir/manifest.json" ] || { echo "FAIL: the comparison finished before the kill"; exit 1; }
if "$ts" compare "${pair[@]}" "${rargs[@]}" --out "$out/k9" >/dev/null 2>"$out/err.txt"; then
  echo "FAIL: a plain rerun overwrote an interrupted robust comparison"; exit 1
fi
grep -q "holds an interrupted sweep" "$out/err.txt" || { echo "FAIL: message: $(cat "$out/err.txt")"; exit 1; }
"$ts" compare "${pair[@]}" "${rargs[@]}" --threads 1 --resume --out "$out/k9" >/dev/null
diff -r "$out/r1/$dir" "$out/k9/$dir" >/dev/null || { echo "FAIL: resume after kill -9 differs"; diff -r "$out/r1/$dir" "$out/k9/$dir" | head -5; exit 1; }
# Killed after the runs but before the summaries: --resume writes them again, the same bytes.
rm "$out/k9/$dir/manifest.json" "$out/k9/$dir/robustness.csv"
"$ts" compare "${pair[@]}" "${rargs[@]}" --resume --out "$out/k9" >/dev/null
diff -r "$out/r1/$dir" "$out/k9/$dir" >/dev/null || { echo "FAIL: rewriting the summaries differs"; exit 1; }

# A complete comparison rerun with other sets and killed: no manifest.json, report.md or
# robustness.csv of the old sets is left beside sweeps that hold the new runs.
"$ts" compare "${pair[@]}" --robust 6 --replicates 2 --years 4 --quiet --out "$out/st" >/dev/null
[ -f "$out/st/$dir/manifest.json" ] || { echo "FAIL: the 6-set comparison is not complete"; exit 1; }
"$ts" compare "${pair[@]}" "${rargs[@]}" --threads 2 --out "$out/st" >/dev/null 2>&1 &
pid=$!
kill_after_records "$pid" "$out/st/$dir/sweeps/tiny/shards/main.records" 4
[ -d "$out/st/$dir/sweeps/tiny/shards" ] || { echo "FAIL: the 40-set rerun finished before the kill"; exit 1; }
for f in manifest.json report.md robustness.csv effects.csv sets.csv; do
  [ ! -e "$out/st/$dir/$f" ] || { echo "FAIL: stale $f of the 6-set run left after the killed 40-set rerun"; exit 1; }
done
"$ts" compare "${pair[@]}" "${rargs[@]}" --threads 2 --resume --out "$out/st" >/dev/null
diff -r "$out/r1/$dir" "$out/st/$dir" >/dev/null || { echo "FAIL: the resumed 40-set rerun differs"; diff -r "$out/r1/$dir" "$out/st/$dir" | head -5; exit 1; }

# --shard K/N: each shard runs its share of every scenario's sweep and writes no report; then
# --resume without --shard merges and reports the same bytes as one process. Shards in sequence,
# then side by side.
sargs=(--robust 6 --replicates 2 --years 4 --quiet)
"$ts" compare "${pair[@]}" "${sargs[@]}" --out "$out/u6" >/dev/null
for k in 0 1; do
  "$ts" compare "${pair[@]}" "${sargs[@]}" --shard $k/2 --out "$out/sh" >"$out/shard$k.txt"
  grep -q "^shard $k/2 of the robust comparison done: 12 runs .*; when every shard is done, run the same command with --resume and without --shard to merge and report$" "$out/shard$k.txt" \
    || { echo "FAIL: shard $k/2 message: $(cat "$out/shard$k.txt")"; exit 1; }
  for s in tiny tiny-variant; do
    [ -f "$out/sh/$dir/sweeps/$s/shards/shard-$k-of-2.records" ] || { echo "FAIL: no shard $k file of $s"; exit 1; }
  done
  for f in manifest.json report.md robustness.csv effects.csv sets.csv scenarios.csv; do
    [ ! -e "$out/sh/$dir/$f" ] || { echo "FAIL: shard $k/2 wrote $f"; exit 1; }
  done
done
# Finishing without --resume would mix or discard the shards' runs: refused.
if "$ts" compare "${pair[@]}" "${sargs[@]}" --out "$out/sh" >/dev/null 2>"$out/err.txt"; then
  echo "FAIL: a rerun without --resume ran over the shards' runs"; exit 1
fi
grep -q "holds an interrupted sweep" "$out/err.txt" || { echo "FAIL: message: $(cat "$out/err.txt")"; exit 1; }
"$ts" compare "${pair[@]}" "${sargs[@]}" --resume --out "$out/sh" >"$out/merge.txt"
grep -q " 0 run now " "$out/merge.txt" || { echo "FAIL: the merge ran runs: $(cat "$out/merge.txt")"; exit 1; }
diff -r "$out/u6/$dir" "$out/sh/$dir" >/dev/null || { echo "FAIL: 2 shards then --resume differ from one process"; diff -r "$out/u6/$dir" "$out/sh/$dir" | head -5; exit 1; }
"$ts" compare "${pair[@]}" "${sargs[@]}" --shard 0/2 --threads 1 --out "$out/shc" >/dev/null &
p0=$!
"$ts" compare "${pair[@]}" "${sargs[@]}" --shard 1/2 --threads 1 --out "$out/shc" >/dev/null &
p1=$!
wait "$p0" || { echo "FAIL: shard 0/2 side by side"; exit 1; }
wait "$p1" || { echo "FAIL: shard 1/2 side by side"; exit 1; }
"$ts" compare "${pair[@]}" "${sargs[@]}" --resume --out "$out/shc" >/dev/null
diff -r "$out/u6/$dir" "$out/shc/$dir" >/dev/null || { echo "FAIL: 2 shards side by side then --resume differ from one process"; diff -r "$out/u6/$dir" "$out/shc/$dir" | head -5; exit 1; }

# Bad input: exit 2, a message naming the file, line or field and what was expected.
expect_2() {
  local what=$1 pattern=$2; shift 2
  set +e
  "$ts" compare "${pair[@]}" --replicates 2 --years 3 --quiet "$@" --out "$out/bad" >/dev/null 2>"$out/err.txt"
  local rc=$?
  set -e
  [ "$rc" = 2 ] || { echo "FAIL: $what: exit $rc, expected 2"; cat "$out/err.txt"; exit 1; }
  grep -q -- "$pattern" "$out/err.txt" || { echo "FAIL: $what: message: $(cat "$out/err.txt")"; exit 1; }
}
expect_2 "missing ensemble" "no_such_ensemble.toml" --ensemble "$out/no_such_ensemble.toml"
sed 's/^schema_version = 1$/schema_version = 2/' "$ens" > "$out/schema2.toml"
expect_2 "schema_version 2" "schema2.toml:[0-9]*: key 'schema_version': expected 1" --ensemble "$out/schema2.toml"
# The first member's first value: an unknown key, then a value outside its plausible range.
first=$(grep -n '^\[member.values\]$' "$ens" | head -1 | cut -d: -f1)
line=$((first + 1))
key=$(sed -n "${line}p" "$ens" | cut -d' ' -f1 | tr -d '"')
sed "${line}s/^\"[^\"]*\"/\"suppliers.no_such_thing\"/" "$ens" > "$out/unknown.toml"
expect_2 "unknown parameter" "unknown.toml:$line: key 'member\[0\].values.suppliers.no_such_thing': unknown parameter" --ensemble "$out/unknown.toml"
sed "${line}s/= .*/= 1e9/" "$ens" > "$out/range.toml"
expect_2 "value outside its range" "range.toml:$line: key 'member\[0\].values.$key': expected .* from .* (the plausible range of $key), got" --ensemble "$out/range.toml"
# Too few members, or a member listed twice: exit 2 naming the file and both members' lines.
second=$(grep -n '^\[\[member\]\]$' "$ens" | sed -n 2p | cut -d: -f1)
head -n $((second - 1)) "$ens" > "$out/one.toml"
expect_2 "one member" "one.toml:[0-9]*: a robust comparison needs at least 2 members, found 1 (calibrate kept 1 draw: use more --draws or a larger --accept)" --ensemble "$out/one.toml"
first_member=$(grep -n '^\[\[member\]\]$' "$ens" | head -1 | cut -d: -f1)
{ cat "$ens"; tail -n +"$first_member" "$ens"; } > "$out/twice.toml"
expect_2 "an ensemble with its members twice" "twice.toml:[0-9]*: key 'member\[4\].draw': draw [0-9]* again: member\[0\] (line $first_member) is the same draw" --ensemble "$out/twice.toml"
{ cat "$ens"; tail -n +"$first_member" "$ens" | sed 's/^draw = \([0-9]*\)$/draw = 10\1/'; } > "$out/same.toml"
expect_2 "a member with the values of another" "same.toml:[0-9]*: key 'member\[4\]': the same values as member\[0\] (line $first_member)" --ensemble "$out/same.toml"
# Errors without a line of their own point at line 1.
grep -v '^schema_version' "$ens" > "$out/noversion.toml"
expect_2 "no schema_version" "noversion.toml:1: key 'schema_version': missing" --ensemble "$out/noversion.toml"
: > "$out/empty.toml"
expect_2 "an empty file" "empty.toml:1: key 'schema_version': missing" --ensemble "$out/empty.toml"
head -n $((first_member - 1)) "$ens" > "$out/nomember.toml"
expect_2 "no [[member]]" "nomember.toml:1: key 'member': no \[\[member\]\] table" --ensemble "$out/nomember.toml"
expect_2 "both --ensemble and --robust" "exclude each other" --ensemble "$ens" --robust 4
expect_2 "--robust 1" "--robust takes 2 to 100000" --robust 1
expect_2 "--resume without a robust comparison" "apply to a robust comparison" --resume
for bad in 2/2 3/2 0/0 x 1 -1/2 1/2x; do
  expect_2 "--shard $bad" "--shard takes K/N with 0 <= K < N" --robust 4 --shard "$bad"
done
expect_2 "--shard without a robust comparison" "--shard applies to a robust comparison" --shard 0/2
[ ! -e "$out/bad" ] || { echo "FAIL: bad input wrote $out/bad"; ls -R "$out/bad" | head; exit 1; }
echo "robust compare ok"
