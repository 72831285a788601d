// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: level: wait 0 raised TimeoutError
// CHECK-NEXT: level: wait 1 raised TimeoutError
// CHECK-NEXT: level: wait 2 raised TimeoutError
// CHECK-NEXT: level: after the scope the task waits normally
// CHECK-NEXT: cancel only: cancelling
// CHECK-NEXT: victim: wait raised CancelledError
// CHECK-NEXT: victim: next wait raised CancelledError
// CHECK-NEXT: victim: after scope
// CHECK-NEXT: cancel only: victim failed with CancelledError
// CHECK-NEXT: cancel and deadline: cancelling
// CHECK-NEXT: victim: wait raised CancelledError
// CHECK-NEXT: victim: next wait raised CancelledError
// CHECK-NEXT: victim: after scope
// CHECK-NEXT: cancel and deadline: victim failed with CancelledError
// CHECK-NEXT: break: returned -1, waits normally
// CHECK-NEXT: return: returned 1, waits normally
// CHECK-NEXT: yc_run -> 0
// CHECK-NOT: {{.}}
/* Inside an expired scope every suspension point raises YC_ETIMEDOUT
 * (level-triggered, like cancellation) until the scope is left; then the
 * task waits normally again.  A cancellation inside a scope raises
 * YC_ECANCELLED, also when the deadline passed too (cancellation wins),
 * and move_on does not swallow it.  Leaving a scope by break or return
 * unregisters it: its deadline no longer fires. */
#include <stdio.h>
#include <time.h>

#include <yieldc.h>

static const char *name_of(int err) {
  return err == YC_ETIMEDOUT ? "TimeoutError" : err == YC_ECANCELLED ? "CancelledError" : err ? "error" : "none";
}

static void spin_ms(long ms) { /* let a deadline pass without a suspension point */
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  do
    clock_gettime(CLOCK_MONOTONIC, &b);
  while ((b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000 < ms);
}

yc_async(void) level_triggered(void) {
  yc_move_on_after(10) {
    for (int i = 0; i < 3; i++) {
      yc_try {
        await(yc_sleep(i == 0 ? 10000 : 0));
        printf("level: not reached\n");
      }
      yc_catch (e) {
        printf("level: wait %d raised %s\n", i, name_of(e));
      }
    }
  }
  await(yc_sleep(1));
  printf("level: after the scope the task waits normally\n");
}

static int started;

yc_async(void) victim(int deadline_ms) {
  yc_move_on_after(deadline_ms) {
    started = 1;
    yc_try {
      await(yc_sleep(10000));
    }
    yc_catch (e) {
      printf("victim: wait raised %s\n", name_of(e));
    }
    yc_try {
      await(yc_sleep(0));
    }
    yc_catch (e) {
      printf("victim: next wait raised %s\n", name_of(e));
    }
  }
  printf("victim: after scope\n");
  await(yc_sleep(0));
  printf("victim: not reached\n");
}

yc_async(void) cancel_case(const char *label, int deadline_ms, int spin) {
  started = 0;
  yc_task *t = yc_spawn(victim(deadline_ms));
  while (!started)
    await(yc_sleep(0));
  if (spin)
    spin_ms(spin); /* the deadline has passed, its timer not yet fired */
  printf("%s: cancelling\n", label);
  yc_cancel(t);
  int err = 0;
  yc_try {
    await(t);
  }
  yc_catch (e) {
    err = e;
  }
  printf("%s: victim failed with %s\n", label, name_of(err));
}

yc_async(int) leave_early(int how) {
  for (int i = 0; i < 3; i++) {
    yc_move_on_after(15) {
      if (how == 0 && i == 1)
        break;
      if (how == 1 && i == 1)
        yc_return(i);
      await(yc_sleep(0));
    }
  }
  yc_return(-1);
}

yc_async(int) amain(void) {
  await(level_triggered());
  await(cancel_case("cancel only", 100000, 0));
  await(cancel_case("cancel and deadline", 1, 5));
  int r = await(leave_early(0), int);
  await(yc_sleep(30)); /* past the deadlines of the scopes left */
  printf("break: returned %d, waits normally\n", r);
  r = await(leave_early(1), int);
  await(yc_sleep(30));
  printf("return: returned %d, waits normally\n", r);
  yc_return(0);
}

int main(void) {
  int err = yc_run(amain(), NULL);
  printf("yc_run -> %d\n", err);
  return 0;
}
