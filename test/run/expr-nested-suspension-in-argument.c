// RUN: %yieldc %s -o %t.c -- -I%S/Inputs
// RUN: %cc -I%S/Inputs %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: yielded 1
// CHECK-NEXT: yielded 101
// CHECK-NEXT: result 200
// CHECK-NOT: {{.}}
/* A suspension inside the argument of another: the inner runs first. */
#include "drive.h"

yc_generator(int, int, int) nested(void) {
  int v = yield(yield(1, int) + 1, int);
  yc_return(v);
}

int main(void) { drive(nested()); return 0; }
