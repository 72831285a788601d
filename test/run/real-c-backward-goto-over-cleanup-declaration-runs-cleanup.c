// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 0
// CHECK-NEXT: 1001
// CHECK-NEXT: cleanup 1001
// CHECK-NEXT: cleanup 1
// CHECK-NEXT: 10
// CHECK-NEXT: 1002
// CHECK-NEXT: cleanup 1007
// CHECK-NEXT: cleanup 11
// CHECK-NEXT: 20
// CHECK-NEXT: 1003
// CHECK-NEXT: cleanup 1003
// CHECK-NEXT: cleanup 21
// CHECK-NEXT: 30
// CHECK-NEXT: -31
// CHECK-NEXT: cleanup 31
// CHECK-NOT: {{.}}
/* A backward goto to a label before a declaration with
 * __attribute__((cleanup(fn))) leaves that variable's scope, so C runs
 * its cleanup on every jump back (and a nested block's cleanup variable
 * first, when the goto leaves both scopes), with yields in the loop they
 * make; the last one runs when the generator finishes. */
#include <stdio.h>

#include <yieldc.h>

static void report(int *p) { printf("cleanup %d\n", *p); }

yc_generator(int) looping(int n) {
  int round = 0;
again:;
  int guard __attribute__((cleanup(report))) = round * 10;
  yield(guard);
  guard++;
  round++;
  if (round < n) {
    int inner __attribute__((cleanup(report))) = 1000 + round;
    yield(inner);
    if (round % 2)
      goto again;
    inner += 5;
  }
  if (round < n)
    goto again;
  yield(-guard);
}

int main(void) {
  yc_foreach (int v, looping(4))
    printf("%d\n", v);
  return 0;
}
