// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// RUN: grep -v '^//' %t.c | FileCheck --check-prefix=LOWER %s
// Nested blocks stay; locals of each are lifted by name:
// LOWER: int b = a * 2;
// LOWER-NEXT: { if (yc__out) {{.*}} yc__c->state = 1; return YC__YIELD; yc_resume_1:
// LOWER: int d = c * c;
// LOWER-NEXT: { if (yc__out) {{.*}} yc__c->state = 3; return YC__YIELD; yc_resume_3:
// CHECK: 6
// CHECK-NEXT: 7
// CHECK-NEXT: 49
// CHECK-NEXT: 65
// CHECK-NEXT: 6
// CHECK-NEXT: 52
// CHECK-NOT: {{.}}
/* Yields at several depths of nested compound statements; each block's
 * locals are intact after the yields in deeper blocks. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(int) nested(int seed) {
  int a = seed;
  {
    int b = a * 2;
    yield(b);
    {
      int c = b + 1;
      yield(c);
      {
        int d = c * c;
        yield(d);
        a += d;
      }
      yield(a + b + c);
    }
    yield(b);
  }
  {
    {
      yield(a);
    }
  }
}

int main(void) {
  yc_gen *g = nested(3);
  int v;
  while (yc_next(g, &v))
    printf("%d\n", v);
  yc_free(g);
  return 0;
}
