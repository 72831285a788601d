// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: -- nothing ready but the send
// CHECK-NEXT: select_now -> 1, ok 1, out has 1
// CHECK-NEXT: select_now -> -1 (out full, in empty), v = -1
// CHECK-NEXT: select_now -> 0, ok 1, v = 0, in has 0
// CHECK-NEXT: select_now with no cases -> -1007
// CHECK-NEXT: -- polling a producer
// CHECK-NEXT: producer: sent 0
// CHECK-NEXT: consumer: got 0 after 1 idle polls
// CHECK-NEXT: producer: sent 10
// CHECK-NEXT: consumer: got 10 after 2 idle polls
// CHECK-NEXT: producer: sent 20
// CHECK-NEXT: consumer: got 20 after 2 idle polls
// CHECK-NEXT: consumer: closed after 2 idle polls
// CHECK-NEXT: yc_run -> 0
// CHECK-NOT: {{.}}
/* yc_select_now is select with a default branch (Go's `default:`): it
 * completes one ready case and returns its index, or returns -1 at once
 * when none is ready, taking and sending nothing.  A consumer that polls
 * this way does other work (here: counts idle polls and lets the producer
 * run) between items. */
#include <stdio.h>

#include <yieldc.h>

yc_async(void) producer(yc_chan *ch, int n) {
  for (int i = 0; i < n; i++) {
    int v = 10 * i;
    await(yc_chan_send(ch, &v));
    printf("producer: sent %d\n", v);
    await(yc_sleep(0));
    await(yc_sleep(0));
  }
  yc_chan_close(ch);
}

yc_async(int) amain(void) {
  yc_chan *in = yc_chan_new(1, sizeof(int)), *out = yc_chan_new(1, sizeof(int));
  int v = -1, w = 5;
  yc_case cs[2] = {yc_case_recv(in, &v), yc_case_send(out, &w)};

  printf("-- nothing ready but the send\n");
  int r = yc_select_now(cs, 2);
  printf("select_now -> %d, ok %d, out has %zu\n", r, cs[r].ok, yc_chan_len(out));
  r = yc_select_now(cs, 2);
  printf("select_now -> %d (out full, in empty), v = %d\n", r, v);
  w = 6;
  int x = 0;
  await(yc_chan_send(in, &x));
  r = yc_select_now(cs, 2);
  printf("select_now -> %d, ok %d, v = %d, in has %zu\n", r, cs[r].ok, v, yc_chan_len(in));
  printf("select_now with no cases -> %d\n", yc_select_now(cs, 0));

  printf("-- polling a producer\n");
  cs[1].chan = NULL; /* only the receive */
  yc_task *p = yc_spawn(producer(in, 3));
  int idle = 0;
  for (;;) {
    r = yc_select_now(cs, 2);
    if (r < 0) {
      idle++;
      await(yc_sleep(0));
      continue;
    }
    if (!cs[r].ok) {
      printf("consumer: closed after %d idle polls\n", idle);
      break;
    }
    printf("consumer: got %d after %d idle polls\n", v, idle);
    idle = 0;
  }
  await(p);
  yc_chan_free(in);
  yc_chan_free(out);
  yc_return(0);
}

int main(void) {
  int err = yc_run(amain(), NULL);
  printf("yc_run -> %d\n", err);
  return 0;
}
