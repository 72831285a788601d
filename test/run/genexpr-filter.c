// RUN: %clang-syntax %s
// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: even square 0
// CHECK-NEXT: even square 4
// CHECK-NEXT: even square 16
// CHECK-NEXT: even square 36
// CHECK-NEXT: even square 64
// CHECK-NEXT: by 15 0
// CHECK-NEXT: by 15 15
// CHECK-NEXT: word alpha
// CHECK-NEXT: word beta
// CHECK-NEXT: upto(1) created
// CHECK-NEXT: pair 10
// CHECK-NEXT: upto(3) created
// CHECK-NEXT: pair 30
// CHECK-NEXT: pair 32
// CHECK-NOT: {{.}}
/* yc_where keeps the bindings its condition holds for: one condition, two
 * (both must hold), a condition on a pointer, and one between two sources,
 * which skips the inner source for the outer items it rejects (its source
 * is not even created for them), as Python's "for .. if .. for". */
#include <stdio.h>

#include <yieldc.h>

static yc_generator(int) numbers(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}

static yc_generator(const char *) words(void) {
  yield("alpha");
  yield((const char *)0);
  yield("beta");
}

static yc_generator(int) upto(int n) {
  printf("upto(%d) created\n", n);
  for (int i = 0; i < n; i++)
    yield(i);
}

int main(void) {
  yc_foreach (int v, yc_genexpr(int, x * x, yc_in(int, x, numbers(10)), yc_where(x % 2 == 0)))
    printf("even square %d\n", v);
  yc_foreach (int v, yc_genexpr(int, x, yc_in(int, x, numbers(30)), yc_where(x % 3 == 0),
                                yc_where(x % 5 == 0)))
    printf("by 15 %d\n", v);
  yc_foreach (const char *w, yc_genexpr(const char *, s, yc_in(const char *, s, words()), yc_where(s)))
    printf("word %s\n", w);
  yc_foreach (int v, yc_genexpr(int, 10 * x + y, yc_in_range(int, x, 4), yc_where(x % 2),
                                yc_in(int, y, upto(x)), yc_where(y != 1)))
    printf("pair %d\n", v);
  return 0;
}
