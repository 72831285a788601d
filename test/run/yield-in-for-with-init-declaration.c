// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// RUN: grep -v '^//' %t.c | FileCheck --check-prefix=LOWER %s
// The for headers' declarations become assignments to frame fields:
// LOWER: for (int r = 0, base = 10; r < f->rows; r++, base += 10) {
// LOWER-NEXT: for (int c = 0; c < f->cols; c++)
// LOWER-NEXT: { if (yc__out) {{.*}} yc__c->state = 1; return YC__YIELD; yc_resume_1:
// CHECK: 10
// CHECK-NEXT: 11
// CHECK-NEXT: row 0 done, base=10
// CHECK-NEXT: 20
// CHECK-NEXT: 21
// CHECK-NEXT: row 1 done, base=20
// CHECK-NEXT: 30
// CHECK-NEXT: 31
// CHECK-NEXT: row 2 done, base=30
// CHECK-NEXT: -3
// CHECK-NEXT: -2
// CHECK-NEXT: -1
// CHECK-NOT: {{.}}
/* for loops whose init clause declares the counters, with yields in the
 * body; a nested for with its own declared counter; the outer counter
 * survives the inner loop's yields. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(int) grid(int rows, int cols) {
  for (int r = 0, base = 10; r < rows; r++, base += 10) {
    for (int c = 0; c < cols; c++)
      yield(base + c);
    printf("row %d done, base=%d\n", r, base);
  }
  for (int k = 3; k > 0; k--) {
    yield(-k);
  }
}

int main(void) {
  yc_gen *g = grid(3, 2);
  int v;
  while (yc_next(g, &v))
    printf("%d\n", v);
  yc_free(g);
  return 0;
}
