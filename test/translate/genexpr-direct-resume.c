// A yc_foreach over a generator expression resumes its generator function
// with a direct call (yc__next_known), and so does the expression's loop
// over a source that calls a generator defined earlier in the file (which
// is then inlined there when small); a source of unknown origin goes
// through yc_next.
// RUN: %yieldc %s -o %t.c
// RUN: grep -v '^//' %t.c | FileCheck %s
// RUN: %cc -c %t.c -o %t.o
#include <stdio.h>
#include <yieldc.h>

static yc_generator(int) numbers(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}
// CHECK: static inline __attribute__((always_inline)) int numbers__resume(

yc_gen *elsewhere(void);

// (inner and later expressions are written first)
// CHECK: while (yc_next(yc__gf->yc__src1, &y)) {
// CHECK: while (yc__next_known(yc__gf->yc__src1, &x, sizeof x, &numbers__type, numbers__resume)) {
int main(void) {
  yc_foreach (int v, yc_genexpr(int, x * x, yc_in(int, x, numbers(4))))
    printf("%d\n", v);
  // CHECK: for (int v; yc__next_known(yc__fe1_once, &v, yc__sizeof_ptr(&v), &main__genexpr1__type, main__genexpr1__resume);)
  yc_gen *g = yc_genexpr(int, y, yc_in(int, y, elsewhere()));
  yc_free(g);
  return 0;
}
