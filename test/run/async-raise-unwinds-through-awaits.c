// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: cleanup inner
// CHECK-NEXT: middle got 1
// CHECK-NEXT: cleanup middle
// CHECK-NEXT: no error: 11
// CHECK-NEXT: inner raises 17
// CHECK-NEXT: cleanup inner
// CHECK-NEXT: cleanup middle
// CHECK-NEXT: amain caught 17
// CHECK-NEXT: catch block awaited
// CHECK-NEXT: at_once raises before any await
// CHECK-NEXT: amain caught -5
// CHECK-NEXT: yc_run -> 0, result 11
// CHECK-NOT: {{.}}
/* yc_raise in an async function fails it: the rest of its body does not
 * run, its cleanup locals run, and the error propagates through every
 * await of the chain (running their cleanups, innermost first) to the
 * nearest yc_try/yc_catch.  A yc_raise before any suspension point fails
 * the same way; a catch block can itself await. */
#include <stdio.h>

#include <yieldc.h>

static void cleanup(const char **who) { printf("cleanup %s\n", *who); }

yc_async(int) inner(int code) {
  __attribute__((cleanup(cleanup))) const char *me = "inner";
  (void)me;
  await(yc_sleep(0));
  if (code) {
    printf("inner raises %d\n", code);
    yc_raise(code);
  }
  yc_return(1);
}

yc_async(int) middle(int code) {
  __attribute__((cleanup(cleanup))) const char *me = "middle";
  (void)me;
  int v = await(inner(code), int);
  printf("middle got %d\n", v);
  yc_return(v + 10);
}

yc_async(int) at_once(void) {
  printf("at_once raises before any await\n");
  yc_raise(-5);
}

yc_async(int) amain(void) {
  int v = await(middle(0), int);
  printf("no error: %d\n", v);
  yc_try {
    v = await(middle(17), int);
    printf("not reached\n");
  } yc_catch (err) {
    printf("amain caught %d\n", err);
    await(yc_sleep(0));
    printf("catch block awaited\n");
  }
  yc_try {
    await(at_once());
  } yc_catch (err) {
    printf("amain caught %d\n", err);
  }
  yc_return(v);
}

int main(void) {
  int r = 0;
  int err = yc_run(amain(), &r);
  printf("yc_run -> %d, result %d\n", err, r);
  return 0;
}
