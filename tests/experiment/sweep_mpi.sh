#!/usr/bin/env bash
# mpirun -n 2 gives the same bytes as one process; an MPI run also resumes a sweep that a single
# process started (all shard files count, whoever wrote them).
# Usage: sweep_mpi.sh TENDERSIM MPIEXEC SWEEP.toml WORKDIR
set -euo pipefail
ts=$1 mpiexec=$2 sweep=$3 out=$4
rm -rf "$out"
flags=(--oversubscribe --bind-to none)
[ "$(id -u)" -eq 0 ] && flags+=(--allow-run-as-root)
# Containers often forbid the cross-memory attach Open MPI uses between local ranks.
export OMPI_MCA_btl_vader_single_copy_mechanism=none OMPI_MCA_rmaps_base_oversubscribe=1
"$ts" sweep "$sweep" --threads 1 --quiet --out "$out/one" >/dev/null
"$mpiexec" "${flags[@]}" -n 2 "$ts" sweep "$sweep" --quiet --out "$out/mpi" >/dev/null
diff -r "$out/one/sweep-resume" "$out/mpi/sweep-resume" || { echo "FAIL: mpirun -n 2 differs from one process"; exit 1; }
# Half the runs by a shard job, the rest by MPI with --resume.
"$ts" sweep "$sweep" --shard 0/2 --quiet --out "$out/mix" >/dev/null
# (with heartbeats: --worker-timeout must not change the bytes or end a healthy job)
"$mpiexec" "${flags[@]}" -n 2 "$ts" sweep "$sweep" --resume --quiet --worker-timeout 30 --out "$out/mix" >/dev/null
diff -r "$out/one/sweep-resume" "$out/mix/sweep-resume" || { echo "FAIL: MPI resume differs"; exit 1; }
echo "mpi ok"
