#!/usr/bin/env bash
# A run whose tenders have more would-be bidders than the 64-bid cap says so: one warning on
# stderr (even with --quiet) and the counts in manifest.json; metrics.csv has no extra column.
# Usage: bid_cap_warning.sh TENDERSIM SCENARIO OUT_DIR
set -euo pipefail
ts="$1" scenario="$2" out="$3"
rm -rf "$out"
err=$("$ts" run "$scenario" --out "$out" --quiet 2>&1 >/dev/null)
n=$(grep -c "warning: the 64-bid cap per tender bound in [1-9][0-9]* of " <<<"$err" || true)
[ "$n" = 1 ] || { echo "expected one bid-cap warning, got $n in: $err"; exit 1; }
manifest="$out/crowded/manifest.json"
grep -Eq '"bid_cap": \{"max_bids": 64, "tenders": [1-9][0-9]*, "tenders_capped": [1-9][0-9]*, "bids_dropped": [1-9][0-9]*\}' "$manifest" \
  || { echo "manifest.json has no bid_cap counts"; grep bid_cap "$manifest"; exit 1; }
! head -1 "$out/crowded/metrics.csv" | grep -qi "cap" || { echo "metrics.csv gained a cap column"; exit 1; }
echo "bid cap reported once, and in manifest.json"
