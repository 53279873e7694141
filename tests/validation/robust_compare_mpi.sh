#!/usr/bin/env bash
# mpirun -n 2 tendersim compare --robust gives the same bytes as one process (both scenarios'
# sweeps run across the ranks in one MPI session), also finishing a --shard job's runs with
# --resume; --shard under mpirun exits with a message.
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
# A --shard job's runs count for MPI: shard 0/2 in one process, the rest and the merge under
# mpirun -n 2 --resume: the same bytes. --shard under MPI itself is refused.
"$ts" compare "${args[@]}" --shard 0/2 --out "$out/mix" >/dev/null
"$mpiexec" "${flags[@]}" -n 2 "$ts" compare "${args[@]}" --resume --out "$out/mix" >/dev/null
diff -r "$out/one/$dir" "$out/mix/$dir" || { echo "FAIL: --shard 0/2 then mpirun --resume differs"; exit 1; }
if "$mpiexec" "${flags[@]}" -n 2 "$ts" compare "${args[@]}" --shard 1/2 --out "$out/both" >/dev/null 2>"$out/err.txt"; then
  echo "FAIL: --shard under mpirun was accepted"; exit 1
fi
grep -q "use either MPI or --shard, not both" "$out/err.txt" || { echo "FAIL: message: $(cat "$out/err.txt")"; exit 1; }
[ ! -e "$out/both" ] || { echo "FAIL: --shard under mpirun wrote $out/both"; exit 1; }
echo "robust compare mpi ok"
