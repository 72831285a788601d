// A generator expression becomes a generator function of its own, written
// before the function it is in: a frame (captures, sources, loop
// variables), a type, a constructor taking the first source and the
// captured values, and a resume function whose loops are the clauses.
// The expression's site becomes a call of the constructor.  This file
// defines no coroutine function: the expressions alone make it translated.
// RUN: %yieldc %s -o %t.c
// RUN: grep -v '^//' %t.c | FileCheck %s
// RUN: %cc -c %t.c -o %t.o
#include <yieldc.h>

yc_generator(int) numbers(int n);

// CHECK: /* evens__genexpr1: the generator expression of line [[@LINE+22]] (x * k for ...) */
// CHECK-NEXT: struct evens__genexpr1__frame {
// CHECK-NEXT:   yc_coro yc_hdr;
// CHECK-NEXT:   __typeof__(int) k; /* captured */
// CHECK-NEXT:   yc_gen *yc__src1; /* source 1, owned */
// CHECK-NEXT:   __typeof__(int) x;
// CHECK-NEXT: };
// CHECK: static const yc__coro_type evens__genexpr1__type = {"evens__genexpr1", evens__genexpr1__resume, sizeof(struct evens__genexpr1__frame), sizeof(__typeof__(int)), 0, 0, 0, YC__GENERATOR, YC__STEER_BY_STATE | YC__FRAME_ALIGN(_Alignof(struct evens__genexpr1__frame))};
// CHECK-NEXT: static yc_gen *evens__genexpr1__new(yc_gen *yc__src, __typeof__(int) k) {
// CHECK: yc__gf->yc_hdr.status = YC__SUSPENDED;
// CHECK: static int evens__genexpr1__resume(yc_coro *yc__c, void *yc__out, const void *yc__in) {
// CHECK:   __typeof__(int) k = yc__gf->k;
// CHECK:   case 1: goto yc__start;
// CHECK-NEXT:   case 2: goto yc__resume;
// CHECK:   while (yc_next(yc__gf->yc__src1, &x)) {
// CHECK-NEXT:   if (
// CHECK: x % 2 == 0
// CHECK: yc__c->state = 2; return YC__YIELD;
// CHECK: yc__fail:
// CHECK-NEXT:   yc_free(yc__gf->yc__src1);
// CHECK: int evens(int k) {
int evens(int k) {
  yc_gen *g = yc_genexpr(int, x * k, yc_in(int, x, numbers(10)), yc_where(x % 2 == 0));
  // CHECK: yc_gen *g = (__extension__({ yc_gen *yc__s1 = (numbers(10)); evens__genexpr1__new(yc__s1, k); }));
  int v, n = 0;
  while (yc_next(g, &v))
    n += v;
  yc_free(g);
  return n;
}

// Nested: the inner one is defined first; the outer's constructor gets the
// inner's creation as its first source; a range source's bounds come with
// it, evaluated in order.
// CHECK: /* pipeline__genexpr2: the generator expression of line [[@LINE+8]] (x * 2 for ...) */
// CHECK: static yc_gen *pipeline__genexpr2__new(__typeof__(int) yc__lo, __typeof__(int) yc__hi, __typeof__(int) yc__step) {
// CHECK: /* pipeline__genexpr1: the generator expression of line [[@LINE+6]] (y + z for ...) */
// CHECK: static yc_gen *pipeline__genexpr1__new(yc_gen *yc__src) {
// CHECK:   yc__gf->yc__src2 = (
// CHECK: numbers(y)
// CHECK: yc_gen *pipeline(void) {
yc_gen *pipeline(void) {
  return yc_genexpr(int, y + z, yc_in(int, y, yc_genexpr(int, x * 2, yc_in_range(int, x, 5))), yc_in(int, z, numbers(y)));
  // CHECK: return pipeline__genexpr1__new((pipeline__genexpr2__new(0, (5), 1)));
}
