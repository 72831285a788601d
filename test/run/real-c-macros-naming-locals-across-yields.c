// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 1
// CHECK-NEXT: 2
// CHECK-NEXT: 3
// CHECK-NEXT: 13
// CHECK-NEXT: 1327
// CHECK-NEXT: 27
// CHECK-NEXT: 11
// CHECK-NEXT: 16
// CHECK-NEXT: 38
// CHECK-NEXT: 6
// CHECK-NOT: {{.}}
/* Macros whose bodies name locals and parameters that live across yields:
 * a function-like macro with no parameters (USE() increments count, so
 * the generator yields 1 2 3, not 0 0 0), one with a parameter mixing its
 * argument with a local, and object-like macros (TOTAL is a + b), each
 * expanded on both sides of yields. */
#include <stdio.h>

#include <yieldc.h>

#define USE() (count++)
#define ADD(x) (count += (x))
#define TOTAL (a + b)
#define LIMIT limit

yc_generator(int) counter(int limit) {
  int count = 0;
  while (count < LIMIT) {
    USE();
    yield(count);
  }
  ADD(10);
  yield(count);
  int old = USE();
  yield(old * 100 + ADD(old));
  yield(count);
}

yc_generator(int) sums(int a) {
  int b = 10;
  yield(TOTAL);
  a += 5;
  yield(TOTAL);
  b = TOTAL * 2;
  yield(TOTAL);
  int c = TOTAL;
  a = 0;
  yield(c - TOTAL);
}

int main(void) {
  yc_foreach (int v, counter(3))
    printf("%d\n", v);
  yc_foreach (int v, sums(1))
    printf("%d\n", v);
  return 0;
}
