#!/usr/bin/env bash
# Engine benchmark figures (not a test): national 20 years at 1 and 2 threads, the same with every
# policy lever on, and one year of continental. Peak memory is the process's maximum RSS.
# Each national configuration runs REPEAT times (default 3) and the fastest run is reported:
# other load on a shared machine only ever adds time. The repeats go round the configurations in
# turn, so a noisy spell slows every configuration alike rather than all the runs of one. The
# state hash must not change between runs or thread counts.
# Usage: bench/run_bench.sh [BUILD_DIR] [REPEAT]
set -euo pipefail
cd "$(dirname "$0")/.."
b=${1:-build}
repeat=${2:-3}
runs=$(mktemp -d)
trap 'rm -rf "$runs"' EXIT
configs=("scenarios/national.toml 1" "scenarios/national.toml 2"
         "bench/national-levers.toml 1" "bench/national-levers.toml 2")
for ((k = 0; k < repeat; ++k)); do
  for c in "${!configs[@]}"; do
    read -r scenario threads <<<"${configs[$c]}"
    "$b/bench/bench_engine" "$scenario" --years 20 --threads "$threads" | paste -sd' ' >>"$runs/$c"
  done
done
for c in "${!configs[@]}"; do # the bench line (and its phase line) of the fastest run
  awk '{for (i = 1; i <= NF; ++i) if ($i ~ /^run_s=/) { split($i, v, "="); t = v[2] }
        if (best == "" || t < best) { best = t; line = $0 } } END { print line }' "$runs/$c" |
    sed 's/ phase_seconds/\nphase_seconds/'
done
"$b/bench/bench_engine" scenarios/continental.toml --years 1 --threads 2
