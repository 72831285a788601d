// RUN: %yieldc %s -o %t.c -- -I%S/Inputs
// RUN: %cc -I%S/Inputs %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: yielded 1
// CHECK-NEXT: yielded 2
// CHECK-NEXT: yielded 3
// CHECK-NEXT: result 300300
// CHECK-NOT: {{.}}
/* Suspensions in a braced initialiser and in a compound literal, each
 * element in order. */
#include "drive.h"

struct pair { int a, b; };
static int sum_pair(struct pair p) { return p.a * 1000 + p.b; }

yc_generator(int, int, int) inits(void) {
  struct pair p = {yield(1, int), yield(2, int)};
  int s = sum_pair((struct pair){yield(3, int), p.a + p.b});
  yc_return(s);
}

int main(void) { drive(inits()); return 0; }
