// RUN: %yieldc %s -o %t.c -- -I%S/Inputs
// RUN: %cc -I%S/Inputs %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: yielded -1
// CHECK-NEXT: yielded 1
// CHECK-NEXT: yielded -2
// CHECK-NEXT: yielded 4
// CHECK-NEXT: yielded -2
// CHECK-NEXT: yielded 9
// CHECK-NEXT: yielded -2
// CHECK-NEXT: yielded 16
// CHECK-NEXT: result 14
// CHECK-NOT: {{.}}
/* A for loop whose condition and increment suspend; continue still runs
 * the increment. */
#include "drive.h"

yc_generator(int, int, int) fcond(void) {
  int seen = 0;
  for (int i = yield(-1, int) / 100; i < yield(i, int) / 50; i += yield(-2, int) / 100) {
    if (i == 2) continue;
    seen += i;
  }
  yc_return(seen);
}

int main(void) { drive(fcond()); return 0; }
