// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: inner first: start
// CHECK-NEXT: cleanup inner
// CHECK-NEXT: inner first: after inner (expired 1)
// CHECK-NEXT: inner first: outer body done
// CHECK-NEXT: inner first: after outer (expired 0), early 0
// CHECK-NEXT: outer first: start
// CHECK-NEXT: cleanup inner
// CHECK-NEXT: outer first: after outer (expired 1), early 0
// CHECK-NEXT: outer after inner: start
// CHECK-NEXT: cleanup inner
// CHECK-NEXT: outer after inner: after inner (expired 1)
// CHECK-NEXT: outer after inner: after outer (expired 1), early 0
// CHECK-NEXT: fail_after: caught TimeoutError
// CHECK-NEXT: fail_after: slept after
// CHECK-NEXT: fail_after returned TimeoutError
// CHECK-NEXT: not expiring: sum 10, expired 0
// CHECK-NEXT: yc_run -> 0
// CHECK-NOT: {{.}}
/* Nested deadline scopes, as asyncio.timeout / Trio move_on_after: the
 * innermost expiring scope catches its own timeout; an outer scope's
 * timeout passes through an inner scope that has not expired; cleanups
 * run on the way out; the task goes on after a move_on scope; fail_after
 * raises YC_ETIMEDOUT after its statement, which yc_try catches.  Only
 * "never early" is asserted of the clock. */
#include <stdio.h>
#include <stdint.h>
#include <time.h>

#include <yieldc.h>

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static void note_cleanup(const char **what) { printf("cleanup %s\n", *what); }

static const char *name_of(int err) {
  return err == YC_ETIMEDOUT ? "TimeoutError" : err == YC_ECANCELLED ? "CancelledError" : err ? "error" : "none";
}

/* sleeps s1 inside an inner scope of t1, then s2, inside an outer one of t0 */
yc_async(void) case_nested(const char *label, int t0, int t1, int s1, int s2) {
  bool outer_exp = false, inner_exp = false;
  long long start = now_ms();
  printf("%s: start\n", label);
  yc_move_on_after(t0, &outer_exp) {
    yc_move_on_after(t1, &inner_exp) {
      const char *what __attribute__((cleanup(note_cleanup))) = "inner";
      await(yc_sleep(s1));
      printf("%s: inner body done\n", label);
    }
    printf("%s: after inner (expired %d)\n", label, (int)inner_exp);
    await(yc_sleep(s2));
    printf("%s: outer body done\n", label);
  }
  long long took = now_ms() - start;
  int early = 0;
  if (inner_exp && took < t1)
    early = 1;
  if (outer_exp && took < t0)
    early = 1;
  printf("%s: after outer (expired %d), early %d\n", label, (int)outer_exp, early);
}

yc_async(int) fail_after_caught(void) {
  int err = 0;
  yc_try {
    yc_fail_after(20) {
      await(yc_sleep(10000));
      printf("not reached\n");
    }
    printf("not reached either\n");
  }
  yc_catch (e) {
    err = e;
  }
  printf("fail_after: caught %s\n", name_of(err));
  /* the task goes on: a later wait is not affected */
  await(yc_sleep(1));
  printf("fail_after: slept after\n");
  yc_return(err);
}

yc_async(void) not_expiring(void) {
  bool exp = true;
  int sum = 0;
  yc_move_on_after(100000, &exp) {
    for (int i = 0; i < 5; i++) {
      await(yc_sleep(0));
      sum += i;
    }
  }
  printf("not expiring: sum %d, expired %d\n", sum, (int)exp);
}

yc_async(int) amain(void) {
  await(case_nested("inner first", 5000, 20, 5000, 0));
  await(case_nested("outer first", 20, 5000, 5000, 0));
  await(case_nested("outer after inner", 60, 20, 5000, 5000));
  int e = await(fail_after_caught(), int);
  printf("fail_after returned %s\n", name_of(e));
  await(not_expiring());
  yc_return(0);
}

int main(void) {
  int err = yc_run(amain(), NULL);
  printf("yc_run -> %d\n", err);
  return 0;
}
