// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: consumer: created the generator
// CHECK-NEXT: consumer: slept, nothing ran
// CHECK-NEXT: consumer: asking
// CHECK-NEXT:   gen: started
// CHECK-NEXT:   gen: yielding 0
// CHECK-NEXT: consumer: got 0
// CHECK-NEXT: consumer: asking
// CHECK-NEXT:   gen: resumed after 0
// CHECK-NEXT:   gen: yielding 1
// CHECK-NEXT: consumer: got 1
// CHECK-NEXT: consumer: asking
// CHECK-NEXT:   gen: resumed after 1
// CHECK-NEXT:   gen: yielding 4
// CHECK-NEXT: consumer: got 4
// CHECK-NEXT: consumer: asking
// CHECK-NEXT:   gen: resumed after 4
// CHECK-NEXT:   gen: finished
// CHECK-NEXT: consumer: exhausted
// CHECK-NEXT: consumer: again -> 0
// CHECK-NEXT: yc_run -> 0, result 5
// CHECK-NOT: {{.}}
/* An async generator that awaits between its yields, consumed with
 * await_next, is pull-based: creating it runs none of its body, it runs
 * only while the consumer waits in await_next, and it stops at each yield
 * until asked again, however long the consumer takes; the consumer's own
 * awaits in between do not run it.  Exhausted, await_next is false, and
 * stays false. */
#include <stdio.h>

#include <yieldc.h>

yc_async_generator(int) numbers(int n) {
  printf("  gen: started\n");
  for (int i = 0; i < n; i++) {
    await(yc_sleep(1));
    printf("  gen: yielding %d\n", i * i);
    yield(i * i);
    printf("  gen: resumed after %d\n", i * i);
  }
  printf("  gen: finished\n");
}

yc_async(int) amain(void) {
  yc_agen *s = numbers(3);
  printf("consumer: created the generator\n");
  await(yc_sleep(5));
  printf("consumer: slept, nothing ran\n");
  int item, sum = 0;
  printf("consumer: asking\n");
  while (await_next(s, &item)) {
    printf("consumer: got %d\n", item);
    sum += item;
    await(yc_sleep(5));
    await(yc_sleep(0));
    printf("consumer: asking\n");
  }
  printf("consumer: exhausted\n");
  printf("consumer: again -> %d\n", (int)await_next(s, &item));
  yc_free(s);
  yc_return(sum);
}

int main(void) {
  int r = 0;
  int err = yc_run(amain(), &r);
  printf("yc_run -> %d, result %d\n", err, r);
  return 0;
}
