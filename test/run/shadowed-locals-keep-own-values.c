// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 1
// CHECK-NEXT: 10
// CHECK-NEXT: 20
// CHECK-NEXT: 25
// CHECK-NEXT: 10
// CHECK-NEXT: 30
// CHECK-NEXT: 31
// CHECK-NEXT: 11
// CHECK-NEXT: 1
// CHECK-NEXT: 0
// CHECK-NEXT: 99
// CHECK-NEXT: 0
// CHECK-NEXT: 1000
// CHECK-NEXT: 1099
// CHECK-NEXT: 1
// CHECK-NEXT: 1
// CHECK-NOT: {{.}}
/* The same name declared in nested scopes (and a parameter shadowed in
 * the body): each declaration keeps its own value across yields, and the
 * outer one is visible again after the inner scope ends. */
#include <stdio.h>

#include <yieldc.h>

#pragma GCC diagnostic ignored "-Wshadow"

yc_generator(int) shadows(int x) {
  yield(x);
  {
    int x = 10;
    yield(x);
    {
      int x = 20;
      yield(x);
      x += 5;
      yield(x);
    }
    yield(x);
    x++;
    for (int x = 30; x < 32; x++)
      yield(x);
    yield(x);
  }
  yield(x);
  for (int i = 0; i < 2; i++) {
    int x = i * 1000;
    yield(x);
    {
      int i = 99;
      yield(i + x);
    }
    yield(i);
  }
  yield(x);
}

int main(void) {
  yc_gen *g = shadows(1);
  int v;
  while (yc_next(g, &v))
    printf("%d\n", v);
  yc_free(g);
  return 0;
}
