// Types declared inside a generator are emitted where the frame can see
// them; an anonymous struct gets a name.
// RUN: %yieldc %s -o %t.c
// RUN: grep -v '^//' %t.c | FileCheck %s
// RUN: %cc -c %t.c -o %t.o
#include <yieldc.h>

yc_generator(int) points(void) {
  struct pair { int a, b; } p = {1, 2};
  struct { int x; } anon = {5};
  yield(p.a + anon.x);
}
// CHECK: struct pair { int a, b; };
// CHECK: typedef struct { int x; } points__anon
// CHECK: struct points__frame {
// CHECK:   struct pair p;
// CHECK:   points__anon{{[_a-z0-9]*}} anon;
// CHECK: f->p = (__typeof__(f->p)){1, 2};
