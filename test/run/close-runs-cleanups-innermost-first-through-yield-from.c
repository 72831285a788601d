// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: next -> 100
// CHECK-NEXT: next -> 200
// CHECK-NEXT: next -> 300
// CHECK-NEXT: next -> 301
// CHECK-NEXT: close
// CHECK-NEXT: cleanup level3 inner
// CHECK-NEXT: cleanup level3 outer
// CHECK-NEXT: cleanup level2
// CHECK-NEXT: cleanup level1 inner
// CHECK-NEXT: cleanup level1 outer
// CHECK-NEXT: done=1 error=0
// CHECK-NEXT: close again
// CHECK-NEXT: next -> 0
// CHECK-NEXT: freed
// CHECK-NOT: {{.}}
/* yc_close on the root of a three-level yield_from chain unwinds the
 * innermost generator first: cleanups run innermost first, each level's
 * inner scopes before outer ones; catch blocks do not run; afterwards the
 * generator is exhausted with no error, and closing again does nothing. */
#include <stdio.h>

#include <yieldc.h>

static void release(const char **s) { printf("cleanup %s\n", *s); }

yc_generator(int) level3(void) {
  const char *a __attribute__((cleanup(release))) = "level3 outer";
  {
    const char *b __attribute__((cleanup(release))) = "level3 inner";
    for (int i = 0;; i++)
      yield(300 + i);
  }
}

yc_generator(int) level2(void) {
  const char *a __attribute__((cleanup(release))) = "level2";
  yc_try {
    yield(200);
    yield_from(level3());
  } yc_catch (err) {
    printf("level2 catch must not run (%d)\n", err);
  }
  printf("level2 not reached\n");
}

yc_generator(int) level1(void) {
  const char *a __attribute__((cleanup(release))) = "level1 outer";
  {
    const char *b __attribute__((cleanup(release))) = "level1 inner";
    yield(100);
    yield_from(level2());
  }
  printf("level1 not reached\n");
}

int main(void) {
  yc_gen *g = level1();
  int v;
  for (int i = 0; i < 4; i++) {
    yc_next(g, &v);
    printf("next -> %d\n", v);
  }
  printf("close\n");
  yc_close(g);
  printf("done=%d error=%d\n", yc_done(g), yc_error(g));
  printf("close again\n");
  yc_close(g);
  printf("next -> %d\n", yc_next(g, &v));
  yc_free(g);
  printf("freed\n");
  return 0;
}
