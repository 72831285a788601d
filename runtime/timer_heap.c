/* timer_heap.c - the event loop's timers: a binary min-heap keyed by
 * (deadline, start sequence).  A timer is due only when its deadline is at
 * or before the monotonic clock's reading, so none ever fires early. */
#include "timer_heap.h"

#include <time.h>

#include "loop_internal.h"
#include "yieldc/coro.h"

uint64_t yc__now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void yc__timer_init(yc__timer *t, void *data) {
  t->deadline = 0;
  t->seq = 0;
  t->index = YC__TIMER_IDLE;
  t->data = data;
}

static int before(const yc__timer *a, const yc__timer *b) {
  if (a->deadline != b->deadline)
    return a->deadline < b->deadline;
  return a->seq < b->seq;
}

static void place(yc__timer_heap *h, size_t i, yc__timer *t) {
  h->v[i] = t;
  t->index = i;
}

static void sift_up(yc__timer_heap *h, size_t i) {
  yc__timer *t = h->v[i];
  while (i > 0) {
    size_t parent = (i - 1) / 2;
    if (!before(t, h->v[parent]))
      break;
    place(h, i, h->v[parent]);
    i = parent;
  }
  place(h, i, t);
}

static void sift_down(yc__timer_heap *h, size_t i) {
  yc__timer *t = h->v[i];
  for (;;) {
    size_t child = 2 * i + 1;
    if (child >= h->len)
      break;
    if (child + 1 < h->len && before(h->v[child + 1], h->v[child]))
      child++;
    if (!before(h->v[child], t))
      break;
    place(h, i, h->v[child]);
    i = child;
  }
  place(h, i, t);
}

int yc__timer_heap_push(yc__timer_heap *h, yc__timer *t, uint64_t deadline) {
  if (h->len == h->cap) {
    size_t cap = h->cap ? 2 * h->cap : 16;
    yc__timer **v = yc__rt_realloc(h->v, cap * sizeof *v);
    if (!v)
      return YC_ENOMEM;
    h->v = v;
    h->cap = cap;
  }
  t->deadline = deadline;
  t->seq = h->next_seq++;
  h->v[h->len] = t;
  sift_up(h, h->len++);
  return 0;
}

void yc__timer_heap_remove(yc__timer_heap *h, yc__timer *t) {
  size_t i = t->index;
  if (i == YC__TIMER_IDLE || i >= h->len || h->v[i] != t)
    return;
  t->index = YC__TIMER_IDLE;
  yc__timer *last = h->v[--h->len];
  if (i == h->len)
    return;
  place(h, i, last);
  /* The moved timer may belong above or below its new slot. */
  if (i > 0 && before(last, h->v[(i - 1) / 2]))
    sift_up(h, i);
  else
    sift_down(h, i);
}

yc__timer *yc__timer_heap_top(const yc__timer_heap *h) { return h->len ? h->v[0] : NULL; }

yc__timer *yc__timer_heap_pop_expired(yc__timer_heap *h, uint64_t now) {
  yc__timer *t = yc__timer_heap_top(h);
  if (!t || t->deadline > now)
    return NULL;
  yc__timer_heap_remove(h, t);
  return t;
}

void yc__timer_heap_free(yc__timer_heap *h) {
  yc__rt_realloc(h->v, 0);
  h->v = NULL;
  h->len = h->cap = 0;
}
