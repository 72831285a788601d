/* runtime/sched.c - the round-robin cooperative scheduler (the tutorial's
 * Scheduler): a FIFO of yc_generator(void) tasks, each advanced once per
 * turn.  The queue is a ring buffer, so a step is O(1) and needs no
 * allocation; it only grows in yc_sched_add. */
#include "yieldc/sched.h"

#include <stdbool.h>
#include <stdlib.h>

#include "alloc.h"

struct yc_sched {
  yc_gen **ring; /* capacity is a power of two */
  size_t cap, head, count;
  unsigned long changes; /* bumped by every add and run (see yc_sched_run) */
};

/* With many tasks each frame is cold when its turn comes: fetch the header
 * of the one after next while this one runs.  The slot is read whether it
 * holds a task or not (a prefetch never faults; the ring is calloc'ed so
 * the value is at least defined). */
#ifndef YC_SCHED_NO_PREFETCH
#define PREFETCH_NEXT() __builtin_prefetch(ring[(head + 1) & mask], 1)
#else
#define PREFETCH_NEXT() ((void)0)
#endif

yc_sched *yc_sched_new(void) { return yc__calloc(1, sizeof(yc_sched)); }

/* Keep count < cap after every add: the task taken out for a step can then
 * always be put back, even if the step added tasks, with no allocation
 * (which could fail) in yc_sched_run. */
static int reserve(yc_sched *s) {
  if (s->count + 1 < s->cap)
    return 0;
  size_t ncap = s->cap ? s->cap * 2 : 16;
  yc_gen **n = yc__calloc(ncap, sizeof *n);
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
  s->changes++;
  return 0;
}

int yc_sched_run(yc_sched *s) {
  if (!s)
    return YC_EINVAL;
  int first = 0;
  /* The ring's state lives in registers; s is kept up to date before each
   * step (two stores) so that the step can yc_sched_add, and reread only
   * when a step changed it (s->changes: an add, or a nested run). */
  yc_gen **ring = s->ring;
  size_t mask = s->cap - 1, head = s->head, count = s->count;
  unsigned long changes = s->changes;
  while (count) {
    yc_coro *c = (yc_coro *)ring[head];
    head = (head + 1) & mask;
    count--;
    s->head = head;
    s->count = count;
    PREFETCH_NEXT();
    bool alive;
    /* yc__next_inline without the NULL test (tasks are not NULL). */
    if (__builtin_expect(c->status <= YC__SUSPENDED && !c->link, 1)) {
      c->status = YC__RUNNING;
      int r = c->type->resume(c, NULL, NULL);
      if (__builtin_expect(r == YC__YIELD, 1)) {
        c->status = YC__SUSPENDED;
        alive = true;
      } else {
        alive = yc__next_finish(c, NULL, r);
      }
    } else {
      alive = yc__next((yc_gen *)c, NULL, 0);
    }
    if (__builtin_expect(s->changes != changes, 0)) {
      changes = s->changes;
      ring = s->ring;
      mask = s->cap - 1;
      head = s->head;
      count = s->count;
    }
    if (__builtin_expect(alive, 1)) {
      ring[(head + count) & mask] = (yc_gen *)c; /* free: see reserve() */
      count++;
    } else {
      int err = yc_error((yc_gen *)c);
      if (err && !first)
        first = err;
      yc_free(c); /* a finished generator runs nothing when freed */
    }
  }
  s->head = head;
  s->count = 0;
  s->changes++;
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
