#!/usr/bin/env bash
# EMEWS-style model runner: Swift/T (or any EMEWS workflow) calls it once per point with the
# point's parameters as one JSON line, the way EMEWS's model.sh templates do, and reads the
# result back from the instance directory. The JSON goes to --params-json unchanged, so it may be
# what an EQ/Py or EQ/R algorithm produces: floats for integers (8.0), 1/0 for booleans,
# one-element arrays (R's jsonlite).
# Usage: emews_model.sh PARAM_LINE INSTANCE_DIR [SCENARIO] [METRICS]
#   writes INSTANCE_DIR/result.json (one JSON object per replicate, with version and commit) and
#   prints the objective, the mean over replicates of the first metric's final value, on stdout.
# TENDERSIM names the binary (default: build/sim/cli/tendersim beside this script's repo).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
ts=${TENDERSIM:-$here/build/sim/cli/tendersim}
params=$1 instance=$2
scenario=${3:-$here/scenarios/baseline.toml}
metrics=${4:-sme_share_direct,price_index}
mkdir -p "$instance"
# Written whole, then renamed: a workflow polling for result.json never reads half a file.
"$ts" run "$scenario" --params-json "$params" --result-line json --metrics "$metrics" \
  --threads 1 >"$instance/result.json.tmp" 2>"$instance/stderr.txt"
mv "$instance/result.json.tmp" "$instance/result.json"
/usr/bin/python3 - "$instance/result.json" "${metrics%%,*}" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
values = [r["final." + sys.argv[2]] for r in rows if r["final." + sys.argv[2]] is not None]
print(sum(values) / len(values) if values else "NaN")
PY
