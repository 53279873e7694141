#!/usr/bin/env bash
# The schema test must be able to fail: each broken copy of a valid export line is refused, with
# the reason. Usage: export_schema_rejects.sh VALIDATOR SCHEMA_DIR OCDS_JSONL WORK_DIR
set -euo pipefail
validator=$1 schema=$2 good=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
line=$(grep -m1 '"awards"' "$good")
check() { # name, sed expression, expected message
  printf '%s\n' "$line" | sed "$2" >"$work/$1.jsonl"
  if cmp -s <(printf '%s\n' "$line") "$work/$1.jsonl"; then echo "FAIL $1: the edit changed nothing"; exit 1; fi
  if out=$(/usr/bin/python3 "$validator" "$schema" "$work/$1.jsonl"); then
    echo "FAIL $1: accepted"; echo "$out"; exit 1
  fi
  grep -q -- "$3" <<<"$out" || { echo "FAIL $1: no '$3' in:"; echo "$out"; exit 1; }
  echo "ok $1"
}
check bid_status 's/"status":"valid"/"status":"qualified"/' "closed codelist bidStatus.csv"
check method 's/"procurementMethod":"open"/"procurementMethod":"restricted"/' "closed codelist method.csv"
check award_status 's/"status":"active"/"status":"signed"/' "closed codelist awardStatus.csv"
check release_tag 's/"tag":\["tender"/"tag":["bidding"/' "closed codelist releaseTag.csv"
check type 's/"numberOfTenderers":[0-9]*/"numberOfTenderers":"six"/' "is not of type"
check date 's/"date":"\([0-9]*\)-03-15T00:00:00Z"/"date":"\1-13-45T00:00:00Z"/' "is not a 'date-time'"
check currency 's/"currency":"GBP"/"currency":"ZZZ"/' "ZZZ"
check ocid 's/"ocid":"ocds-tsim00-/"ocid":"ocds-b5fd17-/' "not the synthetic prefix"
printf '%s\n' "$line" >"$work/good.jsonl"
/usr/bin/python3 "$validator" "$schema" "$work/good.jsonl" | grep -q " 0 invalid"
echo "ok the unbroken line passes"
