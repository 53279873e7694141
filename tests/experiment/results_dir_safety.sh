#!/usr/bin/env bash
# Output is never lost or left behind (regression tests for the reliability findings):
#  1. a full disk (here a file size limit) fails the run with exit status 3 and the reason, and
#     the earlier results stay;
#  2. staging left by killed processes (.X.partial-PID, .X.old-PID of dead PIDs) is removed by the
#     next run, a live process's is kept;
#  3. a sweep killed between the two renames of a (fallback) swap loses nothing: --resume restores
#     the shard files and recomputes no run;
#  4. concurrent runs into one --out: each either writes whole results or stops with
#     "results/<name> is in use by PID N" and exit status 3; nothing is lost or mixed;
#  5. the same for concurrent compares;
#  6. a second sweep while one runs, or a merge while a --shard job runs: "in use", exit 3;
#  7. results on standard output (--result-line, params) into a full disk exit 3, not 0.
# Usage: results_dir_safety.sh TENDERSIM DATA_DIR WORKDIR
set -euo pipefail
ts=$1 data=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
fail() { echo "FAIL: $*"; exit 1; }
stale() { find "$1" -maxdepth 1 \( -name '.*.partial-*' -o -name '.*.old-*' \) -printf '%f\n' | sort; }
dead=99999999 # above the largest possible pid_max (2^22): no such process

run=("$ts" run "$data/tiny.toml" --threads 1 --quiet)
"${run[@]}" --out "$work/ref" >/dev/null

# 1. Full disk. With SIGXFSZ ignored, a write past `ulimit -f` fails with EFBIG, as a write to a
# full disk fails with ENOSPC: the same unchecked path lost manifest.json.
"${run[@]}" --out "$work/full" >/dev/null
before=$(cd "$work/full/tiny" && sha256sum -- *)
set +e
(trap '' XFSZ; ulimit -f 4; exec "${run[@]}" --years 12 --replicates 2 --tender-log --out "$work/full") \
  >/dev/null 2>"$work/full.err"
rc=$?
set -e
[ "$rc" -eq 3 ] || fail "full disk: exit status $rc, expected 3 ($(cat "$work/full.err"))"
grep -q "^error: cannot write $work/full/.tiny.partial-[0-9]*/[a-z]*\.csv: File too large$" "$work/full.err" \
  || fail "full disk: message without the file and the reason: $(cat "$work/full.err")"
[ "$before" = "$(cd "$work/full/tiny" && sha256sum -- *)" ] || fail "full disk: earlier results changed"
[ -z "$(stale "$work/full")" ] || fail "full disk: staging left behind: $(stale "$work/full")"

# 1b. The disk fills up exactly at manifest.json (the write that was not checked at all: exit 0
# and a cut manifest replacing the earlier results). A small market keeps the CSV files under a
# limit that manifest.json (every resolved parameter) exceeds.
small=("${run[@]}" --years 1 --set market.suppliers=5 --set market.councils=2)
"${small[@]}" --out "$work/m-ref" >/dev/null
size() { stat -c %s "$work/m-ref/tiny/$1"; }
csv_max=$(( $(size metrics.csv) > $(size suppliers.csv) ? $(size metrics.csv) : $(size suppliers.csv) ))
blocks=$(( (csv_max + 1023) / 1024 ))
[ "$(size manifest.json)" -gt $((blocks * 1024)) ] || fail "test setup: manifest.json is not the largest file"
before=$(cd "$work/full/tiny" && sha256sum -- *)
set +e
(trap '' XFSZ; ulimit -f "$blocks"; exec "${small[@]}" --out "$work/full") >/dev/null 2>"$work/full.err"
rc=$?
set -e
[ "$rc" -eq 3 ] || fail "full disk at manifest.json: exit status $rc, expected 3 ($(cat "$work/full.err"))"
grep -q "^error: cannot write $work/full/.tiny.partial-[0-9]*/manifest.json: File too large$" "$work/full.err" \
  || fail "full disk at manifest.json: $(cat "$work/full.err")"
[ "$before" = "$(cd "$work/full/tiny" && sha256sum -- *)" ] || fail "full disk at manifest.json: earlier results changed"
[ -z "$(stale "$work/full")" ] || fail "full disk at manifest.json: staging left behind"

