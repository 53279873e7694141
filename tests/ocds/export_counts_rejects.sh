#!/usr/bin/env bash
# The counts check must be able to fail: a dropped release, a bid counted as SME that was not,
# and a termination of a process that was never awarded are each reported.
# Usage: export_counts_rejects.sh CHECKER RUN_DIR WORK_DIR
set -euo pipefail
checker=$1 run=$2 work=$3
expect_fail() { # name, expected message
  if out=$(/usr/bin/python3 "$checker" "$work/$1"); then echo "FAIL $1: accepted"; echo "$out"; exit 1; fi
  grep -q -- "$2" <<<"$out" || { echo "FAIL $1: no '$2' in:"; echo "$out"; exit 1; }
  echo "ok $1"
}
rm -rf "$work" && mkdir -p "$work"
for case in dropped sme termination; do
  mkdir "$work/$case"
  cp "$run"/tenders.csv "$run"/bids.csv "$run"/ocds.jsonl "$work/$case/"
done
# one awarded tender release fewer
awk '!done && /"awards"/ {done = 1; next} {print}' "$run/ocds.jsonl" >"$work/dropped/ocds.jsonl"
expect_fail dropped "tenders: csv"
# the first large bidder's row in bids.csv turned SME
awk -F, -v OFS=, 'NR > 1 && !done && $7 == "large" {$7 = "sme"; done = 1} {print}' \
  "$run/bids.csv" >"$work/sme/bids.csv"
expect_fail sme "smeBids: tenders.csv"
# a termination for a process the export never awarded
sed -n '/contractTermination/{p;q}' "$run/ocds.jsonl" | sed -E 's/"ocid":"([^"]*-n)[0-9]+"/"ocid":"\1999999999"/' \
  >>"$work/termination/ocds.jsonl"
expect_fail termination "contractTermination releases without an earlier award"
