// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 10
// CHECK-NEXT: leaving case 0
// CHECK-NEXT: cleanup 0
// CHECK-NEXT: 20
// CHECK-NOT: {{.}}
/* A case block with a cleanup local that ends in a nested block ending in
 * break: no cleanup call is emitted after it (gcc would warn that it falls
 * through), and the cleanup still runs once on the way out. */
#include <stdio.h>
#include <yieldc.h>

static void show(int *x) { printf("cleanup %d\n", *x); }

yc_generator(int) pick(int k) {
  for (int round = 0; round < 2; round++) {
    switch (k + round) {
    case 0: {
      int c __attribute__((cleanup(show))) = round;
      yield(10 + c);
      {
        printf("leaving case 0\n");
        break;
      }
    }
    case 1:
      yield(20);
      break;
    default:
      yield(30);
    }
  }
}

int main(void) {
  yc_foreach (int v, pick(0)) printf("%d\n", v);
  return 0;
}
