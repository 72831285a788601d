// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: -- a send to b completes the parked select
// CHECK-NEXT: main: a 0, b 0 buffered
// CHECK-NEXT: p1: case 1, ok 1, x -1, y 11
// CHECK-NEXT: main: p1 returned 1
// CHECK-NEXT: -- a parked select cancelled
// CHECK-NEXT: p2: raised -1004, i -2, x -1, y -1
// CHECK-NEXT: main: p2 returned -1004
// CHECK-NEXT: main: a 1, b 1 buffered
// CHECK-NEXT: -- a parked select completed, then cancelled
// CHECK-NEXT: main: a 0, b 0 buffered
// CHECK-NEXT: p3: case 0, ok 1, x 12, y -1
// CHECK-NEXT: p3: raised -1004, i 0, x 12, y -1
// CHECK-NEXT: main: p3 returned -1004
// CHECK-NEXT: -- a send case and a receive case
// CHECK-NEXT: main: got 5 (ok 1)
// CHECK-NEXT: mixed: send ok 1, recv ok 0, in -1
// CHECK-NEXT: main: mixed returned 0
// CHECK-NEXT: main: a 1, b 1 buffered
// CHECK-NEXT: main: a gave 50 (ok 1)
// CHECK-NEXT: main: b gave 7 (ok 1)
// CHECK-NEXT: -- close while a select is parked
// CHECK-NEXT: p4: case 0, ok 0, x -1, y -1
// CHECK-NEXT: main: p4 returned 0
// CHECK-NEXT: yc_run -> 0
// CHECK-NOT: {{.}}
/* await(yc_select(cases, n), int) with no case ready parks the task in its
 * frame (no operation frame), like a channel await: the first operation
 * that can complete does and gives the index, the other cases leave their
 * queues having taken and sent nothing; a cancelled select leaves every
 * channel as it was, unless it completed before the task ran again (then
 * it keeps its result and the cancellation comes at the next suspension
 * point); a close completes a parked receive case with ok false.  Never
 * two cases ready at once here: the random choice among ready cases is
 * not what this test is about. */
#include <stdio.h>

#include <yieldc.h>

yc_async(int) pick2(yc_chan *a, yc_chan *b, const char *who) {
  int x = -1, y = -1, i = -2;
  yc_case cs[2] = {yc_case_recv(a, &x), yc_case_recv(b, &y)};
  yc_try {
    i = await(yc_select(cs, 2), int);
    printf("%s: case %d, ok %d, x %d, y %d\n", who, i, (int)cs[i].ok, x, y);
    await(yc_sleep(0));
  } yc_catch (err) {
    printf("%s: raised %d, i %d, x %d, y %d\n", who, err, i, x, y);
    yc_return(err);
  }
  yc_return(i);
}

/* The statement form, a send and a receive mixed. */
yc_async(int) send_or_recv(yc_chan *full, yc_chan *empty) {
  int out = 50, in = -1;
  yc_case cs[2] = {yc_case_send(full, &out), yc_case_recv(empty, &in)};
  await(yc_select(cs, 2));
  printf("mixed: send ok %d, recv ok %d, in %d\n", (int)cs[0].ok, (int)cs[1].ok, in);
  yc_return(cs[0].ok ? 0 : 1);
}

yc_async(int) amain(void) {
  yc_chan *a = yc_chan_new(1, sizeof(int)), *b = yc_chan_new(1, sizeof(int));
  int v, got = 0;
  bool ok;

  printf("-- a send to b completes the parked select\n");
  yc_task *t = yc_spawn(pick2(a, b, "p1"));
  await(yc_sleep(5));
  v = 11;
  await(yc_chan_send(b, &v));
  printf("main: a %zu, b %zu buffered\n", yc_chan_len(a), yc_chan_len(b));
  printf("main: p1 returned %d\n", await(t, int));

  printf("-- a parked select cancelled\n");
  t = yc_spawn(pick2(a, b, "p2"));
  await(yc_sleep(5));
  yc_cancel(t);
  printf("main: p2 returned %d\n", await(t, int));
  v = 1;
  await(yc_chan_send(a, &v));
  await(yc_chan_send(b, &v));
  printf("main: a %zu, b %zu buffered\n", yc_chan_len(a), yc_chan_len(b));
  await(yc_chan_recv(a, &got), bool);
  await(yc_chan_recv(b, &got), bool);

  printf("-- a parked select completed, then cancelled\n");
  t = yc_spawn(pick2(a, b, "p3"));
  await(yc_sleep(5));
  v = 12;
  await(yc_chan_send(a, &v));
  yc_cancel(t);
  printf("main: a %zu, b %zu buffered\n", yc_chan_len(a), yc_chan_len(b));
  printf("main: p3 returned %d\n", await(t, int));

  printf("-- a send case and a receive case\n");
  v = 5;
  await(yc_chan_send(a, &v));
  t = yc_spawn(send_or_recv(a, b));
  await(yc_sleep(5));
  ok = await(yc_chan_recv(a, &got), bool); /* room in a: the send case completes */
  printf("main: got %d (ok %d)\n", got, (int)ok);
  printf("main: mixed returned %d\n", await(t, int));
  v = 7;
  await(yc_chan_send(b, &v)); /* no receiver left waiting on b: buffered */
  printf("main: a %zu, b %zu buffered\n", yc_chan_len(a), yc_chan_len(b));
  ok = await(yc_chan_recv(a, &got), bool);
  printf("main: a gave %d (ok %d)\n", got, (int)ok);
  ok = await(yc_chan_recv(b, &got), bool);
  printf("main: b gave %d (ok %d)\n", got, (int)ok);

  printf("-- close while a select is parked\n");
  t = yc_spawn(pick2(a, b, "p4"));
  await(yc_sleep(5));
  yc_chan_close(a);
  printf("main: p4 returned %d\n", await(t, int));

  yc_chan_free(a);
  yc_chan_free(b);
  yc_return(0);
}

int main(void) {
  int err = yc_run(amain(), NULL);
  printf("yc_run -> %d\n", err);
  return err;
}
