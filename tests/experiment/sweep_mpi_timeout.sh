#!/usr/bin/env bash
# --worker-timeout: a rank that stops (SIGSTOP) mid-sweep makes rank 0 end the job with an error
# naming that rank and a non-zero exit, within the timeout, instead of waiting for ever.
# Usage: sweep_mpi_timeout.sh TENDERSIM MPIEXEC SWEEP.toml WORKDIR
set -euo pipefail
ts=$1 mpiexec=$2 sweep=$3 out=$4
rm -rf "$out"
mkdir -p "$out"
flags=(--oversubscribe --bind-to none)
[ "$(id -u)" -eq 0 ] && flags+=(--allow-run-as-root)
export OMPI_MCA_btl_vader_single_copy_mechanism=none OMPI_MCA_rmaps_base_oversubscribe=1

# Out-of-range values are refused before anything runs.
for bad in 0 0.5 2e6 nan -3 x; do
  rc=0
  "$ts" sweep "$sweep" --quiet --worker-timeout "$bad" --out "$out/bad" 2>"$out/bad.err" || rc=$?
  [ "$rc" -eq 2 ] && grep -q "worker-timeout takes seconds from 1\|failed to parse" "$out/bad.err" ||
    { echo "FAIL: --worker-timeout $bad: exit $rc: $(cat "$out/bad.err")"; exit 1; }
done
[ ! -e "$out/bad" ] || { echo "FAIL: a refused --worker-timeout wrote files"; exit 1; }

"$mpiexec" "${flags[@]}" -n 2 "$ts" sweep "$sweep" --quiet --worker-timeout 3 \
  --out "$out/res" >"$out/stdout" 2>"$out/stderr" &
mpi_pid=$!
stopped=""
cleanup() {
  # A stopped rank left behind would hold the test for ever: continue and kill it.
  if [ -n "$stopped" ] && kill -0 "$stopped" 2>/dev/null; then
    kill -CONT "$stopped" 2>/dev/null || true
    kill -KILL "$stopped" 2>/dev/null || true
  fi
  kill -KILL "$mpi_pid" 2>/dev/null || true
}
trap cleanup EXIT

# Rank 1 is the child of mpirun with OMPI_COMM_WORLD_RANK=1; stop it once it has saved a run.
records="$out/res/sweep-timeout/shards/mpi-rank-1.records"
for _ in $(seq 1 300); do
  if [ -z "$stopped" ]; then
    for pid in $(pgrep -P "$mpi_pid" || true); do
      if tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qx 'OMPI_COMM_WORLD_RANK=1'; then
        rank1=$pid
      fi
    done
  fi
  # Past the shard file's header (rank 1 is then in the run loop, past every collective call).
  size=$(stat -c %s "$records" 2>/dev/null || echo 0)
  [ -z "${first_size:-}" ] && [ "$size" -gt 0 ] && first_size=$size
  if [ -n "${rank1:-}" ] && [ -n "${first_size:-}" ] && [ "$size" -gt "$first_size" ]; then
    kill -STOP "$rank1"
    stopped=$rank1
    break
  fi
  kill -0 "$mpi_pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$stopped" ] || { echo "FAIL: could not stop rank 1 mid-sweep"; cat "$out/stderr"; exit 1; }
start=$(date +%s)

# The job must end by itself within the timeout plus Open MPI's teardown.
for _ in $(seq 1 300); do
  kill -0 "$mpi_pid" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$mpi_pid" 2>/dev/null; then
  echo "FAIL: rank 0 still waiting 30 s after rank 1 stopped"
  exit 1
fi
rc=0
wait "$mpi_pid" || rc=$?
elapsed=$(( $(date +%s) - start ))
[ "$rc" -ne 0 ] || { echo "FAIL: exit status 0 after a rank stopped"; exit 1; }
grep -q "MPI rank 1 has sent nothing for [0-9]* s (--worker-timeout 3)" "$out/stderr" || {
  echo "FAIL: no error naming rank 1"
  cat "$out/stderr"
  exit 1
}
[ ! -e "$out/res/sweep-timeout/runs.csv" ] || { echo "FAIL: runs.csv written"; exit 1; }
echo "mpi worker timeout ok: exit $rc after ${elapsed} s"
