// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: done before start: 0
// CHECK-NEXT: two next #0: true v=1 done=0 error=0
// CHECK-NEXT: two next #1: true v=2 done=0 error=0
// CHECK-NEXT: two: end of body
// CHECK-NEXT: two next #2: false v=-5 done=1 error=0
// CHECK-NEXT: two next #3: false v=-5 done=1 error=0
// CHECK-NEXT: two next #4: false v=-5 done=1 error=0
// CHECK-NEXT: empty(1) next #0: false v=-5 done=1 error=0
// CHECK-NEXT: empty(1) next #1: false v=-5 done=1 error=0
// CHECK-NEXT: empty(1) next #2: false v=-5 done=1 error=0
// CHECK-NEXT: empty(1) next #3: false v=-5 done=1 error=0
// CHECK-NEXT: empty(1) next #4: false v=-5 done=1 error=0
// CHECK-NEXT: empty: end of body
// CHECK-NEXT: empty(0) next #0: false v=-5 done=1 error=0
// CHECK-NEXT: empty(0) next #1: false v=-5 done=1 error=0
// CHECK-NEXT: empty(0) next #2: false v=-5 done=1 error=0
// CHECK-NEXT: empty(0) next #3: false v=-5 done=1 error=0
// CHECK-NEXT: empty(0) next #4: false v=-5 done=1 error=0
// CHECK-NEXT: body runs: 3
// CHECK-NOT: {{.}}
/* Once a generator has finished (falling off its end, or by return),
 * yc_next keeps returning false, leaves out untouched, yc_done is true and
 * yc_error is 0; the body never runs again. */
#include <stdio.h>

#include <yieldc.h>

static int body_runs;

yc_generator(int) two(void) {
  body_runs++;
  yield(1);
  yield(2);
  printf("two: end of body\n");
}

yc_generator(int) empty(int early) {
  body_runs++;
  if (early)
    return;
  printf("empty: end of body\n");
}

static void drain(yc_gen *g, const char *name) {
  int v = -5;
  for (int i = 0; i < 5; i++) {
    v = -5;
    bool ok = yc_next(g, &v);
    printf("%s next #%d: %s v=%d done=%d error=%d\n", name, i,
           ok ? "true" : "false", v, yc_done(g), yc_error(g));
  }
}

int main(void) {
  yc_gen *g = two();
  printf("done before start: %d\n", yc_done(g));
  drain(g, "two");
  yc_free(g);
  g = empty(1);
  drain(g, "empty(1)");
  yc_free(g);
  g = empty(0);
  drain(g, "empty(0)");
  yc_free(g);
  printf("body runs: %d\n", body_runs);
  return 0;
}
