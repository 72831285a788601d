// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: next -> 0
// CHECK-NEXT: next -> 1
// CHECK-NEXT: caught 3 (n=1, caught=1)
// CHECK-NEXT: throw(3) -> 1 -3
// CHECK-NEXT: after yield in catch
// CHECK-NEXT: next -> 4
// CHECK-NEXT: caught -5 (n=4, caught=2)
// CHECK-NEXT: throw(-5) -> 1 5
// CHECK-NEXT: after yield in catch
// CHECK-NEXT: next -> -1
// CHECK-NEXT: next -> 0
// CHECK-NEXT: next -> 1
// CHECK-NEXT: next -> 2
// CHECK-NEXT: next -> 3
// CHECK-NEXT: next -> 4
// CHECK-NEXT: next -> 5
// CHECK-NEXT: end n=6 caught=2
// CHECK-NEXT: error=0 done=1
// CHECK-NOT: {{.}}
/* yc_throw raises a code at the yield where the generator is suspended;
 * a yc_try/yc_catch around that yield catches it, the catch block sees
 * the code, yields again (that value is what yc_throw returns), and the
 * loop carries on with its locals intact. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(int) resilient(void) {
  int n = 0, caught = 0;
  while (n < 6) {
    yc_try {
      yield(n);
      n++;
    } yc_catch (err) {
      caught++;
      printf("caught %d (n=%d, caught=%d)\n", err, n, caught);
      yield(-err);
      printf("after yield in catch\n");
      n += err;
    }
  }
  printf("end n=%d caught=%d\n", n, caught);
}

int main(void) {
  yc_gen *g = resilient();
  int v;
  yc_next(g, &v);
  printf("next -> %d\n", v);
  yc_next(g, &v);
  printf("next -> %d\n", v);
  bool ok = yc_throw(g, 3, &v);
  printf("throw(3) -> %d %d\n", ok, v);
  yc_next(g, &v);
  printf("next -> %d\n", v);
  ok = yc_throw(g, 0 - 5, &v);
  printf("throw(-5) -> %d %d\n", ok, v);
  while (yc_next(g, &v))
    printf("next -> %d\n", v);
  printf("error=%d done=%d\n", yc_error(g), yc_done(g));
  yc_free(g);
  return 0;
}
