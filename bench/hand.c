/* bench/hand.c - hand-written baselines; see hand.h. */
#include "hand.h"

#include <stdlib.h>

void count_iter_init(count_iter *it, int limit) {
  it->i = 0;
  it->limit = limit;
}

bool count_iter_next(count_iter *it, int *out) {
  if (it->i >= it->limit)
    return false;
  *out = it->i++;
  return true;
}

typedef struct {
  iter base;
  int i, n;
} numbers_it;
typedef struct {
  iter base;
  iter *in;
} stage_it;

static bool numbers_next(iter *it, int *out) {
  numbers_it *s = (numbers_it *)it;
  if (s->i >= s->n)
    return false;
  *out = s->i++;
  return true;
}

static bool scale_next(iter *it, int *out) {
  stage_it *s = (stage_it *)it;
  int x;
  if (!s->in->next(s->in, &x))
    return false;
  *out = 3 * x + 1;
  return true;
}

static bool keep_next(iter *it, int *out) {
  stage_it *s = (stage_it *)it;
  int x;
  while (s->in->next(s->in, &x))
    if (x % 4 != 0) {
      *out = x;
      return true;
    }
  return false;
}

iter *hand_numbers(int n) {
  numbers_it *s = malloc(sizeof *s);
  s->base.next = numbers_next;
  s->i = 0;
  s->n = n;
  return &s->base;
}

static iter *stage(bool (*next)(iter *, int *), iter *in) {
  stage_it *s = malloc(sizeof *s);
  s->base.next = next;
  s->in = in;
  return &s->base;
}

iter *hand_scale(iter *in) { return stage(scale_next, in); }
iter *hand_keep(iter *in) { return stage(keep_next, in); }

void hand_iter_free(iter *it) {
  while (it) {
    iter *in = it->next == numbers_next ? NULL : ((stage_it *)it)->in;
    free(it);
    it = in;
  }
}

long hand_fused_pipeline(int n) {
  long sum = 0;
  for (int i = 0; i < n; i++) {
    int x = 3 * i + 1;
    if (x % 4 != 0)
      sum += x;
  }
  return sum;
}

static bool rr_step(rr_task *t) {
  if (t->i >= t->n)
    return false;
  *t->counter += 1;
  t->i++;
  return true;
}

rr_task *rr_task_new(int n, long *counter) {
  rr_task *t = malloc(sizeof *t);
  t->step = rr_step;
  t->counter = counter;
  t->i = 0;
  t->n = n;
  return t;
}

bool producer_step(producer_sm *p, ring *r) {
  while (p->i < p->n && r->count < r->cap) {
    r->buf[(r->head + r->count) & (r->cap - 1)] = p->i++;
    r->count++;
  }
  return p->i < p->n;
}

void consumer_step(consumer_sm *c, ring *r) {
  while (r->count) {
    c->sum += r->buf[r->head];
    r->head = (r->head + 1) & (r->cap - 1);
    r->count--;
    c->got++;
  }
}

void consumer_select_step(consumer_sm *c, ring *a, ring *b) {
  for (;;) {
    ring *r = a->count ? a : b->count ? b : NULL;
    if (!r)
      return;
    c->sum += r->buf[r->head];
    r->head = (r->head + 1) & (r->cap - 1);
    r->count--;
    c->got++;
  }
}
