// RUN: %yieldc %s -o %t.c -- -I%S/Inputs
// RUN: %cc -I%S/Inputs %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: yielded 0
// CHECK-NEXT: yielded 1
// CHECK-NEXT: yielded 2
// CHECK-NEXT: result 621
// CHECK-NOT: {{.}}
/* switch (yield(...)): the value is what was sent. */
#include "drive.h"

yc_generator(int, int, int) sw(void) {
  int acc = 0;
  for (int i = 0; i < 3; i++) {
    switch (yield(i, int)) {
    case 100: acc += 1; break;
    case 200: acc += 20; /* fall through */
    default: acc += 300;
    }
  }
  yc_return(acc);
}

int main(void) { drive(sw()); return 0; }
