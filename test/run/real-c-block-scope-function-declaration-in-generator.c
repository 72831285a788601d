// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 1.75000
// CHECK-NEXT: 1.00000
// CHECK-NEXT: 2.87500
// CHECK-NEXT: 2.00000
// CHECK-NEXT: 4.56250
// CHECK-NEXT: 3.00000
// CHECK-NEXT: 103.00000
// CHECK-NEXT: 154.75000
// CHECK-NEXT: 4.00000
// CHECK-NEXT: calls=4
// CHECK-NOT: {{.}}
/* Block-scope declarations of a function (double scale(double);) and of
 * an extern object, both defined later in the file, inside a generator
 * body and inside a nested block of it; the function is called and the
 * object read on both sides of yields. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(double) scaled(int n) {
  double scale(double);
  extern int calls;
  double acc = 1.0;
  for (int i = 0; i < n; i++) {
    acc = scale(acc);
    yield(acc);
    yield(calls);
  }
  {
    int offset(int), base = calls;
    yield(offset(base));
    yield(scale(offset(base)));
  }
  yield(calls);
}

int calls;

double scale(double x) {
  calls++;
  return x * 1.5 + 0.25;
}

int offset(int x) { return x + 100; }

int main(void) {
  yc_foreach (double v, scaled(3))
    printf("%.5f\n", v);
  printf("calls=%d\n", calls);
  return 0;
}
