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
// CHECK: int yc__t1; /* temporary */
// CHECK: int yc__t2; /* temporary */
// The declaration stays a declaration; the suspension point comes first.
// CHECK: f->yc__t1 = (weight(f->n)); { if (yc__out) *(int *)yc__out = (f->n); yc__c->state = 1; return YC__YIELD; yc_resume_1:
// CHECK-SAME: f->yc__t2 = (yc__in ? *(int const *)yc__in : (int){0}); } int v = f->yc__t1 + f->yc__t2 * 2 + weight(3);
