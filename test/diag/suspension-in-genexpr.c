// A generator expression is a generator of its own: a suspension form in
// it (its value, a condition, a source) cannot suspend the function it is
// written in, a coroutine or not, and is refused where it is written.
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
// RUN: not test -e %t.c
#include <yieldc.h>

yc_generator(int) numbers(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}

yc_generator(int) in_generator(void) {
  yc_gen *g = yc_genexpr(int, x + yield(x, int), yc_in(int, x, numbers(3)));
  // CHECK: suspension-in-genexpr.c:[[@LINE-1]]:35: error: suspension form inside a generator expression
  // CHECK-NEXT: {{^}}  yc_gen *g = yc_genexpr(int, x + yield(x, int), yc_in(int, x, numbers(3)));
  // CHECK-NEXT: {{^}}                                  ^
  // CHECK-NEXT: note: a generator expression is a generator of its own, which cannot suspend the function it is written in; write a generator function with yc_generator(Y) and yield in it
  yield_from(g);
  yield_from(yc_genexpr(int, x, yc_in(int, x, numbers(3)), yc_where(yield_from(numbers(1), int))));
  // CHECK: suspension-in-genexpr.c:[[@LINE-1]]:69: error: suspension form inside a generator expression
}

yc_async(int) in_async(yc_task *t) {
  yc_gen *g = yc_genexpr(int, x, yc_in_range(int, x, await(t, int)));
  // CHECK: suspension-in-genexpr.c:[[@LINE-1]]:54: error: suspension form inside a generator expression
  yc_free(g);
  yc_return(0);
}

int plain(void) {
  yc_gen *g = yc_genexpr(int, x, yc_in(int, x, numbers(3)), yc_in(int, y, yc_genexpr(int, yield(z, int), yc_in(int, z, numbers(x)))));
  // CHECK: suspension-in-genexpr.c:[[@LINE-1]]:91: error: suspension form inside a generator expression
  yc_free(g);
  return 0;
}
