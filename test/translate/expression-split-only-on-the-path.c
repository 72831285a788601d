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
// CHECK: int yc_t1; /* temporary */
// CHECK: int yc_t2; /* temporary */
// CHECK: f->yc_t1 = (weight(f->n)); { if (yc_out) *(int *)yc_out = (f->n); yc_c->state = 1; return YC__YIELD; yc_resume_1:
// CHECK-SAME: f->yc_t2 = (yc_in ? *(int const *)yc_in : (int){0}); } f->v = f->yc_t1 + f->yc_t2 * 2 + weight(3);
