// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: next(long*): ok=0 wrong=-7 esize=1
// CHECK-NEXT: send(int*): ok=0 esize=1
// CHECK-NOT: {{.}}
/* yc_next with an out pointer whose size differs from Y (a long* on an int
 * generator) returns false, does not write *out, and yc_error reports
 * YC_ESIZE; a yc_send with a wrong-size value fails the same way. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(int) ints(void) {
  yield(1);
  yield(2);
}

yc_generator(int, short) takes_short(void) {
  short s = yield(1, short);
  printf("got %d\n", s);
}

int main(void) {
  yc_gen *g = ints();
  long wrong = -7;
  bool ok = yc_next(g, &wrong);
  int err = yc_error(g);
  printf("next(long*): ok=%d wrong=%ld esize=%d\n", ok, wrong,
         err == YC_ESIZE);
  yc_free(g);

  g = takes_short();
  int v;
  yc_next(g, &v);
  int big = 5;
  ok = yc_send(g, &big, &v);
  err = yc_error(g);
  printf("send(int*): ok=%d esize=%d\n", ok, err == YC_ESIZE);
  yc_free(g);
  return 0;
}
