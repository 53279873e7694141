#!/usr/bin/env bash
# Installs everything tendersim needs on a fresh Debian 12 machine. Idempotent.
set -euo pipefail
PKGS=(
  build-essential cmake ninja-build pkg-config git clang-format
  libboost-graph-dev libtbb-dev libsfml-dev libcxxopts-dev doctest-dev
  fonts-dejavu-core xvfb xauth libopenmpi-dev openmpi-bin
  clang libclang-rt-14-dev
  nlohmann-json3-dev zlib1g-dev python3-jsonschema
  r-base-core r-cran-data.table r-cran-jsonlite python3-pandas
  pybind11-dev python3-dev python3-matplotlib
)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all packages already installed"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: installed ${missing[*]}"
