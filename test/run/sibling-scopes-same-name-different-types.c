// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 5
// CHECK-NEXT: 2
// CHECK-NEXT: 5
// CHECK-NEXT: 1.25
// CHECK-NEXT: 98
// CHECK-NEXT: 116
// CHECK-NEXT: 1
// CHECK-NOT: {{.}}
/* Sibling blocks declaring the same name with different types (int,
 * double, char array, struct), each live across a yield; Y is double. */
#include <stdio.h>

#include <yieldc.h>

struct big {
  int a[5];
  char s[10];
};

yc_generator(double) siblings(struct big b) {
  {
    int x = b.a[4];
    yield(x);
    yield(x / 2);
  }
  {
    double x = 2.5;
    yield(x * 2);
    yield(x / 2);
  }
  {
    char x[4] = "ab";
    yield(x[1]);
  }
  {
    struct big x = b;
    x.a[0] = 11;
    yield(x.a[0] + x.s[1]);
  }
  yield(b.a[0]);
}

int main(void) {
  struct big b = {{1, 2, 3, 4, 5}, "hi"};
  yc_foreach (double v, siblings(b))
    printf("%g\n", v);
  return 0;
}
