#!/bin/sh
# tsan.sh SRC YIELDC OUT SEEDS - build libyieldc's sources and the
# multiloop stress test with clang -fsanitize=thread in OUT, and run the
# test over SEEDS: any ThreadSanitizer report fails it (exit code 66).
# 77 (skipped) when clang is missing or cannot build a TSan program.
set -e
src=$1 yieldc=$2 out=$3 seeds=$4
cc=${YIELDC_TSAN_CC:-clang}
command -v "$cc" >/dev/null 2>&1 || { echo "tsan: no $cc: skipped"; exit 77; }
mkdir -p "$out"
flags="-fsanitize=thread -O1 -g -D_GNU_SOURCE -Wall -Wextra -Werror -I$src/include"
printf 'int main(void){return 0;}\n' > "$out/probe.c"
if ! "$cc" $flags "$out/probe.c" -o "$out/probe" >/dev/null 2>&1 || ! "$out/probe"; then
  echo "tsan: $cc cannot build or run a -fsanitize=thread program: skipped"
  exit 77
fi
"$yieldc" "$src/test/load/multiloop_stress.c" -o "$out/multiloop_stress.t.c"
# One compiler call for the runtime and the test: a few seconds.
"$cc" $flags -pthread "$src"/runtime/*.c "$out/multiloop_stress.t.c" -o "$out/multiloop_stress"
TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1" "$out/multiloop_stress" "$seeds"
