#!/usr/bin/env bash
# Calibration sweep: runs `tendersim validate --distance` over a grid of the uncertain parameters
# and lists the points closest to the published targets (validation/targets.toml).
# Distance = sum over gating targets of ((model - published) / tolerance half-width)^2.
# Usage: scripts/calibrate.sh SCENARIO.toml [REPLICATES]   (prints the 10 best points)
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:?usage: scripts/calibrate.sh SCENARIO.toml [REPLICATES]}
reps=${2:-4}
ts=build/sim/cli/tendersim
[ -x "$ts" ] || bash scripts/build.sh build >/dev/null
out=$(mktemp)
for reach in 0.15 0.3 0.45 0.6; do
  for attention in 0.7 1.0 1.3; do
    for premium in 0.03 0.06 0.09; do
      d=$("$ts" validate "$scenario" --replicates "$reps" --distance \
            --set market.sme_two_region_share=$reach --set bidding.attention=$attention \
            --set suppliers.large_cost_premium=$premium)
      printf '%s market.sme_two_region_share=%s bidding.attention=%s suppliers.large_cost_premium=%s\n' \
        "$d" "$reach" "$attention" "$premium" | tee -a "$out" >&2
    done
  done
done
echo "best points (distance, settings):"
sort -g "$out" | head -10
rm -f "$out"
