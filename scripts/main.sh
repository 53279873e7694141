#!/usr/bin/env bash
# The main job, from a fresh Debian 12 machine: install what is needed, build, and run the
# default scenario into results/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh build
./build/sim/cli/tendersim run scenarios/baseline.toml --replicates 5 --tender-log --out results
echo
echo "Results are in results/baseline/ (metrics.csv, tenders.csv, suppliers.csv, manifest.json)."
