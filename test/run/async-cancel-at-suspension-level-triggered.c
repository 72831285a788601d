// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: victim: sleeping
// CHECK-NEXT: main: cancel victim -> 1
// CHECK-NEXT: cleanup victim try scope
// CHECK-NEXT: victim: caught -1004 (task cancelled)
// CHECK-NEXT: victim: sleeping again
// CHECK-NEXT: victim: second await raised -1004 too
// CHECK-NEXT: victim: awaiting helper
// CHECK-NEXT: victim: third await raised -1004 too
// CHECK-NEXT: victim: returning 7
// CHECK-NEXT: cleanup victim outer
// CHECK-NEXT: main: victim returned 7
// CHECK-NEXT: plain: sleeping
// CHECK-NEXT: main: cancel plain -> 1
// CHECK-NEXT: cleanup plain
// CHECK-NEXT: main: awaiting plain raised -1004 (task cancelled)
// CHECK-NEXT: yc_run -> 0
// CHECK-NOT: {{.}}
/* yc_cancel delivers YC_ECANCELLED at the task's suspension point: the
 * cleanups of the scopes it leaves run, a yc_catch sees it.  Cancellation
 * is level-triggered: after catching it, the next await (of a leaf or of
 * an async function, which then never starts) raises it again; plain code
 * still runs and the task may return a value.  A task that does not catch
 * fails, and awaiting it raises YC_ECANCELLED. */
#include <stdio.h>

#include <yieldc.h>

static void cleanup(const char **who) { printf("cleanup %s\n", *who); }

yc_async(int) helper(void) {
  printf("helper started\n");
  yc_return(1);
}

yc_async(int) victim(void) {
  __attribute__((cleanup(cleanup))) const char *outer = "victim outer";
  (void)outer;
  yc_try {
    __attribute__((cleanup(cleanup))) const char *inner = "victim try scope";
    (void)inner;
    printf("victim: sleeping\n");
    await(yc_sleep(10000));
    printf("not reached\n");
  } yc_catch (err) {
    printf("victim: caught %d (%s)\n", err, yc_strerror(err));
  }
  yc_try {
    printf("victim: sleeping again\n");
    await(yc_sleep(0));
    printf("not reached\n");
  } yc_catch (err) {
    printf("victim: second await raised %d too\n", err);
  }
  yc_try {
    printf("victim: awaiting helper\n");
    int h = await(helper(), int);
    printf("not reached %d\n", h);
  } yc_catch (err) {
    printf("victim: third await raised %d too\n", err);
  }
  printf("victim: returning 7\n");
  yc_return(7);
}

yc_async(int) plain(void) {
  __attribute__((cleanup(cleanup))) const char *me = "plain";
  (void)me;
  printf("plain: sleeping\n");
  await(yc_sleep(10000));
  printf("not reached\n");
  yc_return(1);
}

yc_async(int) amain(void) {
  yc_task *t = yc_spawn(victim());
  await(yc_sleep(5));
  printf("main: cancel victim -> %d\n", yc_cancel(t));
  int r = await(t, int);
  printf("main: victim returned %d\n", r);

  t = yc_spawn(plain());
  await(yc_sleep(5));
  printf("main: cancel plain -> %d\n", yc_cancel(t));
  yc_try {
    r = await(t, int);
    printf("not reached %d\n", r);
  } yc_catch (err) {
    printf("main: awaiting plain raised %d (%s)\n", err, yc_strerror(err));
  }
  yc_return(0);
}

int main(void) {
  int err = yc_run(amain(), NULL);
  printf("yc_run -> %d\n", err);
  return 0;
}
