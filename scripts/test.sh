#!/usr/bin/env bash
# Checks the C++ formatting first (seconds; scripts/check_format.sh), then builds and runs every
# test: the Release build with warnings as errors, then the engine tests and the viz libraries'
# tests that need no SFML (the live app's logic and simulation thread)
# again under AddressSanitizer+UBSan and under ThreadSanitizer (the parallel phases), then the
# libFuzzer targets for 60 s each (scripts/fuzz.sh, docs/fuzzing.md).
# Usage: scripts/test.sh [--quick]   (--quick skips the sanitizer builds and fuzzing)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Formatting first: it fails in seconds, before minutes of building.
echo "== clang-format check"
bash scripts/check_format.sh
bash scripts/build.sh build
(cd build && ctest --output-on-failure -j "$(nproc)")
if [ "${1:-}" != "--quick" ]; then
  for san in address thread; do
    echo "== tests under sanitizer: $san"
    bash scripts/build.sh "build-$san" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTENDERSIM_SANITIZE=$san -DTENDERSIM_BUILD_VIZ=OFF -DTENDERSIM_BUILD_VIZ_LOGIC=ON -DTENDERSIM_WERROR=OFF
    # (-Werror stays on in the main build: sanitizer instrumentation makes GCC 12 report
    # false maybe-uninitialized warnings inside libstdc++.)
    # TSan needs ASLR-compatible mappings on newer kernels; setarch -R disables randomisation.
    runner=""
    [ "$san" = thread ] && command -v setarch >/dev/null && runner="setarch $(uname -m) -R"
    # The tests labelled slow (national validation, MPI, resume-mix) ran in the Release build
    # above; under the sanitizers they would add minutes and no new code paths.
    (cd "build-$san" && $runner ctest --output-on-failure -j "$(nproc)" -LE slow)
  done
  # libFuzzer targets (docs/fuzzing.md): a clang build of the loaders and the engine, then each
  # target for 60 s, two at a time.
  echo "== fuzzing: scripts/fuzz.sh"
  fuzz_start=$(date +%s)
  bash scripts/fuzz.sh
  echo "== fuzzing took $(( $(date +%s) - fuzz_start )) s (build and runs)"
fi
