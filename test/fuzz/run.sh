#!/bin/sh
# run.sh - build and run the translator fuzzer (docs/reliability.md).
#
#   test/fuzz/run.sh build BUILD_DIR             configure a clang build with
#                                                -DYIELDC_FUZZ=ON, build fuzz_translate
#   test/fuzz/run.sh FUZZER SECONDS WORK_DIR [libFuzzer options...]
#                                                fuzz for SECONDS (ctest: 60); the
#                                                corpus grows in WORK_DIR/corpus,
#                                                crashes land in WORK_DIR/crash-*
# Exit status: 0 when nothing was found.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
if [ "${1:-}" = build ]; then
  b=${2:?usage: run.sh build BUILD_DIR}
  cmake -S "$src" -B "$b" -DCMAKE_C_COMPILER=clang -DYIELDC_FUZZ=ON \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$b" --target fuzz_translate -j "${JOBS:-2}"
  echo "$b/test/fuzz/fuzz_translate"
  exit 0
fi
fuzzer=${1:?usage: run.sh FUZZER SECONDS WORK_DIR}
secs=${2:-60}
work=${3:-/tmp/yieldc-fuzz}
shift 3 || shift $#
mkdir -p "$work/corpus" "$work/seed"
# Seed corpus: every C file of examples/ and test/ (small ones whole).
for f in "$src"/examples/*.c "$src"/test/*/*.c "$src"/test/*/Inputs/*.[ch]; do
  [ -f "$f" ] || continue
  cp "$f" "$work/seed/$(echo "$f" | sed "s|$src/||; s|/|_|g")"
done
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# Includes are resolved from the input's directory (the temp dir) and the
# yieldc include dir; the corpus files that include "drive.h" find it here.
cp "$src/test/run/Inputs/drive.h" "${TMPDIR:-/tmp}/drive.h" 2>/dev/null || true
# A finding (crash, leak, timeout) exits 1: libFuzzer's default of 77 would
# read as "skipped" to ctest.
exec "$fuzzer" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2560 -max_len=16384 \
  -error_exitcode=1 -timeout_exitcode=1 \
  -print_final_stats=1 -artifact_prefix="$work/" "$@" "$work/corpus" "$work/seed"
