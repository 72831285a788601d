// RUN: %yieldc %s -o %t.c -- -I%S/Inputs
// RUN: %cc -I%S/Inputs %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: yielded 6
// CHECK-NEXT: result 106
// CHECK-NOT: {{.}}
/* The comma operator keeps its order: left, suspend, right. */
#include "drive.h"

yc_generator(int, int, int) comma(void) {
  int a = 1, b;
  b = (a += 5, yield(a, int) + a);
  yc_return(b);
}

int main(void) { drive(comma()); return 0; }
