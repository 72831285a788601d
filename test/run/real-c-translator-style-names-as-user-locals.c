// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 20
// CHECK-NEXT: 21
// CHECK-NEXT: 11
// CHECK-NEXT: 611
// CHECK-NEXT: 321
// CHECK-NEXT: 23
// CHECK-NEXT: 44
// CHECK-NEXT: 1053
// CHECK-NEXT: 66
// CHECK-NOT: {{.}}
/* Locals and parameters named like the names a translator makes up (f,
 * fr, frame, yc_f, yc_c, yc_t1, yc_sub, yc_fe1, yc_out, yc_in, ...) in a
 * generator that also delegates with yield_from, suspends in the middle
 * of an expression with a value-form yield(v, int), and runs a yc_foreach:
 * each keeps its own value across the yields. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(int, int) sub(int n) {
  for (int i = 0; i < n; i++)
    yield(i + n * 10);
}

yc_generator(int, int) names(int yc_c, int f) {
  int yc_t1 = 1, yc_sub = 2, yc_fe1 = 3, fr = 5, frame = 6, yc_f = 7;
  int yc_out = 8, yc_in = 9, yc_result = 11, yc_hdr = 12, yc_err = 13;
  yield_from(sub(2));
  int got = f + yield(fr + frame, int) * 2 + yc_f;
  yield(got);
  yield(yc_t1 + yc_sub * 10 + yc_fe1 * 100);
  yc_foreach (int x, sub(yc_sub)) {
    yc_fe1 += x;
    yield(yc_fe1);
  }
  yield(yc_c + yc_out + yc_in + yc_result + yc_hdr + yc_err);
  yield(f + fr + frame + yc_f + yc_fe1);
}

int main(void) {
  yc_gen *g = names(1000, 4);
  int out, in = 100;
  bool ok = yc_next(g, &out);
  while (ok) {
    printf("%d\n", out);
    ok = yc_send(g, &in, &out);
    in += 100;
  }
  yc_free(g);
  return 0;
}
