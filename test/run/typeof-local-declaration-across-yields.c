// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 42
// CHECK-NEXT: 80
// CHECK-NEXT: 0
// CHECK-NEXT: 2
// CHECK-NOT: {{.}}
/* A local declared with __typeof__ of another local (GNU C), and of an
 * expression, both live across a yield. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(long) typed(void) {
  const long base = 40;
  __typeof__(base) copy = base + 2;
  __typeof__(base * 2) doubled = base * 2;
  unsigned short narrow = 65535;
  __typeof__(narrow) wrapped = narrow;
  yield(copy);
  wrapped++;
  yield(doubled);
  yield(wrapped);
  yield((long)sizeof wrapped);
}

int main(void) {
  yc_foreach (long v, typed())
    printf("%ld\n", v);
  return 0;
}
