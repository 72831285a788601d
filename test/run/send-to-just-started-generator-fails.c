// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: send to unstarted: ok=0 out=-1
// CHECK-NEXT: error=-1001 is EJUSTSTARTED=1
// CHECK-NEXT: error again=0
// CHECK-NEXT: body started
// CHECK-NEXT: send(NULL): ok=1 out=0
// CHECK-NEXT: got 21
// CHECK-NEXT: send(21): ok=1 out=42
// CHECK-NOT: {{.}}
/* A non-NULL yc_send to a generator that has not started fails with
 * YC_EJUSTSTARTED (Python: "can't send non-None value to a just-started
 * generator"); the body does not run.  A NULL send starts it. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(int, int) echo(void) {
  printf("body started\n");
  int x = 0;
  for (;;) {
    x = yield(x * 2, int);
    printf("got %d\n", x);
  }
}

int main(void) {
  yc_gen *g = echo();
  int in = 21, out = -1;
  bool ok = yc_send(g, &in, &out);
  printf("send to unstarted: ok=%d out=%d\n", ok, out);
  int err = yc_error(g);
  printf("error=%d is EJUSTSTARTED=%d\n", err, err == YC_EJUSTSTARTED);
  printf("error again=%d\n", yc_error(g));
  yc_free(g);

  g = echo();
  ok = yc_send(g, NULL, &out);
  printf("send(NULL): ok=%d out=%d\n", ok, out);
  ok = yc_send(g, &in, &out);
  printf("send(21): ok=%d out=%d\n", ok, out);
  yc_free(g);
  return 0;
}
