// RUN: %yieldc %s -o %t.c -- -I%S/Inputs
// RUN: %cc -I%S/Inputs %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: yielded 1
// CHECK-NEXT: yielded 2
// CHECK-NEXT: result 1212
// CHECK-NOT: {{.}}
/* yield_from(g, T) inside an expression: both delegations run in order. */
#include "drive.h"

yc_generator(int, int, int) part(int base) {
  int got = yield(base, int);
  yc_return(got + base);
}

yc_generator(int, int, int) whole(void) {
  int t = yield_from(part(1), int) * 10 + yield_from(part(2), int);
  yc_return(t);
}

int main(void) { drive(whole()); return 0; }
