#!/usr/bin/env bash
# Every test: set up, then build and run all suites three times: with
# AddressSanitizer+UndefinedBehaviorSanitizer and -Werror (tool, runtime and
# generated code) under clang at -O2 and under gcc at -O0, then as a normal
# gcc -O2 build whose ctest summary is the last line printed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup.sh
jobs=$(nproc)

# clang, sanitizers, -O2
cmake -S . -B build-clang-san -DCMAKE_C_COMPILER=clang -DYIELDC_SANITIZE=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-clang-san -j"$jobs"
ctest --test-dir build-clang-san -j"$jobs" --output-on-failure

# gcc, sanitizers, -O0
cmake -S . -B build-san -DYIELDC_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-san -j"$jobs"
ctest --test-dir build-san -j"$jobs" --output-on-failure

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build -j"$jobs" --output-on-failure
