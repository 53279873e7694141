#!/usr/bin/env bash
# Resume after kill -9 and after Ctrl-C gives the same bytes as an uninterrupted sweep; a torn
# last record (a write cut short) is dropped and redone; no run is lost or duplicated.
# Usage: sweep_resume.sh TENDERSIM SWEEP.toml WORKDIR
set -euo pipefail
ts=$1 sweep=$2 out=$3
rm -rf "$out"
mkdir -p "$out"
"$ts" sweep "$sweep" --threads 2 --quiet --out "$out/full" >/dev/null
ref="$out/full/sweep-resume"
total=$(($(wc -l < "$ref/runs.csv") - 1))

records() { grep -c '^@' "$1" 2>/dev/null || true; }

# Starts a sweep in the background and stops it with signal $2 once at least $3 runs are saved.
interrupt() {
  local dir=$1 sig=$2 want=$3 pid n=0
  "$ts" sweep "$sweep" --threads 2 --quiet --out "$dir" --resume >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 2000); do
    n=$(records "$dir/sweep-resume/shards/main.records")
    [ "${n:-0}" -ge "$want" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.005
  done
  kill "-$sig" "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

check_same() {
  diff -r "$ref" "$1/sweep-resume" >/dev/null || { echo "FAIL: $2 differs from the uninterrupted sweep"; diff -r "$ref" "$1/sweep-resume" | head -5; exit 1; }
  # runs.csv has every run exactly once, in order.
  seq 0 $((total - 1)) | cmp -s - <(tail -n +2 "$1/sweep-resume/runs.csv" | cut -d, -f1) \
    || { echo "FAIL: $2: runs.csv does not list runs 0..$((total - 1)) once each"; exit 1; }
}

# 1. kill -9 twice mid-sweep, then a torn record appended by hand, then --resume.
interrupt "$out/k9" KILL 20
interrupt "$out/k9" KILL 60
f="$out/k9/sweep-resume/shards/main.records"
[ -f "$f" ] || { echo "FAIL: no shard file after kill -9 (sweep finished too fast?)"; exit 1; }
saved=$(records "$f")
[ "$saved" -lt "$total" ] || { echo "FAIL: the sweep finished before it was killed"; exit 1; }
[ ! -f "$out/k9/sweep-resume/runs.csv" ] || { echo "FAIL: final files written by an interrupted sweep"; exit 1; }
printf '@%d 900 0123456789abcdef\n0,1,2,partial' "$((total - 1))" >> "$f"
# Without --resume the partial work is protected.
if "$ts" sweep "$sweep" --quiet --out "$out/k9" >/dev/null 2>"$out/err.txt"; then
  echo "FAIL: a plain rerun overwrote an interrupted sweep"; exit 1
fi
grep -q "holds an interrupted sweep ($saved of $total runs done)" "$out/err.txt" \
  || { echo "FAIL: unexpected message: $(cat "$out/err.txt")"; exit 1; }
"$ts" sweep "$sweep" --threads 2 --resume --out "$out/k9" >/dev/null 2>"$out/resume.txt"
grep -q "after the last intact record (an incomplete record" "$out/resume.txt" || { echo "FAIL: torn record not reported"; exit 1; }
grep -q "resuming: $saved of $total runs already done" "$out/resume.txt" \
  || { echo "FAIL: resume did not keep the $saved saved runs: $(cat "$out/resume.txt")"; exit 1; }
check_same "$out/k9" "resume after kill -9"
[ ! -d "$out/k9/sweep-resume/shards" ] || { echo "FAIL: shard files left after the merge"; exit 1; }

# 2. Ctrl-C (SIGINT): the runs in progress finish, the exit status is 130, --resume completes.
interrupt "$out/int" INT 30
[ ! -f "$out/int/sweep-resume/runs.csv" ] || { echo "FAIL: SIGINT sweep wrote final files"; exit 1; }
"$ts" sweep "$sweep" --threads 1 --resume --quiet --out "$out/int" >/dev/null
check_same "$out/int" "resume after SIGINT"

# 3. --resume on a finished sweep does nothing.
"$ts" sweep "$sweep" --resume --quiet --out "$out/int" | grep -q "already complete" \
  || { echo "FAIL: resume of a finished sweep"; exit 1; }
echo "resume ok ($saved of $total runs saved at the kill)"
