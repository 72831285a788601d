/* loop_internal.h - what loop.c, task.c, io.c and chan.c share (internal).
 *
 * The loop keeps one record (yc__task) per root task, hung on the task's
 * frame header (yc__aux(c)) while the task is live.  Leaf frames (sleep, I/O,
 * channel and group operations) remember the record of the task that awaits
 * them and wake it through the loop; the loop then drives the task, and the
 * engine resumes the leaf first. */
#ifndef YIELDC_LOOP_INTERNAL_H
#define YIELDC_LOOP_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "loop_backend.h"
#include "timer_heap.h"
#include "yieldc/coro.h"

typedef struct yc__loop yc__loop;
typedef struct yc__task yc__task;
typedef struct yc_group yc_group;

/* Every allocation of the loop, I/O, channels and groups goes through here
 * (n == 0 frees p and returns NULL), so tests can make the Nth one fail. */
void *yc__rt_realloc(void *p, size_t n);
/* Fault injection: when > 0, the allocation that brings it to 0 fails. */
extern long yc__rt_fail_countdown;

struct yc__task {
  yc_coro *coro;
  yc__loop *loop;
  yc__task *prev, *next; /* the loop's list of live tasks */
  yc__task *waiters;     /* roots parked in await on this task */
  yc__task *next_waiter; /* link in the waiters of `awaiting` */
  yc__task *awaiting;    /* the spawned task this one is parked on */
  yc_group *group;       /* the group that owns it, if any */
  int throw_code;        /* next drive throws this (cancel, awaited failure) */
  bool queued;           /* in the ready queue */
  bool detached;         /* the loop frees the frame when it finishes */
  /* Deadline scopes (deadline.c).  YC__F_CANCELLED on the root means
   * "cancelled or inside an expired scope": cancelled tells the two apart
   * (YC_ECANCELLED wins over YC_ETIMEDOUT). */
  bool cancelled;               /* yc_cancel'ed: YC_ECANCELLED */
  unsigned nexpired;            /* active scopes whose deadline passed */
  struct yc__deadline *scopes;  /* innermost active scope, linked outward */
  bool dl_armed;                /* dl_timer is in the loop's heap */
  /* One timer for all its scopes (data NULL tells it from a leaf's):
   * armed at the earliest deadline of its scopes, or earlier (a scope
   * left before its deadline leaves it be: re-armed when it fires). */
  yc__timer dl_timer;
  /* The handle of a task started by yc_loops_spawn (multiloop.c), told when
   * it finishes; NULL for every other task. */
  struct yc_xtask *xh;
};

/* Interest of at most one reader and one writer in a descriptor. */
typedef struct yc__io_wait {
  yc__task *task; /* the task to wake; NULL when not registered */
  int fd;
  int err; /* set by the loop when the registration broke (negative errno) */
} yc__io_wait;

typedef struct yc__fdrec {
  yc__io_wait *rd, *wr;
  unsigned char want; /* the bits rd / wr need */
  unsigned char have; /* the bits registered with the backend */
  bool dirty;         /* in the flush list */
} yc__fdrec;

struct yc__loop {
  const yc__backend_ops *ops;
  yc__backend *be;
  yc__task **ready; /* ring buffer, capacity >= live tasks */
  size_t ready_head, ready_len, ready_cap;
  yc__timer_heap timers;
  yc__fdrec *fds;
  size_t nfds;
  int *dirty; /* descriptors whose have != want may need a backend update */
  size_t ndirty, dirty_cap;
  size_t nwaiting_fds; /* registered readers + writers */
  yc__task *tasks;     /* live tasks */
  size_t ntasks;
  yc__task *current; /* the task being driven */
  bool deadlocked;    /* everything waited for what could never happen */
  /* Deadline scopes entered but whose deadline is not known yet
   * (deadline.c): the loop's next clock read resolves them all. */
  struct yc__deadline *dl_pending;
  size_t dl_urgent;   /* pending scopes shorter than YC__DL_LAZY_NS */
  uint64_t dl_stamp;  /* coarse clock when the loop first saw them pending; 0: not yet */
  uint64_t coarse_slack; /* 2 ticks of CLOCK_MONOTONIC_COARSE; 0: not used */
};

