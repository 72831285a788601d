/* yieldc -MD writes a Make rule naming the output and every file the
 * translation read, as compilers do: -MF names it, -MT the target, -MMD
 * leaves out system headers, -MP adds an empty rule per header.
 *
 * RUN: rm -rf %t && mkdir -p %t
 *
 * Default name: the output with .d for its suffix.
 * RUN: %yieldc -MD %s -o %t/out.yc.c -- "-I%S/Inputs/dep dir"
 * RUN: FileCheck --check-prefix=MD %s < %t/out.yc.d
 * MD:      {{^}}{{.*}}/out.yc.c: \
 * MD-NEXT: {{^}}  {{.*}}tooling/depfile.c \
 * MD:      {{^}}  /usr/include/{{.*}}stdio.h \
 * MD:      {{^}}  {{.*}}/include/yieldc.h \
 * MD:      {{^}}  {{.*}}/Inputs/dep\ dir/step$$\ 1.h{{$}}
 * MD-NOT:  {{.}}
 *
 * -MMD without system headers, -MF and -MT, -MP.
 * RUN: %yieldc -MMD -MF %t/deps -MT 'my target' -MP %s -o %t/x.c -- "-I%S/Inputs/dep dir"
 * RUN: FileCheck --check-prefix=MMD %s < %t/deps
 * MMD:      {{^}}my\ target: \
 * MMD-NEXT: {{^}}  {{.*}}tooling/depfile.c \
 * MMD-NOT:  /usr/include
 * MMD:      {{^}}  {{.*}}/include/yieldc.h \
 * MMD-NOT:  /usr/include
 * MMD:      {{^}}  {{.*}}/Inputs/dep\ dir/step$$\ 1.h{{$}}
 * MMD-EMPTY:
 * MMD-NEXT: {{^}}{{.*}}/include/yieldc.h:
 * MMD:      {{^}}{{.*}}/Inputs/dep\ dir/step$$\ 1.h:
 *
 * make reads it: the output is up to date until the header changes (a
 * copy, in a directory whose name needs the escapes).
 * RUN: mkdir -p "%t/inc dir" && cp "%S/Inputs/dep dir/step$ 1.h" "%t/inc dir/"
 * RUN: %yieldc -MD -MP %s -o %t/mk.c -- "-I%t/inc dir"
 * RUN: printf 'include %t/mk.d\n%t/mk.c:\n\t@echo remade\n' > %t/Makefile
 * RUN: make -q -f %t/Makefile %t/mk.c
 * (Newer by a second than the output, whatever the clock's granularity.)
 * RUN: touch -r %t/mk.c -d '+1 second' "%t/inc dir/step$ 1.h"
 * RUN: not make -q -f %t/Makefile %t/mk.c
 * A header that no longer exists is no error with -MP.
 * RUN: rm "%t/inc dir/step$ 1.h"
 * RUN: make -f %t/Makefile %t/mk.c
 *
 * Output on stdout: the depfile needs -MF and -MT.
 * RUN: %yieldc %s -o - -MD -MF %t/stdout.d -MT out.c -- "-I%S/Inputs/dep dir" > %t/stdout.c
 * RUN: FileCheck --check-prefix=STDOUT %s < %t/stdout.d
 * STDOUT: {{^}}out.c: \
 * RUN: not %yieldc %s -o - -MD -MF %t/stdout.d -- "-I%S/Inputs/dep dir" 2>&1 | FileCheck --check-prefix=NOTARGET %s
 * NOTARGET: yieldc: error: a depfile of output on stdout needs its target: add -MT TARGET
 *
 * No depfile when the translation fails.
 * RUN: not %yieldc -MD %s -o %t/bad.yc.c -- -DBROKEN "-I%S/Inputs/dep dir" 2> /dev/null
 * RUN: test ! -e %t/bad.yc.d
 */
#include <stdio.h>
#include <yieldc.h>

#include "step$ 1.h"

yc_generator(int) evens(int n) {
  for (int i = 0; i < n; i += STEP)
    yield(i);
#ifdef BROKEN
  yield(;
#endif
}

int main(void) {
  yc_foreach(int v, evens(6)) printf("%d\n", v);
  return 0;
}
