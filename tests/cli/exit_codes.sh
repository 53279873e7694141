#!/usr/bin/env bash
# Every command's exit code follows one policy (README, `tendersim --help`): 1 a validation target
# missed, 2 bad input, 3 I/O failure; and each error says what is wrong, where.
# Usage: exit_codes.sh TENDERSIM SOURCE_DIR WORKDIR
set -euo pipefail
ts=$1 src=$2 out=$3
rm -rf "$out"
mkdir -p "$out/sub"
tiny=$src/tests/experiment/data/tiny.toml
fails=0
# expect CODE 'MESSAGE FRAGMENT' COMMAND...: the command exits CODE and stderr contains the fragment.
expect() {
  local code=$1 fragment=$2
  shift 2
  set +e
  timeout 60 "$@" >"$out/stdout" 2>"$out/stderr"
  local rc=$?
  set -e
  if [ "$rc" -ne "$code" ] || { [ -n "$fragment" ] && ! grep -qF -- "$fragment" "$out/stderr"; }; then
    echo "FAIL: $* -> exit $rc (expected $code); stderr: $(head -c 600 "$out/stderr")"
    echo "      expected stderr to contain: $fragment"
    fails=$((fails + 1))
  fi
}
head='schema_version = 1
name = "x"'

# Input files must be regular files of bounded size.
expect 2 "nope.toml: scenario file not found (resolved to " "$ts" run "$out/nope.toml"
expect 2 "scenario file is a directory, not a file" "$ts" run "$out/sub"
expect 2 "/dev/zero: scenario file is not a regular file (it is a character device)" "$ts" run /dev/zero
printf '%s\nbase = "/dev/zero"\n' "$head" >"$out/devzero.toml"
expect 2 "devzero.toml:3: key 'base': file '/dev/zero' is not a regular file" "$ts" run "$out/devzero.toml"
printf '%s\nbase = "sub"\n' "$head" >"$out/dirbase.toml"
expect 2 "dirbase.toml:3: key 'base': file 'sub' is a directory, not a file" "$ts" run "$out/dirbase.toml"
printf '%s\nbase = "nope.toml"\n' "$head" >"$out/missing.toml"
expect 2 "missing.toml:3: key 'base': file 'nope.toml' not found (resolved to $out/nope.toml)" \
  "$ts" run "$out/missing.toml"
# A bad [[framework]] (a term over the 4 years of PA2023 s47): located, exit 2, no results.
printf '%s\n[[framework]]\nname = "f"\nterm_years = 5\n[[framework.lot]]\nname = "a"\ncategories = ["facilities"]\n' \
  "$head" >"$out/framework.toml"
expect 2 "framework.toml:5: key 'framework.term_years': expected an integer from 1 to 4" \
  "$ts" run "$out/framework.toml" --out "$out/framework-results"
[ ! -e "$out/framework-results" ] || { echo "FAIL: a bad [[framework]] left results"; fails=$((fails + 1)); }
truncate -s 17M "$out/big.toml"
expect 2 "big.toml: scenario file is 17825792 bytes; input files may hold at most 16 MiB" \
  "$ts" run "$out/big.toml"
expect 2 "sweep file is not a regular file" "$ts" sweep /dev/zero
expect 2 "targets file is a directory" "$ts" validate "$tiny" --targets "$out/sub"
expect 2 "the --params-json file is a directory" "$ts" run "$tiny" --params-json "$out/sub"
expect 2 "scenario file not found" "$ts" compare "$tiny" "$out/nope.toml"
expect 2 "scenario file not found" "$ts" params --toml "$out/nope.toml"

# A malformed --set value: located, naming the option, exit 2 (was raw toml++ text, exit 1).
expect 2 "--set policy.price_weight=[1: key 'policy.price_weight': expected a value in TOML syntax" \
  "$ts" run "$tiny" --set 'policy.price_weight=[1' --result-line csv
expect 2 "--set policy.price_weight=\": key 'policy.price_weight': expected a value in TOML syntax" \
  "$ts" run "$tiny" --set 'policy.price_weight="' --result-line csv
expect 2 "--set policy.price_weight=: key 'policy.price_weight': expected a value after '='" \
  "$ts" run "$tiny" --set 'policy.price_weight=' --result-line csv

