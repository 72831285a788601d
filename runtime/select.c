/* select.c - waiting for the first of several channel operations (Go's
 * select): yc_select (an awaitable leaf frame), yc_select_now (the default
 * branch), and the frameless forms the translator emits (yc__select_try,
 * yc__select_park).
 *
 * Fairness: among the cases ready at the same moment each is chosen with
 * the same probability (reservoir sampling over one pass; a single ready
 * case costs no random number).  The numbers come from a per-thread
 * xorshift generator that starts from a fixed seed, so a program replays
 * the same choices on every run; yc_select_seed restarts it.
 *
 * Cancellation safety: a select completes exactly one case.  While it
 * waits, each enabled case has a node in its channel's queue; the peer or
 * close that takes one node completes the select and takes the other nodes
 * out of their queues at once (yc__wnode_fire), so they take and send
 * nothing.  A throw or close arriving while it waits takes all nodes out
 * (yc__wait_steer): every channel is as it was. */
#include <stdint.h>
#include <stdio.h>

#include "alloc.h"
#include "chan_internal.h"

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

#define SEED 0x9e3779b97f4a7c15ull
static __thread uint64_t rng_state = SEED;

void yc_select_seed(unsigned long long seed) { rng_state = seed ? seed : SEED; }

/* xorshift64*: fast, and good enough to pick among a few cases.  xchan.c
 * picks among shared cases with it too (chan_internal.h). */
uint64_t yc__select_rng(void) {
  uint64_t x = rng_state;
  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  rng_state = x;
  return x * 0x2545f4914f6cdd1dull;
}

/* 0, or why cases[0..n) cannot be selected (with a message for YC_ESIZE). */
static int check_cases(const yc_case *cases, size_t n, const char *api) {
  if (!cases || !n)
    return YC_EINVAL;
  for (size_t i = 0; i < n; i++) {
    const yc_case *k = &cases[i];
    if (!k->chan)
      continue;
    if (k->size && k->size != k->chan->esz) {
      if (!api)
        return YC_ESIZE; /* silent: the await reports it */
      fprintf(stderr,
              "yieldc: %s: case %zu: the item is %zu bytes but the channel carries %zu-byte "
              "items; pass the address of an item variable\n",
              api, i, k->size, k->chan->esz);
      return YC_ESIZE;
    }
    if (k->send && !k->item && k->chan->esz)
      return YC_EINVAL;
  }
  return 0;
}

/* Complete one ready case, chosen fairly: its index, or -1 when none is
 * ready.  The cases are valid (check_cases). */
static int select_now(yc_case *cases, size_t n) {
  if (UNLIKELY(yc__cases_shared(cases, n)))
    return yc__xselect_now(cases, n); /* xchan.c */
  int pick = -1;
  unsigned ready = 0;
  for (size_t i = 0; i < n; i++) {
    yc_chan *ch = cases[i].chan;
    if (!ch || !(cases[i].send ? yc__send_ready(ch) : yc__recv_ready(ch)))
      continue;
    ready++;
    if (ready == 1 || yc__select_rng() % ready == 0)
      pick = (int)i;
  }
  if (pick < 0)
    return -1;
  yc__case_complete(&cases[pick]);
  return pick;
}

int yc_select_now(yc_case *cases, size_t n) {
  int err = check_cases(cases, n, "yc_select_now");
  return err ? err : select_now(cases, n);
}

/* The rest of the inline yc__select_try (chan.h): one pass that checks the
 * cases (a misuse falls back to the await, which reports it), finds the
 * ready ones, and completes the one chosen; a receive of a buffered item
 * with no sender waiting is taken right here. */
bool yc__select_try_slow(yc_case *cases, size_t n, int *r) {
  if (UNLIKELY(!cases || !n || !yc__live_root))
    return false;
  if (UNLIKELY(yc__cases_shared(cases, n))) {
    int i = check_cases(cases, n, NULL) ? -1 : yc__xselect_now(cases, n);
    if (i < 0)
      return false;
    *r = i;
    return true;
  }
  size_t pick = 0;
  unsigned ready = 0;
  for (size_t i = 0; i < n; i++) {
    yc_case *k = &cases[i];
    yc_chan *ch = k->chan;
    if (!ch)
      continue;
    if (UNLIKELY(k->size != ch->esz && k->size))
      return false;
    if (k->send) {
      if (UNLIKELY(!k->item && ch->esz))
        return false;
      if (!yc__send_ready(ch))
        continue;
    } else if (!yc__recv_ready(ch)) {
      continue;
    }
    if (++ready == 1 || yc__select_rng() % ready == 0)
      pick = i;
  }
  if (!ready)
    return false;
  yc_case *k = &cases[pick];
  yc_chan *ch = k->chan;
  *r = (int)pick;
  if (!k->send && LIKELY(ch->fill && !ch->senders)) {
    yc__chan_take(ch, k->item);
    yc__chan_open(ch);
    k->ok = true;
    return true;
  }
  yc__case_complete(k);
  return true;
}

