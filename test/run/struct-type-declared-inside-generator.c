// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 25
// CHECK-NEXT: 2035
// CHECK-NEXT: 15
// CHECK-NEXT: 25
// CHECK-NOT: {{.}}
/* A struct type (and an enum and a typedef) declared inside the generator
 * body, with locals of those types live across yields. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(int) shapes(int n) {
  enum kind { SQUARE = 1, RECT = 2 };
  struct shape {
    enum kind kind;
    int w, h;
  };
  typedef struct shape shape_t;
  shape_t s = {SQUARE, n, n};
  struct shape *ps = &s;
  yield(ps->w * ps->h);
  s.kind = RECT;
  s.h = n + 2;
  yield(s.kind * 1000 + ps->w * ps->h);
  for (int i = 0; i < 2; i++) {
    struct shape inner = {RECT, i + 1, 10};
    yield(inner.w * inner.h + s.w);
  }
}

int main(void) {
  yc_foreach (int v, shapes(5))
    printf("%d\n", v);
  return 0;
}
