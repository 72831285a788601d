// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 5
// CHECK-NEXT: 42
// CHECK-NEXT: 7
// CHECK-NEXT: 107
// CHECK-NEXT: 30
// CHECK-NEXT: 4
// CHECK-NEXT: 51
// CHECK-NEXT: 107
// CHECK-NEXT: -1
// CHECK-NOT: {{.}}
/* A pointer to a local (and to an array element, and to a parameter),
 * taken before a yield and used after it: writes through the pointer are
 * seen by the local and vice versa. */
#include <stdio.h>

#include <yieldc.h>

static void bump(int *p, int by) { *p += by; }

yc_generator(int) aliased(int param) {
  int value = 5;
  int *p = &value;
  int arr[4] = {1, 2, 3, 4};
  int *q = &arr[2];
  int *pp = &param;
  yield(*p);
  *p = 42;
  yield(value);
  value = 7;
  yield(*p);
  bump(p, 100);
  yield(value);
  *q *= 10;
  yield(arr[2]);
  q++;
  yield(*q);
  *pp += 1;
  yield(param);
  int **ptr_to_ptr = &p;
  yield(**ptr_to_ptr);
  **ptr_to_ptr = -1;
  yield(value);
}

int main(void) {
  yc_gen *g = aliased(50);
  int v;
  while (yc_next(g, &v))
    printf("%d\n", v);
  yc_free(g);
  return 0;
}
