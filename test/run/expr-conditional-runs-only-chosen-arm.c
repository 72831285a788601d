// RUN: %yieldc %s -o %t.c -- -I%S/Inputs
// RUN: %cc -I%S/Inputs %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: yielded 20
// CHECK-NEXT: yielded 11
// CHECK-NEXT: yielded 22
// CHECK-NEXT: yielded 13
// CHECK-NEXT: result 1400
// CHECK-NOT: {{.}}
/* ?: suspends only in the arm it evaluates. */
#include "drive.h"

yc_generator(int, int, int) cond(void) {
  int total = 0;
  for (int i = 0; i < 4; i++)
    total += i % 2 ? yield(10 + i, int) : yield(20 + i, int) * 2;
  yc_return(total);
}

int main(void) { drive(cond()); return 0; }
