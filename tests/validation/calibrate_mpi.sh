#!/usr/bin/env bash
# mpirun -n 2 tendersim calibrate gives the same bytes as one process.
# Usage: calibrate_mpi.sh TENDERSIM MPIEXEC SOURCE_DIR WORKDIR
set -euo pipefail
ts=$1 mpiexec=$2 src=$3 out=$4
rm -rf "$out"
flags=(--oversubscribe --bind-to none)
[ "$(id -u)" -eq 0 ] && flags+=(--allow-run-as-root)
export OMPI_MCA_btl_vader_single_copy_mechanism=none OMPI_MCA_rmaps_base_oversubscribe=1
args=("$src/tests/experiment/data/tiny.toml" --draws 60 --years 8 --replicates 2 --quiet)
"$ts" calibrate "${args[@]}" --threads 1 --out "$out/one" >/dev/null
"$mpiexec" "${flags[@]}" -n 2 "$ts" calibrate "${args[@]}" --out "$out/mpi" >/dev/null
diff -r "$out/one/calibrate-tiny" "$out/mpi/calibrate-tiny" || { echo "FAIL: mpirun -n 2 differs from one process"; exit 1; }
[ -s "$out/mpi/calibrate-tiny/ensemble.toml" ] || { echo "FAIL: no ensemble"; exit 1; }
echo "calibrate mpi ok"
