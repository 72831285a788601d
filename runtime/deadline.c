/* deadline.c - deadline scopes (yc_move_on_after / yc_fail_after).
 *
 * Each task keeps its active scopes as a list in the frames (innermost
 * first) and one timer in the loop's heap.  Entering a scope reads no
 * clock: it records the span and joins the loop's list of pending scopes.
 * The loop's next clock read (one per turn, shared by every pending scope
 * and every timer: yc__deadline_resolve) sets deadline = that reading +
 * span.  The reading comes after the entry, so a deadline is never early;
 * it is late by at most the rest of the turn the scope was entered in.  A
 * scope left before that read (its wait completed at once) never needed a
 * deadline and costs two list operations.
 *
 * The timer is armed at the earliest deadline when a resolved deadline is
 * earlier than the armed one; a scope that is left early does not disarm it
 * (that would cost a heap operation per scope): when it fires, the list is
 * looked at, the scopes whose deadline passed are marked expired, and the
 * timer is re-armed at the earliest deadline still to come.  Even a task
 * that has left its last scope keeps its timer (the next scope usually
 * comes soon), but the loop drops such a stale timer before it would block
 * waiting for it, so an idle loop never waits for a deadline nobody has any
 * more, and a deadlock is still found at once.  So a wait inside a scope
 * that does not expire costs a few stores and its share of one clock read
 * per turn, and a heap operation only when its deadline is the earliest.
 *
 * An expired scope makes the task behave as cancelled (YC__F_CANCELLED on
 * its root, yc__live_root NULL: every suspension point refuses) until the
 * last expired scope is left; loop.c tells the two cases apart when it
 * picks the error (YC_ECANCELLED wins). */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#include "loop_internal.h"
#include "yieldc/deadline.h"

#define NEVER UINT64_MAX

static void arm(yc__task *t, uint64_t when) {
  yc__loop *l = t->loop;
  if (t->dl_armed) {
    if (t->dl_timer.deadline <= when)
      return;
    yc__timer_heap_remove(&l->timers, &t->dl_timer);
    t->dl_armed = false;
  }
  yc__timer_init(&t->dl_timer, NULL);
  /* Cannot fail: pushing back what was just removed (or popped by
   * fire_timers) needs no room. */
  t->dl_armed = yc__timer_heap_push(&l->timers, &t->dl_timer, when) == 0;
}

static void disarm(yc__task *t) {
  if (t->dl_armed) {
    yc__timer_heap_remove(&t->loop->timers, &t->dl_timer);
    t->dl_armed = false;
  }
}

static void mark_expired(yc__task *t, yc__deadline *d) {
  d->expired = true;
  if (t->nexpired++ == 0)
    yc__task_timeout(t);
}

static void pending_unlink(yc__loop *l, yc__deadline *d) {
  if (d->span < YC__DL_LAZY_NS)
    l->dl_urgent--;
  *d->pprev = d->pnext;
  if (d->pnext)
    d->pnext->pprev = d->pprev;
  d->pprev = NULL;
  d->pnext = NULL;
}

static void pending_link(yc__loop *l, yc__deadline *d) {
  if (d->span < YC__DL_LAZY_NS)
    l->dl_urgent++;
  d->pnext = l->dl_pending;
  if (d->pnext)
    d->pnext->pprev = &d->pnext;
  d->pprev = &l->dl_pending;
  l->dl_pending = d;
}

/* Out of line, so that the common entry (the task's timer armed, a
 * positive span) saves no registers. */
static __attribute__((noinline, cold)) int enter_slow(yc__task *t, yc__deadline *d, long long ms) {
  if (ms > 0) {
    /* Reserve the task's slot in the heap now, at no deadline yet: the
     * only step that may need memory, so resolving (and re-arming) later
     * cannot fail.  Once per task: the timer stays armed. */
    yc__timer_init(&t->dl_timer, NULL);
    if (yc__timer_heap_push(&t->loop->timers, &t->dl_timer, NEVER))
      return YC_ENOMEM;
    t->dl_armed = true;
    d->span = (unsigned long long)ms > UINT64_MAX / 2000000u ? UINT64_MAX / 2 : (uint64_t)ms * 1000000u;
    pending_link(t->loop, d);
  }
  d->task = t;
  d->outer = t->scopes;
  t->scopes = d;
  if (ms <= 0)
    mark_expired(t, d); /* needs no clock */
  return 0;
}

