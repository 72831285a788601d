// Each declaration keeps its own identity: shadowing names get numbered
// fields, and each use goes to the right one.
// RUN: %yieldc %s -o %t.c
// RUN: grep -v '^//' %t.c | FileCheck %s
#include <yieldc.h>

yc_generator(int) shadows(void) {
  int x = 1;
  {
    int x = 2;
    yield(x);
  }
  yield(x);
}
// CHECK:   int x;
// CHECK-NEXT:   int x_2;
// CHECK: f->x = 1;
// CHECK: f->x_2 = 2;
// CHECK: *(int *)yc_out = (f->x_2)
// CHECK: *(int *)yc_out = (f->x)
