/* A program built through `yieldc cc` is debugged with every file its
 * debug information names at hand: `next` over a yield, which can stop
 * on a line the translation adds, never meets a missing file (the
 * translation stays beside the output, as sq.yc.c here).
 *
 * RUN: rm -rf %t && mkdir -p %t && cp %s %t/sq.c
 * RUN: cd %t && %yieldc cc %compiler -g -O0 %sanflags sq.c -o sq
 * RUN: ls %t/sq.yc.c
 * RUN: grep -n 'yield here' %s | tail -1 | cut -d: -f1 > %t/line
 * RUN: gdb -nx -batch -ex "break sq.c:$(cat %t/line)" -ex run -ex next -ex next -ex next \
 * RUN:   -ex next -ex next -ex next -ex next -ex next -ex next -ex next %t/sq > %t/gdb.log 2>&1
 * RUN: FileCheck --implicit-check-not='No such file' %s < %t/gdb.log
 * CHECK: Breakpoint 1{{(\.[0-9]+)?}}, squares__resume {{.*}} at {{.*}}sq.c:[[#LINE:]]
 * CHECK: Breakpoint 1{{(\.[0-9]+)?}}, squares__resume {{.*}} at {{.*}}sq.c:[[#LINE]]
 */
#include <stdio.h>
#include <yieldc.h>

yc_generator(int) squares(int n) {
  for (int i = 0; i < n; i++) {
    int sq = i * i;
    yield(sq); // yield here
  }
}

int main(void) {
  int total = 0;
  yc_foreach (int v, squares(3))
    total += v;
  printf("total %d\n", total);
  return 0;
}
