#!/usr/bin/env bash
# `tendersim run` on the golden scenario reproduces tests/golden/golden_metrics.csv: the golden
# test and the command line take their runs from the same run plan. Same comparison as
# tests/engine/test_golden.cpp: every field but the value exactly, an empty (undefined) value
# stays empty, values within a relative 1e-9.
set -euo pipefail
ts=$1 scenario=$2 expected=$3 out=$4
rm -rf "$out"
"$ts" run "$scenario" --threads 2 --quiet --out "$out" >/dev/null
actual="$out/golden/metrics.csv"
[ -s "$actual" ] || { echo "missing or empty: $actual"; exit 1; }
awk -F, '
  NR == FNR { want[FNR] = $0; n = FNR; next }
  {
    got = $0; k = FNR
    if (!(k in want)) { printf "extra line %d: %s\n", k, got; bad = 1; exit }
    w = want[k]
    cw = match(w, /,[^,]*$/); cg = match(got, /,[^,]*$/)
    if (substr(w, 1, cw - 1) != substr(got, 1, cg - 1)) {
      printf "line %d differs:\n  golden: %s\n  run:    %s\n", k, w, got; bad = 1; exit
    }
    if (k == 1) next
    ws = substr(w, cw + 1); gs = substr(got, cg + 1)
    if ((ws == "") != (gs == "")) { printf "line %d: defined in one only: %s | %s\n", k, w, got; bad = 1; exit }
    if (ws == "") next
    wv = ws + 0; gv = gs + 0  # numbers, not strings, from here on
    d = wv - gv; if (d < 0) d = -d
    a = wv < 0 ? -wv : wv; tol = 1e-9 * (a > 1 ? a : 1)
    if (d > tol) { printf "line %d: value %s, golden %s\n", k, gs, ws; bad = 1; exit }
  }
  END {
    if (bad) exit 1
    if (FNR != n) { printf "%d lines, golden has %d\n", FNR, n; exit 1 }
  }' "$expected" "$actual"
echo "tendersim run reproduces $(basename "$expected")"
