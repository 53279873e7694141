#!/usr/bin/env bash
# The export reads back through `tendersim ocds import`: nothing dropped, every estimate made (the
# CPV codes map each tender back to its category), and the buyers counted are the scenario's
# councils. Usage: export_roundtrip.sh TENDERSIM SOURCE_DIR OCDS_JSONL WORK_DIR
set -euo pipefail
ts=$1 src=$2 export=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
out=$("$ts" ocds import "$export" --base "$src/scenarios/baseline.toml" --out "$work/roundtrip.toml" 2>&1) ||
  { echo "$out"; echo "FAIL: the import refused the export"; exit 1; }
echo "$out"
grep -q ", 0 kept at the base's value, 0 records or fields dropped" <<<"$out"
councils=$(sed -n '/^\[market\]/,/^\[/{s/^councils = //p}' "$src/scenarios/baseline.toml")
grep -qx "councils = $councils" "$work/roundtrip.toml" ||
  { echo "FAIL: councils in the import differ from the baseline's $councils"; exit 1; }
test "$(grep -c '^\[\[category\]\]' "$work/roundtrip.toml")" -eq 8
echo "ok: $councils councils, 8 categories estimated"
