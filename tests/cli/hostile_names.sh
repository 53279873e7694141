#!/usr/bin/env bash
# A scenario's or a sweep's `name` is an identifier, never a path: names that would escape the
# output directory ("/abs/path", "../x"), nest ("a/b/c"), are empty, "." or "..", hidden, or huge
# stop at load time with file, line and key, exit status 2, nothing run and nothing written, and
# the directory they point at is untouched.
# Usage: hostile_names.sh TENDERSIM WORKDIR
set -euo pipefail
ts=$1 work=$2
rm -rf "$work"
mkdir -p "$work/victim/sub" "$work/sandbox"
echo "three years of work" > "$work/victim/thesis.tex"
echo "notes" > "$work/victim/sub/notes.txt"
victim_sum() { (cd "$work/victim" && find . -type f -exec sha256sum {} + | sort); }
before=$(victim_sum)
fail() { echo "FAIL: $*"; exit 1; }

scenario() { # name value (TOML), file
  printf 'schema_version = 1\n\nname = %s\n\n[run]\nyears = 1\nreplicates = 1\n\n[market]\nregions = 2\ncouncils = 6\nsuppliers = 200\n' "$1" > "$2"
}
huge="\"$(head -c 100000 /dev/zero | tr '\0' n)\""
names=("\"$work/victim\"" '"../../victim"' '"../victim"' '"a/b/c"' '""' '"."' '".."' '".hidden"'
       '"a b"' "$huge")
expect="key 'name': expected a name of 1 to 100 letters, digits, '-', '_' or '.' (not first)"

# Runs a command from the sandbox, --out out; expects exit 2 and the located message.
refused() { # label, expected text, command...
  local label=$1 want=$2 rc
  shift 2
  set +e
  (cd "$work/sandbox" && "$@") >/dev/null 2>"$work/err.txt"
  rc=$?
  set -e
  [ "$rc" -eq 2 ] || fail "$label: exit status $rc, expected 2 ($(head -c 300 "$work/err.txt"))"
  grep -qF -- "$want" "$work/err.txt" || fail "$label: got '$(head -c 300 "$work/err.txt")'"
  [ "$(wc -c < "$work/err.txt")" -lt 1000 ] || fail "$label: the message repeats the whole name"
  [ ! -e "$work/sandbox/out" ] || fail "$label: files were written"
}

scenario '"ok"' "$work/sandbox/ok.toml"
i=0
for name in "${names[@]}"; do
  i=$((i + 1))
  f="$work/sandbox/s$i.toml"
  scenario "$name" "$f"
  refused "run name #$i" "error: $f:3: $expect" "$ts" run "$f" --quiet --out out
  refused "compare name #$i" "error: $f:3: $expect" \
    "$ts" compare "$work/sandbox/ok.toml" "$f" --replicates 1 --quiet --out out
  refused "compare name #$i (reference)" "error: $f:3: $expect" \
    "$ts" compare "$f" "$f" --replicates 1 --quiet --out out
  # The same name in a sweep file.
  printf 'schema_version = 1\nname = %s\nbase = "ok.toml"\n[design]\ntype = "lhs"\nsamples = 2\n[[parameter]]\nkey = "policy.price_weight"\nmin = 0.3\nmax = 0.9\n' \
    "$name" > "$work/sandbox/w$i.toml"
  refused "sweep name #$i" "error: $work/sandbox/w$i.toml:2: $expect" \
    "$ts" sweep "$work/sandbox/w$i.toml" --quiet --out out
done

# A valid base with an invalid name inherited is impossible: the base itself is refused, by name.
printf 'schema_version = 1\nbase = "s2.toml"\n' > "$work/sandbox/child.toml"
refused "inherited name" "error: $work/sandbox/s2.toml:3: $expect" \
  "$ts" run "$work/sandbox/child.toml" --quiet --out out
# A sweep without `name` is named by its file: a file name that is not an identifier is refused.
printf 'schema_version = 1\nbase = "ok.toml"\n[design]\ntype = "lhs"\nsamples = 2\n[[parameter]]\nkey = "policy.price_weight"\nmin = 0.3\nmax = 0.9\n' \
  > "$work/sandbox/my sweep.toml"
refused "sweep file name" "key 'name': missing, and the file name \"my sweep\" cannot name the output directory" \
  "$ts" sweep "$work/sandbox/my sweep.toml" --quiet --out out
# `name` is not a parameter: --set and --params-json cannot change it.
refused "--set name" "key 'name': unknown key" \
  "$ts" run "$work/sandbox/ok.toml" --set name=../../victim --quiet --out out
refused "--params-json name" "unknown key" \
  "$ts" run "$work/sandbox/ok.toml" --params-json '{"name": "../../victim"}' --quiet --out out

[ "$before" = "$(victim_sum)" ] || fail "the victim directory changed"
[ ! -e "$work/a" ] && [ ! -e "$work/sandbox/a" ] || fail "nested folders were created"

# A valid name still works, and writes only out/ok.
(cd "$work/sandbox" && "$ts" run ok.toml --quiet --out out >/dev/null)
[ -s "$work/sandbox/out/ok/metrics.csv" ] || fail "a valid name did not run"
[ -z "$(ls -A "$work/sandbox/out" | grep -vx -e ok -e .ok.lock)" ] \
  || fail "unexpected files in out: $(ls -A "$work/sandbox/out")"
echo "hostile names ok"
