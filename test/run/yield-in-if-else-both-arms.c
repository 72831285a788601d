// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// RUN: grep -v '^//' %t.c | FileCheck --check-prefix=LOWER %s
// The lowering keeps the if/else as written, a resume point in each arm:
// LOWER: if (i % 2 == 0) {
// LOWER-NEXT: { if (yc__out) {{.*}} yc__c->state = 1; return YC__YIELD; yc_resume_1:
// LOWER: } else {
// LOWER-NEXT: { if (yc__out) {{.*}} yc__c->state = 2; return YC__YIELD; yc_resume_2:
// LOWER: if (i == 2)
// LOWER-NEXT: { if (yc__out) {{.*}} yc__c->state = 3; return YC__YIELD; yc_resume_3:
// LOWER-NEXT: else if (i == 3)
// LOWER-NEXT: { if (yc__out) {{.*}} yc__c->state = 4; return YC__YIELD; yc_resume_4:
// CHECK: got 100
// CHECK-NEXT: even 0 resumed, before=0
// CHECK-NEXT: no extra yield at 0
// CHECK-NEXT: got 201
// CHECK-NEXT: odd 1 resumed, before=3
// CHECK-NEXT: no extra yield at 1
// CHECK-NEXT: got 102
// CHECK-NEXT: even 2 resumed, before=6
// CHECK-NEXT: got -1
// CHECK-NEXT: got 203
// CHECK-NEXT: odd 3 resumed, before=9
// CHECK-NEXT: got -2
// CHECK-NEXT: got 104
// CHECK-NEXT: even 4 resumed, before=12
// CHECK-NEXT: no extra yield at 4
// CHECK-NEXT: done
// CHECK-NOT: {{.}}
/* A yield in the then-arm and one in the else-arm of the same if; locals
 * set before each yield are read after it. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(int) classify(int n) {
  for (int i = 0; i < n; i++) {
    int before = i * 3;
    if (i % 2 == 0) {
      yield(100 + i);
      printf("even %d resumed, before=%d\n", i, before);
    } else {
      yield(200 + i);
      printf("odd %d resumed, before=%d\n", i, before);
    }
    if (i == 2)
      yield(-1);
    else if (i == 3)
      yield(-2);
    else
      printf("no extra yield at %d\n", i);
  }
  printf("done\n");
}

int main(void) {
  yc_gen *g = classify(5);
  int v;
  while (yc_next(g, &v))
    printf("got %d\n", v);
  yc_free(g);
  return 0;
}
