// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// RUN: grep -v '^//' %t.c | FileCheck --check-prefix=LOWER %s
// The switch and its case labels stay; resume points sit between them:
// LOWER: switch (op) {
// LOWER-NEXT: case 1:
// LOWER-NEXT: { if (yc__out) {{.*}} yc__c->state = 1; return YC__YIELD; yc_resume_1:
// LOWER: case 2:
// LOWER-NEXT: { if (yc__out) {{.*}} yc__c->state = 2; return YC__YIELD; yc_resume_2:
// LOWER: default:
// LOWER-NEXT: { if (yc__out) {{.*}} yc__c->state = 4; return YC__YIELD; yc_resume_4:
// CHECK: got 10
// CHECK-NEXT: case 1 resumed (i=0)
// CHECK-NEXT: got 20
// CHECK-NEXT: case 2 resumed (i=0)
// CHECK-NEXT: after switch i=0
// CHECK-NEXT: got 20
// CHECK-NEXT: case 2 resumed (i=1)
// CHECK-NEXT: after switch i=1
// CHECK-NEXT: case 3, no yield
// CHECK-NEXT: got 43
// CHECK-NEXT: after switch i=2
// CHECK-NEXT: got 44
// CHECK-NEXT: after switch i=3
// CHECK-NEXT: got -9
// CHECK-NEXT: default resumed (op=9)
// CHECK-NEXT: after switch i=4
// CHECK-NEXT: got 10
// CHECK-NEXT: case 1 resumed (i=5)
// CHECK-NEXT: got 20
// CHECK-NEXT: case 2 resumed (i=5)
// CHECK-NEXT: after switch i=5
// CHECK-NOT: {{.}}
/* Yields between case labels of a switch: a case that yields and falls
 * through into the next case (which yields again), a case that breaks, and
 * a yield in default.  After resuming, execution continues in the right
 * case and the break leaves the switch, not the enclosing loop. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(int) dispatch(const int *ops, int n) {
  for (int i = 0; i < n; i++) {
    int op = ops[i];
    switch (op) {
    case 1:
      yield(10);
      printf("case 1 resumed (i=%d)\n", i);
      __attribute__((fallthrough));
    case 2:
      yield(20);
      printf("case 2 resumed (i=%d)\n", i);
      break;
    case 3:
      printf("case 3, no yield\n");
      __attribute__((fallthrough));
    case 4:
      yield(40 + op);
      break;
    default:
      yield(-op);
      printf("default resumed (op=%d)\n", op);
    }
    printf("after switch i=%d\n", i);
  }
}

int main(void) {
  static const int ops[] = {1, 2, 3, 4, 9, 1};
  yc_gen *g = dispatch(ops, 6);
  int v;
  while (yc_next(g, &v))
    printf("got %d\n", v);
  yc_free(g);
  return 0;
}
