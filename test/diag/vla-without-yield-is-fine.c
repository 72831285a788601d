// A VLA in a block with no suspension point stays an ordinary C array.
// RUN: %yieldc %s -o %t.c
// RUN: FileCheck %s < %t.c
#include <yieldc.h>

yc_generator(int) sums(int n) {
  int total;
  {
    int tmp[n];
    for (int i = 0; i < n; i++) tmp[i] = i;
    total = tmp[n - 1];
  }
  yield(total);
}
// CHECK: int tmp[n];
