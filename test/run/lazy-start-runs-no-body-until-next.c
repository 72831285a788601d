// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: created, side effects=0
// CHECK-NEXT: [b] started with n=3
// CHECK-NEXT: [b] yielding 0
// CHECK-NEXT: b -> 0, side effects=1
// CHECK-NEXT: [a] started with n=2
// CHECK-NEXT: [a] yielding 0
// CHECK-NEXT: a -> 0, side effects=2
// CHECK-NEXT: [a] yielding 1
// CHECK-NEXT: a -> 1
// CHECK-NEXT: [a] finished
// CHECK-NEXT: a exhausted, n=100
// CHECK-NEXT: c freed before start
// CHECK-NEXT: side effects=2
// CHECK-NOT: {{.}}
/* Calling a generator function runs none of its body (not even code
 * before the first yield, nor argument-dependent side effects in it); the
 * first yc_next runs it up to the first yield; arguments are bound at the
 * call (later changes to the caller's variables are not seen). */
#include <stdio.h>

#include <yieldc.h>

static int side_effects;

yc_generator(int) lazy(const char *name, int n) {
  side_effects++;
  printf("[%s] started with n=%d\n", name, n);
  for (int i = 0; i < n; i++) {
    printf("[%s] yielding %d\n", name, i);
    yield(i);
  }
  printf("[%s] finished\n", name);
}

int main(void) {
  int n = 2;
  yc_gen *a = lazy("a", n);
  yc_gen *b = lazy("b", n + 1);
  n = 100;
  printf("created, side effects=%d\n", side_effects);
  int v;
  yc_next(b, &v);
  printf("b -> %d, side effects=%d\n", v, side_effects);
  yc_next(a, &v);
  printf("a -> %d, side effects=%d\n", v, side_effects);
  while (yc_next(a, &v))
    printf("a -> %d\n", v);
  printf("a exhausted, n=%d\n", n);
  yc_free(a);
  yc_free(b);
  yc_gen *c = lazy("c", 1);
  printf("c freed before start\n");
  yc_free(c);
  printf("side effects=%d\n", side_effects);
  return 0;
}