# 2. Stale staging of dead processes is cleaned; a live process's is not touched.
mkdir -p "$work/clean/.tiny.partial-$dead" "$work/clean/.tiny.old-$dead" "$work/clean/.tiny.partial-$$"
head -c 1000000 /dev/zero > "$work/clean/.tiny.partial-$dead/metrics.csv"
"${run[@]}" --out "$work/clean" >/dev/null
[ "$(stale "$work/clean")" = ".tiny.partial-$$" ] || fail "stale staging: left $(stale "$work/clean" | tr '\n' ' ')"
cmp -s "$work/ref/tiny/metrics.csv" "$work/clean/tiny/metrics.csv" || fail "stale staging: results differ"

# 3. A sweep killed between `sweep-X -> .sweep-X.old-PID` and `.sweep-X.partial-PID -> sweep-X`
# (the fallback where the file system cannot exchange): no sweep directory, the shard files in
# .old-PID. --resume puts them back and only merges.
sweep=("$ts" sweep "$data/resume.toml" --threads 2 --quiet)
"${sweep[@]}" --out "$work/sref" >/dev/null
mkdir -p "$work/s"
# One thread (the results do not depend on it): the sweep takes twice as long, so on a loaded
# machine the kill still lands before it ends.
"${sweep[@]}" --threads 1 --out "$work/s" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 2000); do
  n=$(grep -c '^@' "$work/s/sweep-resume/shards/main.records" 2>/dev/null || true)
  [ "${n:-0}" -ge 40 ] && break
  sleep 0.005
done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
[ ! -e "$work/s/sweep-resume/runs.csv" ] || fail "the sweep finished before it was killed"
saved=$(grep -c '^@' "$work/s/sweep-resume/shards/main.records")
mv "$work/s/sweep-resume" "$work/s/.sweep-resume.old-$dead"
mkdir "$work/s/.sweep-resume.partial-$dead"
echo "run,half" > "$work/s/.sweep-resume.partial-$dead/runs.csv"
"$ts" sweep "$data/resume.toml" --threads 2 --resume --out "$work/s" >/dev/null 2>"$work/s.err"
grep -q "note: restored $work/s/sweep-resume from $work/s/.sweep-resume.old-$dead" "$work/s.err" \
  || fail "swap recovery not reported: $(cat "$work/s.err")"
grep -q "resuming: $saved of 240 runs already done" "$work/s.err" \
  || fail "swap recovery: the $saved saved runs were not kept: $(cat "$work/s.err")"
diff -r "$work/sref/sweep-resume" "$work/s/sweep-resume" >/dev/null || fail "swap recovery: results differ"
[ -z "$(stale "$work/s")" ] || fail "swap recovery: left $(stale "$work/s" | tr '\n' ' ')"

# 4. Four concurrent runs into one --out, five rounds: no raw rename error, every result whole.
slow=("$ts" run "$data/tiny.toml" --years 12 --replicates 2 --threads 1 --quiet)
"${slow[@]}" --out "$work/slow-ref" >/dev/null
busy=0 ok=0
for round in 1 2 3 4 5; do
  pids=()
  for k in 1 2 3 4; do
    "${slow[@]}" --out "$work/c" >/dev/null 2>"$work/c.$round.$k.err" &
    pids+=($!)
  done
  for k in 1 2 3 4; do
    set +e
    wait "${pids[$((k - 1))]}"
    rc=$?
    set -e
    err="$work/c.$round.$k.err"
    if [ "$rc" -eq 0 ]; then
      ok=$((ok + 1))
    # The holder is named by PID when it has written it within 0.1 s of taking the lock; on a
    # loaded machine (ctest -j2) it may not have, and the refusal names "another process".
    elif [ "$rc" -eq 3 ] && grep -Eq "^error: $work/c/tiny is in use by (PID [0-9]*|another process \(a sweep --shard job\?\)): another tendersim job" "$err"; then
      busy=$((busy + 1))
    else
      fail "concurrent runs: exit status $rc: $(cat "$err")"
    fi
  done
  cmp -s "$work/slow-ref/tiny/metrics.csv" "$work/c/tiny/metrics.csv" || fail "concurrent runs: results differ"
  [ -z "$(stale "$work/c")" ] || fail "concurrent runs: left $(stale "$work/c" | tr '\n' ' ')"
