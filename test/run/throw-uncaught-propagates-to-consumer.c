// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: a started
// CHECK-NEXT: cleanup a
// CHECK-NEXT: throw at 1: ok=0 v=-1 error=42 then 0 done=1
// CHECK-NEXT: next after: ok=0 v=-1 error=0 then 0 done=1
// CHECK-NEXT: b started
// CHECK-NEXT: no yield in this try
// CHECK-NEXT: cleanup b
// CHECK-NEXT: throw at 2: ok=0 v=2 error=7 then 0 done=1
// CHECK-NEXT: throw unstarted: ok=0 v=-1 error=9 then 0 done=1
// CHECK-NOT: {{.}}
/* A code thrown into a generator with no yc_try around its suspension
 * point fails it: yc_throw returns false, its cleanups run, yc_error
 * reports the code once (then 0), and it is exhausted.  A throw into an
 * unstarted generator fails it without running its body; a catch that
 * does not cover the yield does not catch. */
#include <stdio.h>

#include <yieldc.h>

static void release(const char **s) { printf("cleanup %s\n", *s); }

yc_generator(int) fragile(const char *name) {
  const char *held __attribute__((cleanup(release))) = name;
  printf("%s started\n", held);
  yield(1);
  yc_try {
    printf("no yield in this try\n");
  } yc_catch (err) {
    printf("wrong catch %d\n", err);
  }
  yield(2);
  printf("%s not reached\n", held);
}

static void report(yc_gen *g, const char *what, bool ok, int v) {
  int e1 = yc_error(g);
  int e2 = yc_error(g);
  printf("%s: ok=%d v=%d error=%d then %d done=%d\n", what, ok, v, e1, e2,
         yc_done(g));
}

int main(void) {
  yc_gen *g = fragile("a");
  int v = 0;
  yc_next(g, &v);
  v = -1;
  bool ok = yc_throw(g, 42, &v);
  report(g, "throw at 1", ok, v);
  ok = yc_next(g, &v);
  report(g, "next after", ok, v);
  yc_free(g);

  g = fragile("b");
  yc_next(g, &v);
  yc_next(g, &v);
  ok = yc_throw(g, 7, &v);
  report(g, "throw at 2", ok, v);
  yc_free(g);

  g = fragile("c");
  v = -1;
  ok = yc_throw(g, 9, &v);
  report(g, "throw unstarted", ok, v);
  yc_free(g);
  return 0;
}
