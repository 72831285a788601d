// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: first choices: babaababbababaaabaabbbabababbaababaaabaa
// CHECK-NEXT: a 484, b 516 of 1000
// CHECK-NEXT: each 40-60%: yes
// CHECK-NEXT: channel 0 closed after 6 items
// CHECK-NEXT: channel 1 closed after 6 items
// CHECK-NEXT: channel 2 closed after 6 items
// CHECK-NEXT: order: 012101022010110222
// CHECK-NEXT: yc_run -> 0
// CHECK-NOT: {{.}}
/* select is fair: when several cases are ready at once each is equally
 * likely to be chosen, so no channel starves.  Part 1: two channels that
 * are always ready (refilled after every select); each is chosen 40-60 %
 * of the time, and the choices are the same on every run (a per-thread
 * sequence from a fixed seed; the twin replays it).  Part 2: three
 * producers feed their own channels concurrently; the consumer's select
 * drains all of them in an interleaving, never one channel first. */
#include <stdio.h>
#include <string.h>

#include <yieldc.h>

#define ROUNDS 1000

yc_async(void) part1(void) {
  yc_chan *a = yc_chan_new(4, sizeof(int)), *b = yc_chan_new(4, sizeof(int));
  int n[2] = {0, 0}, x = 0;
  char first[41];
  for (int i = 0; i < ROUNDS; i++) {
    int v = i;
    while (yc_chan_len(a) < 4)
      await(yc_chan_send(a, &v));
    while (yc_chan_len(b) < 4)
      await(yc_chan_send(b, &v));
    yc_case cs[2] = {yc_case_recv(a, &x), yc_case_recv(b, &x)};
    int k = await(yc_select(cs, 2), int);
    n[k]++;
    if (i < 40)
      first[i] = "ab"[k];
  }
  first[40] = 0;
  printf("first choices: %s\n", first);
  printf("a %d, b %d of %d\n", n[0], n[1], ROUNDS);
  printf("each 40-60%%: %s\n",
         n[0] * 10 >= ROUNDS * 4 && n[0] * 10 <= ROUNDS * 6 ? "yes" : "no");
  yc_chan_free(a);
  yc_chan_free(b);
}

yc_async(void) producer(yc_chan *ch, int base, int count) {
  for (int i = 0; i < count; i++) {
    int v = base + i;
    await(yc_chan_send(ch, &v));
  }
  yc_chan_close(ch);
}

yc_async(void) part2(void) {
  yc_chan *ch[3];
  yc_task *p[3];
  for (int i = 0; i < 3; i++) {
    ch[i] = yc_chan_new(2, sizeof(int));
    p[i] = yc_spawn(producer(ch[i], 100 * (i + 1), 6));
  }
  int got[3] = {0, 0, 0}, open = 3, v = 0;
  yc_case cs[3];
  for (int i = 0; i < 3; i++)
    cs[i] = yc_case_recv(ch[i], &v);
  char order[64];
  int len = 0;
  while (open) {
    int k = await(yc_select(cs, 3), int);
    if (!cs[k].ok) {
      printf("channel %d closed after %d items\n", k, got[k]);
      cs[k].chan = NULL; /* disabled from now on */
      open--;
      continue;
    }
    got[k]++;
    order[len++] = (char)('0' + k);
  }
  order[len] = 0;
  printf("order: %s\n", order);
  for (int i = 0; i < 3; i++) {
    await(p[i]);
    yc_chan_free(ch[i]);
  }
}

yc_async(int) amain(void) {
  await(part1());
  await(part2());
  yc_return(0);
}

int main(void) {
  int err = yc_run(amain(), NULL);
  printf("yc_run -> %d\n", err);
  return 0;
}
