#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan+UBSan, coverage) into build-fuzz/ and runs them.
# Usage: scripts/fuzz.sh [--time SECONDS | --runs N] [--jobs J] [--build-only] [TARGET...]
#   default: every target for 60 s, two at a time (the CI stage of scripts/test.sh);
#   before a release: scripts/fuzz.sh --runs 1000000   (at least 10^6 executions each).
# Targets: fuzz_scenario fuzz_sweep fuzz_params_json fuzz_engine fuzz_ocds_import fuzz_state
# (docs/fuzzing.md).
# Seeds come from tests/fuzz/corpus/<target>/ (never modified); inputs the fuzzer finds go to
# build-fuzz/corpus/<target>/, a crashing input to build-fuzz/artifacts/, logs to build-fuzz/logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
limit=(-max_total_time=60)
# CI's timed runs start from a fixed seed, so a run's findings repeat on the next run of the same
# commit; --runs (release) and FUZZ_SEED=0 use a random one.
seed=${FUZZ_SEED:-1}
jobs=2
build_only=0
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --time) limit=(-max_total_time="$2"); shift 2 ;;
    --runs) limit=(-runs="$2"); seed=${FUZZ_SEED:-0}; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --build-only) build_only=1; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_scenario fuzz_sweep fuzz_params_json fuzz_engine fuzz_ocds_import fuzz_state)
command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ not found (scripts/setup.sh installs clang)"; exit 1; }

dir=build-fuzz
# Only what the targets need: no app, no tests; warnings are errors as in every CI build.
cmake -S . -B "$dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=None \
  -DTENDERSIM_FUZZ=ON -DTENDERSIM_BUILD_VIZ=OFF -DTENDERSIM_BUILD_TESTS=OFF -DTENDERSIM_WERROR=ON \
  >/dev/null
cmake --build "$dir" -j "$(nproc)" --target "${targets[@]}"
[ "$build_only" -eq 0 ] || exit 0

mkdir -p "$dir/logs" "$dir/artifacts"
run_one() {
  local t=$1
  mkdir -p "$dir/corpus/$t"
  # -timeout: one input taking 10 s is a finding (a hang); -rss_limit_mb: so is 2 GB of memory.
  "$dir/tests/fuzz/$t" "${limit[@]}" -seed="$seed" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$dir/artifacts/$t-" "$dir/corpus/$t" "tests/fuzz/corpus/$t" \
    >"$dir/logs/$t.log" 2>&1
}
summary() {
  local t=$1 log=$dir/logs/$1.log
  local runs rate
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  echo "$t: ${runs:-?} executions, ${rate:-?}/s"
}

failed=()
start=$(date +%s)
for ((i = 0; i < ${#targets[@]}; i += jobs)); do
  pids=()
  batch=("${targets[@]:i:jobs}")
  for t in "${batch[@]}"; do
    run_one "$t" &
    pids+=($!)
  done
  for k in "${!batch[@]}"; do
    t=${batch[$k]}
    if wait "${pids[$k]}"; then
      summary "$t"
    else
      failed+=("$t")
      echo "== $t FAILED; end of $dir/logs/$t.log:"
      tail -n 40 "$dir/logs/$t.log"
      ls "$dir/artifacts/$t-"* 2>/dev/null || true
    fi
  done
done
echo "fuzz: ${#targets[@]} targets in $(( $(date +%s) - start )) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: findings in ${failed[*]} (reproduce: $dir/tests/fuzz/TARGET ARTIFACT)"
  exit 1
fi
