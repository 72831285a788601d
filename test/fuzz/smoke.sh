#!/bin/sh
# smoke.sh - the ctest test fuzz/smoke of the normal build: build the
# translator fuzzer in its own clang build directory (run.sh build) and
# fuzz for a bounded time (run.sh), without -DYIELDC_FUZZ=ON in the build
# that runs it.  docs/reliability.md.
#
#   test/fuzz/smoke.sh BUILD_DIR SECONDS
#
# Exit status: 0 nothing found; 77 (ctest: skipped) when clang cannot link
# -fsanitize=fuzzer (no clang, or no libFuzzer runtime); else the fuzzer's.
# The build directory is kept, so later runs only rebuild what changed and
# the corpus in BUILD_DIR/work/corpus keeps growing.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
b=${1:?usage: smoke.sh BUILD_DIR SECONDS}
secs=${2:-30}
cc=clang # run.sh build configures with clang

if ! command -v "$cc" >/dev/null 2>&1; then
  echo "fuzz/smoke skipped: $cc is not on PATH (the libFuzzer harness needs clang)"
  exit 77
fi
mkdir -p "$b"
probe="$b/probe"
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' \
  >"$probe.c"
# (tried twice: under a loaded parallel ctest one link has been seen to fail)
if ! "$cc" -fsanitize=fuzzer,address,undefined "$probe.c" -o "$probe" >"$probe.log" 2>&1 &&
   ! "$cc" -fsanitize=fuzzer,address,undefined "$probe.c" -o "$probe" >"$probe.log" 2>&1; then
  echo "fuzz/smoke skipped: $cc cannot link -fsanitize=fuzzer (libFuzzer runtime missing?):"
  head -3 "$probe.log"
  exit 77
fi

t0=$(date +%s)
if ! JOBS=${JOBS:-2} "$here/run.sh" build "$b" >"$b/build.log" 2>&1; then
  tail -30 "$b/build.log"
  echo "fuzz/smoke: building the harness failed (log: $b/build.log)"
  exit 1
fi
t1=$(date +%s)
echo "fuzz/smoke: harness built in $((t1 - t0)) s ($b); fuzzing for $secs s"
# The seed corpus is ~150 files; fuzz only what fits in the time limit.
set +e
"$here/run.sh" "$b/test/fuzz/fuzz_translate" "$secs" "$b/work" >"$b/fuzz.log" 2>&1
rc=$?
set -e
grep -E '^#[0-9]+.*(INITED|DONE)|stat::number_of_executed_units|stat::new_units_added|stat::peak_rss|ERROR|SUMMARY|Test unit written|artifact_prefix|crash-|timeout-|leak-' \
  "$b/fuzz.log" | head -40
echo "fuzz/smoke: fuzzer exit status $rc after $(( $(date +%s) - t1 )) s (full log: $b/fuzz.log)"
exit $rc
