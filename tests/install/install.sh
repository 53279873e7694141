#!/usr/bin/env bash
# tendersim as an installed package (README.md, "Install"): `cmake --install` the build tree into
# a fresh prefix, then
#   - build tests/install/consumer against it with find_package(tendersim), from the installed
#     headers only, and check that its year of the installed baseline scenario equals the
#     installed CLI's metrics.csv for the same seed, metric by metric;
#   - run the installed `tendersim run` and `validate` from an unrelated directory, and show that
#     the data they read is the prefix's share/tendersim (a copy of the prefix elsewhere reads
#     its own copy: the lookup is relative to the executable), or $TENDERSIM_DATA_DIR's;
#   - the installed Python package (when built) gives the CLI's numbers;
#   - `tendersim-viz --help`, and its default scenario taken from the data directory.
# Usage: install.sh CMAKE BUILD_DIR SOURCE_DIR WORK_DIR VIZ(ON|OFF) PYTHON(ON|OFF)
set -euo pipefail
cmake=$1 build=$2 src=$3 work=$4 viz=$5 python=${6:-OFF}
rm -rf "$work"
mkdir -p "$work/elsewhere"
prefix=$work/prefix
fail() { echo "FAIL: $*" >&2; exit 1; }
# The source tree is a fallback of the data lookup: scrub the variable so only what the test
# sets applies.
unset TENDERSIM_DATA_DIR

start=$(date +%s.%N)
"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log"
for f in bin/tendersim lib/libtendersim_core.a lib/libtendersim_io.a \
         lib/cmake/tendersim/tendersimConfig.cmake lib/cmake/tendersim/tendersimConfigVersion.cmake \
         include/tendersim/tendersim.hpp include/tendersim/io/version.hpp \
         include/tendersim/toml++/toml.h share/tendersim/scenarios/baseline.toml \
         share/tendersim/validation/targets.toml share/doc/tendersim/README.md \
         share/doc/tendersim/third_party/tomlplusplus/LICENSE; do
  [ -f "$prefix/$f" ] || fail "cmake --install did not install $f"
done
[ ! -e "$prefix/include/tendersim/cli" ] || fail "the CLI's private headers were installed"
echo "installed: $(du -sk "$prefix" | cut -f1) KiB in $prefix"

# The consumer: a separate CMake project that finds only the installed package (no package
# registry, no build tree), with ccache when there is one.
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
generator=()
if command -v ninja >/dev/null; then generator=(-G Ninja); fi
"$cmake" -S "$src/tests/install/consumer" -B "$work/consumer" "${generator[@]}" "${launcher[@]}" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  >"$work/consumer-configure.log" || { cat "$work/consumer-configure.log"; fail "consumer configure"; }
grep -q "^tendersim_DIR:PATH=$prefix/lib/cmake/tendersim\$" "$work/consumer/CMakeCache.txt" ||
  fail "the consumer did not find the package in $prefix: $(grep tendersim_DIR "$work/consumer/CMakeCache.txt")"
"$cmake" --build "$work/consumer" >"$work/consumer-build.log" 2>&1 ||
  { cat "$work/consumer-build.log"; fail "consumer build"; }
# Compiled from the installed headers, not the source tree's.
if grep -Eq -- "(-I|-isystem )$src/(sim|third_party)" "$work/consumer/compile_commands.json"; then
  fail "the consumer compiled against the source tree: $(cat "$work/consumer/compile_commands.json")"
fi
grep -q -- "$prefix/include/tendersim" "$work/consumer/compile_commands.json" ||
  fail "the consumer's compile command does not name $prefix/include/tendersim"

# The same year from the API and from the installed CLI, both started in an unrelated directory.
scenario=$prefix/share/tendersim/scenarios/baseline.toml
seed=12345
cd "$work/elsewhere"
"$work/consumer/consumer" "$scenario" $seed >"$work/consumer.csv" 2>"$work/consumer.err" ||
  fail "the consumer failed: $(cat "$work/consumer.err")"
"$prefix/bin/tendersim" run "$scenario" --seed $seed --years 1 --replicates 1 --threads 1 \
  --out "$work/cli" >"$work/cli.log" 2>&1 || fail "installed tendersim run: $(cat "$work/cli.log")"
metrics=$work/cli/baseline/metrics.csv
[ -f "$metrics" ] || fail "the installed tendersim run wrote no $metrics"
# metrics.csv: scenario,replicate,seed,year,metric,value
awk -F, 'NR == 2 { print "seed," $3 } NR > 1 && $2 == 0 && $4 == 1 { print $5 "," $6 }' \
  "$metrics" >"$work/cli.csv"
rows=$(wc -l <"$work/cli.csv")
[ "$rows" -gt 20 ] || fail "only $rows rows from $metrics"
diff "$work/cli.csv" "$work/consumer.csv" ||
  fail "the consumer's year differs from the installed CLI's metrics.csv (above)"
