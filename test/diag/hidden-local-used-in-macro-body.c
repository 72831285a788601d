// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
// RUN: not test -e %t.c
// A local hidden by a declaration of the same name at a suspension point
// where it is live cannot be named there: it lives in the frame and its
// uses are rewritten, which a macro's body cannot be.  The error says so
// and what to do.
// CHECK: hidden-local-used-in-macro-body.c:{{[0-9]+}}:{{[0-9]+}}: error: 'x' lives in the coroutine's frame (a declaration of the same name hides it at a suspension point where it is live) and is used inside a macro's body
// CHECK: note: rename one of the two declarations, or pass the variable to the macro as an argument
// CHECK: hidden-local-used-in-macro-body.c:{{[0-9]+}}:{{[0-9]+}}: error: 'v' lives in the coroutine's frame (a declaration of the same name hides it
/* An inner block that shadows a parameter and a local and yields inside,
 * with the outer ones used after it; a macro naming x and v expanded in
 * both scopes means the declaration visible where it is expanded (the
 * inner one inside the block, the outer one after it). */
#include <stdio.h>

#include <yieldc.h>

#pragma GCC diagnostic ignored "-Wshadow"

#define TWICE_X (x * 2)
#define BOTH() (x * 1000 + v)

yc_generator(int) shadow(int x) {
  int v = 1;
  yield(TWICE_X);
  {
    int x = 100;
    int v = 50;
    yield(TWICE_X);
    x++;
    v++;
    yield(BOTH());
    for (int v = 7; v < 9; v++)
      yield(BOTH());
    yield(v);
  }
  yield(TWICE_X + v);
  v += 10;
  yield(BOTH());
  for (int x = 3; x < 5; x++) {
    yield(BOTH());
    v++;
  }
  yield(BOTH());
}

int main(void) {
  yc_foreach (int v, shadow(2))
    printf("%d\n", v);
  return 0;
}
