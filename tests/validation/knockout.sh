#!/usr/bin/env bash
# A knock-out of a mechanism must make `tendersim validate` fail: the targets can tell the model
# with the mechanism from the model without it. Exit 1 (a target missed) is required; any other
# status (0, or 2/3/4: bad input or a crash) fails this test. With EXPECT, that target must be
# among the ones missed.
# Usage: knockout.sh TENDERSIM SCENARIO EXPECT|- --set KEY=VALUE ...
set -uo pipefail
ts=$1 scenario=$2 expect=$3
shift 3
line=$("$ts" validate "$scenario" --replicates 4 --threads 2 --verdict "$@")
status=$?
echo "validate $* -> exit $status: $line"
[ "$status" -eq 1 ] || { echo "FAIL: expected exit 1 (a target missed), got $status"; exit 1; }
missed=$(printf '%s\n' "$line" | tail -1 | cut -f3)
if [ "$expect" != "-" ] && [[ ",$missed," != *",$expect,"* ]]; then
  echo "FAIL: expected $expect among the targets missed, got $missed"
  exit 1
fi
echo "knock-out detected (missed: $missed)"
