#!/usr/bin/env bash
# --shard K/N + merge equals the unsharded sweep byte for byte; an incomplete merge says which
# shard to rerun and writes nothing.
# Usage: sweep_shards.sh TENDERSIM SWEEP.toml WORKDIR
set -euo pipefail
ts=$1 sweep=$2 out=$3
rm -rf "$out"
"$ts" sweep "$sweep" --threads 1 --quiet --out "$out/one" >/dev/null
for k in 0 1 3; do "$ts" sweep "$sweep" --shard "$k/4" --threads 1 --quiet --out "$out/sh" >/dev/null; done
if "$ts" merge "$sweep" --out "$out/sh" >/dev/null 2>"$out/err.txt"; then echo "FAIL: merged an incomplete sweep"; exit 1; fi
grep -q "Unfinished shards: 2/4" "$out/err.txt" || { echo "FAIL: message: $(cat "$out/err.txt")"; exit 1; }
[ ! -f "$out/sh/sweep-resume/runs.csv" ] || { echo "FAIL: incomplete merge wrote runs.csv"; exit 1; }
"$ts" sweep "$sweep" --shard 2/4 --threads 2 --quiet --out "$out/sh" >/dev/null
"$ts" merge "$sweep" --out "$out/sh" >/dev/null
diff -r "$out/one/sweep-resume" "$out/sh/sweep-resume" || { echo "FAIL: shards+merge differ from one process"; exit 1; }
# A different split of the same sweep (3 shards) also matches.
for k in 0 1 2; do "$ts" sweep "$sweep" --shard "$k/3" --threads 2 --quiet --out "$out/sh3" >/dev/null; done
"$ts" merge "$sweep" --out "$out/sh3" >/dev/null
diff -r "$out/one/sweep-resume" "$out/sh3/sweep-resume" || { echo "FAIL: 3 shards differ"; exit 1; }
echo "shards ok"
