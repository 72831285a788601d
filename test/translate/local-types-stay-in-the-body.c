// Types declared inside a generator stay where they were declared (nothing
// is hoisted to file scope, so a file-scope type of the same tag does not
// clash).  A local of such a type that lives across a suspension point has
// a frame slot of its size and alignment, which the body checks with a
// static assertion where the type is visible, and is saved and restored as
// bytes.
// RUN: %yieldc %s -o %t.c
// RUN: grep -v '^//' %t.c | FileCheck %s
// RUN: %cc -c %t.c -o %t.o
#include <yieldc.h>

struct pair { double x; };

yc_generator(int) points(void) {
  struct pair { int a, b; } p = {1, 2};
  struct { int x; } anon = {5};
  yield(p.a + anon.x);
  yield(p.b + anon.x);
}
// CHECK: struct pair { double x; };
// CHECK: struct points__frame {
// CHECK-NEXT:   yc_coro yc_hdr;
// CHECK-NEXT:   _Alignas(4) unsigned char p[8];
// CHECK-NEXT:   _Alignas(4) unsigned char anon[4];
// CHECK-NEXT: };
// CHECK: struct pair { int a, b; } p = {1, 2};
// CHECK-NEXT: struct { int x; } anon = {5};
// CHECK-NEXT: { if (yc__out) *(int *)yc__out = (p.a + anon.x); { _Static_assert(sizeof p == 8, "yieldc: frame slot of p"); } YC__SAVE(f->p, p); { _Static_assert(sizeof anon == 4, "yieldc: frame slot of anon"); } YC__SAVE(f->anon, anon); yc__c->state = 1;
// CHECK-SAME: yc_resume_1: __attribute__((unused)); YC__RESTORE(p, f->p); YC__RESTORE(anon, f->anon); }
