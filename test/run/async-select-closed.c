// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: -- buffered items first, then closed
// CHECK-NEXT: case 0, ok 1, v 1
// CHECK-NEXT: case 0, ok 1, v 2
// CHECK-NEXT: case 0, ok 0, v -1
// CHECK-NEXT: a single send on a closed channel -> -1006
// CHECK-NEXT: send case on a closed channel: case 0, ok 0
// CHECK-NEXT: -- closed while a select waits
// CHECK-NEXT: closer: closing
// CHECK-NEXT: woke: case 1, ok 0, v -1, c has 1
// CHECK-NEXT: closer: closing
// CHECK-NEXT: woke: case 0, ok 0, c has 1
// CHECK-NEXT: c: case 0, ok 1, v 9
// CHECK-NEXT: c: case 0, ok 0, v -1
// CHECK-NEXT: yc_run -> 0
// CHECK-NOT: {{.}}
/* Closed channels behave in a select as in a single operation: a receive
 * case gets the buffered items, then is ready with ok false (closed and
 * drained); a send case on a closed channel is ready with ok false (a
 * single send gives YC_ECLOSED).  A select waiting when a channel is
 * closed wakes with that case; its other cases take and send nothing. */
#include <stdio.h>

#include <yieldc.h>

static int closer_ms;

yc_async(void) closer(yc_chan *ch) {
  await(yc_sleep(closer_ms));
  printf("closer: closing\n");
  yc_chan_close(ch);
}

yc_async(int) amain(void) {
  yc_chan *a = yc_chan_new(2, sizeof(int)), *b = yc_chan_new(0, sizeof(int));
  int v = 0, one = 1, two = 2;
  await(yc_chan_send(a, &one));
  await(yc_chan_send(a, &two));
  yc_chan_close(a);

  printf("-- buffered items first, then closed\n");
  yc_case cs[2] = {yc_case_recv(a, &v), yc_case_recv(b, &v)};
  for (int i = 0; i < 3; i++) {
    v = -1;
    int k = await(yc_select(cs, 2), int);
    printf("case %d, ok %d, v %d\n", k, cs[k].ok, v);
  }
  int e = await(yc_chan_send(a, &one), int);
  printf("a single send on a closed channel -> %d\n", e);
  yc_case s[2] = {yc_case_send(a, &one), yc_case_recv(NULL, &v)};
  s[0].ok = true;
  int k = await(yc_select(s, 2), int);
  printf("send case on a closed channel: case %d, ok %d\n", k, s[k].ok);

  printf("-- closed while a select waits\n");
  yc_chan *c = yc_chan_new(1, sizeof(int)), *d = yc_chan_new(0, sizeof(int));
  int nine = 9, ten = 10;
  await(yc_chan_send(c, &nine)); /* c is full */
  yc_case w[2] = {yc_case_send(c, &ten), yc_case_recv(d, &v)};
  closer_ms = 5;
  yc_task *t = yc_spawn(closer(d));
  v = -1;
  k = await(yc_select(w, 2), int);
  printf("woke: case %d, ok %d, v %d, c has %zu\n", k, w[k].ok, v, yc_chan_len(c));
  await(t);
  t = yc_spawn(closer(c));
  w[1].chan = NULL;
  k = await(yc_select(w, 2), int);
  printf("woke: case %d, ok %d, c has %zu\n", k, w[k].ok, yc_chan_len(c));
  await(t);
  yc_case r1 = yc_case_recv(c, &v);
  for (int i = 0; i < 2; i++) {
    v = -1;
    k = await(yc_select(&r1, 1), int);
    printf("c: case %d, ok %d, v %d\n", k, r1.ok, v);
  }
  yc_chan_free(a);
  yc_chan_free(b);
  yc_chan_free(c);
  yc_chan_free(d);
  yc_return(0);
}

int main(void) {
  int err = yc_run(amain(), NULL);
  printf("yc_run -> %d\n", err);
  return 0;
}
