// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 30
// CHECK-NEXT: 60
// CHECK-NEXT: 91
// CHECK-NEXT: 78
// CHECK-NEXT: 18
// CHECK-NEXT: 110
// CHECK-NEXT: 48
// CHECK-NEXT: 110
// CHECK-NEXT: 49
// CHECK-NOT: {{.}}
/* A compound literal in a block has automatic storage for the whole block
 * (C11 6.5.2.5p5): a pointer to it taken before a yield stays valid after
 * the yield, and writes through it persist. */
#include <stdio.h>

#include <yieldc.h>

struct pair {
  int a, b;
};

yc_generator(int) literals(int scale) {
  int *arr = (int[]){10 * scale, 20 * scale, 30 * scale};
  struct pair *p = &(struct pair){7, 8};
  yield(arr[0]);
  yield(arr[1]);
  arr[2] += 1;
  yield(arr[2]);
  yield(p->a * 10 + p->b);
  p->a = 1;
  yield(p->a * 10 + p->b);
  for (int i = 0; i < 2; i++) {
    const char *name = (const char[]){'n', (char)('0' + i), 0};
    yield(name[0]);
    yield(name[1]);
  }
}

int main(void) {
  yc_foreach (int v, literals(3))
    printf("%d\n", v);
  return 0;
}
