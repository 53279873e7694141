#!/usr/bin/env bash
# `tendersim diagnose` as a user meets it: on a real small run (tiny scenario, 2 replicates,
# --tender-log) it exits 0 and prints its tables with numbers; bad input exits 2 and says what is
# wrong, where; --markdown FILE holds what stdout showed.
# Usage: diagnose.sh TENDERSIM SOURCE_DIR WORKDIR
set -euo pipefail
ts=$1 src=$2 out=$3
rm -rf "$out"
mkdir -p "$out"
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# expect CODE 'STDERR FRAGMENT' COMMAND...
expect() {
  local code=$1 fragment=$2
  shift 2
  set +e
  "$@" >"$out/stdout" 2>"$out/stderr"
  local rc=$?
  set -e
  if [ "$rc" -ne "$code" ] || { [ -n "$fragment" ] && ! grep -qF -- "$fragment" "$out/stderr"; }; then
    fail "$* -> exit $rc (expected $code); stderr: $(head -c 600 "$out/stderr")"
    echo "      expected stderr to contain: $fragment"
  fi
}

"$ts" run "$src/tests/experiment/data/tiny.toml" --replicates 2 --years 6 --tender-log --quiet \
  --out "$out/res" >/dev/null
run=$out/res/tiny

expect 0 "" "$ts" diagnose market "$run" --markdown "$out/market.md"
for header in "| bids | tenders | share of awarded | price / estimate | 95% interval |" \
              "Single-bid premium" "Incumbent re-award rate" "Chance rate" \
              "#### Entry and exit (metrics.csv, mean of years 2-6)" "| \`entries\` |"; do
  grep -qF -- "$header" "$out/stdout" || fail "diagnose market printed no '$header'"
done
# Numbers in the table: the 2-bid row has a count, a share and a ratio.
grep -qE '^\| 2 \| [0-9,]+ \| [0-9.]+% \| [0-9]\.[0-9]{3} \|' "$out/stdout" ||
  fail "diagnose market: no numbers in the 2-bid row: $(grep '^| 2 ' "$out/stdout")"
cmp -s "$out/stdout" "$out/market.md" || fail "--markdown file differs from stdout"

expect 0 "" "$ts" diagnose steady "$run" --windows 1,3,6
grep -qE '^\| `price_index` \| .* \| (settled|drifting|n/a) \|$' "$out/stdout" ||
  fail "diagnose steady: no price_index row with a verdict"

# Bad input: exit 2, the file, line and column.
expect 2 "nowhere: not found (expected the results directory" "$ts" diagnose market "$out/nowhere"
mkdir -p "$out/no-log"
cp "$run/metrics.csv" "$out/no-log/"
expect 2 "tenders.csv: not found (\`tendersim run\` writes it only with --tender-log)" \
  "$ts" diagnose market "$out/no-log"
mkdir -p "$out/bad"
cp "$run/metrics.csv" "$out/bad/"
sed '3s/^\(\([^,]*,\)\{12\}\)[0-9]*/\1x/' "$run/tenders.csv" >"$out/bad/tenders.csv"
expect 2 "tenders.csv:3: column 'bids': expected an integer, got 'x'" \
  "$ts" diagnose market "$out/bad"
expect 2 "column 'year': expected years up to 200" "$ts" diagnose steady "$run"
expect 2 "--windows: expected increasing whole years" "$ts" diagnose steady "$run" --windows 5,2
expect 2 "unknown diagnosis 'prices'" "$ts" diagnose prices "$run"
expect 2 "missing DIR" "$ts" diagnose market
# An unwritable --markdown file: the tables still print, exit 3.
expect 3 "the --markdown file was not written" "$ts" diagnose market "$run" --markdown "$out/nowhere/x.md"
grep -qF "Single-bid premium" "$out/stdout" || fail "tables not printed when --markdown fails"

expect 0 "" "$ts" diagnose --help
grep -qF "tendersim diagnose steady DIR" "$out/stdout" || fail "diagnose --help lists no steady"
expect 0 "" "$ts" diagnose market --help
grep -qF -- "--markdown" "$out/stdout" || fail "diagnose market --help has no --markdown"

echo "$fails failures"
[ "$fails" -eq 0 ]
