/* loop.c - the event loop core: one loop per thread, a FIFO ready queue of
 * root tasks, timers, and descriptor interest handed to a polling backend.
 *
 * A turn: flush dropped interest, poll once (not at all when tasks are ready
 * and no descriptor is watched; timeout 0 when tasks are ready), fire due
 * timers in (deadline, start) order, then drive the tasks that were ready
 * when the turn began, each with one yc__drive.  Tasks woken meanwhile run
 * next turn, so sleep(0) lets I/O and timers in.  Nothing is allocated per
 * turn: the ready ring holds every live task, the timer heap and descriptor
 * table only grow. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "loop_internal.h"
#include "yieldc/loop.h"
#include "alloc.h"

static __thread yc__loop *tls_loop;
static __thread yc_loop_stats tls_stats;
__thread yc_coro *yc__live_root;

void yc_loop_stats_get(yc_loop_stats *s) {
  if (s)
    *s = tls_stats;
}
long yc__rt_fail_countdown;

void *yc__rt_realloc(void *p, size_t n) {
  if (n == 0) {
    yc__dealloc(p);
    return NULL;
  }
  if (yc__rt_fail_countdown > 0 && --yc__rt_fail_countdown == 0) {
    errno = ENOMEM;
    return NULL;
  }
  return yc__realloc(p, n);
}

yc__loop *yc__loop_current(void) { return tls_loop; }

__thread yc__task *yc__driven_task; /* l->current of the running loop */

static const yc__backend_ops *pick_backend(void) {
#ifdef YC__HAVE_EPOLL
  const char *env = getenv("YIELDC_BACKEND");
  if (!env || strcmp(env, "poll") != 0)
    return &yc__backend_epoll;
#endif
  return &yc__backend_poll;
}

const char *yc_loop_backend(void) { return tls_loop ? tls_loop->ops->name : pick_backend()->name; }

/* ---- Ready queue ---------------------------------------------------------- */

/* ready_cap is a power of two (16, doubled): indices wrap with a mask.
 * Tasks are pushed by yc__task_wake (loop_internal.h). */
static yc__task *ready_pop(yc__loop *l) {
  yc__task *t = l->ready[l->ready_head];
  l->ready_head = (l->ready_head + 1) & (l->ready_cap - 1);
  l->ready_len--;
  return t;
}

/* Keep room for every live task, so a wake never allocates (or fails). */
static int ready_reserve(yc__loop *l, size_t n) {
  if (n <= l->ready_cap)
    return 0;
  size_t cap = l->ready_cap ? 2 * l->ready_cap : 16;
  while (cap < n)
    cap *= 2;
  yc__task **v = yc__rt_realloc(NULL, cap * sizeof *v);
  if (!v)
    return YC_ENOMEM;
  for (size_t i = 0; i < l->ready_len; i++)
    v[i] = l->ready[(l->ready_head + i) & (l->ready_cap - 1)];
  yc__rt_realloc(l->ready, 0);
  l->ready = v;
  l->ready_cap = cap;
  l->ready_head = 0;
  return 0;
}

static void ready_remove(yc__loop *l, yc__task *t) {
  size_t n = l->ready_len, kept = 0;
  for (size_t i = 0; i < n; i++) {
    yc__task *x = l->ready[(l->ready_head + i) & (l->ready_cap - 1)];
    if (x != t)
      l->ready[(l->ready_head + kept++) & (l->ready_cap - 1)] = x;
  }
  l->ready_len = kept;
  t->queued = false;
}

/* yc__task_wake is inline in loop_internal.h (a channel's hand-over calls
 * it on every switch); it pushes onto the ring ready_pop takes from. */

/* ---- Tasks ------------------------------------------------------------- */

int yc__task_adopt(yc__loop *l, yc_coro *c) {
  if (ready_reserve(l, l->ntasks + 1))
    return YC_ENOMEM;
  yc__task *t = yc__rt_realloc(NULL, sizeof *t);
  if (!t)
    return YC_ENOMEM;
  *t = (yc__task){.coro = c, .loop = l, .next = l->tasks};
  if (l->tasks)
    l->tasks->prev = t;
  l->tasks = t;
  l->ntasks++;
  yc__timer_init(&t->dl_timer, NULL);
  yc__aux(c) = t;
  c->flags |= YC__F_SPAWNED;
  yc__task_wake(t);
  return 0;
}