/* The task t waits in w for the first of cases[0..n) (valid).  retry: the
 * caller may not have tried them (a park): if one is ready after all it
 * completes now and t is made ready, the caller's YC__PENDING then costs
 * one turn. */
static void wait_select(yc__wait *w, yc__task *t, yc_case *cases, size_t n, bool retry) {
  if (UNLIKELY(yc__cases_shared(cases, n))) {
    yc__xselect_wait(w, t, cases, n); /* xchan.c */
    return;
  }
  w->task = t;
  w->cases = cases;
  w->n = n;
  w->op = YC__WAIT_SELECT;
  w->state = YC__WAIT_WAITING;
  for (size_t i = 0; i < n; i++)
    cases[i].yc__node = (yc__wnode){.w = w, .item = cases[i].item};
  int i = retry ? select_now(cases, n) : -1;
  if (UNLIKELY(i >= 0)) {
    w->result = i;
    w->state = YC__WAIT_DONE;
    w->task = NULL;
    yc__task_wake(t);
    return;
  }
  /* All cases disabled: no node anywhere; only a throw ends the wait. */
  for (size_t j = 0; j < n; j++)
    if (cases[j].chan)
      yc__node_queue(cases[j].chan, &cases[j].yc__node, cases[j].send);
}

bool yc__select_park(yc_case *cases, size_t n, yc__wait *w) {
  yc__task *t = yc__task_current();
  if (!w || !t || !yc__live_root || w->state == YC__WAIT_WAITING ||
      check_cases(cases, n, "yc_select"))
    return false;
  if (UNLIKELY(yc__cases_shared(cases, n) && !yc__xwait_allowed()))
    return false; /* the await reports it */
  wait_select(w, t, cases, n, true);
  return true;
}

/* ---- yc_select: the operation frame of the generic await ---------------- */

typedef struct select_op {
  yc_coro hdr;
  void *aux; /* yc__aux: async frames carry it after the header */
  yc__wait w; /* R is w.result */
  yc_case *cases;
  size_t n;
  int error; /* refused when created (YC_EINVAL, YC_ESIZE) */
} select_op;

static int select_resume(yc_coro *c, void *out, const void *in) {
  select_op *op = (select_op *)c;
  (void)out, (void)in;
  if (c->flags & (YC__F_THROW | YC__F_CLOSE)) {
    if (yc__wait_steer(c, &op->w))
      return yc__leaf_return(c); /* chose a case already; the cancel comes later */
    return yc__leaf_fail(c, c->error);
  }
  if (c->state == 1)
    return op->w.state == YC__WAIT_DONE ? yc__leaf_return(c) : YC__PENDING;
  if (op->error)
    return yc__leaf_fail(c, op->error);
  yc__task *t = yc__task_current();
  if (!t)
    return yc__leaf_fail(c, YC_EINVAL); /* not awaited by a task of a loop */
  int i = select_now(op->cases, op->n);
  if (i >= 0) {
    op->w.result = i;
    return yc__leaf_return(c);
  }
  if (UNLIKELY(yc__cases_shared(op->cases, op->n) && !yc__xwait_allowed()))
    return yc__leaf_fail(c, YC_EINVAL); /* shared channels wait on group loops only */
  wait_select(&op->w, t, op->cases, op->n, false);
  c->state = 1;
  return YC__PENDING;
}

static const yc__coro_type select_type = {
    "yc_select", select_resume, sizeof(select_op), 0, 0, sizeof(int), offsetof(select_op, w.result),
    YC__LEAF,    0};

yc_task *yc_select(yc_case *cases, size_t n) {
  select_op *op = yc__frame_new(&select_type);
  if (!op)
    return NULL;
  op->cases = cases;
  op->n = n;
  op->error = check_cases(cases, n, "yc_select");
  return (yc_task *)op;
}
