/* Consumes gen.c's generator with yc_foreach. */
#include <stdio.h>

#include "gen.h"
#include "util.h"

int main(void) {
  int sum = 0;
  yc_foreach (int sq, squares(4))
    sum += sq;
  printf("sum %d, twice %d\n", sum, twice(sum));
  return 0;
}
