#!/usr/bin/env bash
# Sweep benchmark (not a test): N runs of the baseline scenario, 20 years each, as a sweep at 1
# and 2 threads. Prints runs/s, the parallel speed-up and peak memory (max RSS); peak memory is
# also measured at a quarter of the runs to show it does not grow with the number of runs
# (results stream to disk; only one payload per worker is ever held).
# Usage: bench/sweep_bench.sh [BUILD_DIR] [RUNS]      (defaults: build 200)
set -euo pipefail
cd "$(dirname "$0")/.."
b=${1:-build}
runs=${2:-200}
ts="$b/sim/cli/tendersim"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One design point at the baseline's own price weight, replicated: every run is the baseline
# scenario with its own seed.
pw=$("$ts" params --toml scenarios/baseline.toml | awk '/^\[policy\]/{p=1;next} /^\[/{p=0} p && /^price_weight/{print $3}')
make_sweep() { # file, replicates
  cat > "$1" <<TOML
schema_version = 1
name = "bench"
base = "$PWD/scenarios/baseline.toml"
seed = 1
replicates = $2
years = 20
[design]
type = "grid"
[[parameter]]
key = "policy.price_weight"
values = [$pw]
TOML
}

# Runs one sweep; prints "seconds max_rss_kb".
measure() { # sweep file, threads
  rm -rf "$work/out"
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%e %M' -o "$work/time.txt" "$ts" sweep "$1" --threads "$2" --quiet --out "$work/out" >/dev/null
    cat "$work/time.txt"
  else
    local t0=$(date +%s.%N)
    "$ts" sweep "$1" --threads "$2" --quiet --out "$work/out" >/dev/null
    echo "$(echo "$(date +%s.%N) - $t0" | bc) n/a"
  fi
}

make_sweep "$work/full.toml" "$runs"
quarter=$((runs / 4))
make_sweep "$work/quarter.toml" "$quarter"
echo "sweep benchmark: baseline scenario, 20 years per run, $(nproc) cores"
read -r t1 rss1 < <(measure "$work/full.toml" 1)
read -r t2 rss2 < <(measure "$work/full.toml" 2)
read -r tq rssq < <(measure "$work/quarter.toml" 2)
awk -v n="$runs" -v q="$quarter" -v t1="$t1" -v t2="$t2" -v tq="$tq" -v r1="$rss1" -v r2="$rss2" -v rq="$rssq" 'BEGIN {
  printf "  %4d runs, 1 thread : %6.1f s  %6.2f runs/s  peak RSS %s MB\n", n, t1, n / t1, (r1 == "n/a" ? r1 : sprintf("%.1f", r1 / 1024))
  printf "  %4d runs, 2 threads: %6.1f s  %6.2f runs/s  peak RSS %s MB\n", n, t2, n / t2, (r2 == "n/a" ? r2 : sprintf("%.1f", r2 / 1024))
  printf "  %4d runs, 2 threads: %6.1f s  %6.2f runs/s  peak RSS %s MB\n", q, tq, q / tq, (rq == "n/a" ? rq : sprintf("%.1f", rq / 1024))
  printf "  parallel speed-up (2 vs 1 thread): %.2fx\n", t1 / t2
}'
