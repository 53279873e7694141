#!/usr/bin/env bash
# `tendersim ocds import` as a user meets it: bad input exits 2 with the file and record named and
# writes nothing; a good import exits 0 and writes the three files.
# Usage: import_cli.sh TENDERSIM SOURCE_DIR WORK_DIR
set -uo pipefail
ts=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
fails=0
expect() { # exit-code message-regex args...
  local code=$1 regex=$2
  shift 2
  "$ts" ocds import "$@" --out "$work/out.toml" --base "$src/scenarios/baseline.toml" >"$work/stdout" 2>"$work/stderr"
  local got=$?
  if [ "$got" -ne "$code" ] || ! grep -Eq -- "$regex" "$work/stderr" "$work/stdout"; then
    echo "FAIL: ocds import $* exited $got (want $code), output:"; cat "$work/stderr" "$work/stdout"
    fails=$((fails + 1))
  else
    echo "ok: ocds import $* -> $code"
  fi
}
printf '{"ocid":"a","tender":{"value":{"amount":10,"currency":"GBP"}}}\n{"ocid":"b","tender":{"value":{"amount":1000,"currency":"AMD"}}}\n' >"$work/amd.jsonl"
printf '{"releases":[{"ocid":"a"},{"ocid":"b",]}' >"$work/bad.json"
: >"$work/empty.json"
for i in $(seq 1 300); do printf '{"ocid":"o%d","buyer":{"id":"B%d"},"tender":{"numberOfTenderers":%d}}\n' "$i" $((i % 12)) $((i % 5)); done >"$work/good.jsonl"
gzip -c "$work/good.jsonl" >"$work/good.jsonl.gz"
head -c 400 "$work/good.jsonl.gz" >"$work/cut.jsonl.gz"

expect 2 "amd.jsonl:2: amounts in AMD and no exchange rate.*--rate AMD=" "$work/amd.jsonl"
expect 2 "bad.json: releases\[1\]: malformed JSON" "$work/bad.json"
expect 2 "empty.json: empty file" "$work/empty.json"
expect 2 "cut.jsonl.gz.*truncated gzip" "$work/cut.jsonl.gz"
expect 2 "no_such.json: OCDS file or directory not found" "$work/no_such.json"
expect 2 "--rate AMD=x: expected CUR=GBP_PER_UNIT" "$work/amd.jsonl" --rate AMD=x
[ ! -e "$work/out.toml" ] || { echo "FAIL: a refused import wrote $work/out.toml"; fails=$((fails + 1)); }
expect 0 "wrote .*out.toml.*300 tenders" "$work/good.jsonl.gz"
expect 0 "wrote .*out.toml.*2 tenders" "$work/amd.jsonl" --rate AMD=0.0016
for f in out.toml out.toml.report.md out.toml.estimates.json; do
  [ -s "$work/$f" ] || { echo "FAIL: $f not written"; fails=$((fails + 1)); }
done
exit $((fails > 0))
