#!/usr/bin/env bash
# mpirun -n 2 tendersim compare --robust gives the same bytes as one process (both scenarios'
# sweeps run across the ranks in one MPI session).
# Usage: robust_compare_mpi.sh TENDERSIM MPIEXEC SOURCE_DIR WORKDIR
set -euo pipefail
ts=$1 mpiexec=$2 src=$3 out=$4
rm -rf "$out"
flags=(--oversubscribe --bind-to none)
[ "$(id -u)" -eq 0 ] && flags+=(--allow-run-as-root)
export OMPI_MCA_btl_vader_single_copy_mechanism=none OMPI_MCA_rmaps_base_oversubscribe=1
data="$src/tests/experiment/data"
args=("$data/tiny.toml" "$data/tiny-variant.toml" --robust 12 --replicates 2 --years 4 --quiet)
dir=compare-tiny-vs-tiny-variant-robust
"$ts" compare "${args[@]}" --threads 1 --out "$out/one" >/dev/null
"$mpiexec" "${flags[@]}" -n 2 "$ts" compare "${args[@]}" --out "$out/mpi" >/dev/null
diff -r "$out/one/$dir" "$out/mpi/$dir" || { echo "FAIL: mpirun -n 2 differs from one process"; exit 1; }
[ -s "$out/mpi/$dir/robustness.csv" ] || { echo "FAIL: no robustness.csv"; exit 1; }
echo "robust compare mpi ok"
