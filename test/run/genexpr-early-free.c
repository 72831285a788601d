// RUN: %clang-syntax %s
// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: got 1
// CHECK-NEXT: first cleaned up
// CHECK-NEXT: freed after one item
// CHECK-NEXT: freed before the first item
// CHECK-NEXT: got 1
// CHECK-NEXT: inner cleaned up
// CHECK-NEXT: outer cleaned up
// CHECK-NEXT: closed: done 1, next 0
// CHECK-NEXT: loop 0
// CHECK-NEXT: loop 1
// CHECK-NEXT: looped cleaned up
// CHECK-NEXT: after the loop
// CHECK-NEXT: item 0
// CHECK-NEXT: item 1
// CHECK-NEXT: exhausted cleaned up
// CHECK-NEXT: exhausted: next 0
// CHECK-NOT: {{.}}
/* A generator expression owns its sources: freeing or closing it before it
 * is exhausted frees them (a suspended source is closed: its cleanups
 * run), and so does breaking out of a yc_foreach over it.  Freed before
 * its first item, it still frees the first source it was created with
 * (a source that never started runs no cleanup, as in Python).  An
 * exhausted or closed expression keeps returning false.  (ASan in CI
 * reports any source left behind.) */
#include <stdio.h>

#include <yieldc.h>

static void bye(const char **name) { printf("%s cleaned up\n", *name); }

static yc_generator(int) source(const char *name, int n) {
  const char *me __attribute__((cleanup(bye), unused)) = name;
  for (int i = 0; i < n; i++)
    yield(i);
}

int main(void) {
  int v;
  yc_gen *g = yc_genexpr(int, x + 1, yc_in(int, x, source("first", 10)));
  yc_next(g, &v);
  printf("got %d\n", v);
  yc_free(g);
  printf("freed after one item\n");

  g = yc_genexpr(int, x, yc_in(int, x, source("never started", 10)));
  yc_free(g);
  printf("freed before the first item\n");

  g = yc_genexpr(int, x * 10 + y, yc_in(int, x, source("outer", 5)), yc_in(int, y, source("inner", 5)));
  yc_next(g, &v);
  yc_next(g, &v);
  printf("got %d\n", v);
  yc_close(g);
  printf("closed: done %d, next %d\n", yc_done(g), yc_next(g, &v));
  yc_free(g);

  yc_foreach (int w, yc_genexpr(int, x, yc_in(int, x, source("looped", 10)))) {
    printf("loop %d\n", w);
    if (w == 1)
      break;
  }
  printf("after the loop\n");

  g = yc_genexpr(int, x, yc_in(int, x, source("exhausted", 2)));
  while (yc_next(g, &v))
    printf("item %d\n", v);
  printf("exhausted: next %d\n", yc_next(g, &v));
  yc_free(g);
  return 0;
}
