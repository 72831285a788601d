// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 100
// CHECK-NEXT: 101
// CHECK-NEXT: 102
// CHECK-NEXT: 1
// CHECK-NEXT: 0
// CHECK-NEXT: 11
// CHECK-NEXT: 10
// CHECK-NEXT: 1000
// CHECK-NEXT: 1101
// CHECK-NEXT: 1200
// CHECK-NEXT: 2000
// CHECK-NEXT: 2101
// CHECK-NEXT: 2200
// CHECK-NOT: {{.}}
/* Loop macros that declare their loop variable, with a yield in the loop
 * body the user writes after them: FOR_RANGE(k, 3) yield(100 + k); yields
 * 100 101 102, and loop macros nest (different macros, and the same macro
 * with different variable names) with locals updated around the yields. */
#include <stdio.h>

#include <yieldc.h>

#define FOR_RANGE(i, n) for (int i = 0; i < (n); i++)
#define FOR_DOWN(j, n) for (int j = (n); j-- > 0;)

yc_generator(int) ranges(int n) {
  FOR_RANGE(k, 3) yield(100 + k);
  FOR_RANGE(a, n) FOR_DOWN(b, 2) yield(a * 10 + b);
  FOR_RANGE(i, 2) {
    int row = 1000 * (i + 1);
    FOR_RANGE(j, n) {
      yield(row + j);
      row += 100;
    }
    yield(row);
  }
}

int main(void) {
  yc_foreach (int v, ranges(2))
    printf("%d\n", v);
  return 0;
}
