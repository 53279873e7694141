#!/usr/bin/env bash
# scripts/joint_buying_decomposition.sh runs its six scenarios and prints both tables whole: every
# scenario row and every channel row, each with all its columns; and it fails with a message on
# bad input.
# Usage: joint_decomposition.sh TENDERSIM SOURCE_DIR WORKDIR
set -euo pipefail
ts=$1 root=$2 out=$3
rm -rf "$out"
mkdir -p "$out"
fail() { echo "FAIL: $*"; exit 1; }
script=$root/scripts/joint_buying_decomposition.sh
bash "$script" --tendersim "$ts" --replicates 2 --years 8 --out "$out/work" > "$out/table.md" ||
  fail "the script failed"
for row in "baseline" "shared-backoffice" "shared-backoffice, pooling off" \
  "baseline, scale economies off" "shared-backoffice, scale economies off" \
  "shared-backoffice, both off"; do
  line=$(grep -F "| $row | " "$out/table.md" | grep -v '^| scenario |' | head -1) || fail "no row '$row'"
  [ "$(tr -cd '|' <<<"$line" | wc -c)" -eq 11 ] || fail "row '$row' lacks columns: $line"
done
# the channel rows start with the measure (the scenario table names it only in its header)
for row in "price index" "spend (GBP m)" "council procurement cost (GBP k)" "supplier bid cost (GBP k)"; do
  line=$(grep -F "| $row | " "$out/table.md" | grep -v '^| scenario |' | head -1) || fail "no channel row '$row'"
  [ "$(tr -cd '|' <<<"$line" | wc -c)" -eq 7 ] || fail "channel row '$row' lacks columns: $line"
done
grep -q 'means over years 4-8 and 2 replicates' "$out/table.md" || fail "no heading naming the years and replicates"
# bad input: non-zero exit and a message
if bash "$script" --tendersim "$ts" --replicates 0 > /dev/null 2> "$out/err"; then fail "--replicates 0 accepted"; fi
grep -q 'replicates' "$out/err" || fail "no message for --replicates 0"
if bash "$script" --tendersim "$out/no-such-binary" > /dev/null 2> "$out/err"; then fail "a missing binary accepted"; fi
grep -q 'no tendersim binary' "$out/err" || fail "no message for a missing binary"
echo "joint buying decomposition table complete"
