// RUN: %yieldc %s -o %t.c -- -I%S/Inputs
// RUN: %cc -I%S/Inputs %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: yielded 7
// CHECK-NEXT: result 207
// CHECK-NOT: {{.}}
/* yc_return(expression with a suspension point). */
#include "drive.h"

yc_generator(int, int, int) ret(int k) {
  yc_return(yield(k, int) * 2 + k);
}

int main(void) { drive(ret(7)); return 0; }
