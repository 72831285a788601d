// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 100
// CHECK-NEXT: end of body 0
// CHECK-NEXT: cleanup even
// CHECK-NEXT: 101
// CHECK-NEXT: cleanup odd
// CHECK-NEXT: 102
// CHECK-NEXT: cleanup even
// CHECK-NEXT: 200
// CHECK-NEXT: cleanup goto scope
// CHECK-NEXT: 201
// CHECK-NEXT: cleanup goto scope
// CHECK-NEXT: 300
// CHECK-NEXT: cleanup ret inner
// CHECK-NEXT: cleanup ret outer
// CHECK-NEXT: end
// CHECK-NOT: {{.}}
/* A cleanup local whose scope is left across yields by continue, break,
 * a backward goto and a return from nested blocks: its cleanup runs on
 * each exit, once per iteration, innermost first. */
#include <stdio.h>

#include <yieldc.h>

static void rel(const char **s) { printf("cleanup %s\n", *s); }

yc_generator(int) exits(void) {
  for (int i = 0; i < 4; i++) {
    const char *c __attribute__((cleanup(rel))) = i % 2 ? "odd" : "even";
    yield(100 + i);
    if (i == 1)
      continue;
    if (i == 2)
      break;
    printf("end of body %d\n", i);
  }
  int n = 0;
back: {
  const char *c __attribute__((cleanup(rel))) = "goto scope";
  yield(200 + n);
  if (++n < 2)
    goto back;
}
  {
    const char *a __attribute__((cleanup(rel))) = "ret outer";
    {
      const char *b __attribute__((cleanup(rel))) = "ret inner";
      yield(300);
      return;
    }
  }
}

int main(void) {
  yc_foreach (int v, exits())
    printf("%d\n", v);
  printf("end\n");
  return 0;
}