int yc__deadline_enter(yc__deadline *d, long long ms, bool fail, bool *expired_out) {
  yc__task *t = yc__task_current();
  /* Field by field: the pending-list links are set below only when used. */
  d->task = NULL;
  d->when = NEVER;
  d->pprev = NULL;
  d->expired_out = expired_out;
  d->fail = fail;
  d->expired = false;
  if (expired_out)
    *expired_out = false;
  if (!t)
    return 0; /* no loop: no clock to fire it */
  if (__builtin_expect(ms <= 0 || !t->dl_armed, 0))
    return enter_slow(t, d, ms);
  d->span = (unsigned long long)ms > UINT64_MAX / 2000000u ? UINT64_MAX / 2 : (uint64_t)ms * 1000000u;
  pending_link(t->loop, d);
  d->task = t;
  d->outer = t->scopes;
  t->scopes = d;
  return 0;
}

void yc__deadline_leave(yc__deadline *d) {
  yc__task *t = d->task;
  if (!t)
    return;
  d->task = NULL;
  if (d->pprev)
    pending_unlink(t->loop, d); /* left before the loop read the clock */
  /* Usually the innermost; not always: an async generator left suspended
   * inside a scope may leave it after its consumer entered another. */
  if (__builtin_expect(t->scopes == d, 1)) {
    t->scopes = d->outer;
  } else {
    for (yc__deadline **p = &t->scopes; *p; p = &(*p)->outer)
      if (*p == d) {
        *p = d->outer;
        break;
      }
  }
  if (d->expired_out)
    *d->expired_out = d->expired;
  if (__builtin_expect(d->expired, 0) && --t->nexpired == 0)
    yc__task_timeout_clear(t);
  /* The timer stays armed even when this was the last scope: the next
   * scope, usually entered soon after, finds it armed at an earlier
   * deadline and needs no heap operation.  A stale timer fires once for
   * nothing, or is dropped before the loop would block on it
   * (yc__deadline_prune). */
}

void yc__deadline_resolve(yc__loop *l, uint64_t now) {
  yc__deadline *d;
  l->dl_stamp = 0;
  while ((d = l->dl_pending)) {
    pending_unlink(l, d);
    d->when = now + d->span;
    /* The task's timer is in the heap (entering reserved it; prune and
     * task_done drop it only from tasks without scopes): moving it earlier
     * is a remove and a push into the room just freed. */
    arm(d->task, d->when);
  }
}

int yc__deadline_catch(yc__deadline *d, int err) {
  bool mine = d->expired && d->task;
  yc__deadline_leave(d);
  if (err != YC_ETIMEDOUT || !mine)
    return err;
  return d->fail ? YC_ETIMEDOUT : 0;
}

void yc__deadline_fire(yc__task *t, uint64_t now) {
  t->dl_armed = false; /* popped by fire_timers */
  uint64_t next = NEVER;
  bool pending = false;
  for (yc__deadline *d = t->scopes; d; d = d->outer) {
    if (d->pprev)
      pending = true; /* keeps the slot reserved (below) */
    if (d->expired || d->pprev)
      continue;
    if (d->when <= now)
      mark_expired(t, d);
    else if (d->when < next)
      next = d->when;
  }
  if (next != NEVER || pending)
    arm(t, next); /* into the room just popped */
}

bool yc__deadline_prune(yc__loop *l) {
  bool pruned = false;
  yc__timer *top;
  while ((top = yc__timer_heap_top(&l->timers)) && !top->data) {
    yc__task *t = (yc__task *)(void *)((char *)top - offsetof(yc__task, dl_timer));
    if (t->scopes)
      break;
    disarm(t);
    pruned = true;
  }
  return pruned;
}

void yc__deadline_task_done(yc__loop *l, yc__task *t) {
  while (t->scopes) {
    yc__deadline *d = t->scopes;
    t->scopes = d->outer;
    if (d->pprev)
      pending_unlink(l, d);
    d->task = NULL;
    d->outer = NULL;
  }
  t->nexpired = 0;
  disarm(t);
}
