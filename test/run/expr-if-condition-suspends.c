// RUN: %yieldc %s -o %t.c -- -I%S/Inputs
// RUN: %cc -I%S/Inputs %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: yielded 0
// CHECK-NEXT: yielded 1
// CHECK-NEXT: yielded 2
// CHECK-NEXT: yielded 3
// CHECK-NEXT: result 22
// CHECK-NOT: {{.}}
/* if (yield(...) > x): the branch taken depends on the sent value. */
#include "drive.h"

yc_generator(int, int, int) ifc(void) {
  int big = 0;
  for (int i = 0; i < 4; i++) {
    if (yield(i, int) > 250) big++;
    else big += 10;
  }
  yc_return(big);
}

int main(void) { drive(ifc()); return 0; }
