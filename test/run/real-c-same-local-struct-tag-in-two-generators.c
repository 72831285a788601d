// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 11
// CHECK-NEXT: 18
// CHECK-NEXT: 8
// CHECK-NEXT: 6000
// CHECK-NEXT: 99
// CHECK-NEXT: 2
// CHECK-NEXT: 3
// CHECK-NEXT: 61
// CHECK-NOT: {{.}}
/* The same tag, struct pair, declared differently in the bodies of two
 * generators of one file (and again in a nested block of the second),
 * with values of each live across yields: each generator's pair is its
 * own type. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(int) pairs_a(int x) {
  struct pair {
    int a, b;
  } p = {x, x + 1};
  yield(p.a + p.b);
  p.b *= 3;
  yield(p.b);
  yield((int)sizeof p);
}

yc_generator(int) pairs_b(int x) {
  struct pair {
    long a;
    char tag;
  } p = {x * 1000L, 'b'};
  yield((int)p.a);
  p.tag++;
  yield(p.tag);
  {
    struct pair {
      char c[3];
    } inner = {{'x', 'y', 'z'}};
    yield(inner.c[2] - inner.c[0]);
    yield((int)sizeof inner);
  }
  yield((int)(p.a / 1000) * 10 + (sizeof(struct pair) > sizeof(long)));
}

int main(void) {
  yc_foreach (int v, pairs_a(5))
    printf("%d\n", v);
  yc_foreach (int v, pairs_b(6))
    printf("%d\n", v);
  return 0;
}
