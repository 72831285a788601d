// RUN: %yieldc %s -o %t.c -- -I%S/Inputs
// RUN: %cc -I%S/Inputs %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: yielded 1
// CHECK-NEXT: yielded 101
// CHECK-NEXT: yielded -1
// CHECK-NEXT: result 401
// CHECK-NOT: {{.}}
/* x += yield(...), and a[yield(...)] = yield(...): the place is computed
 * first, then the value. */
#include "drive.h"

yc_generator(int, int, int) assign(void) {
  int x = 1;
  int a[4] = {0, 0, 0, 0};
  x += yield(x, int);
  a[yield(x, int) / 100 - 1] = yield(-1, int);
  yc_return(x + a[0] + a[1] + a[2] + a[3]);
}

int main(void) { drive(assign()); return 0; }
