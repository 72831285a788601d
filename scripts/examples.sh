#!/usr/bin/env bash
# The main job: set up, build yieldc and the runtime, and run every example,
# checking each one's output against examples/NAME.expected.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
for exe in build/examples/*; do
  name=$(basename "$exe")
  # only the example programs (not CMakeFiles/ and other build files)
  [[ -f $exe && -x $exe && -f examples/$name.c ]] || continue
  echo "== examples/$name.c"
  (cd examples && "../$exe")
done
ctest --test-dir build -R '^example/' --output-on-failure
