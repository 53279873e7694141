#!/usr/bin/env bash
# OCDS import benchmark (not a test): builds a JSON Lines file and a single release package of
# SIZE_MB each from the Armenian sample releases (each copy with a new ocid, so every release is a
# distinct tender), imports each, and prints MB/s and peak memory (max RSS), also at a quarter of
# the size: the JSON is streamed, so memory grows only with the compact per-ocid summaries, not
# with the bytes read.
# Usage: bench/ocds_import_bench.sh [BUILD_DIR] [SIZE_MB] [SAMPLES_DIR]
#        (defaults: build 1024 ../shared/data/ocds, else /work/shared/data/ocds)
set -euo pipefail
cd "$(dirname "$0")/.."
b=${1:-build}
size=${2:-1024}
samples=${3:-}
[ -n "$samples" ] || { [ -d ../shared/data/ocds ] && samples=../shared/data/ocds || samples=/work/shared/data/ocds; }
ts="$b/sim/cli/tendersim"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_files() { # MB, stem
  python3 - "$samples/armenia" "$1" "$work/$2" <<'PY'
import glob, json, sys
folder, mb, stem = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rels = [r for f in sorted(glob.glob(folder + "/*.json")) for r in json.load(open(f))["releases"]]
limit = mb << 20
with open(stem + ".jsonl", "w") as lines, open(stem + ".json", "w") as package:
    package.write('{"uri":"bench","releases":[\n')
    written, n = 0, 0
    while written < limit:
        r = dict(rels[n % len(rels)])
        r["ocid"] = f"{r['ocid']}-copy{n}"
        text = json.dumps(r, ensure_ascii=False)
        lines.write(text + "\n")
        package.write(("," if n else "") + text + "\n")
        written += len(text.encode()) + 1
        n += 1
    package.write("]}\n")
print(n)
PY
}

measure() { # file
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$ts" ocds import "$1" --rate AMD=0.0016 \
    --out "$work/bench.toml" --base scenarios/baseline.toml >/dev/null
  read -r secs rss <"$work/time.txt"
  local mb
  mb=$(( $(stat -c %s "$1") >> 20 ))
  echo "$(basename "$1"): $mb MB in $secs s = $(python3 -c "print(round($mb / max($secs, 0.01), 1))") MB/s, peak RSS $((rss / 1024)) MB"
}

quarter=$((size / 4))
echo "releases per file: $(make_files "$quarter" small) ($quarter MB), $(make_files "$size" big) ($size MB)"
for f in small.jsonl big.jsonl small.json big.json; do measure "$work/$f"; done
