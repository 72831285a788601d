// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: -- ping-pong, capacity 1
// CHECK-NEXT: b: got 1
// CHECK-NEXT: a: round 1 got 3
// CHECK-NEXT: b: got 2
// CHECK-NEXT: a: round 2 got 6
// CHECK-NEXT: b: got 1000
// CHECK-NEXT: a: round 1000 got 3000
// CHECK-NEXT: main: sum 1501500
// CHECK-NEXT: b: ping closed after 1000 rounds
// CHECK-NEXT: -- rendezvous, sender first
// CHECK-NEXT: sender: sending 10
// CHECK-NEXT: receiver: waiting
// CHECK-NEXT: receiver: got 10 (ok 1)
// CHECK-NEXT: receiver: waiting
// CHECK-NEXT: sender: sent 10 (err 0, buffered 0)
// CHECK-NEXT: sender: sending 11
// CHECK-NEXT: sender: sent 11 (err 0, buffered 0)
// CHECK-NEXT: sender: sending 12
// CHECK-NEXT: receiver: got 11 (ok 1)
// CHECK-NEXT: receiver: waiting
// CHECK-NEXT: receiver: got 12 (ok 1)
// CHECK-NEXT: sender: sent 12 (err 0, buffered 0)
// CHECK-NEXT: -- rendezvous, receiver first
// CHECK-NEXT: receiver: waiting
// CHECK-NEXT: sender: sending 20
// CHECK-NEXT: sender: sent 20 (err 0, buffered 0)
// CHECK-NEXT: sender: sending 21
// CHECK-NEXT: receiver: got 20 (ok 1)
// CHECK-NEXT: receiver: waiting
// CHECK-NEXT: receiver: got 21 (ok 1)
// CHECK-NEXT: receiver: waiting
// CHECK-NEXT: sender: sent 21 (err 0, buffered 0)
// CHECK-NEXT: sender: sending 22
// CHECK-NEXT: sender: sent 22 (err 0, buffered 0)
// CHECK-NEXT: receiver: got 22 (ok 1)
// CHECK-NEXT: yc_run -> 0
// CHECK-NOT: {{.}}
/* Channel awaits that cannot complete at once park the task in its own
 * frame (no operation frame): a ping-pong over two channels of capacity 1,
 * where each player parks in every round on its receive, and a rendezvous
 * (capacity 0), where senders and receivers park in turn and a send to a
 * parked receiver hands the item over directly.  The order of the lines is
 * asyncio's (twins/parked-chan-ping-pong-and-rendezvous.py). */
#include <stdio.h>

#include <yieldc.h>

static yc_chan *ping, *pong;

yc_async(long) player_a(int n) {
  long sum = 0;
  for (int i = 1; i <= n; i++) {
    int v = i;
    await(yc_chan_send(ping, &v));
    int w = 0;
    if (!await(yc_chan_recv(pong, &w), bool))
      break;
    sum += w;
    if (i <= 2 || i == n)
      printf("a: round %d got %d\n", i, w);
  }
  yc_return(sum);
}

yc_async(void) player_b(int n) {
  int v, rounds = 0;
  while (await(yc_chan_recv(ping, &v), bool)) {
    if (v <= 2 || v == n)
      printf("b: got %d\n", v);
    int w = v * 3;
    int err = await(yc_chan_send(pong, &w), int);
    if (err)
      printf("b: send failed %d\n", err);
    rounds++;
  }
  printf("b: ping closed after %d rounds\n", rounds);
}

static yc_chan *rv;

yc_async(void) sender(int first, int n) {
  for (int i = first; i < first + n; i++) {
    printf("sender: sending %d\n", i);
    int err = await(yc_chan_send(rv, &i), int);
    printf("sender: sent %d (err %d, buffered %zu)\n", i, err, yc_chan_len(rv));
  }
}

yc_async(void) receiver(int n) {
  for (int k = 0; k < n; k++) {
    int v = -1;
    printf("receiver: waiting\n");
    bool ok = await(yc_chan_recv(rv, &v), bool);
    printf("receiver: got %d (ok %d)\n", v, (int)ok);
  }
}

yc_async(int) amain(void) {
  enum { N = 1000 };
  ping = yc_chan_new(1, sizeof(int));
  pong = yc_chan_new(1, sizeof(int));
  printf("-- ping-pong, capacity 1\n");
  yc_task *a = yc_spawn(player_a(N));
  yc_task *b = yc_spawn(player_b(N));
  long sum = await(a, long);
  printf("main: sum %ld\n", sum);
  yc_chan_close(ping);
  await(b);
  rv = yc_chan_new(0, sizeof(int));
  printf("-- rendezvous, sender first\n");
  yc_task *s = yc_spawn(sender(10, 3));
  yc_task *r = yc_spawn(receiver(3));
  await(s);
  await(r);
  printf("-- rendezvous, receiver first\n");
  r = yc_spawn(receiver(3));
  s = yc_spawn(sender(20, 3));
  await(r);
  await(s);
  yc_chan_free(ping);
  yc_chan_free(pong);
  yc_chan_free(rv);
  yc_return(0);
}

int main(void) {
  int err = yc_run(amain(), NULL);
  printf("yc_run -> %d\n", err);
  return err;
}
