// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: -- buffered items survive close
// CHECK-NEXT: sent 1 -> 0
// CHECK-NEXT: sent 2 -> 0
// CHECK-NEXT: sent 3 -> 0
// CHECK-NEXT: closed with 3 buffered
// CHECK-NEXT: send after close -> -1006
// CHECK-NEXT: got 1 (buffered 2)
// CHECK-NEXT: got 2 (buffered 1)
// CHECK-NEXT: got 3 (buffered 0)
// CHECK-NEXT: recv -> false
// CHECK-NEXT: recv again -> 0, v -1
// CHECK-NEXT: -- a waiting receiver gets false
// CHECK-NEXT: receiver: waiting
// CHECK-NEXT: closing
// CHECK-NEXT: receiver: ok 0, v -1
// CHECK-NEXT: -- a blocked sender gets YC_ECLOSED
// CHECK-NEXT: sent 1 -> 0
// CHECK-NEXT: sender: sending 2
// CHECK-NEXT: closing
// CHECK-NEXT: sender: send 2 -> -1006
// CHECK-NEXT: got 1 (buffered 0)
// CHECK-NEXT: recv -> false
// CHECK-NEXT: recv again -> 0, v -1
// CHECK-NEXT: yc_run -> 0
// CHECK-NOT: {{.}}
/* Closing a channel keeps its buffered items for receivers: recv delivers
 * them in order, then is false (and stays false).  A send after close, and
 * a sender blocked on the full channel when it closes, get YC_ECLOSED (its
 * item is not delivered); a receiver blocked on the empty channel when it
 * closes gets false.  Closing twice is harmless. */
#include <stdio.h>

#include <yieldc.h>

yc_async(void) waiting_receiver(yc_chan *ch) {
  int v = -1;
  printf("receiver: waiting\n");
  bool ok = await(yc_chan_recv(ch, &v), bool);
  printf("receiver: ok %d, v %d\n", (int)ok, v);
}

yc_async(void) blocked_sender(yc_chan *ch, int v) {
  printf("sender: sending %d\n", v);
  int err = await(yc_chan_send(ch, &v), int);
  printf("sender: send %d -> %d\n", v, err);
}

yc_async(void) drain(yc_chan *ch) {
  int v;
  while (await(yc_chan_recv(ch, &v), bool))
    printf("got %d (buffered %zu)\n", v, yc_chan_len(ch));
  printf("recv -> false\n");
  v = -1;
  bool again = await(yc_chan_recv(ch, &v), bool);
  printf("recv again -> %d, v %d\n", (int)again, v);
}

yc_async(int) amain(void) {
  printf("-- buffered items survive close\n");
  yc_chan *ch = yc_chan_new(4, sizeof(int));
  for (int i = 1; i <= 3; i++) {
    int err = await(yc_chan_send(ch, &i), int);
    printf("sent %d -> %d\n", i, err);
  }
  yc_chan_close(ch);
  yc_chan_close(ch);
  printf("closed with %zu buffered\n", yc_chan_len(ch));
  int late = 99;
  printf("send after close -> %d\n", await(yc_chan_send(ch, &late), int));
  await(drain(ch));
  yc_chan_free(ch);

  printf("-- a waiting receiver gets false\n");
  ch = yc_chan_new(1, sizeof(int));
  yc_task *t = yc_spawn(waiting_receiver(ch));
  await(yc_sleep(5));
  printf("closing\n");
  yc_chan_close(ch);
  await(t);
  yc_chan_free(ch);

  printf("-- a blocked sender gets YC_ECLOSED\n");
  ch = yc_chan_new(1, sizeof(int));
  int one = 1;
  printf("sent 1 -> %d\n", await(yc_chan_send(ch, &one), int));
  t = yc_spawn(blocked_sender(ch, 2));
  await(yc_sleep(5));
  printf("closing\n");
  yc_chan_close(ch);
  await(t);
  await(drain(ch));
  yc_chan_free(ch);
  yc_return(0);
}

int main(void) {
  int err = yc_run(amain(), NULL);
  printf("yc_run -> %d\n", err);
  return 0;
}
