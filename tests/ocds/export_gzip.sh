#!/usr/bin/env bash
# --ocds-gzip writes a sound ocds.jsonl.gz holding exactly the lines of the plain export of the
# same run (which ocds_export_schema validates; the validator also reads .gz files). Usage: export_gzip.sh TENDERSIM SOURCE_DIR PLAIN_OCDS_JSONL WORK_DIR
set -euo pipefail
ts=$1 src=$2 plain=$3 work=$4
rm -rf "$work"
"$ts" run "$src/scenarios/baseline.toml" --years 3 --ocds-gzip --quiet --threads 1 --out "$work"
gz=$work/baseline/ocds.jsonl.gz
test ! -e "$work/baseline/ocds.jsonl"
gzip -t "$gz"
cmp <(gzip -dc "$gz") "$plain"
echo "ok: $(stat -c %s "$gz") bytes compressed, $(stat -c %s "$plain") plain"
