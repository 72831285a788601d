// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 10
// CHECK-NEXT: 11
// CHECK-NEXT: 12
// CHECK-NEXT: 192
// CHECK-NEXT: -994
// CHECK-NEXT: 13
// CHECK-NOT: {{.}}
/* A local of an anonymous struct type with an initialiser (two
 * declarators share the type), modified across yields. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(int) span(int start) {
  struct {
    int lo, hi;
    char name[6];
  } range = {start, start + 3, "rng"}, other = {-start, 0, "oth"};
  while (range.lo < range.hi) {
    yield(range.lo);
    range.lo++;
    other.hi += 2;
  }
  range.name[0] = 'R';
  yield(range.name[0] + range.name[1]);
  yield(other.lo * 100 + other.hi);
  other = range;
  yield(other.lo);
}

int main(void) {
  yc_foreach (int v, span(10))
    printf("%d\n", v);
  return 0;
}
