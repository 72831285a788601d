// RUN: %yieldc %s -o %t.c -- -I%S/Inputs
// RUN: %cc -I%S/Inputs %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: yielded 1
// CHECK-NEXT: yielded 2
// CHECK-NEXT: yielded 3
// CHECK-NEXT: yielded 4
// CHECK-NEXT: yielded 5
// CHECK-NEXT: result 53
// CHECK-NOT: {{.}}
/* do ... while (yield(...)): continue goes to the test, which suspends. */
#include "drive.h"

yc_generator(int, int, int) dcond(void) {
  int k = 0, odd = 0;
  do {
    k++;
    if (k % 2 == 0) continue;
    odd++;
  } while (yield(k, int) < 500);
  yc_return(k * 10 + odd);
}

int main(void) { drive(dcond()); return 0; }
