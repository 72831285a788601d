/* Debugging a translation: compiled with -g -O0, gdb breaks on a line of
 * the generator body (the #line directives map the resume function to
 * this file) and prints its locals by name, as C locals of the resume
 * function, with the values they have after a resumption.  A local that
 * lives in the frame (its address is taken) is `f->buf`, or `buf` with
 * yieldc-gdb.py loaded.
 *
 * RUN: rm -rf %t && mkdir -p %t
 * RUN: %yieldc %s -o %t/gen.yc.c
 * RUN: %compiler -g -O0 %sanflags -I%include %t/gen.yc.c -o %t/gen %link
 * The breakpoint goes on the line marked "break here" below.
 * RUN: grep -n 'break here' %s | tail -1 | cut -d: -f1 > %t/line
 * RUN: gdb -nx -batch -ex "break gdb-lifted-locals.c:$(cat %t/line)" -ex run \
 * RUN:   -ex 'print i' -ex 'print total' -ex continue -ex 'print i' -ex 'print total' \
 * RUN:   -ex 'print f->buf' %t/gen > %t/plain.log 2>&1
 * RUN: FileCheck --check-prefix=PLAIN %s < %t/plain.log
 * PLAIN: Breakpoint 1{{(\.[0-9]+)?}}, {{.*}}squares__resume {{.*}} at {{.*}}gdb-lifted-locals.c:{{[0-9]+}}
 * PLAIN-NEXT: {{[0-9]+}} {{.*}}int sq = i * i; // break here
 * PLAIN-NEXT: $1 = 0
 * PLAIN-NEXT: $2 = 0
 * PLAIN: Breakpoint 1{{(\.[0-9]+)?}}, {{.*}}squares__resume {{.*}} at {{.*}}gdb-lifted-locals.c:{{[0-9]+}}
 * PLAIN: $3 = 1
 * PLAIN-NEXT: $4 = 0
 * PLAIN-NEXT: $5 = "sq0{{.*}}"
 *
 * RUN: gdb -nx -batch -ex 'source %srcroot/cmake/yieldc-gdb.py' -ex "break gdb-lifted-locals.c:$(cat %t/line)" \
 * RUN:   -ex run -ex continue -ex continue -ex 'print i' -ex 'print total + 100' -ex 'print buf' -ex yc-locals \
 * RUN:   -ex up -ex 'print i' -ex down -ex 'print i' %t/gen > %t/macro.log 2>&1
 * RUN: FileCheck --check-prefix=MACRO %s < %t/macro.log
 * MACRO: $1 = 2
 * MACRO-NEXT: $2 = 101
 * MACRO-NEXT: $3 = "sq1{{.*}}"
 * MACRO-NEXT: n = 4
 * MACRO-NEXT: total = 1
 * MACRO-NEXT: buf = "sq1{{.*}}"
 * MACRO-NEXT: i = 2
 * Outside the coroutine the names mean nothing.
 * MACRO: No symbol "{{[fi]}}" in current context.
 * MACRO: $4 = 2
 *
 * Blocks that never run at the same time share the frame's storage (an
 * anonymous union): yc-locals sees their slots too.
 * RUN: grep -n 'phase two' %s | tail -1 | cut -d: -f1 > %t/line2
 * RUN: gdb -nx -batch -ex 'source %srcroot/cmake/yieldc-gdb.py' -ex "break gdb-lifted-locals.c:$(cat %t/line2)" \
 * RUN:   -ex run -ex yc-locals -ex 'print down + 40' %t/gen > %t/union.log 2>&1
 * RUN: FileCheck --check-prefix=UNION %s < %t/union.log
 * UNION: up = 2
 * UNION-NEXT: down = 2
 * UNION-NEXT: $1 = 42
 */
#include <stdio.h>
#include <yieldc.h>

yc_generator(int) squares(int n) {
  int total = 0;
  char buf[8] = "";
  for (int i = 0; i < n; i++) {
    int sq = i * i; // break here
    total += sq;
    snprintf(buf, sizeof buf, "sq%d", i);
    yield(sq);
  }
  yield(total + buf[0]);
}

yc_generator(int) two_phases(void) {
  {
    int up = 1;
    yield(up);
    yield(up + 1);
  }
  {
    int down = 2;
    yield(down);
    yield(down + 1); // phase two
  }
}

int main(void) {
  yc_foreach (int v, squares(4))
    printf("%d\n", v);
  yc_foreach (int v, two_phases())
    printf("%d\n", v);
  return 0;
}
