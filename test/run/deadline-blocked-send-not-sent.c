// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: sender: sent 1 (err 0)
// CHECK-NEXT: sender: after scope, expired 1, buffered 1
// CHECK-NEXT: receiver: got 1 (ok 1)
// CHECK-NEXT: receiver: second receive expired 1, v -1
// CHECK-NEXT: receiver: after close ok 0
// CHECK-NEXT: yc_run -> 0
// CHECK-NOT: {{.}}
/* A timeout while a channel send is blocked (the channel is full): the
 * send is withdrawn, the item is not sent - the receiver never sees it -
 * and the task carries on after the move_on scope.  A receive that times
 * out takes nothing.  A scope that does not expire changes nothing. */
#include <stdio.h>

#include <yieldc.h>

static yc_chan *ch;

yc_async(void) sender(void) {
  int one = 1, two = 2;
  int err = await(yc_chan_send(ch, &one), int);
  printf("sender: sent 1 (err %d)\n", err);
  bool expired = false;
  yc_move_on_after(20, &expired) {
    err = await(yc_chan_send(ch, &two), int);
    printf("sender: sent 2 (err %d)\n", err);
  }
  printf("sender: after scope, expired %d, buffered %zu\n", (int)expired, yc_chan_len(ch));
}

yc_async(void) receiver(void) {
  int v = -1;
  bool expired = false;
  yc_move_on_after(100000) {
    bool ok = await(yc_chan_recv(ch, &v), bool);
    printf("receiver: got %d (ok %d)\n", v, (int)ok);
  }
  v = -1;
  yc_move_on_after(20, &expired) {
    bool ok = await(yc_chan_recv(ch, &v), bool);
    printf("receiver: got %d (ok %d)\n", v, (int)ok);
  }
  printf("receiver: second receive expired %d, v %d\n", (int)expired, v);
  yc_chan_close(ch);
  bool ok = await(yc_chan_recv(ch, &v), bool);
  printf("receiver: after close ok %d\n", (int)ok);
}

yc_async(int) amain(void) {
  ch = yc_chan_new(1, sizeof(int));
  await(sender());
  await(receiver());
  yc_chan_free(ch);
  yc_return(0);
}

int main(void) {
  int err = yc_run(amain(), NULL);
  printf("yc_run -> %d\n", err);
  return 0;
}
