#!/bin/sh
# scripts/opt-matrix.sh [-b BUILD] [-w WORKDIR] [CONFIG...] - build and run
# every example and the lit run suite with each compiler and flag set.
#
# A CONFIG is a compiler followed by its flags, one shell word, e.g.
# "gcc -O1" or "clang -O2 -flto".  Without CONFIGs the whole matrix runs:
# gcc -O0 -O1 -O2 -O3 -Os -Og, clang -O0 -O1 -O2 -O3 -Os, and -O2 -flto
# under both.  For each config libyieldc is compiled again with the same
# compiler and flags (so -flto optimises across the runtime too), the
# translated examples (examples/*.c, translated once by BUILD's yieldc) are
# compiled with -std=gnu11 -Wall -Wextra -Werror, run and compared with
# their .expected output, and the lit run suite runs with those flags
# (lit params cc, cflags, libdir).  One summary line per config; exits 1
# if anything failed.  ctest runs it for the build's compiler at -O1 and
# with -flto (test/CMakeLists.txt).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build
work=${TMPDIR:-/tmp}/yieldc-opt-matrix
while getopts b:w: opt; do
  case $opt in
  b) build=$OPTARG ;;
  w) work=$OPTARG ;;
  *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if [ $# -eq 0 ]; then
  set -- "gcc -O0" "gcc -O1" "gcc -O2" "gcc -O3" "gcc -Os" "gcc -Og" "gcc -O2 -flto" \
    "clang -O0" "clang -O1" "clang -O2" "clang -O3" "clang -Os" "clang -O2 -flto"
fi
yieldc=$build/bin/yieldc
site=$build/test/lit.site.cfg.py
lit=$(sed -n 's/^lit_py = "\(.*\)"$/\1/p' "$site" 2>/dev/null || true)
python=${PYTHON:-python3}
[ -x "$yieldc" ] && [ -f "$site" ] && [ -f "$lit" ] || {
  echo "opt-matrix: build $build first (yieldc, lit site config, LIT_PY)" >&2
  exit 2
}
mkdir -p "$work/translated"
for src in "$root"/examples/*.c; do
  name=$(basename "$src" .c)
  "$yieldc" "$src" -o "$work/translated/$name.yc.c" -- -I"$root/include"
done

status=0
for config in "$@"; do
  set -- $config
  cc=$1
  shift
  flags="$*"
  dir=$work/$(echo "$config" | tr -c 'A-Za-z0-9\n' '_')
  rm -rf "$dir"
  mkdir -p "$dir/lib" "$dir/bin"
  log=$dir/log
  : > "$log"
  # An LTO archive needs the compiler's own ar (its plugin indexes the
  # intermediate code).
  case "$cc $flags" in
  *clang*-flto*) ar=llvm-ar ;;
  *-flto*) ar=gcc-ar ;;
  *) ar=ar ;;
  esac
  ok=1
  for f in "$root"/runtime/*.c; do
    $cc $flags -std=gnu11 -g -D_GNU_SOURCE -I"$root/include" -c "$f" \
      -o "$dir/lib/$(basename "$f" .c).o" >> "$log" 2>&1 || ok=0
  done
  $ar rcs "$dir/lib/libyieldc.a" "$dir"/lib/*.o >> "$log" 2>&1 || ok=0
  if [ $ok = 0 ]; then
    echo "$config: libyieldc does not build (see $log)"
    status=1
    continue
  fi
  expass=0 extotal=0 exfail=""
  for t in "$work"/translated/*.yc.c; do
    name=$(basename "$t" .yc.c)
    extotal=$((extotal + 1))
    if $cc $flags -std=gnu11 -Wall -Wextra -Werror -g -I"$root/include" "$t" \
         -L"$dir/lib" -lyieldc -o "$dir/bin/$name" >> "$log" 2>&1 &&
       (cd "$root/examples" && "$dir/bin/$name" > "$dir/bin/$name.out" 2>> "$log") &&
       cmp -s "$dir/bin/$name.out" "$root/examples/$name.expected"; then
      expass=$((expass + 1))
    else
      exfail="$exfail $name"
      echo "example $name failed" >> "$log"
    fi
  done
  litout=$($python "$lit" -q --param site_config="$site" --param cc="$cc" \
    --param cflags="$flags" --param libdir="$dir/lib" --param exec_root="$dir/lit" "$root/test/run" 2>&1) && litok=1 || litok=0
  printf '%s\n' "$litout" >> "$log"
  nfail=$(printf '%s\n' "$litout" | sed -n 's/^ *Failed *: *\([0-9]*\)/\1/p')
  ntests=$(grep -l 'RUN:' "$root"/test/run/*.c | wc -l)
  echo "$config: examples $expass/$extotal, lit run $((ntests - ${nfail:-0}))/$ntests${exfail:+ (failed:$exfail)}"
  if [ $expass -ne $extotal ] || [ $litok = 0 ]; then
    status=1
    printf '%s\n' "$litout" | grep '::' || true
  fi
done
exit $status
