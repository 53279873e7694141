#!/usr/bin/env bash
# cmake/git_commit.cmake (run at every build): "unknown" outside a git checkout, the checked-out
# commit inside one, refreshed after a new commit, and the file left untouched (so nothing
# recompiles) while the commit is unchanged.
# Usage: git_commit.sh CMAKE SCRIPT WORKDIR
set -euo pipefail
cmake=$1 script=$2 work=$3
rm -rf "$work"
mkdir -p "$work/tarball" "$work/repo"
gen() { "$cmake" -DSOURCE_DIR="$1" -DOUTPUT="$2" -P "$script"; }
has() { grep -qF "kGitCommit = \"$2\";" "$1" || { echo "expected commit $2 in $1:"; cat "$1"; exit 1; }; }

gen "$work/tarball" "$work/tarball.cpp"
has "$work/tarball.cpp" unknown

if ! command -v git >/dev/null; then echo "git commit script ok (git absent: unknown only)"; exit 0; fi
g() { git -C "$work/repo" -c user.name=t -c user.email=t@example.invalid -c commit.gpgsign=false "$@"; }
g init -q
echo a > "$work/repo/f" && g add f && g commit -qm one
gen "$work/repo" "$work/repo.cpp"
has "$work/repo.cpp" "$(g rev-parse --short=12 HEAD)"

touch -d 2001-01-01 "$work/repo.cpp"
gen "$work/repo" "$work/repo.cpp"
[ "$(stat -c %Y "$work/repo.cpp")" = "$(date -d 2001-01-01 +%s)" ] \
  || { echo "rewritten although the commit did not change"; exit 1; }

echo b > "$work/repo/f" && g commit -qam two
gen "$work/repo" "$work/repo.cpp"
has "$work/repo.cpp" "$(g rev-parse --short=12 HEAD)"
echo "git commit script ok"
