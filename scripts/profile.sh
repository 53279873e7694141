#!/usr/bin/env bash
# Parameter profile for docs/calibration.md: how `tendersim validate` responds to one calibrated
# parameter with every other parameter fixed at the scenario's value. For each value V, runs
# `tendersim validate SCENARIO --set PARAM=V --verdict` and prints a Markdown table row: the value,
# the distance to the targets (sum over gating targets of ((model - published) / half-width)^2),
# pass or fail, and the ids of the gating targets missed; then the range of values that pass.
#
# Usage: scripts/profile.sh SCENARIO.toml PARAM V1 V2 ... [-- VALIDATE OPTIONS...]
#   e.g. scripts/profile.sh scenarios/baseline.toml suppliers.large_cost_premium 0 0.03 0.06 0.09 \
#          -- --replicates 10
# PARAM `category.value_median_gbp.scale` multiplies every `value_median_gbp = X` line of the
# scenario file by V (the categories' values are calibrated together; --set cannot reach a
# [[category]] table): the scaled copy is a hidden temporary file beside the scenario, so a
# `base = ...` path still resolves, and it is removed on exit.
# Environment: TENDERSIM (default build/sim/cli/tendersim).
# Exit status: 0 when the table is complete (whatever the verdicts), 2 on bad input (any
# validate error other than a missed target stops the profile, with validate's message).
set -euo pipefail
usage="usage: scripts/profile.sh SCENARIO.toml PARAM V1 [V2 ...] [-- VALIDATE OPTIONS...]"
[ $# -ge 3 ] || { echo "$usage" >&2; exit 2; }
scenario=$1 param=$2
shift 2
values=() extra=() opts=""
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then shift; extra=("$@"); opts="$*"; break; fi
  values+=("$1")
  shift
done
[ ${#values[@]} -gt 0 ] || { echo "$usage" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
ts=${TENDERSIM:-$root/build/sim/cli/tendersim}
# The repository's targets unless the options name others (validate's default is relative).
case " ${extra[*]-} " in
  *" --targets "*) ;;
  *) extra+=(--targets "$root/validation/targets.toml") ;;
esac
[ -x "$ts" ] || { echo "profile.sh: $ts not found: build first (scripts/build.sh)" >&2; exit 2; }

echo "Profile of \`$param\` in $scenario, the other parameters fixed" \
     "(\`scripts/profile.sh $scenario $param ${values[*]}${opts:+ -- $opts}\`):"
echo
echo "| \`$param\` | distance | validate | gating targets missed |"
echo "|---|---|---|---|"
scaled=""
if [ "$param" = category.value_median_gbp.scale ]; then
  grep -q '^value_median_gbp *=' "$scenario" || {
    echo "profile.sh: $scenario: no 'value_median_gbp = ...' line to scale" >&2; exit 2; }
  scaled=$(mktemp "$(dirname "$scenario")/.profile.XXXXXX.toml")
  trap 'rm -f "$scaled"' EXIT
fi
passing=()
for v in "${values[@]}"; do
  set +e
  if [ -n "$scaled" ]; then
    awk -v k="$v" '/^value_median_gbp *=/ { split($0, a, "="); printf "value_median_gbp = %.0f\n", a[2] * k; next } { print }' \
      "$scenario" >"$scaled"
    line=$("$ts" validate "$scaled" --verdict ${extra[@]+"${extra[@]}"})
  else
    line=$("$ts" validate "$scenario" --set "$param=$v" --verdict ${extra[@]+"${extra[@]}"})
  fi
  rc=$?
  set -e
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
    echo "profile.sh: tendersim validate --set $param=$v failed (exit $rc)" >&2
    exit "$rc"
  fi
  IFS=$'\t' read -r distance verdict missed <<<"$line"
  [ "$verdict" = pass ] && passing+=("$v")
  [ "$missed" = - ] && missed="" || missed=$(sed 's/\([^,]*\)/`\1`/g; s/,/, /g' <<<"$missed")
  printf '| %s | %.3f | %s | %s |\n' "$v" "$distance" "$verdict" "$missed"
done
echo
if [ ${#passing[@]} -eq 0 ]; then
  echo "validate fails at every value tried."
else
  lo=$(printf '%s\n' "${passing[@]}" | sort -g | head -1)
  hi=$(printf '%s\n' "${passing[@]}" | sort -g | tail -1)
  echo "validate passes at ${#passing[@]} of ${#values[@]} values tried, from $lo to $hi."
fi
