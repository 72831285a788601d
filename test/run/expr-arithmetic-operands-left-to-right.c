// RUN: %yieldc %s -o %t.c -- -I%S/Inputs
// RUN: %cc -I%S/Inputs %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: yielded 1
// CHECK-NEXT: yielded 2
// CHECK-NEXT: result 1200
// CHECK-NOT: {{.}}
/* Both operands of * and + suspend; the left one is evaluated first. */
#include "drive.h"

yc_generator(int, int, int) arith(void) {
  int v = 10 * yield(1, int) + yield(2, int);
  yc_return(v);
}

int main(void) { drive(arith()); return 0; }
