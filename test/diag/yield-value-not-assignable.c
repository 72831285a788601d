// A yielded value that C would not assign to Y without a cast is an error
// (a C compiler only warns, and the generated code would not build
// warning-free or would store garbage).
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
// RUN: not test -e %t.c
#include <yieldc.h>

struct point { int x, y; };
struct size { int w, h; };

yc_generator(int) names(void) {
  yield("alice");
}
// CHECK: yield-value-not-assignable.c:[[@LINE-2]]:9: error: yield's value has type 'char *', which C does not assign to the element type 'int' without a cast
// CHECK-NEXT: {{^}}  yield("alice");
// CHECK-NEXT: {{^}}        ^
// CHECK-NEXT: note: yield a value of type int, or convert it with a cast if that is meant

yc_generator(char *) pointers(const char *name, long *lp, int n) {
  yield(n);
  // CHECK: yield-value-not-assignable.c:[[@LINE-1]]:9: error: yield's value has type 'int', which C does not assign to the element type 'char *' without a cast
  yield(lp);
  // CHECK: yield-value-not-assignable.c:[[@LINE-1]]:9: error: yield's value has type 'long *', which C does not assign to the element type 'char *' without a cast
  yield(name);
  // CHECK: yield-value-not-assignable.c:[[@LINE-1]]:9: error: yield's value has type 'const char *', which C does not assign to the element type 'char *' without a cast
}

yc_generator(struct point) points(struct size s, int n) {
  yield(s);
  // CHECK: yield-value-not-assignable.c:[[@LINE-1]]:9: error: yield's value has type 'struct size', which C does not assign to the element type 'struct point' without a cast
  yield(n);
  // CHECK: yield-value-not-assignable.c:[[@LINE-1]]:9: error: yield's value has type 'int', which C does not assign to the element type 'struct point' without a cast
}

yc_generator(const char **, int) nested(char **argv) {
  int k = yield(argv, int);
  // CHECK: yield-value-not-assignable.c:[[@LINE-1]]:17: error: yield's value has type 'char **', which C does not assign to the element type 'const char **' without a cast
  (void)k;
}
