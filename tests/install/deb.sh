#!/usr/bin/env bash
# `cpack -G DEB` builds tendersim's .deb (cmake/package.cmake), with the package's name, version
# and the Debian runtime libraries in Depends; unpacked with dpkg-deb -x (never installed into
# this system), its tendersim runs and reads the data the package carries, from
# usr/share/tendersim beside its usr/bin.
# Usage: deb.sh CPACK BUILD_DIR WORK_DIR VERSION VIZ(ON|OFF)
set -euo pipefail
cpack=$1 build=$2 work=$3 version=$4 viz=$5
rm -rf "$work"
mkdir -p "$work/elsewhere"
fail() { echo "FAIL: $*" >&2; exit 1; }
unset TENDERSIM_DATA_DIR

start=$(date +%s.%N)
"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; fail "cpack -G DEB"; }
debs=("$work"/out/tendersim_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "cpack made ${debs[*]}"
deb=${debs[0]}
echo "package: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB"

dpkg-deb -f "$deb" Package Version Architecture Depends Maintainer >"$work/control"
cat "$work/control"
grep -qx "Package: tendersim" "$work/control" || fail "Package field"
grep -qx "Version: $version" "$work/control" || fail "Version field is not $version"
grep -qx "Architecture: $(dpkg --print-architecture)" "$work/control" || fail "Architecture field"
for dep in libtbb12 zlib1g libstdc++6; do
  grep -q "^Depends:.*\b$dep\b" "$work/control" || fail "Depends lacks $dep"
done
if [ "$viz" = ON ]; then
  for dep in libsfml-graphics2.5 fonts-dejavu-core; do
    grep -q "^Depends:.*\b$dep\b" "$work/control" || fail "Depends lacks $dep"
  done
fi

dpkg-deb -x "$deb" "$work/root"
ts=$work/root/usr/bin/tendersim
"$ts" --version | grep -qx "tendersim $version (.*)" || fail "tendersim --version: $("$ts" --version)"
[ -f "$work/root/usr/share/tendersim/scenarios/baseline.toml" ] || fail "no usr/share/tendersim/scenarios"
[ -f "$work/root/usr/lib/cmake/tendersim/tendersimConfig.cmake" ] ||
  ls "$work"/root/usr/lib/*/cmake/tendersim/tendersimConfig.cmake >/dev/null ||
  fail "no CMake package in the .deb"

# The unpacked binary finds the unpacked data: validate with nothing named reads
# usr/share/tendersim/validation/targets.toml, broken here so that the error names it.
cd "$work/elsewhere"
echo "this line is not TOML" >>"$work/root/usr/share/tendersim/validation/targets.toml"
set +e
"$ts" validate --replicates 2 --threads 1 2>"$work/validate.err"
code=$?
set -e
[ $code -eq 2 ] || fail "validate exited $code, not 2: $(cat "$work/validate.err")"
grep -q "$work/root/usr/share/tendersim/validation/targets.toml" "$work/validate.err" ||
  fail "the unpacked tendersim did not read the package's data: $(cat "$work/validate.err")"
# And runs the package's scenario from there.
"$ts" run "$work/root/usr/share/tendersim/scenarios/baseline.toml" --years 1 --replicates 1 \
  --threads 1 --out "$work/run" >"$work/run.log" 2>&1 || fail "tendersim run: $(cat "$work/run.log")"
[ -s "$work/run/baseline/metrics.csv" ] || fail "the unpacked tendersim run wrote no metrics.csv"
echo "deb test: $(date +%s.%N | awk -v s="$start" '{printf "%.1f", $1 - s}') s"
