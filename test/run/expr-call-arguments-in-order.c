// RUN: %yieldc %s -o %t.c -- -I%S/Inputs
// RUN: %cc -I%S/Inputs %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: eval 1
// CHECK-NEXT: eval 2
// CHECK-NEXT: yielded 2
// CHECK-NEXT: eval 3
// CHECK-NEXT: result 104
// CHECK-NOT: {{.}}
/* Function-call arguments: those before a suspending argument are
 * evaluated before it suspends, those after it after it resumes. */
#include "drive.h"

static int trace(int v) { printf("eval %d\n", v); return v; }
static int sum3(int a, int b, int c) { return a + b + c; }

yc_generator(int, int, int) calls(void) {
  int r = sum3(trace(1), yield(trace(2), int), trace(3));
  yc_return(r);
}

int main(void) { drive(calls()); return 0; }
