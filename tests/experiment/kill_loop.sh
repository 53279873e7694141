#!/usr/bin/env bash
# Acceptance test for crash safety: 20 kill -9s at random moments of `tendersim run` and 20 of
# `tendersim sweep --resume`, each into the same --out. After every kill the results directory is
# either absent or whole (byte-identical to an uninterrupted run: never a mix, never half), and
# after the next normal run / --resume nothing is left beside it (no .X.partial-PID, no .X.old-PID)
# and the results are byte-identical. The kill times are random; the seed is printed (set
# KILL_LOOP_SEED to replay a failure).
# Usage: kill_loop.sh TENDERSIM DATA_DIR WORKDIR
set -euo pipefail
ts=$1 data=$2 work=$3
seed=${KILL_LOOP_SEED:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}
RANDOM=$seed
echo "kill loop seed $seed (KILL_LOOP_SEED=$seed to replay)"
rm -rf "$work"
mkdir -p "$work"
fail() { echo "FAIL (seed $seed): $*"; exit 1; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
stale() { find "$1" -maxdepth 1 \( -name '.*.partial-*' -o -name '.*.old-*' \) -printf '%f\n' | sort; }

# Starts a command in the background, kills it with SIGKILL after a random delay in
# [0, $1 ms), and waits for it. Sets `finished` to 1 if it had exited by itself.
kill_at_random() {
  local window=$1 pid delay
  shift
  "$@" >/dev/null 2>&1 &
  pid=$!
  delay=$((RANDOM * 32768 + RANDOM))
  delay=$((delay % window))
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then finished=0; else finished=1; fi
  wait "$pid" 2>/dev/null || true
}

# --- tendersim run ---------------------------------------------------------------------------
run=("$ts" run "$data/tiny.toml" --years 12 --replicates 3 --threads 2 --tender-log --quiet)
t0=$(now_ms)
"${run[@]}" --out "$work/ref" >/dev/null
window=$(( ($(now_ms) - t0) * 3 / 4 + 20 ))
files="metrics.csv suppliers.csv tenders.csv"
whole() { # every deterministic file identical to the reference
  for f in $files; do cmp -s "$work/ref/tiny/$f" "$1/$f" || return 1; done
  [ -s "$1/manifest.json" ]
}
killed=0
for i in $(seq 1 20); do
  kill_at_random "$window" "${run[@]}" --out "$work/k"
  killed=$((killed + 1 - finished))
  if [ -e "$work/k/tiny" ]; then whole "$work/k/tiny" || fail "run kill $i left a partial results directory"; fi
  [ "$(stale "$work/k" | wc -l)" -le 1 ] || fail "run kill $i: stale staging piles up: $(stale "$work/k" | tr '\n' ' ')"
done
"${run[@]}" --out "$work/k" >/dev/null
[ -z "$(stale "$work/k")" ] || fail "after the run: left behind: $(stale "$work/k" | tr '\n' ' ')"
whole "$work/k/tiny" || fail "results after the kills differ from an uninterrupted run"
echo "run: $killed of 20 killed mid-run (window ${window} ms); results whole and identical"

# --- tendersim sweep --resume ------------------------------------------------------------------
sweep=("$ts" sweep "$data/kill.toml" --threads 2 --quiet)
t0=$(now_ms)
"${sweep[@]}" --out "$work/sref" >/dev/null
window=$(( ($(now_ms) - t0) * 3 / 4 + 20 ))
ref="$work/sref/sweep-kill"
same() { diff -r "$ref" "$1" >/dev/null; }
killed=0 completed=0
for i in $(seq 1 20); do
  kill_at_random "$window" "${sweep[@]}" --resume --out "$work/s"
  killed=$((killed + 1 - finished))
  d="$work/s/sweep-kill"
  if [ -e "$d/runs.csv" ]; then
    # Finished (before the kill, or the kill came after the swap): whole and identical. Start a
    # new sweep so later kills land in every phase again.
    same "$d" || fail "sweep kill $i: finished results differ from an uninterrupted sweep"
    completed=$((completed + 1))
    "${sweep[@]}" --resume --out "$work/s" | grep -q "already complete" \
      || fail "sweep kill $i: resume of the finished sweep did not say so"
    [ -z "$(stale "$work/s")" ] || fail "sweep kill $i: left behind: $(stale "$work/s" | tr '\n' ' ')"
    rm -rf "$d"
  fi
  [ "$(stale "$work/s" | wc -l)" -le 2 ] || fail "sweep kill $i: stale staging piles up: $(stale "$work/s" | tr '\n' ' ')"
done
"${sweep[@]}" --resume --out "$work/s" >/dev/null
[ -z "$(stale "$work/s")" ] || fail "after --resume: left behind: $(stale "$work/s" | tr '\n' ' ')"
same "$work/s/sweep-kill" || fail "sweep after the kills differs from an uninterrupted sweep"
[ ! -e "$work/s/sweep-kill/shards" ] || fail "shard files left after the merge"
echo "sweep: $killed of 20 killed mid-sweep, $completed finished in between (window ${window} ms); results identical"
