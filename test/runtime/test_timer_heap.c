/* test_timer_heap.c - the timer heap alone: pops in (deadline, start order)
 * with many ties, removal from anywhere keeps the order, nothing due is
 * returned before its deadline, and a failed allocation leaves the heap
 * intact. */
#include "test_loop_util.h"

#include "../../runtime/loop_internal.h"
#include "../../runtime/timer_heap.h"

#define N 3000

static yc__timer timers[N];

int main(void) {
  yc__timer_heap h = {0};
  unsigned seed = 42;
  for (int i = 0; i < N; i++) {
    seed = seed * 1103515245u + 12345u;
    yc__timer_init(&timers[i], &timers[i]);
    /* few distinct deadlines: lots of ties */
    CHECK(yc__timer_heap_push(&h, &timers[i], 100 + (seed >> 16) % 7) == 0);
  }
  /* remove every third, in a scattered order, and one twice */
  for (int i = N - 1; i >= 0; i -= 3)
    yc__timer_heap_remove(&h, &timers[i]);
  yc__timer_heap_remove(&h, &timers[N - 1]);
  CHECK(h.len == N - N / 3);
  /* nothing is due before its deadline */
  CHECK(yc__timer_heap_pop_expired(&h, 99) == NULL);
  yc__timer *prev = NULL;
  size_t popped = 0;
  for (uint64_t now = 100; now < 107; now++) {
    yc__timer *t;
    while ((t = yc__timer_heap_pop_expired(&h, now))) {
      CHECK(t->deadline <= now);
      CHECK(t->index == YC__TIMER_IDLE);
      if (prev)
        CHECK(prev->deadline < t->deadline ||
              (prev->deadline == t->deadline && prev < t)); /* start order */
      prev = t;
      popped++;
    }
    CHECK(!yc__timer_heap_top(&h) || yc__timer_heap_top(&h)->deadline > now);
  }
  CHECK(popped == N - N / 3 && h.len == 0);

  /* a failed growth leaves the heap as it was */
  yc__timer_heap_free(&h);
  yc__timer a, b;
  yc__timer_init(&a, NULL);
  yc__timer_init(&b, NULL);
  yc__rt_fail_countdown = 1;
  CHECK(yc__timer_heap_push(&h, &a, 5) == YC_ENOMEM);
  CHECK(h.len == 0 && a.index == YC__TIMER_IDLE);
  CHECK(yc__timer_heap_push(&h, &b, 5) == 0);
  CHECK(yc__timer_heap_push(&h, &a, 5) == 0);
  CHECK(yc__timer_heap_pop_expired(&h, 5) == &b);
  CHECK(yc__timer_heap_pop_expired(&h, 5) == &a);
  yc__timer_heap_free(&h);

  /* the clock is monotonic */
  uint64_t t0 = yc__now_ns(), t1 = yc__now_ns();
  CHECK(t1 >= t0);
  fprintf(stderr, "test_timer_heap: ok\n");
  return 0;
}
