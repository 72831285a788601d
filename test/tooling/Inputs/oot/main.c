/* main.c - a generator in an out-of-tree project. */
#include <stdio.h>
#include <yieldc.h>

#include "oot.h"

yc_generator(int) multiples(int count) {
  for (int i = 1; i <= count; i++) {
    int m = i * OOT_STEP;
    yield(m);
  }
}

int main(void) {
  printf(OOT_GREETING "%d:", OOT_STEP);
  yc_foreach (int m, multiples(4))
    printf(" %d", m);
  printf("\n");
  return 0;
}
