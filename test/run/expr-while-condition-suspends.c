// RUN: %yieldc %s -o %t.c -- -I%S/Inputs
// RUN: %cc -I%S/Inputs %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: yielded 0
// CHECK-NEXT: result 0
// CHECK-NOT: {{.}}
/* while (n < yield(...)): the condition suspends every time it is tested. */
#include "drive.h"

yc_generator(int, int, int) wcond(void) {
  int n = 0;
  while (n * 100 < yield(n, int) - 100) n += 1;
  yc_return(n);
}

int main(void) { drive(wcond()); return 0; }