# Thread counts are bounded everywhere.
expect 2 "--threads must be from 1 to 1024 (got 70000)" "$ts" run "$tiny" --threads 70000
expect 2 "--threads must be from 1 to 1024 (got 0)" "$ts" compare "$tiny" "$tiny" --threads 0
expect 2 "--threads must be from 1 to 1024 (got 70000)" \
  "$ts" sweep "$src/scenarios/sweeps/ci-smoke.toml" --threads 70000
expect 2 "--threads must be from 1 to 1024 (got -3)" "$ts" validate "$tiny" --threads -3

# validate: a report that cannot be written is an I/O failure (3), said as such, and not a
# verdict; the targets' outcome (missed on this tiny market: 1) is still reported.
targets=$src/validation/targets.toml
expect 1 "" "$ts" validate "$tiny" --targets "$targets" --replicates 2 --threads 1 \
  --markdown "$out/report.md"
[ -s "$out/report.md" ] || { echo "FAIL: validate --markdown wrote no report"; fails=$((fails + 1)); }
expect 3 "cannot write /proc/tendersim-none/report.md: No such file or directory" \
  "$ts" validate "$tiny" --targets "$targets" --replicates 2 --threads 1 \
  --markdown /proc/tendersim-none/report.md
grep -qF "but the --markdown report was not written" "$out/stderr" ||
  { echo "FAIL: validate: no word that the report was not written"; fails=$((fails + 1)); }
grep -q "FAIL\|PASS" "$out/stdout" ||
  { echo "FAIL: validate: the table was not printed"; fails=$((fails + 1)); }

# stdout that cannot be written is an I/O failure, not success.
set +e
"$ts" params >/dev/full 2>"$out/stderr"
rc=$?
set -e
if [ "$rc" -ne 3 ] || ! grep -qF "cannot write standard output" "$out/stderr"; then
  echo "FAIL: params >/dev/full -> exit $rc; stderr: $(cat "$out/stderr")"
  fails=$((fails + 1))
fi

# Sweeps: a stray file among the shards is named, with advice that keeps the sweep's runs.
cat >"$out/sw.toml" <<SWEEP
schema_version = 1
base = "$tiny"
replicates = 2
[design]
type = "lhs"
samples = 3
[[parameter]]
key = "policy.price_weight"
min = 0.3
max = 0.9
SWEEP
"$ts" sweep "$out/sw.toml" --shard 0/2 --quiet --threads 1 --out "$out/res" >/dev/null
echo "not a shard" >"$out/res/sweep-sw/shards/copied.records"
expect 2 "copied.records is not a tendersim sweep shard file" \
  "$ts" sweep "$out/sw.toml" --shard 1/2 --resume --quiet --threads 1 --out "$out/res"
grep -qF "move it out of $out/res/sweep-sw/shards" "$out/stderr" ||
  { echo "FAIL: stray shard file: no advice to move it"; fails=$((fails + 1)); }
rm "$out/res/sweep-sw/shards/copied.records"
# An unwritable output directory is an I/O failure.
expect 3 "" "$ts" sweep "$out/sw.toml" --quiet --threads 1 --out /proc/tendersim-none

# A full disk: the reason is given, exit 3 (needs root to mount a small tmpfs; skipped otherwise).
full=$out/full
mkdir -p "$full"
if mount -t tmpfs -o size=8k tmpfs "$full" 2>/dev/null; then
  trap 'umount "$full" 2>/dev/null || true' EXIT
  # (the shard records or the merged files, whichever fills the disk first)
  expect 3 ": No space left on device" \
    "$ts" sweep "$out/sw.toml" --quiet --threads 1 --out "$full"
  rm -rf "${full:?}"/* "$full"/.[!.]* 2>/dev/null || true
  dd if=/dev/zero of="$full/filler" bs=1k count=64 2>/dev/null || true
  expect 3 "cannot write $full/report.md: No space left on device" \
    "$ts" validate "$tiny" --targets "$targets" --replicates 2 --threads 1 --markdown "$full/report.md"
  umount "$full"
  trap - EXIT
else
  echo "note: cannot mount a tmpfs (not root?): full-disk checks skipped"
fi

# Usage errors are bad input too.
expect 2 "unknown command" "$ts" frobnicate
expect 2 "see --help" "$ts" run "$tiny" --no-such-option
"$ts" --help | grep -qF "3 I/O" || { echo "FAIL: --help does not list the exit codes"; fails=$((fails + 1)); }

[ "$fails" -eq 0 ] || { echo "$fails check(s) failed"; exit 1; }
echo "exit codes ok"
