// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: next -> 3
// CHECK-NEXT: cleanup try scope
// CHECK-NEXT: raising for -1
// CHECK-NEXT: cleanup try scope
// CHECK-NEXT: caught 51
// CHECK-NEXT: next -> -51
// CHECK-NEXT: next -> 4
// CHECK-NEXT: cleanup try scope
// CHECK-NEXT: raising for -2
// CHECK-NEXT: cleanup try scope
// CHECK-NEXT: caught 53
// CHECK-NEXT: next -> -53
// CHECK-NEXT: next -> 1000
// CHECK-NEXT: inner catch 7, raising 14
// CHECK-NEXT: outer catch 14
// CHECK-NEXT: next -> 16
// CHECK-NEXT: error=0
// CHECK-NOT: {{.}}
/* yc_raise inside a yc_try block (directly, and in a nested if inside a
 * loop) is caught by that try's catch in the same generator, which can
 * yield; cleanups of scopes inside the try run before the catch block;
 * a yc_raise in a catch block goes to the enclosing try. */
#include <stdio.h>

#include <yieldc.h>

static void release(const char **s) { printf("cleanup %s\n", *s); }

yc_generator(int) checker(const int *xs, int n) {
  int bad = 0;
  for (int i = 0; i < n; i++) {
    yc_try {
      const char *scope __attribute__((cleanup(release))) = "try scope";
      if (xs[i] < 0) {
        printf("raising for %d\n", xs[i]);
        yc_raise(50 + i);
      }
      yield(xs[i]);
    } yc_catch (err) {
      bad++;
      printf("caught %d\n", err);
      yield(-err);
    }
  }
  yc_try {
    yc_try {
      yield(1000);
      yc_raise(7);
    } yc_catch (err) {
      printf("inner catch %d, raising %d\n", err, err * 2);
      yc_raise(err * 2);
    }
  } yc_catch (err) {
    printf("outer catch %d\n", err);
    yield(err + bad);
  }
}

int main(void) {
  static const int xs[] = {3, -1, 4, -2};
  yc_gen *g = checker(xs, 4);
  int v;
  while (yc_next(g, &v))
    printf("next -> %d\n", v);
  printf("error=%d\n", yc_error(g));
  yc_free(g);
  return 0;
}
