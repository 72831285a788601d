/* `cmake --install` puts the tool, libyieldc, the public headers and the
 * CMake package in a prefix; an out-of-tree project then builds with
 * find_package(yieldc) + yieldc_translate() and runs.
 *
 * RUN: rm -rf %t && mkdir -p %t
 * RUN: %cmake --install %builddir --prefix %t/prefix > %t/install.log
 * (A -DBUILD_SHARED_LIBS=ON build adds lib/libyieldc.so*: test/sharedlib.)
 * RUN: cd %t/prefix && find . -type f | grep -v '/libyieldc\.so' | sort | FileCheck --check-prefix=FILES %s
 * FILES:      ./bin/yieldc
 * FILES-NEXT: ./include/yieldc.h
 * FILES-NEXT: ./include/yieldc/chan.h
 * FILES-NEXT: ./include/yieldc/coro.h
 * FILES-NEXT: ./include/yieldc/deadline.h
 * FILES-NEXT: ./include/yieldc/loop.h
 * FILES-NEXT: ./include/yieldc/multiloop.h
 * FILES-NEXT: ./include/yieldc/sched.h
 * FILES-NEXT: ./lib/cmake/yieldc/yieldcConfig.cmake
 * FILES-NEXT: ./lib/cmake/yieldc/yieldcConfigVersion.cmake
 * FILES-NEXT: ./lib/cmake/yieldc/yieldcTargets-{{.*}}.cmake
 * FILES-NEXT: ./lib/cmake/yieldc/yieldcTargets.cmake
 * FILES-NEXT: ./lib/libyieldc.a
 * FILES-NEXT: ./lib/pkgconfig/yieldc.pc
 * FILES-NEXT: ./libexec/yieldc-translator
 * FILES-NEXT: ./share/man/man1/yieldc.1
 * FILES-NEXT: ./share/yieldc/yieldc-gdb.py
 * FILES-NOT:  {{.}}
 *
 * The out-of-tree build uses the installed tool, not the build tree's.
 * RUN: %cmake -S %S/Inputs/oot -B %t/build -DCMAKE_C_COMPILER=%compiler \
 * RUN:   -DCMAKE_PREFIX_PATH=%t/prefix > %t/configure.log
 * RUN: %cmake --build %t/build --verbose > %t/build.log
 * RUN: FileCheck --check-prefix=BUILD %s < %t/build.log
 * BUILD: {{.*}}/prefix/bin/yieldc {{.*}}/Inputs/oot/main.c -o {{.*}}/yieldc/oot/main.c.yc.c --
 * BUILD-SAME: -DOOT_STEP=3
 * BUILD: -iquote {{.*}}/Inputs/oot {{.*}}main.c.yc.c
 * BUILD: {{.*}}/prefix/lib/libyieldc.{{a|so[.0-9]*}}
 * RUN: %t/build/oot | FileCheck %s
 * CHECK: multiples of 3: 3 6 9 12
 *
 * The translation maps back to the source.
 * RUN: FileCheck --check-prefix=LINE %s < %t/build/yieldc/oot/main.c.yc.c
 * LINE: #line 1 "{{.*}}/Inputs/oot/main.c"
 *
 * Nothing rebuilds when nothing changed; a changed source is translated
 * again.
 * RUN: %cmake --build %t/build --verbose > %t/rebuild.log
 * RUN: not grep -e 'yieldc main.c' -e 'Building C' %t/rebuild.log
 *
 * The installed tool finds the installed headers and library, nowhere
 * else: with the build tree's include directory out of reach it still
 * translates, and `yieldc cc` links the prefix's libyieldc.
 * RUN: %t/prefix/bin/yieldc cc echo -o %t/prog %S/Inputs/oot/main.c \
 * RUN:   | FileCheck --check-prefix=CC -DPREFIX=%t/prefix %s
 * CC: -I[[PREFIX]]/{{bin|libexec}}/../include -L[[PREFIX]]/{{bin|libexec}}/../lib -lyieldc
 */
