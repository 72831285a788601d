#!/usr/bin/env bash
# Regenerates the state pictures in docs/images from the examples:
# `yieldc --emit=dot` (the Graphviz source, kept beside the picture) and
# `dot -Tsvg`.  Run from the repository root after building:
#   scripts/pictures.sh [BUILD_DIR]      (default: build)
# dot comes from Debian's graphviz package (scripts/setup.sh installs it).
set -euo pipefail
build=${1:-build}
yieldc=$build/bin/yieldc
[[ -x $yieldc ]] || { echo "pictures: no $yieldc: build first" >&2; exit 1; }
command -v dot >/dev/null || { echo "pictures: no dot: install graphviz (scripts/setup.sh)" >&2; exit 1; }
# NAME:EXAMPLE[:FUNCTION]: the picture docs/images/NAME.svg of the example
# (of one of its coroutine functions when FUNCTION is given).
for spec in fibonacci:fibonacci throw_catch:throw_catch; do
  IFS=: read -r name example func <<<"$spec"
  emit=--emit=dot
  [[ -n ${func:-} ]] && emit=--emit=dot=$func
  "$yieldc" "$emit" "examples/$example.c" -o "docs/images/$name.dot"
  dot -Tsvg "docs/images/$name.dot" -o "docs/images/$name.svg"
  echo "docs/images/$name.svg"
done
