#!/bin/sh
# build.sh SRCDIR OUTDIR COMMAND...: compiles the three files with
# COMMAND (a compiler command, e.g. `ccache yieldc cc gcc`), links them.
set -e
src=$1 out=$2
shift 2
mkdir -p "$out"
for f in gen main util; do
  "$@" -g -O2 -MD -c "$src/$f.c" -o "$out/$f.o"
done
"$@" "$out/gen.o" "$out/main.o" "$out/util.o" -o "$out/prog"
