// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: fails_later: raising 42
// CHECK-NEXT: yc_run -> 42, result still 123
// CHECK-NEXT: fails_at_once: raising -7
// CHECK-NEXT: yc_run -> -7, result still 123
// CHECK-NEXT: fails_later: raising -32
// CHECK-NEXT: yc_run -> -32 (Broken pipe), result still 123
// CHECK-NEXT: yc_run -> 0, result 5
// CHECK-NOT: {{.}}
/* yc_run returns the error its task failed with (asyncio.run raising) and
 * leaves *result untouched: a yc_raise after an await, one before any, an
 * error re-raised from an awaited spawned task, an errno-style code named
 * by yc_strerror.  The loop is per run: a later yc_run works and stores
 * the result. */
#include <errno.h>
#include <stdio.h>

#include <yieldc.h>

yc_async(int) fails_later(int code) {
  await(yc_sleep(0));
  printf("fails_later: raising %d\n", code);
  yc_raise(code);
}

yc_async(int) fails_at_once(int code) {
  printf("fails_at_once: raising %d\n", code);
  yc_raise(code);
}

yc_async(int) parent(void) {
  yc_task *t = yc_spawn(fails_later(-EPIPE));
  int v = await(t, int);
  printf("not reached %d\n", v);
  yc_return(v);
}

yc_async(int) ok(void) {
  await(yc_sleep(1));
  yc_return(5);
}

int main(void) {
  int r = 123;
  int err = yc_run(fails_later(42), &r);
  printf("yc_run -> %d, result still %d\n", err, r);
  err = yc_run(fails_at_once(-7), &r);
  printf("yc_run -> %d, result still %d\n", err, r);
  err = yc_run(parent(), &r);
  printf("yc_run -> %d (%s), result still %d\n", err, yc_strerror(err), r);
  err = yc_run(ok(), &r);
  printf("yc_run -> %d, result %d\n", err, r);
  return 0;
}
