# Sourced by the CLI tests that interrupt a sweep: kill_after_records PID RECORDS N waits until
# the sweep's shard file RECORDS holds N finished runs (or PID has ended, or 20 s have passed),
# then kills PID with SIGKILL and reaps it, so a test interrupts mid-sweep as kill -9 would.
kill_after_records() {
  local pid=$1 records=$2 want=$3 n
  for _ in $(seq 1 4000); do
    n=$(grep -c '^@' "$records" 2>/dev/null || true)
    [ "${n:-0}" -ge "$want" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.005
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
