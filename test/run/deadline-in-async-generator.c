// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: consumer: item 0
// CHECK-NEXT: consumer: item -1
// CHECK-NEXT: consumer: item 2
// CHECK-NEXT: consumer: item -3
// CHECK-NEXT: gen: cleanup after 4 items
// CHECK-NEXT: consumer: tick 0
// CHECK-NEXT: consumer: tick 1
// CHECK-NEXT: gen: cleanup after 2 items
// CHECK-NEXT: consumer: scope expired 1
// CHECK-NEXT: consumer: pair item 1
// CHECK-NEXT: gen: cleanup after 1 items
// CHECK-NEXT: consumer: slept past the closed scope's deadline
// CHECK-NEXT: yc_run -> 0
// CHECK-NOT: {{.}}
/* Deadlines and async generators.  A scope inside the generator (around
 * each fetch, not around a yield) gives up on a slow item and yields a
 * marker instead; the scope belongs to the task consuming the generator.
 * A scope around the consumer's loop expires while the generator waits:
 * YC_ETIMEDOUT arrives inside the generator, whose cleanup runs, then
 * passes out through await_next to the consumer's scope. */
#include <stdio.h>

#include <yieldc.h>

static void gen_cleanup(int *n) { printf("gen: cleanup after %d items\n", *n); }

yc_async_generator(int) fetches(int n) {
  int count __attribute__((cleanup(gen_cleanup))) = 0;
  for (int i = 0; i < n; i++) {
    bool expired = false;
    yc_move_on_after(50, &expired) {
      await(yc_sleep(i % 2 ? 5000 : 0)); /* odd items are slow */
    }
    count++;
    yield(expired ? -i : i);
  }
}

yc_async_generator(int) slow_ticks(void) {
  int count __attribute__((cleanup(gen_cleanup))) = 0;
  for (;;) {
    await(yc_sleep(count < 2 ? 0 : 5000));
    yield(count++);
  }
}

/* A scope around yields (not recommended, see the reference): closing the
 * generator while it is suspended inside leaves the scope. */
yc_async_generator(int) scoped_pair(void) {
  int count __attribute__((cleanup(gen_cleanup))) = 0;
  yc_move_on_after(30) {
    yield(++count);
    yield(++count);
  }
}

yc_async(int) amain(void) {
  yc_agen *g = fetches(4);
  int v;
  while (await_next(g, &v))
    printf("consumer: item %d\n", v);
  yc_free(g);

  bool expired = false;
  g = slow_ticks();
  yc_move_on_after(40, &expired) {
    while (await_next(g, &v))
      printf("consumer: tick %d\n", v);
  }
  printf("consumer: scope expired %d\n", (int)expired);
  yc_free(g);

  g = scoped_pair();
  if (await_next(g, &v))
    printf("consumer: pair item %d\n", v);
  yc_free(g); /* closed inside its scope: the scope is left */
  await(yc_sleep(60));
  printf("consumer: slept past the closed scope's deadline\n");
  yc_return(0);
}

int main(void) {
  int err = yc_run(amain(), NULL);
  printf("yc_run -> %d\n", err);
  return 0;
}
