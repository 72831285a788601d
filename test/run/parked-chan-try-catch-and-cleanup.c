// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: -- cancelled inside yc_try
// CHECK-NEXT: cleanup 2
// CHECK-NEXT: guarded: caught -1004, x = -1
// CHECK-NEXT: guarded: after the try
// CHECK-NEXT: cleanup 1
// CHECK-NEXT: main: guarded returned 1
// CHECK-NEXT: -- completes inside yc_try
// CHECK-NEXT: guarded: got 42 (ok 1), inner 2
// CHECK-NEXT: cleanup 2
// CHECK-NEXT: guarded: after the try
// CHECK-NEXT: cleanup 1
// CHECK-NEXT: main: guarded returned 1
// CHECK-NEXT: -- cancelled without yc_try
// CHECK-NEXT: unguarded: round 0 got 1, sum 1, per_round 100
// CHECK-NEXT: cleanup 100
// CHECK-NEXT: unguarded: round 1 got 2, sum 5, per_round 101
// CHECK-NEXT: cleanup 101
// CHECK-NEXT: cleanup 102
// CHECK-NEXT: cleanup 7
// CHECK-NEXT: main: unguarded raised -1004
// CHECK-NEXT: yc_run -> 0
// CHECK-NOT: {{.}}
/* A parked channel wait keeps the rules of every suspension point: inside
 * yc_try a cancellation arriving there is caught (after the cleanups of
 * the scopes it leaves), without yc_try it unwinds the task through its
 * cleanup-attribute locals, innermost first; locals keep their values
 * across the wait. */
#include <stdio.h>

#include <yieldc.h>

static void done(int *p) { printf("cleanup %d\n", *p); }

yc_async(int) guarded(yc_chan *ch) {
  __attribute__((cleanup(done))) int outer = 1;
  int x = -1;
  yc_try {
    __attribute__((cleanup(done))) int inner = 2;
    bool ok = await(yc_chan_recv(ch, &x), bool);
    printf("guarded: got %d (ok %d), inner %d\n", x, (int)ok, inner);
  } yc_catch (err) {
    printf("guarded: caught %d, x = %d\n", err, x);
  }
  printf("guarded: after the try\n");
  yc_return(outer);
}

yc_async(int) unguarded(yc_chan *ch, int id) {
  __attribute__((cleanup(done))) int c = id;
  int x = 0, sum = 0;
  for (int i = 0; i < 3; i++) {
    __attribute__((cleanup(done))) int per_round = 100 + i;
    int scale = 1 + i;
    await(yc_chan_recv(ch, &x), bool);
    sum += x * scale;
    printf("unguarded: round %d got %d, sum %d, per_round %d\n", i, x, sum, per_round);
  }
  yc_return(sum + c);
}

yc_async(int) amain(void) {
  yc_chan *ch = yc_chan_new(0, sizeof(int));
  printf("-- cancelled inside yc_try\n");
  yc_task *t = yc_spawn(guarded(ch));
  await(yc_sleep(5));
  yc_cancel(t);
  printf("main: guarded returned %d\n", await(t, int));

  printf("-- completes inside yc_try\n");
  t = yc_spawn(guarded(ch));
  await(yc_sleep(5));
  int v = 42;
  await(yc_chan_send(ch, &v));
  printf("main: guarded returned %d\n", await(t, int));

  printf("-- cancelled without yc_try\n");
  t = yc_spawn(unguarded(ch, 7));
  for (v = 1; v <= 2; v++) {
    await(yc_sleep(5));
    await(yc_chan_send(ch, &v));
  }
  await(yc_sleep(5));
  yc_cancel(t);
  yc_try {
    int r = await(t, int);
    printf("main: unguarded returned %d\n", r);
  } yc_catch (err) {
    printf("main: unguarded raised %d\n", err);
  }
  yc_chan_free(ch);
  yc_return(0);
}

int main(void) {
  int err = yc_run(amain(), NULL);
  printf("yc_run -> %d\n", err);
  return err;
}
