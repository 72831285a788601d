// Only the subexpressions that contain a suspension point are split into
// temporaries; an operand evaluated before it is saved first (left to
// right); the rest of the statement stays as written.
// RUN: %yieldc %s -o %t.c
// RUN: grep -v '^//' %t.c | FileCheck %s
// RUN: %cc -c %t.c -o %t.o
#include <yieldc.h>

int weight(int);

yc_generator(int, int) split(int n) {
  int v = weight(n) + yield(n, int) * 2 + weight(3);
  yield(v);
}
// The saved operand lives in the frame; the suspension point's value, used
// before the function can suspend again, is a local of the resume function.
// CHECK: int yc__t1; /* temporary */
// CHECK-NOT: yc__t2; /* temporary */
// CHECK: int yc__t2 = {0};
// The declaration stays a declaration; the suspension point comes first.
// CHECK: f->yc__t1 = (weight(f->n)); { if (yc__out) *(int *)yc__out = (f->n); yc__c->state = 1; return YC__YIELD; yc_resume_1:
// CHECK-SAME: yc__t2 = (yc__in ? *(int const *)yc__in : (int){0}); } int v = f->yc__t1 + yc__t2 * 2 + weight(3);
