// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 10
// CHECK-NEXT: 3
// CHECK-NEXT: 99
// CHECK-NEXT: 40
// CHECK-NEXT: 105
// CHECK-NEXT: 50
// CHECK-NOT: {{.}}
/* const, register and volatile locals (scalar and struct) live across
 * yields keep their values and qualifiers' meaning. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(int) qualified(int seed) {
  const int k = seed * 5;
  const struct {
    int a;
    const char *s;
  } cs = {seed + 1, "const"};
  register int r = seed + 2;
  volatile int vol = seed + 3;
  yield(k);
  yield(cs.a);
  yield(cs.s[0]);
  r *= 10;
  yield(r);
  vol += 100;
  yield(vol);
  const int arr[2] = {k, r};
  yield(arr[0] + arr[1]);
}

int main(void) {
  yc_foreach (int v, qualified(2))
    printf("%d\n", v);
  return 0;
}
