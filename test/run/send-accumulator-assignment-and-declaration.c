// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: start -> 1
// CHECK-NEXT: received 5
// CHECK-NEXT: send(5) -> 1 -6
// CHECK-NEXT: received 3 (assignment)
// CHECK-NEXT: send(3) -> 1 18
// CHECK-NEXT: received 10
// CHECK-NEXT: send(10) -> 1 -28
// CHECK-NEXT: received 2 (assignment)
// CHECK-NEXT: send(2) -> 1 56
// CHECK-NEXT: received 7
// CHECK-NEXT: send(7) -> 1 -63
// CHECK-NEXT: received 0 (assignment)
// CHECK-NEXT: next -> 63
// CHECK-NEXT: received 1
// CHECK-NEXT: h -> -1001
// CHECK-NEXT: received 4
// CHECK-NEXT: send(4) -> -67
// CHECK-NOT: {{.}}
/* Values sent with yc_send arrive as the value of the yield: both in a
 * declaration initialiser (T x = yield(v, T);) and an assignment
 * (x = yield(v, T);).  yc_next resumes with "None": the received value is
 * then zero.  Two instances keep separate totals. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(long, int) accumulate(long start) {
  long total = start;
  int got;
  for (;;) {
    int sent = yield(total, int);
    printf("received %d\n", sent);
    total += sent;
    got = yield(-total, int);
    printf("received %d (assignment)\n", got);
    total *= got ? got : 1;
  }
}

int main(void) {
  yc_gen *g = accumulate(1);
  yc_gen *h = accumulate(1000);
  long out = 0;
  yc_next(g, &out);
  printf("start -> %ld\n", out);
  int inputs[] = {5, 3, 10, 2, 7};
  for (int i = 0; i < 5; i++) {
    bool ok = yc_send(g, &inputs[i], &out);
    printf("send(%d) -> %d %ld\n", inputs[i], ok, out);
  }
  yc_next(g, &out);
  printf("next -> %ld\n", out);
  yc_next(h, &out);
  int one = 1;
  yc_send(h, &one, &out);
  printf("h -> %ld\n", out);
  int four = 4;
  yc_send(g, &four, &out);
  printf("send(4) -> %ld\n", out);
  yc_free(g);
  yc_free(h);
  return 0;
}
