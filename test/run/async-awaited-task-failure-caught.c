// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: early: starts
// CHECK-NEXT: late: starts
// CHECK-NEXT: early: fails with 42
// CHECK-NEXT: main: awaiting early
// CHECK-NEXT: main: caught 42 from early
// CHECK-NEXT: main: awaiting late
// CHECK-NEXT: late: fails with 43
// CHECK-NEXT: main: caught 43 from late
// CHECK-NEXT: direct: starts
// CHECK-NEXT: direct: fails with 44
// CHECK-NEXT: main: caught 44 from direct
// CHECK-NEXT: main: after the catches, fine -> 7
// CHECK-NEXT: yc_run -> 0, result 7
// CHECK-NOT: {{.}}
/* A task that fails re-raises its error in whoever awaits it, where
 * yc_try/yc_catch catches it (Python: try: await t / except): for a spawned
 * task that failed before it was awaited, for one that fails while being
 * awaited, and for an async function awaited directly.  The awaiter goes
 * on awaiting after the catch; code after the failing await in the try
 * block does not run. */
#include <stdio.h>

#include <yieldc.h>

enum { E_BAD = 42, E_WORSE = 43, E_DIRECT = 44 };

yc_async(int) failing(const char *name, int ms, int code) {
  printf("%s: starts\n", name);
  await(yc_sleep(ms));
  printf("%s: fails with %d\n", name, code);
  yc_raise(code);
}

yc_async(int) fine(int v) {
  await(yc_sleep(0));
  yc_return(v);
}

yc_async(int) amain(void) {
  yc_task *early = yc_spawn(failing("early", 0, E_BAD));
  yc_task *late = yc_spawn(failing("late", 20, E_WORSE));
  await(yc_sleep(5)); /* early has failed by now; late still sleeps */
  printf("main: awaiting early\n");
  yc_try {
    int r = await(early, int);
    printf("not reached %d\n", r);
  } yc_catch (err) {
    printf("main: caught %d from early\n", err);
  }
  printf("main: awaiting late\n");
  yc_try {
    int r = await(late, int);
    printf("not reached %d\n", r);
  } yc_catch (err) {
    printf("main: caught %d from late\n", err);
  }
  int caught = 0;
  yc_try {
    await(failing("direct", 0, E_DIRECT));
  } yc_catch (err) {
    caught = err;
  }
  printf("main: caught %d from direct\n", caught);
  int v = await(fine(7), int);
  printf("main: after the catches, fine -> %d\n", v);
  yc_return(v);
}

int main(void) {
  int r = 0;
  int err = yc_run(amain(), &r);
  printf("yc_run -> %d, result %d\n", err, r);
  return 0;
}
