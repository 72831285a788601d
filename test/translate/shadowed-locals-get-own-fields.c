// Each declaration keeps its own identity: shadowing names get numbered
// fields.  The outer x is live at yields where the inner x hides it, so
// its name cannot reach it there: it lives in the frame and its uses are
// rewritten; the inner x is a C local saved and restored as usual.
// RUN: %yieldc %s -o %t.c
// RUN: grep -v '^//' %t.c | FileCheck %s
#include <yieldc.h>

yc_generator(int) shadows(void) {
  int x = 1;
  {
    int x = 2;
    yield(x);
    yield(x + 1);
  }
  yield(x);
}
// CHECK:   int x;
// CHECK-NEXT:   int x_2;
// CHECK: char yc__store1 __attribute__((unused)) = ((void)(f->x = 1), 0);
// CHECK: int x = 2;
// CHECK-NEXT: *(int *)yc__out = (x); YC__SAVE(f->x_2, x);
// CHECK: *(int *)yc__out = (x + 1);
// CHECK: *(int *)yc__out = (f->x)
