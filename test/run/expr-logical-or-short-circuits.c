// RUN: %yieldc %s -o %t.c -- -I%S/Inputs
// RUN: %cc -I%S/Inputs %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: yielded 2
// CHECK-NEXT: yielded 3
// CHECK-NEXT: result 3
// CHECK-NOT: {{.}}
/* The right side of || never suspends when the left is true. */
#include "drive.h"

yc_generator(int, int, int) lor(void) {
  int n = 0;
  for (int i = 0; i < 4; i++)
    n += i < 2 || yield(i, int) == 100;
  yc_return(n);
}

int main(void) { drive(lor()); return 0; }
