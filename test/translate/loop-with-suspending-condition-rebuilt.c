// A loop whose condition suspends is rebuilt around for (;;): the test runs
// (and suspends) each time round; continue in a for loop whose increment
// suspends goes to the increment.
// RUN: %yieldc %s -o %t.c
// RUN: grep -v '^//' %t.c | FileCheck %s
// RUN: %cc -c %t.c -o %t.o
#include <yieldc.h>

yc_generator(int, int) loops(void) {
  int n = 0;
  while (n < yield(n, int)) n++;
  for (int i = 0; i < 3; i += yield(i, int)) {
    if (i == 1) continue;
  }
}
// The left operand is saved before the right one suspends:
// CHECK: { for (;;) { f->yc__t1 = (n); {{.*}}return YC__YIELD;{{.*}} if (!(f->yc__t1 < yc__t2)) break; n++; } }
// The for statement's declaration opens the block around the loop:
// CHECK: { int i = 0; for (;;) { if (!(i < 3)) break; {
// CHECK: { goto yc_cont_2; }
// CHECK: yc_cont_2: __attribute__((unused)); {{.*}}return YC__YIELD;
