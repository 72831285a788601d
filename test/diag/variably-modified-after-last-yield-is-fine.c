// A variably modified variable declared after the last suspension point of
// its block is never in scope at one: it stays a plain C local.
// RUN: %yieldc %s -o %t.c
// RUN: grep -v "^//" %t.c | FileCheck %s
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck --check-prefix=OUT %s
#include <stdio.h>
#include <yieldc.h>

yc_generator(int) diagonal(void) {
  yield(0);
  int k = 3;
  int cells[3][3] = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
  int (*m)[k] = cells;
  int sum = 0;
  for (int i = 0; i < k; i++)
    sum += m[i][i];
  printf("%d\n", sum);
}
// CHECK: int (*m)[k] = cells;

int main(void) {
  yc_foreach (int x, diagonal())
    (void)x;
}
// OUT: 15
