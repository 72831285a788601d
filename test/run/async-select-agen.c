// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: -- merging two producers
// CHECK-NEXT: consumer: 10 from 0
// CHECK-NEXT: consumer: 100 from 1
// CHECK-NEXT: consumer: 11 from 0
// CHECK-NEXT: consumer: 12 from 0
// CHECK-NEXT: consumer: 101 from 1
// CHECK-NEXT: consumer: 13 from 0
// CHECK-NEXT:   merge: channel 0 closed
// CHECK-NEXT: consumer: 102 from 1
// CHECK-NEXT:   merge: channel 1 closed
// CHECK-NEXT:   merge: done
// CHECK-NEXT: consumed 7
// CHECK-NEXT: -- cancelled while merge waits
// CHECK-NEXT: consumer: raised -1004 after 0 items
// CHECK-NEXT: consumer task raised -1004
// CHECK-NEXT: anyone waiting on a or b: no
// CHECK-NEXT: consumer: 20 from 0
// CHECK-NEXT: consumer: 200 from 1
// CHECK-NEXT: consumer: 21 from 0
// CHECK-NEXT: consumer: 201 from 1
// CHECK-NEXT:   merge: channel 0 closed
// CHECK-NEXT:   merge: channel 1 closed
// CHECK-NEXT:   merge: done
// CHECK-NEXT: consumed 4
// CHECK-NEXT: yc_run -> 0
// CHECK-NOT: {{.}}
/* select inside an async generator being consumed with await_next: merge()
 * yields the items of two channels as they come, disabling each channel's
 * case once it is closed and finishing when both are.  Then a consumer is
 * cancelled while merge waits in its select: nothing is taken from either
 * channel, no case stays queued, and the items sent later all arrive at
 * the next consumer. */
#include <stdio.h>

#include <yieldc.h>

typedef struct tagged {
  int from, value;
} tagged;

yc_async_generator(tagged) merge(yc_chan *a, yc_chan *b) {
  int va = 0, vb = 0;
  yc_case cs[2] = {yc_case_recv(a, &va), yc_case_recv(b, &vb)};
  int open = 2;
  while (open) {
    int k = await(yc_select(cs, 2), int);
    if (!cs[k].ok) {
      printf("  merge: channel %d closed\n", k);
      cs[k].chan = NULL;
      open--;
      continue;
    }
    tagged t = {k, k ? vb : va};
    yield(t);
  }
  printf("  merge: done\n");
}

yc_async(void) producer(yc_chan *ch, int base, int n, int pause) {
  for (int i = 0; i < n; i++) {
    int v = base + i;
    await(yc_chan_send(ch, &v));
    for (int p = 0; p < pause; p++)
      await(yc_sleep(0));
  }
  yc_chan_close(ch);
}

yc_async(int) consume(yc_chan *a, yc_chan *b, int limit) {
  yc_agen *m = merge(a, b);
  tagged t;
  int n = 0, e = 0;
  yc_try {
    while (n < limit && await_next(m, &t)) {
      printf("consumer: %d from %d\n", t.value, t.from);
      n++;
    }
  } yc_catch (err) {
    printf("consumer: raised %d after %d items\n", err, n);
    e = err;
  }
  yc_free(m);
  if (e)
    yc_raise(e); /* the cancellation goes on, as in Python */
  yc_return(n);
}

yc_async(int) amain(void) {
  printf("-- merging two producers\n");
  yc_chan *a = yc_chan_new(0, sizeof(int)), *b = yc_chan_new(1, sizeof(int));
  yc_task *pa = yc_spawn(producer(a, 10, 4, 1));
  yc_task *pb = yc_spawn(producer(b, 100, 3, 2));
  int n = await(consume(a, b, 100), int);
  printf("consumed %d\n", n);
  await(pa);
  await(pb);
  yc_chan_free(a);
  yc_chan_free(b);

  printf("-- cancelled while merge waits\n");
  a = yc_chan_new(0, sizeof(int));
  b = yc_chan_new(0, sizeof(int));
  yc_task *c = yc_spawn(consume(a, b, 100));
  await(yc_sleep(0));
  await(yc_sleep(0));
  yc_cancel(c);
  yc_try {
    await(c);
  } yc_catch (err) {
    printf("consumer task raised %d\n", err);
  }
  int x = 1;
  yc_case probe[2] = {yc_case_send(a, &x), yc_case_send(b, &x)};
  printf("anyone waiting on a or b: %s\n", yc_select_now(probe, 2) < 0 ? "no" : "yes");
  pa = yc_spawn(producer(a, 20, 2, 0));
  pb = yc_spawn(producer(b, 200, 2, 0));
  n = await(consume(a, b, 100), int);
  printf("consumed %d\n", n);
  await(pa);
  await(pb);
  yc_chan_free(a);
  yc_chan_free(b);
  yc_return(0);
}

int main(void) {
  int err = yc_run(amain(), NULL);
  printf("yc_run -> %d\n", err);
  return 0;
}