/* A pending scope of at least this span (10 s) may wait for the coarse
 * clock to tick before the loop reads the precise clock for it (late by at
 * most a tick and a turn: under 0.1 %); a shorter one is resolved at the
 * next turn. */
#define YC__DL_LAZY_NS 10000000000u

/* The loop running on this thread, or NULL. */
yc__loop *yc__loop_current(void);
/* The task being driven by the running loop, or NULL. */
extern __thread yc__task *yc__driven_task;
static inline yc__task *yc__task_current(void) { return yc__driven_task; }
/* Make t a root of l: a record on yc__aux(c), marked spawned, queued to run.
 * 0 or YC_ENOMEM (c untouched then). */
int yc__task_adopt(yc__loop *l, yc_coro *c);
/* Queue t to be driven (no-op if queued already).  Inline: a channel's
 * hand-over to a parked peer calls it on every task switch.  The ring
 * always has room (yc__task_adopt reserves a slot per live task). */
static inline void yc__task_wake(yc__task *t) {
  if (!t || t->queued)
    return;
  t->queued = true;
  yc__loop *l = t->loop;
  l->ready[(l->ready_head + l->ready_len++) & (l->ready_cap - 1)] = t;
}
/* Request cancellation of a live task (see yc_cancel). */
void yc__task_cancel(yc__task *t);
/* Called by loop.c when a root with a handle of yc_loops_spawn finishes
 * (multiloop.c): records its outcome for the other loops. */
void yc__xtask_finished(struct yc_xtask *h, yc_coro *c);
/* Called by loop.c when a root finishes; defined in task.c (groups). */
void yc__group_child_done(yc_group *g, yc_coro *child);

/* Park the current task until fd is readable (dir 0) or writable (dir 1);
 * 0, -EBUSY (someone else waits there) or a negative errno / YC_ENOMEM. */
int yc__io_wait_start(yc__loop *l, yc__io_wait *w, int fd, int dir);
/* Drop w's interest if still registered. */
void yc__io_wait_stop(yc__loop *l, yc__io_wait *w, int dir);

/* A leaf's timer: wakes `task` at its deadline. */
typedef struct yc__sleep_timer {
  yc__timer t;
  yc__task *task;
  bool fired;
} yc__sleep_timer;
/* Start st for the current task, firing ms milliseconds from now. */
int yc__timer_start(yc__loop *l, yc__sleep_timer *st, uint64_t ms);
/* Stop st if it has not fired. */
void yc__timer_stop(yc__loop *l, yc__sleep_timer *st);

/* Deadlines (deadline.c): the task's deadline timer fired (now: the
 * reading it fired at); called by fire_timers instead of a plain wake. */
void yc__deadline_fire(yc__task *t, uint64_t now);
/* Give every pending scope of l (l->dl_pending non-NULL) its deadline,
 * now + its span, now being a clock reading taken after they were all
 * entered, and arm their tasks' timers (no allocation: entering reserved
 * the heap slot). */
void yc__deadline_resolve(yc__loop *l, uint64_t now);
/* Drop the deadline timers of tasks that have no scope any more from the
 * top of l's heap (before the loop blocks on them); true if any was. */
bool yc__deadline_prune(yc__loop *l);
/* The task finished: its scopes that are still registered (an async
 * generator's, left suspended inside one) forget it, the timer stops. */
void yc__deadline_task_done(yc__loop *l, yc__task *t);
/* A scope of t expired (loop.c): YC_ETIMEDOUT arrives at its current
 * suspension point and every later one, as for a cancellation. */
void yc__task_timeout(yc__task *t);
/* Recompute YC__F_CANCELLED of t's root after its last expired scope was
 * left (loop.c). */
void yc__task_timeout_clear(yc__task *t);

/* Common ends of leaf resume functions. */
static inline int yc__leaf_return(yc_coro *c) {
  c->state = -1;
  c->flags |= YC__F_HAS_RESULT;
  return YC__RETURN;
}
static inline int yc__leaf_fail(yc_coro *c, int err) {
  c->state = -1;
  if (c->flags & YC__F_CLOSE)
    return YC__RETURN;
  c->error = err;
  return YC__FAIL;
}

#endif
