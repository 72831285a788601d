// RUN: %clang-syntax %s
// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: first 0 (k is now 100)
// CHECK-NEXT: next 3
// CHECK-NEXT: next 6
// CHECK-NEXT: next 9
// CHECK-NEXT: scaled 1000
// CHECK-NEXT: scaled 1007
// CHECK-NEXT: scaled 1014
// CHECK-NEXT: table 50
// CHECK-NEXT: table 60
// CHECK-NEXT: table 70
// CHECK-NEXT: range 0
// CHECK-NEXT: range 1
// CHECK-NOT: {{.}}
/* The locals and parameters a generator expression mentions are copied
 * when it is created: assigning them afterwards changes nothing it
 * yields (Python would see the new value: its closures are late-bound),
 * and the expression outlives the function that made it.  An array is
 * copied whole; a pointer is copied, so what it points to is shared. */
#include <stdio.h>

#include <yieldc.h>

static yc_generator(int) numbers(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}

/* returns an expression whose captured parameter and local are gone */
static yc_gen *scaled(int factor) {
  int offset = 1000;
  yc_gen *g = yc_genexpr(int, x * factor + offset, yc_in(int, x, numbers(3)));
  factor = -1;
  offset = -1;
  return g;
}

int main(void) {
  int k = 3;
  yc_gen *g = yc_genexpr(int, x * k, yc_in(int, x, numbers(4)));
  k = 100;
  int v;
  yc_next(g, &v);
  printf("first %d (k is now %d)\n", v, k);
  k = 200;
  while (yc_next(g, &v))
    printf("next %d\n", v);
  yc_free(g);

  yc_foreach (int w, scaled(7))
    printf("scaled %d\n", w);

  int table[3] = {5, 6, 7};
  int shared = 1;
  int *ps = &shared;
  yc_gen *h = yc_genexpr(int, table[i] * *ps, yc_in_range(int, i, 3));
  table[0] = table[1] = table[2] = 0;
  shared = 10;
  yc_foreach (int w, h)
    printf("table %d\n", w);

  /* the bounds of a range source are evaluated at creation too */
  int n = 2;
  yc_gen *r = yc_genexpr(int, i, yc_in_range(int, i, n));
  n = 5;
  yc_foreach (int w, r)
    printf("range %d\n", w);
  return 0;
}