void yc__task_cancel(yc__task *t) {
  yc_coro *c = t->coro;
  bool again = t->cancelled;
  t->cancelled = true;
  c->flags |= YC__F_CANCELLED;
  if (t == t->loop->current) {
    yc__live_root = NULL; /* no fast path completes for it any more */
    return; /* running: its next suspension point raises (level-triggered) */
  }
  if (t->awaiting) {
    /* Like asyncio: cancelling a task that awaits another cancels that one;
     * the awaiter then sees its outcome.  Once is enough (and stops cycles). */
    if (!again)
      yc__task_cancel(t->awaiting);
    return;
  }
  t->throw_code = YC_ECANCELLED;
  yc__task_wake(t);
}

/* ---- Deadlines: an expired scope acts as a cancellation (deadline.c) ---- */

int yc__cancel_code(yc_coro *root) {
  yc__task *t = (root->flags & YC__F_SPAWNED) ? yc__aux(root) : NULL;
  return t && !t->cancelled && t->nexpired ? YC_ETIMEDOUT : YC_ECANCELLED;
}

static void unlink_waiter(yc__task *w);

void yc__task_timeout(yc__task *t) {
  yc_coro *c = t->coro;
  c->flags |= YC__F_CANCELLED;
  if (t->cancelled)
    return; /* YC_ECANCELLED is on its way, and wins */
  if (t == t->loop->current) {
    yc__live_root = NULL;
    return;
  }
  /* Parked on another task: stop waiting for it (the await's unwinding
   * frees its handle, which cancels it, like asyncio.timeout). */
  unlink_waiter(t);
  if (!t->throw_code)
    t->throw_code = YC_ETIMEDOUT;
  yc__task_wake(t);
}

void yc__task_timeout_clear(yc__task *t) {
  if (t->cancelled)
    return;
  yc_coro *c = t->coro;
  c->flags &= (unsigned short)~YC__F_CANCELLED;
  if (t == t->loop->current)
    yc__live_root = c;
  /* A timeout thrown but not yet delivered (the task left the scope in
   * between: cannot happen while it is parked inside) would be stale. */
  if (t->throw_code == YC_ETIMEDOUT)
    t->throw_code = 0;
}

static void unlink_waiter(yc__task *w) {
  yc__task *on = w->awaiting;
  if (!on)
    return;
  for (yc__task **p = &on->waiters; *p; p = &(*p)->next_waiter)
    if (*p == w) {
      *p = w->next_waiter;
      break;
    }
  w->next_waiter = NULL;
  w->awaiting = NULL;
}

/* t's root has finished: wake its awaiters (throwing its error into them),
 * tell its group, drop the record, and free a detached frame. */
static void finish(yc__loop *l, yc__task *t) {
  yc_coro *c = t->coro;
  if (t->queued)
    ready_remove(l, t);
  unlink_waiter(t);
  if (t->scopes || t->dl_armed)
    yc__deadline_task_done(l, t);
  while (t->waiters) {
    yc__task *w = t->waiters;
    t->waiters = w->next_waiter;
    w->next_waiter = NULL;
    w->awaiting = NULL;
    if (c->status == YC__FAILED) {
      c->flags |= YC__F_ERROR_SEEN; /* reported by the awaiter */
      w->throw_code = c->error;
    }
    yc__task_wake(w);
  }
  if (t->prev)
    t->prev->next = t->next;
  else
    l->tasks = t->next;
  if (t->next)
    t->next->prev = t->prev;
  l->ntasks--;
  if (__builtin_expect(t->xh != NULL, 0))
    yc__xtask_finished(t->xh, c); /* detached: freed below */
  yc__aux(c) = NULL;
  yc_group *g = t->group;
  bool detached = t->detached;
  yc__rt_realloc(t, 0);
  if (g)
    yc__group_child_done(g, c); /* the group owns and frees c */
  else if (detached)
    yc__free_frame(c);
}

