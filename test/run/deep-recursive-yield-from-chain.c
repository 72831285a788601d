// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: count=20000 sum=200010000 first=20000 last=1 levels=20000
// CHECK-NEXT: partial=150005000
// CHECK-NOT: {{.}}
/* A recursive chain of 20000 generators each delegating to the next with
 * yield_from and yielding its own depth after the delegate finishes; the
 * sum, count and first/last values show every level ran; returns carry a
 * value back up through all levels; breaking out half-way and freeing
 * the root frees the whole chain (no leak under ASan). */
#include <stdio.h>

#include <yieldc.h>

yc_generator(long, void, long) chain(int depth, int max) {
  if (depth == max) {
    yield((long)depth);
    yc_return(1);
  }
  long below = yield_from(chain(depth + 1, max), long);
  yield((long)depth);
  yc_return(below + 1);
}

int main(void) {
  yc_gen *g = chain(1, 20000);
  long v, sum = 0, first = -1, last = -1;
  long count = 0;
  while (yc_next(g, &v)) {
    if (count == 0)
      first = v;
    last = v;
    sum += v;
    count++;
  }
  long levels = 0;
  yc_result(g, &levels);
  printf("count=%ld sum=%ld first=%ld last=%ld levels=%ld\n", count, sum, first,
         last, levels);
  yc_free(g);

  long partial = 0;
  count = 0;
  yc_foreach (long x, chain(1, 20000)) {
    partial += x;
    if (++count == 10000)
      break;
  }
  printf("partial=%ld\n", partial);
  return 0;
}
