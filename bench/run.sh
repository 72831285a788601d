#!/bin/sh
# bench/run.sh [FILTER...] - build the benchmarks with -O2 and run them all
# (FILTERs select benchmarks of bench.c by substring).  Prints one line per
# benchmark: "name: yieldc X ns, baseline Y ns, ratio R (target T)".
#
# Environment: YIELDC (translator, default build/bin/yieldc), CC (gcc),
# CXX (g++), BENCH_BUILD (scratch directory, default /tmp/yieldc-bench).
#
# What `yieldc cc` costs a build (210 generated files, ~10 minutes) is
# bench/launcher.sh's, run on its own (docs/performance.md).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=${BENCH_BUILD:-/tmp/yieldc-bench}
YIELDC=${YIELDC:-$ROOT/build/bin/yieldc}
CC=${CC:-gcc}
CXX=${CXX:-g++}
CFLAGS="-O2 -I$ROOT/include -I$ROOT/bench"
mkdir -p "$B"
cd "$B"

echo "# $($CC --version | head -1); -O2; median of 5 runs of >= 0.2 s each"

# The runtime, at -O2 (whatever build type build/ has).
rm -f rt_*.o libyc.a
for f in "$ROOT"/runtime/*.c; do
  $CC -O2 -D_GNU_SOURCE -I"$ROOT/include" -c "$f" -o "rt_$(basename "$f" .c).o"
done
ar rcs libyc.a rt_*.o

for f in bench gen_other mem; do
  "$YIELDC" "$ROOT/bench/$f.c" -o "$f.t.c" -- -I"$ROOT/bench"
done
$CC $CFLAGS -c "$ROOT/bench/hand.c" -o hand.o
$CC $CFLAGS bench.t.c gen_other.t.c hand.o libyc.a -o bench
$CC $CFLAGS mem.t.c libyc.a -o mem

./bench "$@"
[ $# -eq 0 ] || exit 0

# C++20 generator<T> baseline, when the compiler has <coroutine>.
if printf '#include <coroutine>\nint main(){}\n' |
   $CXX -std=c++20 -x c++ -fsyntax-only - 2>/dev/null; then
  $CXX -std=c++20 -O2 -I"$ROOT/bench" "$ROOT/bench/cxx_gen.cpp" \
    "$ROOT/bench/cxx_gen_other.cpp" hand.o -o cxx_gen
  ./cxx_gen
else
  echo "c++20-generator: skipped ($CXX has no -std=c++20 <coroutine>)"
fi

# CPython, when present.
if command -v python3 >/dev/null 2>&1; then
  python3 "$ROOT/bench/py_gen.py"
else
  echo "cpython-generator: skipped (no python3)"
fi

# Memory of 1,000,000 suspended generators.
for g in count_up walk fibonacci; do ./mem $g; done

# Translation time of a large file against clang -fsyntax-only.
python3 "$ROOT/bench/gen_large.py" 200 > large.c
ms() { # median wall ms of 5 runs of "$@"
  for i in 1 2 3 4 5; do
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000 ))
  done | sort -n | sed -n 3p
}
ty=$(ms "$YIELDC" large.c -o large.t.c)
tc=$(ms clang -fsyntax-only -I"$ROOT/include" large.c)
awk -v y="$ty" -v c="$tc" -v l="$(wc -l < large.c)" 'BEGIN {
  r = y / c
  printf "translate (200 generators, %d lines): yieldc %.1f ms, clang -fsyntax-only %.1f ms, ratio %.2f (target 1.5) %s\n",
    l, y / 1000, c / 1000, r, r <= 1.5 ? "MET" : "MISSED" }'
