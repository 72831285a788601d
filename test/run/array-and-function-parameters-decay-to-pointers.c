// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 102
// CHECK-NEXT: 204
// CHECK-NEXT: 306
// CHECK-NEXT: 108
// CHECK-NEXT: xs: 0 0 0 0
// CHECK-NEXT: 95
// CHECK-NEXT: 194
// CHECK-NOT: {{.}}
/* Parameters written with array type (int xs[], const int m[3]) or function
 * type (int cb(int)) are pointers in C; they keep working across yields,
 * and writes through the array parameter reach the caller's array. */
#include <stdio.h>

#include <yieldc.h>

static int twice(int x) { return 2 * x; }
static int negate(int x) { return -x; }

yc_generator(int) mapped(int xs[], const int m[3], int cb(int), int n) {
  for (int i = 0; i < n; i++) {
    yield(cb(xs[i]) + m[i % 3]);
    xs[i] = 0;
  }
}

int main(void) {
  int xs[] = {1, 2, 3, 4};
  static const int m[3] = {100, 200, 300};
  yc_foreach (int v, mapped(xs, m, twice, 4))
    printf("%d\n", v);
  printf("xs: %d %d %d %d\n", xs[0], xs[1], xs[2], xs[3]);
  int ys[] = {5, 6};
  yc_foreach (int v, mapped(ys, m, negate, 2))
    printf("%d\n", v);
  return 0;
}
