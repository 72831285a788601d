// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// RUN: grep -v '^//' %t.c | FileCheck --check-prefix=LOWER %s
// The do/while stays as written; the resume point is inside its body:
// LOWER: do {
// LOWER-NEXT: { if (yc__out) {{.*}} yc__c->state = 1; return YC__YIELD; yc_resume_1:
// LOWER: } while (n > 0);
// CHECK: 40213: 3
// CHECK-NEXT: 40213: 1
// CHECK-NEXT: 40213: 2
// CHECK-NEXT: 40213: 0
// CHECK-NEXT: 40213: 4
// CHECK-NEXT: 40213: 1001
// CHECK-NEXT: tries=1
// CHECK-NEXT: 0: 0
// CHECK-NEXT: 0: 1001
// CHECK-NEXT: tries=1
// CHECK-NEXT: 7: 7
// CHECK-NEXT: 7: 1001
// CHECK-NEXT: tries=1
// CHECK-NOT: {{.}}
/* do/while: the body runs once before the condition, even when the
 * condition is false at the start; the yield is in the body. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(int) digits_reversed(int n) {
  do {
    yield(n % 10);
    n /= 10;
  } while (n > 0);
  int tries = 0;
  do {
    tries++;
    yield(1000 + tries);
  } while (tries < 0);
  printf("tries=%d\n", tries);
}

int main(void) {
  int inputs[] = {40213, 0, 7};
  for (int i = 0; i < 3; i++) {
    yc_gen *g = digits_reversed(inputs[i]);
    int v;
    while (yc_next(g, &v))
      printf("%d: %d\n", inputs[i], v);
    yc_free(g);
  }
  return 0;
}
