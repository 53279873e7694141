#!/usr/bin/env bash
# Issue 19, item 3: `sweep --resume` never mixes runs of two definitions. The case of
# data/resume-mix/: kill.toml sweeps over mid.toml -> grand.toml (with an [[adopt]]) ->
# small.toml. Part of the sweep is saved (one shard of four, as a kill part-way leaves it); then
# the [[adopt]] entry two files down, or a value three files down, changes: --resume must refuse
# and say what changed. Edits that change nothing the engine runs (comments) resume normally.
# Usage: sweep_resume_mix.sh TENDERSIM DATA_DIR WORKDIR
set -euo pipefail
ts=$1 data=$2 out=$3
rm -rf "$out"
mkdir -p "$out/case"
c="$out/case"
cp "$data"/resume-mix/*.toml "$c/"
cp "$c/grand.toml" "$out/grand.orig"
cp "$c/small.toml" "$out/small.orig"
fail() { echo "FAIL: $*"; exit 1; }

"$ts" sweep "$c/kill.toml" --shard 0/4 --threads 2 --quiet --out "$out/r" >/dev/null
saved=$(grep -c '^@' "$out/r/sweep-kill/shards/shard-0-of-4.records")

# 1. The [[adopt]] in grand.toml (the base's base) changes 0.6 -> 0.2.
sed -i 's/social_value_weight = 0.6/social_value_weight = 0.2/' "$c/grand.toml"
if "$ts" sweep "$c/kill.toml" --resume --threads 2 --quiet --out "$out/r" >/dev/null 2>"$out/err1.txt"; then
  fail "resume accepted a changed [[adopt]] in grand.toml"
fi
grep -qF "the resolved scenario of every design point differs: adopt[0].policy.social_value_weight 0.6 -> 0.2" "$out/err1.txt" \
  || fail "unexpected message: $(cat "$out/err1.txt")"
[ ! -f "$out/r/sweep-kill/runs.csv" ] || fail "runs.csv written from mixed definitions"
cp "$out/grand.orig" "$c/grand.toml"

# 2. A value in small.toml (three files down) changes.
sed -i 's/suppliers = 2500/suppliers = 2400/' "$c/small.toml"
if "$ts" sweep "$c/kill.toml" --resume --threads 2 --quiet --out "$out/r" >/dev/null 2>"$out/err2.txt"; then
  fail "resume accepted a changed small.toml"
fi
grep -qF "market.suppliers 2500 -> 2400" "$out/err2.txt" || fail "unexpected message: $(cat "$out/err2.txt")"
cp "$out/small.orig" "$c/small.toml"

# 3. Comments only: the same runs, so the saved ones are kept.
echo "# a comment" >> "$c/grand.toml"
echo "# another" >> "$c/kill.toml"
"$ts" sweep "$c/kill.toml" --resume --threads 2 --out "$out/r" >/dev/null 2>"$out/resume.txt" \
  || fail "resume after a comment-only edit: $(cat "$out/resume.txt")"
grep -q "resuming: $saved of 48 runs already done" "$out/resume.txt" \
  || fail "saved runs not kept: $(cat "$out/resume.txt")"
[ -f "$out/r/sweep-kill/runs.csv" ] || fail "no runs.csv"
echo "resume-mix ok ($saved runs saved; changed definitions refused)"
