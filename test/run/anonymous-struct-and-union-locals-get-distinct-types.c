// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 10
// CHECK-NEXT: 11
// CHECK-NEXT: 12
// CHECK-NEXT: 3
// CHECK-NEXT: 192
// CHECK-NEXT: 9
// CHECK-NEXT: 10
// CHECK-NOT: {{.}}
/* Several locals of different anonymous struct/union types in one generator,
 * each declared with an initialiser and modified across yields: each keeps
 * its own type. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(int) anon(int start) {
  struct {
    int lo, hi;
    char name[6];
  } range = {start, start + 3, "rng"};
  union {
    unsigned u;
    unsigned char bytes[4];
  } bits;
  bits.u = 0;
  while (range.lo < range.hi) {
    yield(range.lo);
    range.lo++;
    bits.bytes[0]++;
  }
  yield((int)bits.u);
  range.name[0] = 'R';
  yield(range.name[0] + range.name[1]);
  struct {
    int a;
  } one = {9}, two = {one.a + 1};
  yield(one.a);
  yield(two.a);
}

int main(void) {
  yc_foreach (int v, anon(10))
    printf("%d\n", v);
  return 0;
}
