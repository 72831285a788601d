#!/usr/bin/env bash
# Every test: set up, then build and run all suites twice - once with
# AddressSanitizer+UndefinedBehaviorSanitizer and -Werror (tool, runtime and
# generated code), once as a normal optimised build whose ctest summary is
# the last line printed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup.sh
jobs=$(nproc)

cmake -S . -B build-san -DYIELDC_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-san -j"$jobs"
ctest --test-dir build-san -j"$jobs" --output-on-failure

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build -j"$jobs" --output-on-failure
