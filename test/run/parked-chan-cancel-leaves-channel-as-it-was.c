// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: -- a parked send cancelled: the item is not sent
// CHECK-NEXT: sender: 2 raised -1004, 1 buffered
// CHECK-NEXT: main: task returned -1004
// CHECK-NEXT: main: got 1 (ok 1), then 0 buffered
// CHECK-NEXT: -- a parked receive cancelled: no item taken
// CHECK-NEXT: receiver: raised -1004, x = -1, 0 buffered
// CHECK-NEXT: main: task returned -1004
// CHECK-NEXT: main: sent 7, 1 buffered
// CHECK-NEXT: main: got 7 (ok 1)
// CHECK-NEXT: -- a parked send completed, then cancelled
// CHECK-NEXT: main: got 1 (ok 1), 1 buffered
// CHECK-NEXT: sender: send of 3 completed 0
// CHECK-NEXT: sender: 3 raised -1004, 1 buffered
// CHECK-NEXT: main: task returned -1004
// CHECK-NEXT: main: got 3 (ok 1)
// CHECK-NEXT: -- a parked receive completed, then cancelled
// CHECK-NEXT: main: sent 9 (err 0), 0 buffered
// CHECK-NEXT: receiver: got 9 (ok 1)
// CHECK-NEXT: receiver: raised -1004, x = 9, 0 buffered
// CHECK-NEXT: main: task returned -1004
// CHECK-NEXT: -- a parked rendezvous send cancelled
// CHECK-NEXT: sender: 4 raised -1004, 0 buffered
// CHECK-NEXT: main: task returned -1004
// CHECK-NEXT: main: after close got 0 (ok 0)
// CHECK-NEXT: yc_run -> 0
// CHECK-NOT: {{.}}
/* Cancelling a task parked in a channel await (frameless wait): a send or
 * receive that has not completed leaves the channel as it was (the item is
 * not sent, no item is taken); one that completed before the task ran
 * again keeps its result (the item is neither lost nor duplicated) and the
 * cancellation, level-triggered, arrives at the next suspension point. */
#include <stdio.h>

#include <yieldc.h>

yc_async(int) blocked_sender(yc_chan *ch, int item) {
  yc_try {
    int err = await(yc_chan_send(ch, &item), int);
    printf("sender: send of %d completed %d\n", item, err);
    await(yc_sleep(0));
    printf("sender: not cancelled\n");
  } yc_catch (err) {
    printf("sender: %d raised %d, %zu buffered\n", item, err, yc_chan_len(ch));
    yc_return(err);
  }
  yc_return(0);
}

yc_async(int) blocked_receiver(yc_chan *ch) {
  int x = -1;
  yc_try {
    bool ok = await(yc_chan_recv(ch, &x), bool);
    printf("receiver: got %d (ok %d)\n", x, (int)ok);
    await(yc_sleep(0));
    printf("receiver: not cancelled\n");
  } yc_catch (err) {
    printf("receiver: raised %d, x = %d, %zu buffered\n", err, x, yc_chan_len(ch));
    yc_return(err);
  }
  yc_return(0);
}

yc_async(int) amain(void) {
  yc_chan *ch = yc_chan_new(1, sizeof(int));
  int v = 1, got = 0;
  bool ok;

  printf("-- a parked send cancelled: the item is not sent\n");
  await(yc_chan_send(ch, &v));
  yc_task *t = yc_spawn(blocked_sender(ch, 2));
  await(yc_sleep(5));
  yc_cancel(t);
  printf("main: task returned %d\n", await(t, int));
  ok = await(yc_chan_recv(ch, &got), bool);
  printf("main: got %d (ok %d), then %zu buffered\n", got, (int)ok, yc_chan_len(ch));

  printf("-- a parked receive cancelled: no item taken\n");
  t = yc_spawn(blocked_receiver(ch));
  await(yc_sleep(5));
  yc_cancel(t);
  printf("main: task returned %d\n", await(t, int));
  v = 7;
  await(yc_chan_send(ch, &v));
  printf("main: sent 7, %zu buffered\n", yc_chan_len(ch));
  ok = await(yc_chan_recv(ch, &got), bool);
  printf("main: got %d (ok %d)\n", got, (int)ok);

  printf("-- a parked send completed, then cancelled\n");
  v = 1;
  await(yc_chan_send(ch, &v));
  t = yc_spawn(blocked_sender(ch, 3));
  await(yc_sleep(5));
  ok = await(yc_chan_recv(ch, &got), bool); /* makes room: 3 goes in */
  yc_cancel(t);
  printf("main: got %d (ok %d), %zu buffered\n", got, (int)ok, yc_chan_len(ch));
  printf("main: task returned %d\n", await(t, int));
  ok = await(yc_chan_recv(ch, &got), bool);
  printf("main: got %d (ok %d)\n", got, (int)ok);

  printf("-- a parked receive completed, then cancelled\n");
  t = yc_spawn(blocked_receiver(ch));
  await(yc_sleep(5));
  v = 9;
  int err = await(yc_chan_send(ch, &v), int); /* handed to the receiver */
  yc_cancel(t);
  printf("main: sent 9 (err %d), %zu buffered\n", err, yc_chan_len(ch));
  printf("main: task returned %d\n", await(t, int));

  printf("-- a parked rendezvous send cancelled\n");
  yc_chan *rv = yc_chan_new(0, sizeof(int));
  t = yc_spawn(blocked_sender(rv, 4));
  await(yc_sleep(5));
  yc_cancel(t);
  printf("main: task returned %d\n", await(t, int));
  yc_chan_close(rv);
  got = 0;
  ok = await(yc_chan_recv(rv, &got), bool);
  printf("main: after close got %d (ok %d)\n", got, (int)ok);

  yc_chan_free(ch);
  yc_chan_free(rv);
  yc_return(0);
}

int main(void) {
  int err = yc_run(amain(), NULL);
  printf("yc_run -> %d\n", err);
  return err;
}
