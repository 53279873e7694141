#!/usr/bin/env bash
# The main job, from a fresh Debian 12 machine: install what is needed, build, run the baseline
# and a default policy comparison (social-value weighting at 10%, 20% and 60% against the
# baseline, 10 paired replicates) into results/, render its charts, and run the same comparison
# under the 20 parameter sets of the committed calibration ensemble (scenarios/ensembles/), so the
# report says which effects are robust to the model's uncertain parameters.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh build
ts=build/sim/cli/tendersim
"$ts" run scenarios/baseline.toml --replicates 5 --tender-log --out results --quiet
"$ts" compare scenarios/baseline.toml scenarios/sv10.toml scenarios/sv20.toml scenarios/sv60.toml \
  --replicates 10 --years-at 5,10,15,20 --out results --quiet
cmp_dir=results/compare-baseline-vs-sv10-vs-sv20-vs-sv60
"$ts" compare scenarios/baseline.toml scenarios/sv10.toml scenarios/sv20.toml scenarios/sv60.toml \
  --ensemble scenarios/ensembles/baseline.toml --replicates 4 --years-at 10,20 --out results --quiet
# Charts need an X display; xvfb-run (installed by setup.sh) provides one on a headless machine.
if [ -n "${DISPLAY:-}" ]; then "$ts" chart "$cmp_dir"; else xvfb-run -a "$ts" chart "$cmp_dir"; fi
echo
echo "Baseline run:      results/baseline/ (metrics.csv, tenders.csv, suppliers.csv, manifest.json)"
echo "Policy comparison: $cmp_dir/report.md (with comparison.csv, replicates.csv, charts/)"
echo "Robustness:        $cmp_dir-robust/report.md (robust / depends on / within noise per effect)"
