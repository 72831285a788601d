// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 0
// CHECK-NEXT: 100
// CHECK-NEXT: 600
// CHECK-NEXT: 1
// CHECK-NEXT: 101
// CHECK-NEXT: 150
// CHECK-NEXT: 2
// CHECK-NEXT: 102
// CHECK-NEXT: 105
// CHECK-NEXT: 3
// CHECK-NEXT: 103
// CHECK-NEXT: 600
// CHECK-NEXT: 7
// CHECK-NEXT: 7
// CHECK-NOT: {{.}}
/* A declaration with an initialiser inside a loop body is initialised
 * afresh on every iteration, even though it lives in the frame across the
 * yield; an array declared in the loop is re-zeroed too. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(int) fresh(int n) {
  for (int i = 0; i < n; i++) {
    int count = 0;
    int marks[3] = {0};
    count += i;
    marks[i % 3] += 5;
    yield(count);
    count += 100;
    marks[0] += 1;
    yield(count);
    yield(marks[0] * 100 + marks[1] * 10 + marks[2]);
  }
  int k = 0;
  while (k < 2) {
    int once = 7;
    yield(once);
    once = -1;
    k++;
  }
}

int main(void) {
  yc_gen *g = fresh(4);
  int v;
  while (yc_next(g, &v))
    printf("%d\n", v);
  yc_free(g);
  return 0;
}
