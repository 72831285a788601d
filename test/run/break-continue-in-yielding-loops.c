// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// RUN: grep -v '^//' %t.c | FileCheck --check-prefix=LOWER %s
// break and continue stay as written (no cleanups to run here):
// LOWER: { if (yc__out) {{.*}} yc__c->state = 1; return YC__YIELD; yc_resume_1:
// LOWER-NEXT: continue;
// LOWER: if (i > 7)
// LOWER-NEXT: break;
// CHECK: got 0
// CHECK-NEXT: got 1
// CHECK-NEXT: kept 1
// CHECK-NEXT: got 2
// CHECK-NEXT: kept 2
// CHECK-NEXT: got -3
// CHECK-NEXT: got 4
// CHECK-NEXT: kept 4
// CHECK-NEXT: got 5
// CHECK-NEXT: kept 5
// CHECK-NEXT: got -6
// CHECK-NEXT: got 7
// CHECK-NEXT: kept 7
// CHECK-NEXT: got 8
// CHECK-NEXT: got 100
// CHECK-NEXT: outer 1 finished
// CHECK-NEXT: got 200
// CHECK-NEXT: got 201
// CHECK-NEXT: got 300
// CHECK-NEXT: got 301
// CHECK-NEXT: got 302
// CHECK-NEXT: outer 3 finished
// CHECK-NEXT: got 7777
// CHECK-NOT: {{.}}
/* break and continue in loops that yield: continue after a yield skips the
 * rest of the body (the for increment still runs); break after a yield
 * leaves only the inner loop. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(int) filtered(int n) {
  for (int i = 0; i < n; i++) {
    if (i % 3 == 0) {
      yield(-i);
      continue;
    }
    yield(i);
    if (i > 7)
      break;
    printf("kept %d\n", i);
  }
  int outer = 0;
  while (outer < 3) {
    outer++;
    int j = 0;
    for (;;) {
      yield(outer * 100 + j);
      if (++j == outer)
        break;
    }
    if (outer == 2)
      continue;
    printf("outer %d finished\n", outer);
  }
  do {
    yield(7777);
    continue;
  } while (0);
}

int main(void) {
  yc_gen *g = filtered(20);
  int v;
  while (yc_next(g, &v))
    printf("got %d\n", v);
  yc_free(g);
  return 0;
}
