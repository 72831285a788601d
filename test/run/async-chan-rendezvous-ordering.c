// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: -- sender first, slow receiver
// CHECK-NEXT: sender: sending 0
// CHECK-NEXT: receiver: waiting
// CHECK-NEXT: receiver: got 0 (ok 1)
// CHECK-NEXT: sender: sent 0 (err 0, buffered 0)
// CHECK-NEXT: sender: sending 1
// CHECK-NEXT: receiver: waiting
// CHECK-NEXT: receiver: got 1 (ok 1)
// CHECK-NEXT: sender: sent 1 (err 0, buffered 0)
// CHECK-NEXT: sender: sending 2
// CHECK-NEXT: receiver: waiting
// CHECK-NEXT: receiver: got 2 (ok 1)
// CHECK-NEXT: sender: sent 2 (err 0, buffered 0)
// CHECK-NEXT: -- receiver first
// CHECK-NEXT: receiver: waiting
// CHECK-NEXT: sender: sending 0
// CHECK-NEXT: sender: sent 0 (err 0, buffered 0)
// CHECK-NEXT: sender: sending 1
// CHECK-NEXT: receiver: got 0 (ok 1)
// CHECK-NEXT: receiver: waiting
// CHECK-NEXT: receiver: got 1 (ok 1)
// CHECK-NEXT: sender: sent 1 (err 0, buffered 0)
// CHECK-NEXT: yc_run -> 0
// CHECK-NOT: {{.}}
/* A channel of capacity 0 is a rendezvous: nothing is ever buffered, a
 * send completes only when a receiver takes the item (the sender resumes
 * after the receiver has it), and a receiver waiting when an item is sent
 * gets it at once (that send completes without suspending). */
#include <stdio.h>

#include <yieldc.h>

static yc_chan *ch;

yc_async(void) sender(int n) {
  for (int i = 0; i < n; i++) {
    printf("sender: sending %d\n", i);
    int err = await(yc_chan_send(ch, &i), int);
    printf("sender: sent %d (err %d, buffered %zu)\n", i, err, yc_chan_len(ch));
  }
}

yc_async(void) receiver(int n, int ms) {
  for (int k = 0; k < n; k++) {
    int v = -1;
    printf("receiver: waiting\n");
    bool ok = await(yc_chan_recv(ch, &v), bool);
    printf("receiver: got %d (ok %d)\n", v, (int)ok);
    await(yc_sleep(ms));
  }
}

yc_async(int) amain(void) {
  ch = yc_chan_new(0, sizeof(int));
  printf("-- sender first, slow receiver\n");
  yc_task *s = yc_spawn(sender(3));
  yc_task *r = yc_spawn(receiver(3, 5));
  await(s);
  await(r);
  printf("-- receiver first\n");
  r = yc_spawn(receiver(2, 0));
  await(yc_sleep(5));
  s = yc_spawn(sender(2));
  await(s);
  await(r);
  yc_chan_free(ch);
  yc_return(0);
}

int main(void) {
  int err = yc_run(amain(), NULL);
  printf("yc_run -> %d\n", err);
  return 0;
}
