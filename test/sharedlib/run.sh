#!/bin/sh
# run.sh SOURCE_DIR CC WORK_DIR [CMAKE]
#
# The shared runtime: configures, builds and installs yieldc from
# SOURCE_DIR with -DBUILD_SHARED_LIBS=ON into WORK_DIR/prefix, then checks
# that libyieldc.so is installed with its SONAME and version next to
# libyieldc.a, that the CMake package links the shared library by default
# and the static one on request, that pkg-config offers both, that a
# dlopen'ed plugin linked with libyieldc.so runs its generators, and that
# the frame pool of libyieldc.so still steps aside for AddressSanitizer.
set -u
[ $# -eq 3 ] || [ $# -eq 4 ] || { echo "usage: run.sh SOURCE_DIR CC WORK_DIR [CMAKE]" >&2; exit 2; }
src=$1 cc=$2 w=$3 cmake=${4:-cmake}
inputs=$src/test/tooling/Inputs
rm -rf "$w" && mkdir -p "$w" && cd "$w" || exit 1

fail() {
  echo "FAIL: $*"
  exit 1
}
step() { # step NAME COMMAND...: run it, its output in NAME.log
  name=$1
  shift
  "$@" > "$name.log" 2>&1 || { cat "$name.log"; fail "$name: $*"; }
}

step configure "$cmake" -S "$src" -B build -DBUILD_SHARED_LIBS=ON -DYIELDC_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER="$cc"
step build "$cmake" --build build -j2
step install "$cmake" --install build --prefix "$w/prefix"
p=$w/prefix

# The library, its links and its SONAME; the static library beside it.
[ -f "$p/lib/libyieldc.so.0.1.0" ] || fail "no lib/libyieldc.so.0.1.0"
[ "$(readlink "$p/lib/libyieldc.so.0")" = libyieldc.so.0.1.0 ] || fail "libyieldc.so.0 -> $(readlink "$p/lib/libyieldc.so.0")"
[ "$(readlink "$p/lib/libyieldc.so")" = libyieldc.so.0 ] || fail "libyieldc.so -> $(readlink "$p/lib/libyieldc.so")"
[ -f "$p/lib/libyieldc.a" ] || fail "no lib/libyieldc.a"
objdump -p "$p/lib/libyieldc.so" | grep -q 'SONAME *libyieldc\.so\.0$' || fail "SONAME is not libyieldc.so.0"

# CMake package: yieldc::runtime is the shared library ...
step oot-configure "$cmake" -S "$inputs/oot" -B oot -DCMAKE_C_COMPILER="$cc" -DCMAKE_PREFIX_PATH="$p"
step oot-build "$cmake" --build oot
oot/oot | grep -q "multiples of 3: 3 6 9 12" || fail "oot (shared) output: $(oot/oot)"
objdump -p oot/oot | grep -q 'NEEDED *libyieldc\.so\.0$' || fail "oot does not need libyieldc.so.0"
# ... or the static one, on request.
step oots-configure "$cmake" -S "$inputs/oot" -B oot-static -DCMAKE_C_COMPILER="$cc" \
  -DCMAKE_PREFIX_PATH="$p" -Dyieldc_USE_STATIC_RUNTIME=ON
step oots-build "$cmake" --build oot-static
oot-static/oot | grep -q "multiples of 3: 3 6 9 12" || fail "oot (static) output"
if objdump -p oot-static/oot | grep -q libyieldc; then fail "oot-static needs libyieldc.so"; fi

# pkg-config: -lyieldc (the shared library here), --static, the archive.
export PKG_CONFIG_PATH="$p/lib/pkgconfig"
libs=$(pkg-config --libs yieldc)
case $libs in *-lyieldc*) ;; *) fail "pkg-config --libs: $libs" ;; esac
case $(pkg-config --static --libs yieldc) in *-pthread*) ;; *) fail "pkg-config --static --libs lacks -pthread" ;; esac
a=$(pkg-config --variable=staticlib yieldc)
[ -f "$a" ] || fail "pkg-config --variable=staticlib: $a"
"$p/bin/yieldc" "$inputs/oot/main.c" -o main.yc.c -- -DOOT_STEP=7 || fail "translate main.c"
step pc-shared "$cc" -iquote "$inputs/oot" -DOOT_STEP=7 $(pkg-config --cflags yieldc) main.yc.c -o pc-shared $libs
LD_LIBRARY_PATH="$p/lib" ./pc-shared | grep -q "multiples of 7: 7 14 21 28" || fail "pc-shared output"
objdump -p pc-shared | grep -q 'NEEDED *libyieldc\.so\.0$' || fail "pc-shared does not need libyieldc.so.0"
step pc-static "$cc" -iquote "$inputs/oot" -DOOT_STEP=7 $(pkg-config --cflags yieldc) main.yc.c -o pc-static "$a" -pthread
./pc-static | grep -q "multiples of 7: 7 14 21 28" || fail "pc-static output"

# A plugin linked with libyieldc.so, dlopen'ed by a host without it.
"$p/bin/yieldc" "$inputs/plugin/plugin.c" -o plugin.yc.c || fail "translate plugin.c"
step plugin "$cc" -fPIC -shared $(pkg-config --cflags yieldc) plugin.yc.c -o plugin.so $libs
objdump -p plugin.so | grep -q 'NEEDED *libyieldc\.so\.0$' || fail "plugin.so does not need libyieldc.so.0"
step host "$cc" "$inputs/plugin/host.c" -o host -ldl
LD_LIBRARY_PATH="$p/lib" ./host "$w/plugin.so" > host.out 2>&1 || { cat host.out; fail "host"; }
grep -q "host: plugin_run(3) -> 15" host.out || { cat host.out; fail "host output"; }

# The shared runtime's frame pool notices ASan too (when ASan can link).
printf 'int main(void) { return 0; }\n' > probe.c
if "$cc" -fsanitize=address probe.c -o probe > /dev/null 2>&1 && ./probe; then
  "$p/bin/yieldc" "$src/test/checkers/frames.c" -o frames.yc.c || fail "translate frames.c"
  step asan "$cc" -g -fsanitize=address $(pkg-config --cflags yieldc) frames.yc.c -o frames $libs
  LD_LIBRARY_PATH="$p/lib" ./frames uaf > asan.out 2>&1
  grep -q "ERROR: AddressSanitizer: heap-use-after-free" asan.out || { cat asan.out; fail "no ASan report with libyieldc.so"; }
  echo "ok: ASan sees a freed generator's frame of libyieldc.so"
else
  echo "note: $cc cannot link -fsanitize=address; that check not made"
fi
echo "ok: libyieldc.so (SONAME libyieldc.so.0) and libyieldc.a installed; CMake package, pkg-config and a dlopen'ed plugin use them"
