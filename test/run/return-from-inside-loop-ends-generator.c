// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// RUN: grep -v '^//' %t.c | FileCheck --check-prefix=LOWER %s
// return from inside the loops finishes the generator:
// LOWER: if (a * b == f->target) {
// LOWER: { yc__c->state = -1; return YC__RETURN; }
// CHECK: found 1*6
// CHECK-NEXT: target 6: 6 values, last 16, done=1
// CHECK-NEXT: next again: 0
// CHECK-NEXT: not found
// CHECK-NEXT: target 1000: 45 values, last 99, done=1
// CHECK-NEXT: next again: 0
// CHECK-NOT: {{.}}
/* return from inside nested loops ends the generator early: the code after
 * the loops never runs and yc_next returns false from then on. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(int) find_pair(int target) {
  for (int a = 1; a < 10; a++) {
    for (int b = a; b < 10; b++) {
      yield(a * 10 + b);
      if (a * b == target) {
        printf("found %d*%d\n", a, b);
        return;
      }
    }
  }
  printf("not found\n");
}

int main(void) {
  int targets[] = {6, 1000};
  for (int t = 0; t < 2; t++) {
    yc_gen *g = find_pair(targets[t]);
    int v, count = 0, last = 0;
    while (yc_next(g, &v)) {
      count++;
      last = v;
    }
    printf("target %d: %d values, last %d, done=%d\n", targets[t], count, last,
           yc_done(g));
    printf("next again: %d\n", yc_next(g, &v));
    yc_free(g);
  }
  return 0;
}