/* No task is being driven (between turns, and before anything but a drive
 * runs in a turn). */
static inline void clear_current(yc__loop *l) {
  l->current = NULL;
  yc__driven_task = NULL;
  yc__live_root = NULL;
}

/* Drive t's root once.  The thread-locals saying which task runs are set
 * here and left set when drive returns normally: the next drive overwrites
 * them, and turn() clears them before it does anything else than drives
 * (run_turns when the loop ends; nothing runs between two drives but the
 * loop itself).  They are cleared
 * before finish(), which can run other code (a group's bookkeeping, the
 * cleanups of a detached frame it frees) that must not see t as current.
 *
 * The common case of a task switch (no throw pending, the innermost frame
 * of the root's chain - the root itself when it waits in its own frame, or
 * the frame parked for it - has nothing to steer) resumes that frame's
 * resume function directly, with the statuses the engine's yc__drive sets;
 * a wait goes on (YC__PENDING) without entering the engine at all, any
 * other result continues in it (yc__drive_on).  Throws go through
 * yc__drive_throw. */
static void drive(yc__loop *l, yc__task *t) {
  yc_coro *c = t->coro;
  yc_coro *cur = c->link ? c->link : c;
  int r;
  l->current = t;
  yc__driven_task = t;
  yc__live_root = (c->flags & YC__F_CANCELLED) ? NULL : c;
  if (__builtin_expect(!t->throw_code && c->status <= YC__SUSPENDED &&
                           !(cur->flags & (YC__F_THROW | YC__F_CLOSE | YC__F_PARTIAL)),
                       1)) {
    /* cur's delegator, read before the resume: a frame that delegates
     * lends its link to the sub (yc__delegate). */
    yc_coro *up = (cur->flags & YC__F_DELEGATED) ? cur->link : NULL;
    c->status = YC__RUNNING;
    cur->status = YC__RUNNING;
    r = cur->type->resume(cur, NULL, NULL);
    if (__builtin_expect(r == YC__PENDING, 1)) {
      cur->status = YC__SUSPENDED;
      c->status = YC__SUSPENDED;
      return;
    }
    r = yc__drive_on(c, cur, up, r);
  } else if (t->throw_code) {
    int code = t->throw_code;
    t->throw_code = 0;
    r = yc__drive_throw(c, code, NULL);
  } else {
    r = yc__drive(c, NULL, NULL);
  }
  if (r == YC__PENDING)
    return;
  clear_current(l);
  if (r == YC__YIELD) {
    /* Only an async generator yields, and it is no task: close it and fail
     * it, rather than lose it. */
    yc_close((yc_gen *)c);
    c->status = YC__FAILED;
    c->error = YC_EINVAL;
    r = YC__FAIL;
  }
  if (r == YC__RETURN || r == YC__FAIL)
    finish(l, t);
}

/* ---- Descriptors ---------------------------------------------------------- */

static void mark_dirty(yc__loop *l, int fd) {
  yc__fdrec *r = &l->fds[fd];
  if (r->dirty)
    return;
  /* dirty_cap >= nfds (reserved when the table grew): cannot fail. */
  r->dirty = true;
  l->dirty[l->ndirty++] = fd;
}

static int fds_reserve(yc__loop *l, int fd) {
  size_t need = (size_t)fd + 1;
  if (need <= l->nfds)
    return 0;
  size_t n = l->nfds ? l->nfds : 64;
  while (n < need)
    n *= 2;
  int *d = yc__rt_realloc(l->dirty, n * sizeof *d);
  if (!d)
    return YC_ENOMEM;
  l->dirty = d;
  l->dirty_cap = n;
  yc__fdrec *f = yc__rt_realloc(l->fds, n * sizeof *f);
  if (!f)
    return YC_ENOMEM;
  memset(f + l->nfds, 0, (n - l->nfds) * sizeof *f);
  l->fds = f;
  l->nfds = n;
  return 0;
}

