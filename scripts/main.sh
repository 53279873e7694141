#!/usr/bin/env bash
# The main job, from a fresh Debian 12 machine: install what is needed, build, run the baseline
# and a default policy comparison (social-value weighting at 10%, 20% and 60% against the
# baseline, 10 paired replicates) into results/, and render its charts.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh build
ts=build/sim/cli/tendersim
"$ts" run scenarios/baseline.toml --replicates 5 --tender-log --out results --quiet
"$ts" compare scenarios/baseline.toml scenarios/sv10.toml scenarios/sv20.toml scenarios/sv60.toml \
  --replicates 10 --years-at 5,10,15,20 --out results --quiet
cmp_dir=results/compare-baseline-vs-sv10-vs-sv20-vs-sv60
# Charts need an X display; xvfb-run (installed by setup.sh) provides one on a headless machine.
if [ -n "${DISPLAY:-}" ]; then "$ts" chart "$cmp_dir"; else xvfb-run -a "$ts" chart "$cmp_dir"; fi
echo
echo "Baseline run:      results/baseline/ (metrics.csv, tenders.csv, suppliers.csv, manifest.json)"
echo "Policy comparison: $cmp_dir/report.md (with comparison.csv, replicates.csv, charts/)"
