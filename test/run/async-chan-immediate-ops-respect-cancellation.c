// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// A send into a channel with room, or a receive of a buffered item,
// completes without suspending (the translator tries it first), but a
// cancelled task still gets YC_ECANCELLED there and the channel is left as
// it was: nothing sent, nothing taken.  An argument with a side effect is
// evaluated once.
// CHECK: worker: sleep raised -1004
// CHECK-NEXT: worker: send raised -1004, 1 buffered
// CHECK-NEXT: worker: recv raised -1004, 1 buffered, x = 0
// CHECK-NEXT: worker: send to closed raised -1004
// CHECK-NEXT: worker: recv from closed raised -1004
// CHECK-NEXT: main: worker returned 5
// CHECK-NEXT: main: got 42 (ok 1)
// CHECK-NEXT: main: sent items[0], k = 1, result 0
// CHECK-NEXT: main: sent items[1], k = 2, result 0
// CHECK-NEXT: main: got 10 20
// CHECK-NEXT: main: send after close -> -1006
// CHECK-NEXT: main: drained 1 more: 99, then ok 0
// CHECK-NEXT: yc_run -> 0
// CHECK-NOT: {{.}}
#include <stdio.h>

#include <yieldc.h>

yc_async(int) worker(yc_chan *ch, yc_chan *shut) {
  yc_try {
    await(yc_sleep(10000));
  } yc_catch (err) {
    printf("worker: sleep raised %d\n", err);
  }
  int v = 7;
  yc_try {
    int r = await(yc_chan_send(ch, &v), int);
    printf("worker: send completed %d\n", r);
  } yc_catch (err) {
    printf("worker: send raised %d, %zu buffered\n", err, yc_chan_len(ch));
  }
  int x = 0;
  yc_try {
    bool ok = await(yc_chan_recv(ch, &x), bool);
    printf("worker: recv completed %d\n", ok);
  } yc_catch (err) {
    printf("worker: recv raised %d, %zu buffered, x = %d\n", err, yc_chan_len(ch), x);
  }
  /* A closed channel completes a send (YC_ECLOSED) or receive (false) at
   * once, but not for a cancelled task either. */
  yc_try {
    int r = await(yc_chan_send(shut, &v), int);
    printf("worker: send to closed completed %d\n", r);
  } yc_catch (err) {
    printf("worker: send to closed raised %d\n", err);
  }
  yc_try {
    bool ok = await(yc_chan_recv(shut, &x), bool);
    printf("worker: recv from closed completed %d\n", ok);
  } yc_catch (err) {
    printf("worker: recv from closed raised %d\n", err);
  }
  yc_return(5);
}

yc_async(int) amain(void) {
  yc_chan *ch = yc_chan_new(4, sizeof(int));
  yc_chan *shut = yc_chan_new(1, sizeof(int));
  yc_chan_close(shut);
  yc_task *t = yc_spawn(worker(ch, shut));
  await(yc_sleep(5));
  yc_cancel(t);
  int v = 42;
  await(yc_chan_send(ch, &v)); /* room: completes at once, main runs on */
  int r = await(t, int);
  printf("main: worker returned %d\n", r);
  int got = 0;
  bool ok = await(yc_chan_recv(ch, &got), bool);
  printf("main: got %d (ok %d)\n", got, ok);
  int items[2] = {10, 20}, k = 0;
  int sr = await(yc_chan_send(ch, &items[k++]), int);
  printf("main: sent items[0], k = %d, result %d\n", k, sr);
  sr = await(yc_chan_send(ch, &items[k++]), int);
  printf("main: sent items[1], k = %d, result %d\n", k, sr);
  int a = 0, b = 0;
  await(yc_chan_recv(ch, &a), bool);
  await(yc_chan_recv(ch, &b), bool);
  printf("main: got %d %d\n", a, b);
  v = 99;
  await(yc_chan_send(ch, &v));
  yc_chan_close(ch);
  sr = await(yc_chan_send(ch, &v), int);
  printf("main: send after close -> %d\n", sr);
  ok = await(yc_chan_recv(ch, &got), bool);
  bool ok2 = await(yc_chan_recv(ch, &a), bool);
  printf("main: drained %d more: %d, then ok %d\n", ok, got, ok2);
  yc_chan_free(ch);
  yc_chan_free(shut);
  yc_return(0);
}

int main(void) {
  int r = -1;
  int err = yc_run(amain(), &r);
  printf("yc_run -> %d\n", err);
  return err;
}
