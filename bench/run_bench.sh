#!/usr/bin/env bash
# Engine benchmark figures (not a test): national 20 years at 1 and 2 threads, the same with every
# policy lever on, and one year of continental. Peak memory is the process's maximum RSS.
# Usage: bench/run_bench.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
b=${1:-build}
for t in 1 2; do "$b/bench/bench_engine" scenarios/national.toml --years 20 --threads "$t"; done
for t in 1 2; do "$b/bench/bench_engine" bench/national-levers.toml --years 20 --threads "$t"; done
"$b/bench/bench_engine" scenarios/continental.toml --years 1 --threads 2
