// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: yielded 1
// CHECK-NEXT: result: none
// CHECK-NEXT: error 5
// CHECK-NEXT: error 0
// CHECK-NOT: {{.}}
/* Asking a failed generator for its return value finds none, and does not
 * hide the error it failed with: yc_error still reports it, once. */
#include <stdio.h>
#include <yieldc.h>

yc_generator(int, void, int) fails(void) {
  yield(1);
  yc_raise(5);
}

int main(void) {
  yc_gen *g = fails();
  int v, r;
  while (yc_next(g, &v)) printf("yielded %d\n", v);
  printf("result: %s\n", yc_result(g, &r) ? "yes" : "none");
  printf("error %d\n", yc_error(g));
  printf("error %d\n", yc_error(g));
  yc_free(g);
  return 0;
}
