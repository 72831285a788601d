/* `yieldc cc gcc` never fails where gcc alone passes: libclang's warnings
 * do not stop a translation, whatever -Werror says, and options libclang
 * does not know are left out of its parse while gcc still gets them all.
 *
 * RUN: rm -rf %t && mkdir -p %t
 * RUN: printf '#!/bin/sh\necho "$@" > %t/args\nexec gcc "$@"\n' > %t/gcc && chmod +x %t/gcc
 *
 * `"abcdef" + i` is clang's -Wstring-plus-int, on by default; gcc has no
 * such warning.  gcc alone accepts that function; so does the launcher
 * with the whole file.
 * RUN: gcc -O2 -Wall -Wextra -Werror -DONLY_SUFFIX -c %s -o %t/direct.o
 * RUN: %yieldc cc %t/gcc -O2 -Wall -Wextra -Werror -c %s -o %t/w.o
 * RUN: %yieldc cc %t/gcc -O2 -Wall -Wextra -Werror -Wstrict-prototypes -Wformat=2 \
 * RUN:   -std=gnu11 -c %s -o %t/w.o
 * The file was translated (the compiler read the translation).
 * RUN: FileCheck --check-prefix=TRANSLATED %s < %t/args
 * TRANSLATED: -iquote {{.*}} -c {{.*}}w.o.yc.c -o {{.*}}w.o
 *
 * gcc-only options: libclang rejects each of them ("unknown argument",
 * "unsupported argument", or no parse at all); gcc gets every one.
 * RUN: %yieldc cc %t/gcc -O2 -fanalyzer -fconserve-stack -fdiagnostics-format=json \
 * RUN:   -fno-tree-loop-distribute-patterns -fno-tree-vectorize -fharden-compares \
 * RUN:   -mpreferred-stack-boundary=4 -Wno-unknown-foo -Wlogical-op -Werror -fmax-errors=3 \
 * RUN:   --param max-inline-insns-single=100 -c %s -o %t/g.o
 * RUN: FileCheck --check-prefix=GCC %s < %t/args
 * GCC: -fanalyzer -fconserve-stack -fdiagnostics-format=json -fno-tree-loop-distribute-patterns
 * GCC-SAME: -fno-tree-vectorize -fharden-compares -mpreferred-stack-boundary=4 -Wno-unknown-foo
 * GCC-SAME: -Wlogical-op -Werror -fmax-errors=3 --param max-inline-insns-single=100 -c {{.*}}g.o.yc.c
 *
 * Options libclang knows still reach it: without -DSTEP the file does
 * not translate (and the error is libclang's, at the user's line).
 * RUN: %yieldc cc %t/gcc -O2 -fconserve-stack -DSTEP=2 -UNOTHING -c %s -o %t/s.o
 * RUN: not %yieldc cc %t/gcc -O2 -fconserve-stack -DNEED_STEP -c %s -o %t/s.o 2> %t/step.err
 * RUN: FileCheck --check-prefix=STEP %s < %t/step.err
 */
#ifndef ONLY_SUFFIX
#include <yieldc.h>
#endif

#ifdef NEED_STEP
#define INC STEP
#else
#define INC 1
#endif

const char *suffix(int i) { return "abcdef" + i; }

#ifndef ONLY_SUFFIX

yc_generator(int) count(int n) {
  for (int i = 0; i < n; i += INC) // STEP: launcher-flags.c:[[@LINE]]:{{[0-9]+}}: error: use of undeclared identifier 'STEP'
    yield(i);
}

int total(void) {
  int t = 0;
  yc_foreach (int v, count(4))
    t += v;
  return t;
}
#endif
