/* `yieldc cc` as CMAKE_C_COMPILER_LAUNCHER.
 *
 * RUN: rm -rf %t && mkdir -p %t
 * RUN: %cmake --install %builddir --prefix %t/prefix > /dev/null
 * RUN: %cmake -S %S/Inputs/launcher -B %t/build -DCMAKE_C_COMPILER=%compiler \
 * RUN:   -DCMAKE_PREFIX_PATH=%t/prefix "-DCMAKE_C_COMPILER_LAUNCHER=%t/prefix/bin/yieldc;cc" \
 * RUN:   > %t/configure.log
 * RUN: %cmake --build %t/build --verbose > %t/build.log
 * RUN: FileCheck --check-prefix=BUILD %s < %t/build.log
 * BUILD: {{.*}}/prefix/bin/yieldc cc {{.*}} -DOOT_STEP=7 {{.*}}/Inputs/oot/main.c
 * RUN: %t/build/launched | FileCheck %s
 * CHECK: multiples of 7: 7 14 21 28
 *
 * The compiler's dependency file names the source and its headers, not
 * the temporary translation, so make is up to date afterwards and
 * rebuilds when a header changes.
 * RUN: find %t/build -name main.c.o.d -exec cat {} + | FileCheck --check-prefix=DEPS %s
 * DEPS: Inputs/oot/oot.h
 * DEPS-NOT: .yc.c
 * RUN: %cmake --build %t/build --verbose > %t/rebuild.log
 * RUN: not grep 'Building C' %t/rebuild.log
 */
