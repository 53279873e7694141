#!/usr/bin/env bash
# Imports one publisher folder of the real OCDS samples, checks the estimates against figures
# that import_check.py computes independently from the raw files, and runs the written scenario
# for 5 years.
# Usage: import_publisher.sh TENDERSIM SAMPLES_DIR PUBLISHER SOURCE_DIR WORK_DIR
set -euo pipefail
ts=$1 samples=$2 publisher=$3 src=$4 work=$5
if [ ! -d "$samples/$publisher" ]; then
  echo "SKIPPED: no OCDS samples at $samples/$publisher; point the CMake cache variable" \
       "TENDERSIM_OCDS_SAMPLES at the folder holding uk-contracts-finder/, armenia/ and" \
       "mexico-jalisco/ (../shared/data/ocds/README.md)"
  exit 77
fi
rm -rf "$work" && mkdir -p "$work"
# Rates (GBP per unit) near the data's dates: 2016 for Armenia, 2017 for Jalisco.
rates=()
case "$publisher" in
  armenia) rates=(--rate AMD=0.0016) ;;
  mexico-jalisco) rates=(--rate MXN=0.041) ;;
esac
"$ts" ocds import "$samples/$publisher" --out "$work/$publisher.toml" --base "$src/scenarios/baseline.toml" "${rates[@]}"
python3 "$(dirname "$0")/import_check.py" "$samples/$publisher" "$publisher" "$work/$publisher.toml" "${rates[@]}"
start=$(date +%s.%N)
"$ts" run "$work/$publisher.toml" --years 5 --out "$work/results" --threads 2 --quiet
end=$(date +%s.%N)
metrics="$work/results/$publisher/metrics.csv"
# Five simulated years of tenders: the metrics file has rows for years 1 to 5.
for y in 1 5; do
  grep -q ",$y,tenders," "$metrics" || { echo "no year $y tenders metric in $metrics"; exit 1; }
done
echo "ran $publisher for 5 years in $(python3 -c "print(round($end - $start, 1))") s"