echo "consumer and installed CLI agree on $((rows - 1)) metrics of year 1 (seed $seed)"

# validate from an unrelated directory: no scenario or targets named, so both come from the data
# directory. --distance prints one number.
"$prefix/bin/tendersim" validate --replicates 2 --threads 1 --distance >"$work/distance.txt" ||
  fail "installed tendersim validate failed from $PWD"
grep -Eq '^[0-9.e+-]+$' "$work/distance.txt" || fail "validate --distance printed $(cat "$work/distance.txt")"

# Relocated: a copy of the prefix reads its own share/tendersim, not the original's nor the source
# tree's. Its targets file is broken on purpose, so the error names the file that was read.
cp -a "$prefix" "$work/moved"
echo "this line is not TOML" >>"$work/moved/share/tendersim/validation/targets.toml"
set +e
"$work/moved/bin/tendersim" validate --replicates 2 --threads 1 2>"$work/moved.err"
code=$?
set -e
[ $code -eq 2 ] || fail "validate with a broken targets file exited $code, not 2"
grep -q "$work/moved/share/tendersim/validation/targets.toml" "$work/moved.err" ||
  fail "the moved binary did not read its own targets file: $(cat "$work/moved.err")"

# TENDERSIM_DATA_DIR comes before the executable's directory.
mkdir -p "$work/data/validation"
echo "not TOML either" >"$work/data/validation/targets.toml"
set +e
TENDERSIM_DATA_DIR=$work/data "$prefix/bin/tendersim" validate --replicates 2 2>"$work/env.err"
code=$?
set -e
[ $code -eq 2 ] || fail "validate with TENDERSIM_DATA_DIR's broken targets file exited $code, not 2"
grep -q "$work/data/validation/targets.toml" "$work/env.err" ||
  fail "TENDERSIM_DATA_DIR was not used: $(cat "$work/env.err")"

# The Python package, when built (python/): the installed copy, from Debian's interpreter, gives
# the same year as the installed CLI.
pydir=$(ls -d "$prefix"/lib/python3*/dist-packages/tendersim 2>/dev/null | head -1 || true)
if [ "$python" = ON ] && [ -z "$pydir" ]; then
  fail "the Python package was built but not installed under $prefix/lib/python3/dist-packages"
fi
if [ "$python" = ON ]; then
  PYTHONPATH=$(dirname "$pydir") /usr/bin/python3 - "$scenario" $seed >"$work/python.csv" \
    2>"$work/python.err" <<'PY' ||
import sys, tendersim
df = tendersim.run(sys.argv[1], replicates=1, years=1, seed=int(sys.argv[2]), threads=1)
print(tendersim.__file__)
for metric in ("tenders", "awards", "bids_per_tender"):
    print(metric + "," + repr(float(df[(df.metric == metric) & (df.year == 1)].value.iloc[0])))
PY
    fail "the installed Python package failed: $(cat "$work/python.err")"
  head -1 "$work/python.csv" | grep -q "^$pydir/" || fail "python imported $(head -1 "$work/python.csv")"
  for metric in tenders awards bids_per_tender; do
    py=$(awk -F, -v m=$metric '$1 == m { print $2 }' "$work/python.csv")
    cli=$(awk -F, -v m=$metric '$1 == m { print $2 }' "$work/cli.csv")
    awk -v a="$py" -v b="$cli" 'BEGIN { exit !(a + 0 == b + 0 && b != "") }' ||
      fail "installed Python package: $metric $py, the CLI's $cli"
  done
fi

if [ "$viz" = ON ]; then
  "$prefix/bin/tendersim-viz" --help >"$work/viz-help.txt" || fail "tendersim-viz --help failed"
  grep -q -- "--screenshot" "$work/viz-help.txt" || fail "tendersim-viz --help: $(cat "$work/viz-help.txt")"
  # Its default scenario is the data directory's (an invalid one here, so it stops before it
  # needs a display, naming the file).
  mkdir -p "$work/data/scenarios"
  echo "this line is not TOML" >"$work/data/scenarios/baseline.toml"
  set +e
  TENDERSIM_DATA_DIR=$work/data "$prefix/bin/tendersim-viz" 2>"$work/viz.err"
  code=$?
  set -e
  [ $code -eq 2 ] || fail "tendersim-viz with a broken default scenario exited $code, not 2"
  grep -q "$work/data/scenarios/baseline.toml" "$work/viz.err" ||
    fail "tendersim-viz did not take its scenario from TENDERSIM_DATA_DIR: $(cat "$work/viz.err")"
fi
echo "install test: $(date +%s.%N | awk -v s="$start" '{printf "%.1f", $1 - s}') s"
