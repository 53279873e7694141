#!/usr/bin/env bash
# Fails if any C++ file of the project (sim/, viz/, tests/, bench/; never third_party/) differs
# from what clang-format makes of it with the repository's .clang-format. Fix with:
#   clang-format -i FILE...
# Usage: scripts/check_format.sh [CLANG_FORMAT]   (default: clang-format on PATH)
# Run early by scripts/test.sh (a second or two) and as the ctest `lint_clang_format`.
set -euo pipefail
cd "$(dirname "$0")/.."
clang_format="${1:-clang-format}"
if ! command -v "$clang_format" >/dev/null; then
  echo "check_format: $clang_format not found (scripts/setup.sh installs clang-format)" >&2
  exit 1
fi
mapfile -d '' files < <(find sim viz tests bench -type f \( -name '*.cpp' -o -name '*.hpp' \) -print0 | sort -z)
if [ ${#files[@]} -eq 0 ]; then
  echo "check_format: no C++ files found under sim/ viz/ tests/ bench/" >&2
  exit 1
fi
# --Werror turns each difference into an error naming file:line; the exit status says if any.
if ! "$clang_format" --dry-run --Werror "${files[@]}"; then
  echo "check_format: the files above are not clang-formatted; run clang-format -i on them" >&2
  exit 1
fi
echo "check_format: ${#files[@]} files clang-formatted"