done
[ "$busy" -gt 0 ] || fail "concurrent runs never overlapped (no 'in use' refusal)"

# 5. Two concurrent compares into one --out: the lock is taken before the runs, so the second
# stops at once instead of computing and then racing the first to the swap.
cmp_busy=0
for round in 1 2 3; do
  pids=()
  for k in 1 2; do
    "$ts" compare "$data/tiny.toml" "$data/tiny-variant.toml" --replicates 6 --years 12 --threads 1 \
      --quiet --out "$work/cmp" >/dev/null 2>"$work/cmp.$round.$k.err" &
    pids+=($!)
  done
  for k in 1 2; do
    set +e
    wait "${pids[$((k - 1))]}"
    rc=$?
    set -e
    if [ "$rc" -eq 3 ]; then
      grep -q "compare-tiny-vs-tiny-variant is in use by PID" "$work/cmp.$round.$k.err" \
        || fail "concurrent compares: $(cat "$work/cmp.$round.$k.err")"
      cmp_busy=$((cmp_busy + 1))
    elif [ "$rc" -ne 0 ]; then
      fail "concurrent compares: exit status $rc: $(cat "$work/cmp.$round.$k.err")"
    fi
  done
  [ -s "$work/cmp/compare-tiny-vs-tiny-variant/manifest.json" ] || fail "concurrent compares: no results"
  [ -z "$(stale "$work/cmp")" ] || fail "concurrent compares: left $(stale "$work/cmp" | tr '\n' ' ')"
done
[ "$cmp_busy" -gt 0 ] || fail "concurrent compares never overlapped (no 'in use' refusal)"
# 6. A second sweep (or --resume) while one runs: "in use by PID <the first>", exit status 3,
# and the first finishes undisturbed. A merge while a --shard job runs is refused the same way.
wait_records() { # file, count, pid
  for _ in $(seq 1 2000); do
    [ "$(grep -c '^@' "$1" 2>/dev/null || true)" -ge "$2" ] && return 0
    kill -0 "$3" 2>/dev/null || return 1
    sleep 0.005
  done
  return 1
}
"${sweep[@]}" --threads 1 --out "$work/busy" >/dev/null 2>&1 & # one thread: a longer window
pid=$!
wait_records "$work/busy/sweep-resume/shards/main.records" 5 "$pid" || fail "the sweep did not start"
set +e
"${sweep[@]}" --resume --out "$work/busy" >/dev/null 2>"$work/busy.err"
rc=$?
set -e
[ "$rc" -eq 3 ] && grep -q "^error: $work/busy/sweep-resume is in use by PID $pid: " "$work/busy.err" \
  || fail "second sweep: exit status $rc: $(cat "$work/busy.err")"
wait "$pid" || fail "the first sweep failed"
diff -r "$work/sref/sweep-resume" "$work/busy/sweep-resume" >/dev/null || fail "second sweep: results differ"
"${sweep[@]}" --shard 0/2 --out "$work/busy2" >/dev/null 2>&1 &
pid=$!
wait_records "$work/busy2/sweep-resume/shards/shard-0-of-2.records" 5 "$pid" || fail "the shard did not start"
set +e
"$ts" merge "$data/resume.toml" --out "$work/busy2" >/dev/null 2>"$work/busy2.err"
rc=$?
set -e
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
[ "$rc" -eq 3 ] && grep -q "^error: $work/busy2/sweep-resume is in use by another process" "$work/busy2.err" \
  || fail "merge beside a running shard: exit status $rc: $(cat "$work/busy2.err")"

# 7. Results written to standard output (--result-line for external drivers, params) into a
# full disk: exit status 3 with the reason, not 0.
for args in "run $data/tiny.toml --result-line csv" "params" "params --toml"; do
  set +e
  # shellcheck disable=SC2086 # word splitting of $args is intended
  "$ts" $args >/dev/full 2>"$work/stdout.err"
  rc=$?
  set -e
  [ "$rc" -eq 3 ] || fail "'$args' to a full disk: exit status $rc, expected 3"
  grep -q "^error: cannot write standard output: No space left on device$" "$work/stdout.err" \
    || fail "'$args' to a full disk: $(cat "$work/stdout.err")"
done

echo "results dir safety ok (concurrent runs: $ok wrote, $busy refused as in use; compares: $cmp_busy refused)"
