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
  size_t owned; /* tasks queued, pending or running: what the ring must hold */
  /* While yc_sched_run runs, the ring's head and count live in its
   * registers; a task added meanwhile waits in pending, and the run takes
   * it in after the current step (before requeueing the task that ran, as
   * if it had been pushed at once).  A ring too small for every owned task
   * is replaced at that point by spare, allocated by the add, so the run
   * itself never allocates (and never fails to requeue). */
  bool running;
  yc_gen **pending;
  size_t npending, pcap;
  yc_gen **spare;
  size_t spare_cap;
};

/* With many tasks scattered in memory (frames freed and reallocated in
 * another order), fetching the header of the task after next while this
 * one runs can hide a cache miss.  Off by default: pooled frames of tasks
 * created together are contiguous, and the prefetch costs four instructions
 * a step (bench/run.sh sched). */
#ifdef YC_SCHED_PREFETCH
#define PREFETCH_NEXT() __builtin_prefetch(ring[(head + 1) & mask], 1)
#else
#define PREFETCH_NEXT() ((void)0)
#endif

yc_sched *yc_sched_new(void) { return yc__calloc(1, sizeof(yc_sched)); }

/* Keep owned < cap: the task taken out for a step can always be put back
 * with no allocation (which could fail) in yc_sched_run. */
static int reserve(yc_sched *s) {
  if (s->owned + 1 < s->cap)
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

/* The same while running: the ring cannot move under the run, so a bigger
 * one waits in spare; and pending grows. */
static int reserve_running(yc_sched *s) {
  size_t cap = s->spare ? s->spare_cap : s->cap;
  if (s->owned + 1 >= cap) {
    yc_gen **n = yc__calloc(cap * 2, sizeof *n);
    if (!n)
      return YC_ENOMEM;
    yc__dealloc(s->spare); /* unused so far */
    s->spare = n;
    s->spare_cap = cap * 2;
  }
  if (s->npending == s->pcap) {
    size_t ncap = s->pcap ? s->pcap * 2 : 8;
    yc_gen **n = yc__realloc(s->pending, ncap * sizeof *n);
    if (!n)
      return YC_ENOMEM;
    s->pending = n;
    s->pcap = ncap;
  }
  return 0;
}

static void push(yc_sched *s, yc_gen *t) {
  s->ring[(s->head + s->count) & (s->cap - 1)] = t;
  s->count++;
}

/* During a run, with s->head and s->count up to date: move to the spare
 * ring if there is one, then queue the pending tasks. */
static void take_pending(yc_sched *s) {
  if (s->spare) {
    for (size_t i = 0; i < s->count; i++)
      s->spare[i] = s->ring[(s->head + i) & (s->cap - 1)];
    yc__dealloc(s->ring);
    s->ring = s->spare;
    s->cap = s->spare_cap;
    s->head = 0;
    s->spare = NULL;
  }
  for (size_t i = 0; i < s->npending; i++)
    push(s, s->pending[i]);
  s->npending = 0;
}

int yc_sched_add(yc_sched *s, yc_gen *task) {
  if (!s) {
    yc_free(task); /* owned from now on, also on failure */
    return YC_EINVAL;
  }
  if (!task) /* its generator function could not allocate the frame */
    return YC_ENOMEM;
  int err = s->running ? reserve_running(s) : reserve(s);
  if (err) {
    yc_free(task);
    return err;
  }
  if (s->running)
    s->pending[s->npending++] = task;
  else
    push(s, task);
  s->owned++;
  return 0;
}

int yc_sched_run(yc_sched *s) {
  if (!s)
    return YC_EINVAL;
  if (s->running) /* a task ran the scheduler that runs it */
    return YC_ERUNNING;
  s->running = true;
  int first = 0;
  /* The ring as registers: head and tail (owned < cap, so head == tail
   * only when it is empty).  SYNC writes them back for take_pending. */
  yc_gen **ring = s->ring;
  size_t mask = s->cap - 1, head = s->head, tail = (s->head + s->count) & mask;
#define SYNC_TAKE_PENDING()                                                    \
  do {                                                                         \
    s->head = head;                                                            \
    s->count = (tail - head) & mask;                                           \
    take_pending(s);                                                           \
    ring = s->ring, mask = s->cap - 1, head = s->head;                         \
    tail = (head + s->count) & mask;                                           \
  } while (0)
  while (head != tail) {
    yc_coro *c = (yc_coro *)ring[head];
    head = (head + 1) & mask;
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
    if (__builtin_expect(s->npending != 0, 0)) /* added by the step */
      SYNC_TAKE_PENDING();
    if (__builtin_expect(alive, 1)) {
      ring[tail] = (yc_gen *)c; /* free: see reserve() */
      tail = (tail + 1) & mask;
    } else {
      int err = yc_error((yc_gen *)c);
      if (err && !first)
        first = err;
      s->owned--;
      yc_free(c); /* runs nothing if c finished; a refused c is closed here */
      if (s->npending) /* by its cleanups */
        SYNC_TAKE_PENDING();
    }
  }
#undef SYNC_TAKE_PENDING
  s->head = head;
  s->count = 0;
  s->running = false;
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
  for (size_t i = 0; i < s->npending; i++) /* freed from inside a run */
    yc_free(s->pending[i]);
  yc__dealloc(s->pending);
  yc__dealloc(s->spare);
  yc__dealloc(s->ring);
  yc__dealloc(s);
}