int yc__io_wait_start(yc__loop *l, yc__io_wait *w, int fd, int dir) {
  if (fd < 0)
    return -EBADF;
  if (fds_reserve(l, fd))
    return YC_ENOMEM;
  yc__fdrec *r = &l->fds[fd];
  yc__io_wait **slot = dir ? &r->wr : &r->rd;
  if (*slot)
    return -EBUSY;
  unsigned bit = dir ? YC__EV_WRITE : YC__EV_READ;
  unsigned want = r->want | bit;
  /* Interest nobody waits on may be stale (fd closed and its number
   * reused): renew it with the backend rather than trust it. */
  if ((want & ~r->have) || !r->want) {
    int err = l->ops->update(l->be, fd, r->have, want);
    if (err)
      return err;
    r->have = (unsigned char)want;
  }
  r->want = (unsigned char)want;
  *slot = w;
  w->task = l->current;
  w->fd = fd;
  w->err = 0;
  l->nwaiting_fds++;
  return 0;
}

/* Drop w from its slot; the backend hears of it before the next wait. */
static void io_unregister(yc__loop *l, yc__io_wait *w, int dir) {
  yc__fdrec *r = &l->fds[w->fd];
  yc__io_wait **slot = dir ? &r->wr : &r->rd;
  if (*slot == w) {
    *slot = NULL;
    r->want &= (unsigned char)~(dir ? YC__EV_WRITE : YC__EV_READ);
    mark_dirty(l, w->fd);
    l->nwaiting_fds--;
  }
  w->task = NULL;
}

void yc__io_wait_stop(yc__loop *l, yc__io_wait *w, int dir) {
  if (w->task)
    io_unregister(l, w, dir);
}

static void io_fire(yc__loop *l, yc__io_wait *w, int dir, int err) {
  yc__task *t = w->task;
  io_unregister(l, w, dir);
  w->err = err;
  yc__task_wake(t);
}

static void on_event(void *arg, int fd, unsigned ev) {
  yc__loop *l = arg;
  if (fd < 0 || (size_t)fd >= l->nfds)
    return;
  yc__fdrec *r = &l->fds[fd];
  if (r->rd && (ev & (YC__EV_READ | YC__EV_ERROR)))
    io_fire(l, r->rd, 0, 0);
  if (r->wr && (ev & (YC__EV_WRITE | YC__EV_ERROR)))
    io_fire(l, r->wr, 1, 0);
}

static void flush_dirty(yc__loop *l) {
  for (size_t i = 0; i < l->ndirty; i++) {
    yc__fdrec *r = &l->fds[l->dirty[i]];
    r->dirty = false;
    if (r->have != r->want) {
      /* Only removals are deferred; one failing (the fd was closed) leaves
       * nothing registered that we know of. */
      (void)l->ops->update(l->be, l->dirty[i], r->have, r->want);
      r->have = r->want;
    }
  }
  l->ndirty = 0;
}

/* The backend broke (not EINTR): fail every descriptor wait with err. */
static void fail_all_io(yc__loop *l, int err) {
  for (size_t fd = 0; fd < l->nfds; fd++) {
    yc__fdrec *r = &l->fds[fd];
    if (r->rd)
      io_fire(l, r->rd, 0, err);
    if (r->wr)
      io_fire(l, r->wr, 1, err);
  }
}

/* ---- Timers ---------------------------------------------------------------- */

int yc__timer_start(yc__loop *l, yc__sleep_timer *st, uint64_t ms) {
  yc__timer_init(&st->t, st);
  st->task = l->current;
  st->fired = false;
  if (ms > UINT64_MAX / 2000000u)
    ms = UINT64_MAX / 2000000u; /* centuries: no overflow */
  return yc__timer_heap_push(&l->timers, &st->t, yc__now_ns() + ms * 1000000u);
}

void yc__timer_stop(yc__loop *l, yc__sleep_timer *st) { yc__timer_heap_remove(&l->timers, &st->t); }

