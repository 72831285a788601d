// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: chosen with the right item: 400 of 400
// CHECK-NEXT: a chosen 35-65%: yes
// CHECK-NOT: {{.}}
/* A select sees every buffered item, also one a send put in the channel
 * without the runtime (the inline path): such an item is not yet in the
 * channel's receive window, and a select that took the empty window for
 * "nothing ready" would always choose the other case.  Each round: channel
 * a gets one item by a send alone; channel b gets two, and a receive takes
 * one (which makes the runtime open b's window); then a select over both.
 * Both are ready, so each must be chosen about half of the time. */
#include <stdio.h>

#include <yieldc.h>

#define ROUNDS 400

yc_async(void) rounds(void) {
  int n[2] = {0, 0};
  for (int i = 0; i < ROUNDS; i++) {
    yc_chan *a = yc_chan_new(4, sizeof(int)), *b = yc_chan_new(4, sizeof(int));
    int v = i, x = 0;
    await(yc_chan_send(a, &v));
    await(yc_chan_send(b, &v));
    await(yc_chan_send(b, &v));
    bool got = await(yc_chan_recv(b, &x), bool);
    yc_case cs[2] = {yc_case_recv(a, &x), yc_case_recv(b, &x)};
    int k = await(yc_select(cs, 2), int);
    n[k] += got && cs[k].ok && x == i;
    yc_chan_free(a);
    yc_chan_free(b);
  }
  printf("chosen with the right item: %d of %d\n", n[0] + n[1], ROUNDS);
  printf("a chosen 35-65%%: %s\n",
         n[0] * 100 >= ROUNDS * 35 && n[0] * 100 <= ROUNDS * 65 ? "yes" : "no");
}

int main(void) { return yc_run(rounds(), NULL) ? 1 : 0; }
