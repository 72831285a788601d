// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: acc=4
// CHECK-NEXT: acc=8
// CHECK-NEXT: acc=64
// CHECK-NEXT: h(5)=6
// CHECK-NEXT: h(5)=25
// CHECK-NEXT: 8
// CHECK-NEXT: 5
// CHECK-NEXT: 25
// CHECK-NEXT: 5
// CHECK-NEXT: 10
// CHECK-NEXT: 100
// CHECK-NOT: {{.}}
/* A function-pointer local chosen before a yield and called after it, an
 * array of function pointers, and a generator whose Y is a function
 * pointer type (via a typedef and spelled out). */
#include <stdio.h>

#include <yieldc.h>

static int add1(int x) { return x + 1; }
static int twice(int x) { return x * 2; }
static int square(int x) { return x * x; }

typedef int (*unary)(int);

yc_generator(unary) ops(void) {
  yield(add1);
  yield(twice);
  yield(square);
}

yc_generator(int (*)(int)) ops_raw(void) {
  int (*table[])(int) = {square, add1};
  for (int i = 1; i >= 0; i--)
    yield(table[i]);
}

yc_generator(int) apply(int x) {
  int (*f)(int) = twice;
  unary g = square;
  yield(f(x));
  f = add1;
  yield(f(x));
  yield(g(f(x)));
  unary chain[3] = {add1, twice, square};
  for (int i = 0; i < 3; i++) {
    x = chain[i](x);
    yield(x);
  }
}

int main(void) {
  yc_gen *g = ops();
  unary f;
  int acc = 3;
  while (yc_next(g, &f)) {
    acc = f(acc);
    printf("acc=%d\n", acc);
  }
  yc_free(g);
  g = ops_raw();
  int (*h)(int);
  while (yc_next(g, &h))
    printf("h(5)=%d\n", h(5));
  yc_free(g);
  yc_foreach (int v, apply(4))
    printf("%d\n", v);
  return 0;
}
