// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: -- close with two receivers parked
// CHECK-NEXT: receiver 1: got 5
// CHECK-NEXT: receiver 2: closed (ok 0)
// CHECK-NEXT: receiver 1: closed (ok 0)
// CHECK-NEXT: -- close with senders parked, one item buffered
// CHECK-NEXT: sender 1: err 0
// CHECK-NEXT: main: 1 buffered, closing
// CHECK-NEXT: sender 2: err -1006
// CHECK-NEXT: sender 3: err -1006
// CHECK-NEXT: receiver 3: got 1
// CHECK-NEXT: receiver 3: closed (ok 0)
// CHECK-NEXT: -- an async generator parked in a receive
// CHECK-NEXT: producer: sending 1
// CHECK-NEXT: relay: received 1
// CHECK-NEXT: main: item 10
// CHECK-NEXT: producer: sending 2
// CHECK-NEXT: relay: received 2
// CHECK-NEXT: main: item 20
// CHECK-NEXT: producer: sending 3
// CHECK-NEXT: relay: received 3
// CHECK-NEXT: main: item 30
// CHECK-NEXT: relay: input closed
// CHECK-NEXT: main: 3 items
// CHECK-NEXT: yc_run -> 0
// CHECK-NOT: {{.}}
/* Closing a channel while tasks are parked on it: a parked receiver gets
 * false, a parked sender YC_ECLOSED (its item is not delivered), buffered
 * items still reach receivers.  And an async generator that parks in a
 * channel receive between its items, consumed by await_next: the consumer
 * waits on the generator, the generator on the channel. */
#include <stdio.h>

#include <yieldc.h>

yc_async(void) recv_until_closed(yc_chan *ch, int id) {
  int v = -1;
  bool ok;
  while ((ok = await(yc_chan_recv(ch, &v), bool)))
    printf("receiver %d: got %d\n", id, v);
  printf("receiver %d: closed (ok %d)\n", id, (int)ok);
}

yc_async(void) send_one(yc_chan *ch, int item) {
  int err = await(yc_chan_send(ch, &item), int);
  printf("sender %d: err %d\n", item, err);
}

yc_async_generator(int) relay(yc_chan *in) {
  int v;
  while (await(yc_chan_recv(in, &v), bool)) {
    printf("relay: received %d\n", v);
    yield(v * 10);
  }
  printf("relay: input closed\n");
}

yc_async(void) producer(yc_chan *out, int n) {
  for (int i = 1; i <= n; i++) {
    await(yc_sleep(2));
    printf("producer: sending %d\n", i);
    await(yc_chan_send(out, &i));
  }
  yc_chan_close(out);
}

yc_async(int) amain(void) {
  printf("-- close with two receivers parked\n");
  yc_chan *ch = yc_chan_new(2, sizeof(int));
  yc_task *r1 = yc_spawn(recv_until_closed(ch, 1));
  yc_task *r2 = yc_spawn(recv_until_closed(ch, 2));
  await(yc_sleep(5));
  int v = 5;
  await(yc_chan_send(ch, &v));
  await(yc_sleep(5));
  yc_chan_close(ch);
  await(r1);
  await(r2);
  yc_chan_free(ch);

  printf("-- close with senders parked, one item buffered\n");
  ch = yc_chan_new(1, sizeof(int));
  yc_task *s1 = yc_spawn(send_one(ch, 1));
  yc_task *s2 = yc_spawn(send_one(ch, 2));
  yc_task *s3 = yc_spawn(send_one(ch, 3));
  await(yc_sleep(5));
  printf("main: %zu buffered, closing\n", yc_chan_len(ch));
  yc_chan_close(ch);
  await(s1);
  await(s2);
  await(s3);
  yc_task *r3 = yc_spawn(recv_until_closed(ch, 3));
  await(r3);
  yc_chan_free(ch);

  printf("-- an async generator parked in a receive\n");
  ch = yc_chan_new(0, sizeof(int));
  yc_task *p = yc_spawn(producer(ch, 3));
  yc_agen *g = relay(ch);
  int item, n = 0;
  while (await_next(g, &item)) {
    printf("main: item %d\n", item);
    n++;
  }
  printf("main: %d items\n", n);
  await(p);
  yc_free(g);
  yc_chan_free(ch);
  yc_return(0);
}

int main(void) {
  int err = yc_run(amain(), NULL);
  printf("yc_run -> %d\n", err);
  return err;
}
