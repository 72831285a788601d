// The generated code a reviewer reads: a frame with the parameters and the
// slots of the locals live across a suspension point, by name, a type descriptor, the user's own declaration as
// the constructor, and a resume function whose states are numbered in
// source order, each with a comment naming its line; a throw or close
// arriving at resume point k comes in as state YC__STEERED(k).  A generator
// with external linkage exports its type and a resume function (hidden);
// a static one keeps them static.
// RUN: %yieldc %s -o %t.c
// RUN: grep -v -e '^//' -e '^#line' %t.c | FileCheck %s
#include <yieldc.h>

yc_generator(int) evens_then_odds(int limit) {
  for (int i = 0; i < limit; i += 2)
    yield(i);
  for (int j = 1; j < limit; j += 2)
    yield(j);
}

static yc_generator(int) one(void) { yield(1); }

static yc_generator(int) countdown(int n) {
  while (n > 0) {
    yield(n);
    n--;
  }
}
// CHECK: #define YIELDC_TRANSLATED 1
// CHECK: struct evens_then_odds__frame {
// CHECK-NEXT:   yc_coro yc_hdr;
// CHECK-NEXT:   int limit;
// CHECK-NEXT:   union { /* scopes that never run at the same time */
// CHECK-NEXT:     struct {
// CHECK-NEXT:       int i;
// CHECK-NEXT:     };
// CHECK-NEXT:     struct {
// CHECK-NEXT:       int j;
// CHECK-NEXT:     };
// CHECK-NEXT:   };
// CHECK-NEXT: };
// CHECK: static int evens_then_odds__resume(yc_coro *yc__c, void *yc__out, const void *yc__in);
// CHECK-NEXT: YC__EXPORT int evens_then_odds__xresume(yc_coro *yc__c, void *yc__out, const void *yc__in);
// CHECK-NEXT: extern YC__EXPORT const yc__coro_type evens_then_odds__type;
// CHECK-NEXT: YC__EXPORT const yc__coro_type evens_then_odds__type = {"evens_then_odds", evens_then_odds__xresume, sizeof(struct evens_then_odds__frame), sizeof(int), 0, 0, 0, YC__GENERATOR, YC__STEER_BY_STATE};
// CHECK: yc_generator(int) evens_then_odds(int limit) { {{.*}}f->limit = limit;
// A parameter the body never assigns is read from the frame.
// CHECK: switch (yc__c->state) {
// CHECK-NEXT: case 0: break;
// CHECK-NEXT: case 1: goto yc_resume_1; /* line 14: yield */
// CHECK-NEXT: case 2: goto yc_resume_2; /* line 16: yield */
// CHECK-NEXT: case YC__STEERED(1): goto yc_unwind_1;
// CHECK-NEXT: case YC__STEERED(2): goto yc_unwind_2;
// CHECK-NEXT: default: return YC__RETURN;
// The body keeps its C locals: a loop counter live across the yield is
// saved into its frame slot before it suspends and restored after.
// CHECK: for (int i = 0; i < f->limit; i += 2)
// CHECK-NEXT: { if (yc__out) *(int *)yc__out = (i); YC__SAVE(f->i, i); yc__c->state = 1; return YC__YIELD; yc_resume_1: __attribute__((unused)); i = f->i; }
// CHECK: for (int j = 1; j < f->limit; j += 2)
// CHECK-NEXT: yc__c->state = 2; return YC__YIELD; yc_resume_2: __attribute__((unused)); j = f->j; }
// CHECK: yc_unwind_1: __attribute__((unused));
// CHECK: int evens_then_odds__xresume(yc_coro *yc__c, void *yc__out, const void *yc__in) { return evens_then_odds__resume(yc__c, yc__out, yc__in); }
// CHECK: static int one__resume(yc_coro *yc__c, void *yc__out, const void *yc__in);
// CHECK-NEXT: static const yc__coro_type one__type = {"one", one__resume,
// CHECK-NOT: one__xresume
// One resume point: the switch tests for it first.
// CHECK: switch (__builtin_expect(yc__c->state, 1)) {
// A parameter the body assigns is a C local, read from the frame on every
// resumption and saved before each suspension point where it is live.
// CHECK: static int countdown__resume(
// CHECK: int n = f->n;
// CHECK-NEXT: (void)f; (void)yc__out; (void)yc__in; (void)n;
// CHECK: while (n > 0) {
// CHECK-NEXT: { if (yc__out) *(int *)yc__out = (n); YC__SAVE(f->n, n); yc__c->state = 1; return YC__YIELD; yc_resume_1: __attribute__((unused)); }
