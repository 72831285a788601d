// RUN: %clang-syntax %s
// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: numbers gives 0
// CHECK-NEXT: square 0
// CHECK-NEXT: numbers gives 1
// CHECK-NEXT: square 1
// CHECK-NEXT: numbers gives 2
// CHECK-NEXT: square 4
// CHECK-NEXT: numbers gives 3
// CHECK-NEXT: square 9
// CHECK-NEXT: range1 0
// CHECK-NEXT: range1 10
// CHECK-NEXT: range1 20
// CHECK-NEXT: range2 2
// CHECK-NEXT: range2 3
// CHECK-NEXT: range2 4
// CHECK-NEXT: range3 10
// CHECK-NEXT: range3 7
// CHECK-NEXT: range3 4
// CHECK-NEXT: range3 1
// CHECK-NEXT: created
// CHECK-NEXT: numbers gives 0
// CHECK-NEXT: pair 0 0
// CHECK-NEXT: numbers gives 1
// CHECK-NEXT: pair 1 1
// CHECK-NEXT: numbers gives 2
// CHECK-NEXT: pair 2 4
// CHECK-NEXT: done 1 error 0
// CHECK-NEXT: numbers gives 0
// CHECK-NEXT: half 0.0
// CHECK-NEXT: numbers gives 1
// CHECK-NEXT: half 0.5
// CHECK-NEXT: numbers gives 2
// CHECK-NEXT: half 1.0
// CHECK-NEXT: in main
// CHECK-NOT: {{.}}
/* yc_genexpr maps a value expression over a source: a generator, a range
 * of one, two or three bounds (negative step too), a value of another
 * type than the source's; it is lazy (its source runs only as items are
 * asked for) and usable with yc_next, yc_foreach and yc_result-less
 * exhaustion like any generator. */
#include <stdio.h>

#include <yieldc.h>

static yc_generator(int) numbers(int n) {
  for (int i = 0; i < n; i++) {
    printf("numbers gives %d\n", i);
    yield(i);
  }
}

typedef struct {
  int x, sq;
} pair;

int main(void) {
  yc_foreach (int v, yc_genexpr(int, x * x, yc_in(int, x, numbers(4))))
    printf("square %d\n", v);
  yc_foreach (long v, yc_genexpr(long, i * 10L, yc_in_range(long, i, 3)))
    printf("range1 %ld\n", v);
  yc_foreach (int v, yc_genexpr(int, i, yc_in_range(int, i, 2, 5)))
    printf("range2 %d\n", v);
  yc_foreach (int v, yc_genexpr(int, i, yc_in_range(int, i, 10, 0, -3)))
    printf("range3 %d\n", v);
  yc_foreach (int v, yc_genexpr(int, i, yc_in_range(int, i, 5, 2)))
    printf("empty %d\n", v);
  /* a struct value; the generator is lazy */
  yc_gen *g = yc_genexpr(pair, ((pair){x, x * x}), yc_in(int, x, numbers(3)));
  printf("created\n");
  pair p;
  while (yc_next(g, &p))
    printf("pair %d %d\n", p.x, p.sq);
  printf("done %d error %d\n", yc_done(g), yc_error(g));
  yc_free(g);
  /* a double from an int source */
  yc_foreach (double d, yc_genexpr(double, x / 2.0, yc_in(int, x, numbers(3))))
    printf("half %.1f\n", d);
  /* __func__ names the function the expression is written in */
  yc_foreach (const char *name, yc_genexpr(const char *, __func__, yc_in_range(int, i, 1)))
    printf("in %s\n", name);
  return 0;
}