/* The clock is read at most once per turn, and only when a timer is armed
 * (a clock read costs as much as a task switch on some VMs): poll_timeout
 * and fire_timers share the reading, and it resolves the deadline scopes
 * entered since the last one (deadline.c) before anything is compared
 * with it.  0: not read yet this turn. */
static inline uint64_t turn_now(yc__loop *l, uint64_t *now) {
  if (!*now) {
    *now = yc__now_ns();
    if (l->dl_pending)
      yc__deadline_resolve(l, *now);
  }
  return *now;
}

static int poll_timeout(yc__loop *l, uint64_t *now) {
  if (l->ready_len)
    return 0;
  /* Pending scopes first: they may be the deadline the loop waits for. */
  if (l->dl_pending)
    turn_now(l, now);
  /* A stale deadline timer (deadline.c) must not keep the loop waiting: with
   * nothing else left, poll without blocking and find the deadlock next turn. */
  bool pruned = yc__deadline_prune(l);
  yc__timer *t = yc__timer_heap_top(&l->timers);
  if (!t)
    return pruned ? 0 : -1;
  if (t->deadline <= turn_now(l, now))
    return 0;
  /* Round up: waking before the deadline would only cost another turn. */
  uint64_t ms = (t->deadline - *now + 999999u) / 1000000u;
  return ms > INT_MAX ? INT_MAX : (int)ms;
}

/* now: the reading poll_timeout took before the loop blocked (then too old:
 * read again, after the wait), or 0. */
/* Whether this turn may skip the precise clock read (a busy loop with
 * only far timers and long pending scopes): the coarse clock (a few ns to
 * read, where the precise one can cost a task switch) is behind the real
 * time by at most a tick, so a top timer beyond coarse + two ticks cannot
 * be due; were the coarse clock further behind, a timer would only fire a
 * turn late, never early (what fires is always compared with the precise
 * clock).  Pending scopes of YC__DL_LAZY_NS or more wait until the coarse
 * clock ticks after the loop first saw them (so about a tick late); a
 * shorter one is resolved now. */
static bool timers_skip(yc__loop *l) {
  if (!l->coarse_slack || l->dl_urgent)
    return false;
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
  uint64_t c = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
  if (l->dl_pending) {
    if (!l->dl_stamp)
      l->dl_stamp = c;
    else if (c != l->dl_stamp)
      return false;
  }
  return l->timers.v[0]->deadline > c + l->coarse_slack;
}

static void fire_timers(yc__loop *l, uint64_t now) {
  if (!l->timers.len)
    return; /* no clock read per turn when no timer is armed */
  if (!now && timers_skip(l))
    return;
  turn_now(l, &now);
  /* The heap's top read inline: most turns have nothing due. */
  if (l->timers.v[0]->deadline > now)
    return;
  yc__timer *t;
  while ((t = yc__timer_heap_pop_expired(&l->timers, now))) {
    yc__sleep_timer *st = t->data;
    if (!st) { /* a task's deadline timer (deadline.c) */
      yc__deadline_fire((yc__task *)(void *)((char *)t - offsetof(yc__task, dl_timer)), now);
      continue;
    }
    st->fired = true;
    yc__task_wake(st->task);
  }
}

/* ---- The loop ---------------------------------------------------------------- */

/* Nothing is ready and nothing can happen: cancel everything.  If that
 * frees nobody (tasks awaiting each other in a cycle), throw into the
 * awaiters directly. */
static void break_deadlock(yc__loop *l) {
  l->deadlocked = true;
  for (yc__task *t = l->tasks; t; t = t->next)
    yc__task_cancel(t);
  if (l->ready_len)
    return;
  for (yc__task *t = l->tasks; t; t = t->next) {
    unlink_waiter(t);
    t->throw_code = YC_ECANCELLED;
    yc__task_wake(t);
  }
}

/* A turn when tasks are ready and nothing else is pending (every turn of a
 * busy program that is not waiting for I/O or a timer) goes straight to the
 * drives: no clock read, no poll, and the record of the task driven last in
 * the previous turn is left for the first drive to overwrite (nothing but
 * drives runs in such a turn; run_turns clears it when it returns).  Any
 * other turn clears it first: timers, I/O events and the deadlock breaker
 * cancel and wake tasks, and must not take one for the running task. */
