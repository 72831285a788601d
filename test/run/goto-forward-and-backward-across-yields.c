// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// RUN: grep -v '^//' %t.c | FileCheck --check-prefix=LOWER %s
// Labels and gotos stay as written:
// LOWER: again:
// LOWER-NEXT: { if (yc__out) {{.*}} yc__c->state = 1; return YC__YIELD; yc_resume_1:
// LOWER: goto again;
// LOWER: goto skip;
// LOWER: skip:
// LOWER-NEXT: { if (yc__out) {{.*}} yc__c->state = 3; return YC__YIELD; yc_resume_3:
// CHECK: n=4: 0
// CHECK-NEXT: n=4: 1
// CHECK-NEXT: n=4: 2
// CHECK-NEXT: n=4: 3
// CHECK-NEXT: n=4: 1004
// CHECK-NEXT: n=4: 11
// CHECK-NEXT: n=4: 22
// CHECK-NEXT: n=4: 44
// CHECK-NEXT: n=4: 33
// CHECK-NEXT: n=4: 66
// CHECK-NEXT: rounds=3
// CHECK-NEXT: n=2: 0
// CHECK-NEXT: n=2: 1
// CHECK-NEXT: n=2: -100
// CHECK-NEXT: not skipped
// CHECK-NEXT: n=2: 1002
// CHECK-NEXT: n=2: 11
// CHECK-NEXT: n=2: 22
// CHECK-NEXT: n=2: 44
// CHECK-NEXT: n=2: 33
// CHECK-NEXT: n=2: 66
// CHECK-NEXT: rounds=3
// CHECK-NOT: {{.}}
/* goto backward (a loop made of a label and a goto, with a yield between
 * them) and goto forward over a yield; labels on both sides of yields. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(int) jumpy(int n) {
  int i = 0;
again:
  yield(i);
  i++;
  if (i < n)
    goto again;
  if (n > 2)
    goto skip;
  yield(-100);
  printf("not skipped\n");
skip:
  yield(1000 + i);
  int rounds = 0;
top:
  rounds++;
  if (rounds == 2)
    goto middle;
  yield(rounds * 11);
middle:
  yield(rounds * 22);
  if (rounds < 3)
    goto top;
  printf("rounds=%d\n", rounds);
}

int main(void) {
  int ns[] = {4, 2};
  for (int k = 0; k < 2; k++) {
    yc_gen *g = jumpy(ns[k]);
    int v;
    while (yc_next(g, &v))
      printf("n=%d: %d\n", ns[k], v);
    yc_free(g);
  }
  return 0;
}
