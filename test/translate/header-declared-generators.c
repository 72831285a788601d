// A generator declared in an included header: a yc_foreach over it resumes
// it through its exported resume function (weak imports at the top), and a
// value form over it is checked against the return type declared there
// (value-type-mismatch-through-typedef.c has the error).  A static one
// declared there is not imported: it has no exports.
// RUN: %yieldc %s -o %t.c -- -I%S/Inputs
// RUN: grep -v '^//' %t.c | FileCheck %s
// RUN: %cc -c %t.c -o %t.o -I%S/Inputs
#include "header_generators.h"

yc_generator(int) outer(void) {
  long t = yield_from(running_total(3), long);
  yield((int)t);
  yc_foreach (int x, running_total(2))
    yield(x);
  yc_foreach (int y, local_helper(2))
    yield(y);
}

static yc_generator(int) local_helper(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}
// CHECK: #include <yieldc/coro.h>
// CHECK-NEXT: extern const yc__coro_type running_total__type YC__WEAK_IMPORT;
// CHECK-NEXT: int running_total__xresume(yc_coro *yc__c, void *yc__out, const void *yc__in) YC__WEAK_IMPORT;
// CHECK-NOT: local_helper__type YC__WEAK_IMPORT
// CHECK: [[T:yc__t[0-9]+]] = *(long *)yc__result_ptr(f->yc__sub);
// CHECK: long t = [[T]];
// CHECK: yc__next_known({{.*}}, &running_total__type, running_total__xresume)
// CHECK: yc_next({{.*}}, &y)
