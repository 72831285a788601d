/* yieldc_translate() passes yieldc's depfile (-MD) to add_custom_command's
 * DEPFILE: a header change that changes a translation (a #if around a
 * yield) remakes it, with Ninja and with Makefiles.
 *
 * RUN: rm -rf %t && mkdir -p %t
 * RUN: %cmake --install %builddir --prefix %t/prefix > /dev/null
 *
 * Ninja.
 * RUN: cp -r %S/Inputs/depfile %t/ninja-src
 * RUN: %cmake -G Ninja -S %t/ninja-src -B %t/ninja -DCMAKE_C_COMPILER=%compiler \
 * RUN:   -DCMAKE_PREFIX_PATH=%t/prefix > %t/ninja-configure.log
 * RUN: %cmake --build %t/ninja --verbose > %t/ninja-build.log
 * RUN: FileCheck --check-prefix=CMD %s < %t/ninja-build.log
 * CMD: {{.*}}/prefix/bin/yieldc -MD -MF {{.*}}/yieldc/dep/main.c.yc.c.d {{.*}}/main.c -o {{.*}}/yieldc/dep/main.c.yc.c --
 * RUN: %t/ninja/dep | FileCheck --check-prefix=ONE %s
 * ONE: 1 end
 * The depfile names the output, the source and the headers it read.
 * RUN: FileCheck --check-prefix=DEPS %s < %t/ninja/yieldc/dep/main.c.yc.c.d
 * DEPS: {{.*}}/yieldc/dep/main.c.yc.c: \
 * DEPS-NEXT: {{.*}}-src/main.c \
 * DEPS: {{.*}}/prefix/{{.*}}include/yieldc.h \
 * DEPS: {{.*}}-src/gen.h
 * Nothing to do when nothing changed.
 * RUN: %cmake --build %t/ninja --verbose > %t/ninja-noop.log
 * RUN: not grep -e 'yieldc main.c' -e 'Building C' %t/ninja-noop.log
 * The header changes (and is newer than the translation, whatever the
 * clock's granularity): the translation is made again, and links.
 * RUN: printf '#define GEN_SECOND 1\n' > %t/ninja-src/gen.h
 * RUN: touch -r %t/ninja/yieldc/dep/main.c.yc.c -d '+1 second' %t/ninja-src/gen.h
 * RUN: %cmake --build %t/ninja --verbose > %t/ninja-rebuild.log
 * RUN: grep -q 'bin/yieldc -MD' %t/ninja-rebuild.log
 * RUN: %t/ninja/dep | FileCheck --check-prefix=TWO %s
 * TWO: 1 2 end
 *
 * Makefiles.
 * RUN: cp -r %S/Inputs/depfile %t/make-src
 * RUN: %cmake -G "Unix Makefiles" -S %t/make-src -B %t/make -DCMAKE_C_COMPILER=%compiler \
 * RUN:   -DCMAKE_PREFIX_PATH=%t/prefix > %t/make-configure.log
 * RUN: %cmake --build %t/make --verbose > %t/make-build.log
 * RUN: FileCheck --check-prefix=CMD %s < %t/make-build.log
 * RUN: %t/make/dep | FileCheck --check-prefix=ONE %s
 * RUN: %cmake --build %t/make --verbose > %t/make-noop.log
 * RUN: not grep -e 'yieldc main.c' -e 'Building C' %t/make-noop.log
 * RUN: printf '#define GEN_SECOND 1\n' > %t/make-src/gen.h
 * RUN: touch -r %t/make/yieldc/dep/main.c.yc.c -d '+1 second' %t/make-src/gen.h
 * RUN: %cmake --build %t/make --verbose > %t/make-rebuild.log
 * RUN: grep -q 'bin/yieldc -MD' %t/make-rebuild.log
 * RUN: %t/make/dep | FileCheck --check-prefix=TWO %s
 */
