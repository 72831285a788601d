/* The out-of-tree project built by a plain Makefile: CC="yieldc cc cc"
 * translates and compiles, pkg-config gives -I, -L and -lyieldc.
 *
 * RUN: rm -rf %t && mkdir -p %t/mk
 * RUN: %cmake --install %builddir --prefix %t/prefix > /dev/null
 * RUN: env PKG_CONFIG_PATH=%t/prefix/lib/pkgconfig pkg-config --cflags --libs yieldc \
 * RUN:   | FileCheck --check-prefix=PC %s
 * PC: -I{{.*}}/prefix/lib/pkgconfig/../../include -L{{.*}}/prefix/lib/pkgconfig/../../lib -lyieldc
 * RUN: env PKG_CONFIG_PATH=%t/prefix/lib/pkgconfig pkg-config --modversion yieldc \
 * RUN:   | FileCheck --check-prefix=VERSION %s
 * VERSION: {{^[0-9]+\.[0-9]+\.[0-9]+$}}
 *
 * The objects go to %t/mk, away from the sources: main.c's "oot.h" must
 * still be found.
 * RUN: cd %t/mk && env PATH=%t/prefix/bin:$PATH PKG_CONFIG_PATH=%t/prefix/lib/pkgconfig \
 * RUN:   make -f %S/Inputs/oot/Makefile SRCDIR=%S/Inputs/oot CC="yieldc cc %compiler" > make.log
 * RUN: %t/mk/oot | FileCheck %s
 * CHECK: multiples of 5: 5 10 15 20
 * The translation stays beside the object (a debugger shows the lines it
 * adds).
 * RUN: ls %t/mk/main.o.yc.c
 */
