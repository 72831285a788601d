// RUN: %clang-syntax %s
// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: gen -1
// CHECK-NEXT: gen -2
// CHECK-NEXT: gen 0
// CHECK-NEXT: gen 10
// CHECK-NEXT: gen 20
// CHECK-NEXT: gen -7
// CHECK-NEXT: gen -14
// CHECK-NEXT: gen 0
// CHECK-NEXT: gen 1
// CHECK-NEXT: summed 24 err 0
// CHECK-NEXT: before failure 0
// CHECK-NEXT: before failure 2
// CHECK-NEXT: error -42
// CHECK-NEXT: step 0: next 0 error 1
// CHECK-NOT: {{.}}
/* Generator expressions inside coroutine functions: in a generator (their
 * captures read the frame's variables, a parameter, a local kept in the
 * frame because its address is taken, one changed after a yield), given
 * to yield_from, to yc_foreach, as the source of another; in an async
 * function around awaits.  A source's failure is the expression's
 * failure, with the same error, as an exception propagates in Python. */
#include <stdio.h>

#include <yieldc.h>

static yc_generator(int) numbers(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}

static yc_generator(int) failing(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
  yc_raise(-42);
}

static yc_generator(int) gen(int k) {
  int base = 100;
  int *pb = &base; /* base lives in the frame */
  yield(-1);
  yc_gen *g = yc_genexpr(int, *pb + x * k, yc_in(int, x, numbers(3)));
  base = 0;
  yield(-2);
  yield_from(g);
  k = 7;
  yield_from(yc_genexpr(int, -y, yc_in(int, y, yc_genexpr(int, x * k, yc_in_range(int, x, 1, 3)))));
  yc_foreach (int v, yc_genexpr(int, v2 + base, yc_in(int, v2, numbers(2)))) {
    yield(v);
    base += 10;
  }
}

static yc_async(int) summed(int n) {
  int total = 0;
  await(yc_sleep(0));
  yc_gen *g = yc_genexpr(int, x * n, yc_in(int, x, numbers(n)));
  n = 0;
  int v;
  while (yc_next(g, &v)) {
    await(yc_sleep(0));
    total += v;
  }
  yc_free(g);
  yc_return(total);
}

int main(void) {
  yc_foreach (int v, gen(10))
    printf("gen %d\n", v);
  int r = 0;
  int err = yc_run(summed(4), &r);
  printf("summed %d err %d\n", r, err);

  yc_gen *f = yc_genexpr(int, x * 2, yc_in(int, x, failing(2)));
  int v;
  while (yc_next(f, &v))
    printf("before failure %d\n", v);
  printf("error %d\n", yc_error(f));
  yc_free(f);
  yc_gen *z = yc_genexpr(int, i, yc_in_range(int, i, 0, 5, 0));
  bool got = yc_next(z, &v);
  printf("step 0: next %d error %d\n", got, yc_error(z) == YC_EINVAL);
  yc_free(z);
  return 0;
}
