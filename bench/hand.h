/* bench/hand.h - the hand-written baselines (bench/hand.c, a separate
 * translation unit, so every next()/step() is a real call as it would be
 * for a library iterator). */
#ifndef BENCH_HAND_H
#define BENCH_HAND_H

#include <stdbool.h>

/* An iterator struct: count_up(limit) yields 0 .. limit-1. */
typedef struct count_iter {
  int i, limit;
} count_iter;
void count_iter_init(count_iter *it, int limit);
bool count_iter_next(count_iter *it, int *out);

/* Composable iterators (the hand-written equivalent of generators taking a
 * yc_gen *): a next function pointer plus state. */
typedef struct iter iter;
struct iter {
  bool (*next)(iter *it, int *out);
};
iter *hand_numbers(int n);   /* 0 .. n-1 */
iter *hand_scale(iter *in);  /* 3x + 1 */
iter *hand_keep(iter *in);   /* those with x % 4 != 0 */
void hand_iter_free(iter *it); /* frees the chain */

/* A fused, hand-inlined 3-stage loop (for information). */
long hand_fused_pipeline(int n);

/* Round-robin scheduler tasks: each step adds to *counter, n steps. */
typedef struct rr_task rr_task;
struct rr_task {
  bool (*step)(rr_task *t);
  long *counter;
  int i, n;
};
rr_task *rr_task_new(int n, long *counter);

/* Producer and consumer state machines around a ring buffer. */
typedef struct ring {
  int *buf;
  unsigned cap, head, count;
} ring;
typedef struct producer_sm {
  int i, n;
} producer_sm;
typedef struct consumer_sm {
  long sum;
  long got;
} consumer_sm;
/* Put items until the ring is full or all n are sent; false once done. */
bool producer_step(producer_sm *p, ring *r);
/* Take items until the ring is empty. */
void consumer_step(consumer_sm *c, ring *r);
/* Take items from a or b, whichever has one (a looked at first), until
 * both are empty: the hand-written select2 consumer. */
void consumer_select_step(consumer_sm *c, ring *a, ring *b);

#endif
