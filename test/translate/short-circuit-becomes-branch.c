// && and ?: become branches, so an operand C would not evaluate never
// suspends.
// RUN: %yieldc %s -o %t.c
// RUN: grep -v '^//' %t.c | FileCheck %s
// RUN: %cc -c %t.c -o %t.o
#include <yieldc.h>

yc_generator(int, int) gate(int k) {
  if (k > 0 && yield(k, int)) yield(1);
  int c = k ? yield(2, int) : 7;
  yield(c);
}
// CHECK: { f->yc__t{{[0-9]+}} = (f->k > 0) ? 1 : 0; if (f->yc__t[[T:[0-9]+]]) { {{.*}}return YC__YIELD;{{.*}} } if (f->yc__t[[T]])
// CHECK: if (f->k) { {{.*}}return YC__YIELD;{{.*}} } else { f->yc__t[[C:[0-9]+]] = (7); } int c = f->yc__t[[C]];
