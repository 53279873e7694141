#!/usr/bin/env bash
# OpenMOLE-style model runner: an OpenMOLE SystemExecTask calls it with the point's values on the
# command line, as OpenMOLE renders them (Scala's toString: 8.0 for a Double that is a whole
# number, 1.0E-4, true/false, and a Long seed that may be negative), and reads the result from
# standard output (`stdOut := result`) or from OUT_FILE (`outputFiles`). See
# scripts/drivers/openmole/tendersim.oms and docs/experiments.md.
# Usage: openmole_model.sh SEED OUT_FILE KEY=VALUE...
#   SEED      any 64-bit integer; tendersim runs with SEED mod 2^53 (seeds must stay below 2^53 so
#             R and pandas read them exactly), which OUT_FILE records as tendersim_seed
#   OUT_FILE  a CSV: one row per replicate (tendersim run --result-line csv, with version and
#             commit), written whole, then renamed
#   KEY=VALUE any parameter (tendersim params), e.g. policy.price_weight=0.7
#   stdout:   one line, the mean over replicates of each metric's final value, comma-separated in
#             the order of TENDERSIM_METRICS ("NaN" where undefined in every replicate)
# Environment: TENDERSIM (binary; default build/sim/cli/tendersim of this repo), TENDERSIM_SCENARIO
# (default scenarios/baseline.toml), TENDERSIM_METRICS (default sme_share_direct,price_index),
# TENDERSIM_REPLICATES (default 1: OpenMOLE's Replication draws the seeds).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
ts=${TENDERSIM:-$here/build/sim/cli/tendersim}
scenario=${TENDERSIM_SCENARIO:-$here/scenarios/baseline.toml}
metrics=${TENDERSIM_METRICS:-sme_share_direct,price_index}
replicates=${TENDERSIM_REPLICATES:-1}
[ $# -ge 2 ] || { echo "usage: openmole_model.sh SEED OUT_FILE KEY=VALUE..." >&2; exit 2; }
seed=$1 out=$2
shift 2
[[ $seed =~ ^-?[0-9]+$ ]] || { echo "openmole_model.sh: SEED: expected an integer, got '$seed'" >&2; exit 2; }
# Bash arithmetic is 64-bit, as OpenMOLE's Long: the least non-negative residue mod 2^53.
# A failed point leaves nothing behind: no OUT_FILE, no temporary files.
trap 'rm -f "$out.tmp" "$out.params.json"' EXIT
mod=$((1 << 53))
run_seed=$(( (seed % mod + mod) % mod ))
# KEY=VALUE pairs to one flat JSON object for --params-json, which takes 8.0 for an integer and
# checks every value like a scenario file; words other than true/false go as JSON strings.
/usr/bin/python3 - "$@" >"$out.params.json" <<'PY'
import json, sys
point = {}
for arg in sys.argv[1:]:
    key, sep, text = arg.partition("=")
    if not sep or not key:
        sys.exit(f"openmole_model.sh: expected KEY=VALUE, got '{arg}'")
    if text in ("true", "false"):
        point[key] = text == "true"
    else:
        try:
            point[key] = float(text) if any(c in text for c in ".eE") else int(text)
        except ValueError:
            point[key] = text
print(json.dumps(point))
PY
"$ts" run "$scenario" --params-json "$out.params.json" --seed "$run_seed" \
  --replicates "$replicates" --result-line csv --metrics "$metrics" --threads 1 >"$out.tmp"
mv "$out.tmp" "$out"
/usr/bin/python3 - "$out" "$metrics" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
means = []
for m in sys.argv[2].split(","):
    values = [float(r["final." + m]) for r in rows if r["final." + m] != ""]
    means.append(repr(sum(values) / len(values)) if values else "NaN")
print(",".join(means))
PY