static void turn(yc__loop *l) {
  if (__builtin_expect(!l->ready_len || l->ndirty || l->nwaiting_fds || l->timers.len, 0)) {
    clear_current(l);
    if (l->ndirty)
      flush_dirty(l);
    if (!l->ready_len && !l->nwaiting_fds && !l->timers.len) {
      break_deadlock(l);
      return;
    }
    uint64_t now = 0;
    if (!l->ready_len || l->nwaiting_fds) { /* else: nothing to poll for */
      int timeout = poll_timeout(l, &now);
      if (l->nwaiting_fds || timeout != 0) {
        now = 0; /* the wait takes time: fire_timers reads the clock anew */
        tls_stats.polls++;
        if (timeout != 0 && l->ready_len)
          tls_stats.blocking_polls_while_ready++; /* must never happen */
        int n = l->ops->wait(l->be, timeout, on_event, l);
        if (n < 0)
          fail_all_io(l, n);
      }
    }
    if (l->timers.len)
      fire_timers(l, now);
  }
  tls_stats.turns++;
  for (size_t n = l->ready_len; n > 0 && l->ready_len; n--) {
    yc__task *t = ready_pop(l);
    t->queued = false;
    drive(l, t);
  }
}

/* Turn until main's task finishes (main NULL: until no task is left).  One
 * function around the loop of turns, so that turn() and drive() are inlined
 * into it and a turn costs no call: with one task woken per turn (a
 * capacity-1 channel), the call's register saves were a good part of it. */
static __attribute__((noinline)) void run_turns(yc__loop *l, yc_coro *main) {
  while (main ? yc__aux(main) != NULL : l->ntasks != 0)
    turn(l);
  clear_current(l);
}

static void loop_close(yc__loop *l) {
  if (l->be)
    l->ops->close(l->be);
  yc__timer_heap_free(&l->timers);
  yc__rt_realloc(l->ready, 0);
  yc__rt_realloc(l->fds, 0);
  yc__rt_realloc(l->dirty, 0);
}

int yc__run(yc_task *task, void *result, size_t r_size) {
  yc_coro *c = (yc_coro *)task;
  if (!c)
    return YC_ENOMEM;
  if (tls_loop || (c->flags & YC__F_SPAWNED) || c->status != YC__CREATED ||
      c->type->kind != YC__ASYNC) {
    if (!(c->flags & YC__F_SPAWNED))
      yc__free(c);
    return YC_EINVAL;
  }
  if (result && r_size != c->type->r_size) {
    yc__free(c);
    return YC_ESIZE;
  }
  yc__loop l = {.ops = pick_backend()};
  struct timespec res;
  if (clock_getres(CLOCK_MONOTONIC_COARSE, &res) == 0 && res.tv_sec == 0 && res.tv_nsec <= 10000000)
    l.coarse_slack = 2 * (uint64_t)res.tv_nsec; /* else: no coarse clock worth using */
  int err = l.ops->open(&l.be);
  if (!err)
    err = yc__task_adopt(&l, c);
  if (err) {
    loop_close(&l);
    yc__free(c);
    return err;
  }
  tls_loop = &l;
  run_turns(&l, c);
  /* asyncio.run: cancel what is left and let it finish. */
  for (yc__task *t = l.tasks; t; t = t->next)
    yc__task_cancel(t);
  run_turns(&l, NULL);
  tls_loop = NULL;
  loop_close(&l);

  if (c->status == YC__FAILED) {
    c->flags |= YC__F_ERROR_SEEN;
    err = c->error;
    if (l.deadlocked && err == YC_ECANCELLED)
      err = -EDEADLK;
  } else if (result && (c->flags & YC__F_HAS_RESULT)) {
    memcpy(result, (char *)c + c->type->result_offset, r_size);
  }
  c->flags &= (unsigned short)~YC__F_SPAWNED;
  yc__free_frame(c);
  return err;
}
