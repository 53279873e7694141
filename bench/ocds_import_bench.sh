#!/usr/bin/env bash
# OCDS import benchmark (not a test). Builds a register of SIZE_MB by exporting national runs
# (`tendersim run scenarios/national.toml --ocds`, 20 years, one seed per run so every ocid is
# distinct), as JSON Lines and as one release package, imports each with `tendersim ocds import`,
# and prints MB/s, releases/s and peak memory (max RSS), also at a quarter of the size: the JSON is
# streamed, so memory grows only with the compact per-ocid summaries, not with the bytes read.
# Usage: bench/ocds_import_bench.sh [BUILD_DIR] [SIZE_MB]      (defaults: build 1024)
set -euo pipefail
cd "$(dirname "$0")/.."
b=${1:-build}
size=${2:-1024}
ts="$b/sim/cli/tendersim"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Whole national runs until there is enough, then cut at the first line past SIZE_MB.
limit=$((size << 20))
runs=0
: >"$work/all.jsonl"
t0=$(date +%s.%N)
while [ "$(stat -c %s "$work/all.jsonl")" -lt "$limit" ]; do
  "$ts" run scenarios/national.toml --ocds --quiet --seed $((1 + runs)) --out "$work/runs" >/dev/null
  cat "$work/runs/national/ocds.jsonl" >>"$work/all.jsonl"
  runs=$((runs + 1))
done
t1=$(date +%s.%N)
cut_at() { # bytes, input, output: whole lines up to the first one that reaches the size
  LC_ALL=C awk -v limit="$1" '{ print; n += length($0) + 1; if (n >= limit) exit }' "$2" >"$3"
}
cut_at "$limit" "$work/all.jsonl" "$work/big.jsonl"
cut_at $((limit / 4)) "$work/all.jsonl" "$work/small.jsonl"
rm "$work/all.jsonl"
awk -v t0="$t0" -v t1="$t1" -v r="$runs" 'BEGIN { printf "%d national runs of 20 years with --ocds: %.1f s\n", r, t1 - t0 }'

# The same releases as one release package (a publisher's bulk file), written release by release.
as_package() {
  /usr/bin/python3 - "$1" "$2" <<'PY'
import json, sys
with open(sys.argv[1]) as lines, open(sys.argv[2], "w") as out:
    out.write('{"uri":"https://tendersim.invalid/bench","version":"1.1","publishedDate":'
              '"2025-01-01T00:00:00Z","publisher":{"name":"tendersim benchmark"},"releases":[\n')
    first = True
    for line in lines:
        for release in json.loads(line)["releases"]:
            out.write(("" if first else ",\n") + json.dumps(release, separators=(",", ":")))
            first = False
    out.write("\n]}\n")
PY
}
as_package "$work/small.jsonl" "$work/small.json"
as_package "$work/big.jsonl" "$work/big.json"

measure() { # file
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$ts" ocds import "$1" \
    --out "$work/bench.toml" --base scenarios/baseline.toml >/dev/null
  read -r secs rss <"$work/time.txt"
  LC_ALL=C awk -v f="$(basename "$1")" -v bytes="$(stat -c %s "$1")" -v n="$2" -v s="$secs" \
    -v rss="$rss" 'BEGIN { mb = bytes / 1048576; s = s < 0.01 ? 0.01 : s
      printf "%-12s %6.0f MB %9d releases in %6.1f s: %5.1f MB/s, %7.0f releases/s, peak RSS %4.0f MB\n",
             f, mb, n, s, mb / s, n / s, rss / 1024 }'
}
for stem in small big; do
  n=$(wc -l <"$work/$stem.jsonl")
  measure "$work/$stem.jsonl" "$n"
  measure "$work/$stem.json" "$n"
done
