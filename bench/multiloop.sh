#!/bin/sh
# bench/multiloop.sh [chan|server] - build bench/multiloop.c with -O2 and
# run it once: same-loop vs cross-loop channel messages, and connections/s
# of a loopback server with 1 and 2 loops (docs/performance.md, issue 17).
# Environment: YIELDC (default build/bin/yieldc), CC (gcc), BENCH_BUILD
# (scratch directory, default /tmp/yieldc-bench).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=${BENCH_BUILD:-/tmp/yieldc-bench}
YIELDC=${YIELDC:-$ROOT/build/bin/yieldc}
CC=${CC:-gcc}
mkdir -p "$B/multiloop"
cd "$B/multiloop"
for f in "$ROOT"/runtime/*.c; do
  $CC -O2 -D_GNU_SOURCE -I"$ROOT/include" -c "$f" -o "rt_$(basename "$f" .c).o"
done
"$YIELDC" "$ROOT/bench/multiloop.c" -o multiloop.t.c
$CC -O2 -D_GNU_SOURCE -I"$ROOT/include" multiloop.t.c rt_*.o -lpthread -o multiloop
./multiloop "$@"
