// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// RUN: grep -v '^//' %t.c | FileCheck --check-prefix=LOWER %s
// The while loop stays as written; the resume point is inside its body:
// LOWER: while (n != 1) {
// LOWER-NEXT: { if (yc__out) {{.*}} yc__c->state = 1; return YC__YIELD; yc_resume_1:
// CHECK: 27
// CHECK-NEXT: 82
// CHECK-NEXT: 41
// CHECK-NEXT: 124
// CHECK-NEXT: 62
// CHECK-NEXT: 31
// CHECK-NEXT: 94
// CHECK-NEXT: 47
// CHECK-NEXT: steps=111
// CHECK-NEXT: count=112 sum=101440
// CHECK-NOT: {{.}}
/* Collatz sequence: a while loop whose condition and body use state
 * changed around the yield. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(long) collatz(long n) {
  int steps = 0;
  while (n != 1) {
    yield(n);
    n = (n % 2) ? 3 * n + 1 : n / 2;
    steps++;
  }
  yield(n);
  printf("steps=%d\n", steps);
}

int main(void) {
  yc_gen *g = collatz(27);
  long v, sum = 0;
  int count = 0;
  while (yc_next(g, &v)) {
    if (count < 8)
      printf("%ld\n", v);
    sum += v;
    count++;
  }
  printf("count=%d sum=%ld\n", count, sum);
  yc_free(g);
  return 0;
}
