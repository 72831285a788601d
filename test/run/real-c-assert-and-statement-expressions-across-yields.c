// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 4
// CHECK-NEXT: 8
// CHECK-NEXT: 12
// CHECK-NEXT: 9
// CHECK-NEXT: 128
// CHECK-NEXT: 21
// CHECK-NOT: {{.}}
/* glibc's assert() (a statement expression with __PRETTY_FUNCTION__ in
 * it) and GNU statement expressions written directly, in a generator:
 * the locals they read and the ones declared inside them keep their values
 * across the yields around them, and a statement expression's value is
 * used in an expression between yields. */
#include <assert.h>
#include <stdio.h>

#include <yieldc.h>

yc_generator(int) checked(int x) {
  int total = 0;
  for (int i = 0; i < 3; i++) {
    assert(i < 3 && x > 0);
    total += x;
    yield(total);
    assert(total == x * (i + 1));
  }
  int y = ({
    int t = x * 2;
    t + 1;
  });
  yield(y);
  assert(y == 2 * x + 1);
  int z = ({ int t = total; t * 10; }) + ({ int u = y; u - 1; });
  yield(z);
  assert(z == total * 10 + y - 1 && y == 2 * x + 1);
  yield(({ int t = x * 2; t + 1; }) + total);
}

int main(void) {
  yc_foreach (int v, checked(4))
    printf("%d\n", v);
  return 0;
}
