// RUN: %yieldc %s -o %t.c -- -I%S/Inputs
// RUN: %cc -I%S/Inputs %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: yielded 1
// CHECK-NEXT: yielded 3
// CHECK-NEXT: result 1
// CHECK-NOT: {{.}}
/* The right side of && never suspends when the left is false. */
#include "drive.h"

yc_generator(int, int, int) land(void) {
  int hits = 0;
  for (int i = 0; i < 4; i++)
    if (i % 2 == 1 && yield(i, int) > 150) hits++;
  yc_return(hits);
}

int main(void) { drive(land()); return 0; }
