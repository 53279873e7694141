#!/usr/bin/env bash
# --ocds-gzip writes ocds.jsonl.gz holding exactly the lines of the plain export of the same run,
# and it validates. Usage: export_gzip.sh TENDERSIM SOURCE_DIR PLAIN_OCDS_JSONL WORK_DIR
set -euo pipefail
ts=$1 src=$2 plain=$3 work=$4
rm -rf "$work"
"$ts" run "$src/scenarios/baseline.toml" --years 3 --ocds-gzip --quiet --threads 1 --out "$work"
gz=$work/baseline/ocds.jsonl.gz
test ! -e "$work/baseline/ocds.jsonl"
cmp <(gzip -dc "$gz") "$plain"
/usr/bin/python3 "$src/tests/ocds/export_validate.py" "$src/third_party/ocds-schema" "$gz" | grep " 0 invalid"
echo "ok: $(stat -c %s "$gz") bytes compressed, $(stat -c %s "$plain") plain"
