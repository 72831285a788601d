/* runtime/sched.c - the round-robin cooperative scheduler (the tutorial's
 * Scheduler): a FIFO of yc_generator(void) tasks, each advanced once per
 * turn.  The queue is a ring buffer, so a step is O(1) and needs no
 * allocation; it only grows in yc_sched_add. */
#include "yieldc/sched.h"

#include <stdlib.h>

#include "alloc.h"

struct yc_sched {
  yc_gen **ring; /* capacity is a power of two */
  size_t cap, head, count;
};

yc_sched *yc_sched_new(void) {
  return yc__calloc(1, sizeof(yc_sched));
}

/* Keep count < cap after every add: the task taken out for a step can then
 * always be put back, even if the step added tasks, with no allocation
 * (which could fail) in yc_sched_run. */
static int reserve(yc_sched *s) {
  if (s->count + 1 < s->cap)
    return 0;
  size_t ncap = s->cap ? s->cap * 2 : 16;
  yc_gen **n = yc__alloc(ncap * sizeof *n);
  if (!n)
    return YC_ENOMEM;
  for (size_t i = 0; i < s->count; i++)
    n[i] = s->ring[(s->head + i) & (s->cap - 1)];
  yc__dealloc(s->ring);
  s->ring = n;
  s->cap = ncap;
  s->head = 0;
  return 0;
}

static void push(yc_sched *s, yc_gen *t) {
  s->ring[(s->head + s->count) & (s->cap - 1)] = t;
  s->count++;
}

int yc_sched_add(yc_sched *s, yc_gen *task) {
  if (!s) {
    yc_free(task); /* owned from now on, also on failure */
    return YC_EINVAL;
  }
  if (!task) /* its generator function could not allocate the frame */
    return YC_ENOMEM;
  int err = reserve(s);
  if (err) {
    yc_free(task);
    return err;
  }
  push(s, task);
  return 0;
}

int yc_sched_run(yc_sched *s) {
  if (!s)
    return YC_EINVAL;
  int first = 0;
  while (s->count) {
    yc_gen *t = s->ring[s->head];
    s->head = (s->head + 1) & (s->cap - 1);
    s->count--;
    /* With many tasks each frame is cold when its turn comes: fetch the
     * header of the one after next while this one runs. */
    if (s->count > 1)
      __builtin_prefetch(s->ring[(s->head + 1) & (s->cap - 1)], 1);
    if (yc__next_inline(t, NULL, 0)) {
      push(s, t); /* a slot is free: see reserve() */
    } else {
      int err = yc_error(t);
      if (err && !first)
        first = err;
      yc_free(t);
    }
  }
  return first;
}

void yc_sched_free(yc_sched *s) {
  if (!s)
    return;
  /* Pop before freeing: a task's cleanup may touch the scheduler. */
  while (s->count) {
    yc_gen *t = s->ring[s->head];
    s->head = (s->head + 1) & (s->cap - 1);
    s->count--;
    yc_free(t);
  }
  yc__dealloc(s->ring);
  yc__dealloc(s);
}
