/* multiloop.c - one event loop per core: groups of loops on their own
 * threads, their mailboxes, task handles usable from any thread, and the
 * objects other loops wait on (multiloop_internal.h).
 *
 * Each loop thread runs yc_run on a "host" task written by hand (an async
 * frame whose resume function is below): it waits for its mailbox's
 * eventfd to be readable, like any task waits for a descriptor, then
 * carries out what the mailbox holds (start a task, cancel one, retry the
 * waits on an object that changed, stop).  The loop core does not know it
 * is one of many: the only hook in it is the finish of a task started here
 * (yc__xtask_finished), one pointer test per finished task. */
#include <errno.h>
#include <sched.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include "alloc.h"
#include "loop_internal.h"
#include "multiloop_internal.h"
#include "yieldc/loop.h"

__thread int yc__xslot = -1;

/* ---- Mailboxes (one per slot, static: never freed) ----------------------- */

typedef struct mbox {
  yc__spin mu;
  yc__msg *head, *tail;
  /* The eventfd the loop's poll watches: made when the slot first starts
   * a loop and kept for good, so that a poster may write it after letting
   * go of the lock (a late write only wakes a loop for nothing). */
  int efd;
  bool open;      /* its loop takes messages */
  bool signalled; /* efd written since the loop last drained it */
  yc__msg stop;
} mbox;

static mbox boxes[YC_LOOPS_MAX];
static bool slot_used[YC_LOOPS_MAX];
static pthread_mutex_t slots_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t boxes_once = PTHREAD_ONCE_INIT;

static void boxes_init(void) {
  for (int i = 0; i < YC_LOOPS_MAX; i++) {
    atomic_init(&boxes[i].mu.held, false);
    boxes[i].efd = -1;
  }
}

/* Queue m for slot's loop; false (nothing queued) when that loop does not
 * take messages (stopped, or never started). */
static bool post(int slot, yc__msg *m) {
  mbox *b = &boxes[slot];
  yc__spin_lock(&b->mu);
  if (!b->open) {
    yc__spin_unlock(&b->mu);
    return false;
  }
  m->next = NULL;
  if (b->tail)
    b->tail->next = m;
  else
    b->head = m;
  b->tail = m;
  bool wake = !b->signalled;
  b->signalled = true;
  int efd = b->efd;
  yc__spin_unlock(&b->mu);
  if (wake) {
    uint64_t one = 1;
    /* Cannot fail short of a counter overflow (never: it is read back). */
    ssize_t w = write(efd, &one, sizeof one);
    (void)w;
  }
  return true;
}

/* Everything queued for slot (and close the box when `close`). */
static yc__msg *take_all(int slot, bool shut) {
  mbox *b = &boxes[slot];
  /* Read first: a post after the read but before `signalled` is cleared
   * below is taken with the rest; one after it writes again. */
  uint64_t v;
  ssize_t r = read(b->efd, &v, sizeof v);
  (void)r;
  yc__spin_lock(&b->mu);
  yc__msg *m = b->head;
  b->head = b->tail = NULL;
  b->signalled = false;
  if (shut)
    b->open = false;
  yc__spin_unlock(&b->mu);
  return m;
}

/* ---- Objects other loops wait on ----------------------------------------- */

void yc__xobj_init(yc__xobj *x, unsigned char kind) {
  atomic_init(&x->mu.held, false);
  atomic_init(&x->refs, 1);
  x->waitmask = x->notified = 0;
  x->kind = kind;
}

void yc__spin_wait(yc__spin *l) {
  for (unsigned n = 0;; n++) {
    while (atomic_load_explicit(&l->held, memory_order_relaxed)) {
      if (++n < 100) {
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#endif
      } else
        sched_yield(); /* the holder may have been preempted */
    }
    if (!atomic_exchange_explicit(&l->held, true, memory_order_acquire))
      return;
  }
}

void yc__xobj_ref(yc__xobj *x) { atomic_fetch_add_explicit(&x->refs, 1, memory_order_relaxed); }

static void xtask_destroy(yc_xtask *h);

void yc__xobj_unref(yc__xobj *x) {
  if (atomic_fetch_sub_explicit(&x->refs, 1, memory_order_acq_rel) != 1)
    return;
  if (x->kind == YC__XOBJ_TASK)
    xtask_destroy((yc_xtask *)(void *)x);
  else
    yc__xchan_destroy(x);
}

void yc__xobj_notify_locked(yc__xobj *x) {
  uint64_t mask = x->waitmask & ~x->notified;
  while (mask) {
    int i = __builtin_ctzll(mask);
    uint64_t bit = (uint64_t)1 << i;
    mask &= mask - 1;
    x->notified |= bit;
    yc__xobj_ref(x); /* the message's */
    yc__msg *m = &x->notes[i];
    m->kind = YC__MSG_NOTIFY;
    m->slot = (unsigned char)i;
    m->obj = x;
    if (!post(i, m)) {
      /* That loop has stopped: its waiters are gone. */
      x->notified &= ~bit;
      x->waitmask &= ~bit;
      atomic_fetch_sub_explicit(&x->refs, 1, memory_order_relaxed); /* the caller holds one */
    }
  }
}

/* The NOTIFY of x reached this thread's loop: it is told no more until it
 * registers again (which its retries do). */
static void notify_received(yc__xobj *x) {
  uint64_t bit = (uint64_t)1 << yc__xslot;
  yc__spin_lock(&x->mu);
  x->notified &= ~bit;
  x->waitmask &= ~bit;
  yc__spin_unlock(&x->mu);
}

/* ---- Task handles ------------------------------------------------------------ */

struct yc_xtask {
  yc__xobj x;
  pthread_mutex_t jmu; /* yc_xtask_join's sleep (the spinlock is no mutex) */
  pthread_cond_t cv;
  bool joinable;       /* done, under jmu */
  yc_coro *task;       /* the frame, until it finishes (its loop's thread only) */
  int slot;            /* the loop it runs on */
  bool done;           /* finished (or never started): error is its outcome */
  bool cancel_pending; /* cancel_msg is queued */
  bool has_result;
  int error;
  size_t r_size;
  yc__msg spawn_msg, cancel_msg;
  unsigned char result[];
};

static void xtask_destroy(yc_xtask *h) {
  pthread_cond_destroy(&h->cv);
  pthread_mutex_destroy(&h->jmu);
  yc__dealloc(h);
}

/* A wait of a task of this thread's loop on a handle: the frame of
 * yc_xtask_wait, listed here while it waits. */
typedef struct xwait {
  yc_coro hdr;
  void *aux; /* yc__aux: async frames carry it after the header */
  yc_xtask *h;
  yc__task *task;
  struct xwait *prev, *next;
  bool listed;
  int result;
} xwait;

static __thread xwait *xwaits;

static void xwait_unlist(xwait *w) {
  if (!w->listed)
    return;
  if (w->prev)
    w->prev->next = w->next;
  else
    xwaits = w->next;
  if (w->next)
    w->next->prev = w->prev;
  w->listed = false;
}

static void complete_locked(yc_xtask *h, int err) {
  h->done = true;
  h->error = err;
  yc__xobj_notify_locked(&h->x);
}

/* After complete_locked, the lock released: wake the joiners. */
static void join_wake(yc_xtask *h) {
  pthread_mutex_lock(&h->jmu);
  h->joinable = true;
  pthread_cond_broadcast(&h->cv);
  pthread_mutex_unlock(&h->jmu);
}

void yc__xtask_finished(yc_xtask *h, yc_coro *c) {
  yc__spin_lock(&h->x.mu);
  int err = 0;
  if (c->status == YC__FAILED) {
    c->flags |= YC__F_ERROR_SEEN; /* reported through the handle */
    err = c->error;
  } else if (h->r_size && (c->flags & YC__F_HAS_RESULT)) {
    memcpy(h->result, (char *)c + c->type->result_offset, h->r_size);
    h->has_result = true;
  }
  h->task = NULL;
  complete_locked(h, err);
  yc__spin_unlock(&h->x.mu);
  join_wake(h);
  yc__xobj_unref(&h->x); /* the loop's */
}

/* The NOTIFY of handle h reached this loop: complete the waits on it. */
static void xtask_notified(yc_xtask *h) {
  notify_received(&h->x);
  xwait *next;
  for (xwait *w = xwaits; w; w = next) {
    next = w->next;
    if (w->h != h)
      continue;
    yc__spin_lock(&h->x.mu);
    bool done = h->done;
    if (done)
      w->result = h->error;
    else
      yc__xobj_register_locked(&h->x);
    yc__spin_unlock(&h->x.mu);
    if (done) {
      xwait_unlist(w);
      yc__task_wake(w->task);
    }
  }
}

static int xwait_resume(yc_coro *c, void *out, const void *in) {
  xwait *w = (xwait *)c;
  (void)out, (void)in;
  if (c->flags & (YC__F_THROW | YC__F_CLOSE)) {
    if (!w->listed && c->state == 1 && !(c->flags & YC__F_CLOSE) &&
        (c->error == YC_ECANCELLED || c->error == YC_ETIMEDOUT))
      return yc__leaf_return(c); /* done already: the cancel comes later */
    xwait_unlist(w);
    return yc__leaf_fail(c, c->error);
  }
  if (c->state == 1)
    return w->listed ? YC__PENDING : yc__leaf_return(c);
  yc__task *t = yc__task_current();
  if (!w->h || !t || yc__xslot < 0)
    return yc__leaf_fail(c, YC_EINVAL);
  yc_xtask *h = w->h;
  yc__spin_lock(&h->x.mu);
  bool done = h->done;
  if (done)
    w->result = h->error;
  else
    yc__xobj_register_locked(&h->x);
  yc__spin_unlock(&h->x.mu);
  if (done)
    return yc__leaf_return(c);
  w->task = t;
  w->prev = NULL;
  w->next = xwaits;
  if (xwaits)
    xwaits->prev = w;
  xwaits = w;
  w->listed = true;
  c->state = 1;
  return YC__PENDING;
}

static const yc__coro_type xwait_type = {"yc_xtask_wait", xwait_resume, sizeof(xwait), 0, 0,
                                         sizeof(int), offsetof(xwait, result), YC__LEAF, 0};

yc_task *yc_xtask_wait(yc_xtask *h) {
  xwait *w = yc__frame_new(&xwait_type);
  if (w)
    w->h = h;
  return (yc_task *)w;
}

int yc_xtask_join(yc_xtask *h) {
  if (!h || yc__loop_current())
    return YC_EINVAL;
  pthread_mutex_lock(&h->jmu);
  while (!h->joinable)
    pthread_cond_wait(&h->cv, &h->jmu);
  pthread_mutex_unlock(&h->jmu);
  yc__spin_lock(&h->x.mu);
  int err = h->error;
  yc__spin_unlock(&h->x.mu);
  return err;
}

bool yc_xtask_done(yc_xtask *h) {
  if (!h)
    return false;
  yc__spin_lock(&h->x.mu);
  bool d = h->done;
  yc__spin_unlock(&h->x.mu);
  return d;
}

bool yc__xtask_result(yc_xtask *h, void *r, size_t r_size) {
  if (!h || !r)
    return false;
  yc__spin_lock(&h->x.mu);
  bool ok = h->done && !h->error && r_size == h->r_size;
  if (ok)
    memcpy(r, h->result, r_size); /* zero when it returned without a value */
  yc__spin_unlock(&h->x.mu);
  return ok;
}

bool yc_xtask_cancel(yc_xtask *h) {
  if (!h)
    return false;
  yc__spin_lock(&h->x.mu);
  bool live = !h->done;
  if (live && !h->cancel_pending) {
    h->cancel_pending = true;
    yc__xobj_ref(&h->x);
    h->cancel_msg.kind = YC__MSG_CANCEL;
    h->cancel_msg.obj = h;
    if (!post(h->slot, &h->cancel_msg)) {
      h->cancel_pending = false;
      atomic_fetch_sub_explicit(&h->x.refs, 1, memory_order_relaxed);
    }
  }
  yc__spin_unlock(&h->x.mu);
  return live;
}

void yc_xtask_free(yc_xtask *h) {
  if (h)
    yc__xobj_unref(&h->x);
}

/* A task that will never run: its handle reports err. */
static void spawn_refused(yc_xtask *h, yc_coro *c, int err) {
  yc__free(c);
  yc__spin_lock(&h->x.mu);
  h->task = NULL;
  complete_locked(h, err);
  yc__spin_unlock(&h->x.mu);
  join_wake(h);
}

/* ---- Groups ---------------------------------------------------------------------- */

typedef struct mloop {
  yc_loops *g;
  int slot;
  pthread_t th;
  bool thread_ok;
} mloop;

struct yc_loops {
  size_t n;
  atomic_uint rr;
  bool started, joined;
  atomic_bool stopped;
  mloop v[];
};

yc_loops *yc_loops_new(size_t n) {
  if (!n) {
    long c = sysconf(_SC_NPROCESSORS_ONLN);
    n = c > 0 ? (size_t)c : 1;
  }
  if (n > YC_LOOPS_MAX)
    return NULL;
  pthread_once(&boxes_once, boxes_init);
  yc_loops *g = yc__calloc(1, sizeof *g + n * sizeof g->v[0]);
  if (!g)
    return NULL;
  g->n = n;
  atomic_init(&g->rr, 0);
  atomic_init(&g->stopped, false);
  pthread_mutex_lock(&slots_mu);
  size_t got = 0;
  for (int i = 0; i < YC_LOOPS_MAX && got < n; i++)
    if (!slot_used[i]) {
      slot_used[i] = true;
      g->v[got].g = g;
      g->v[got++].slot = i;
    }
  if (got < n) {
    for (size_t k = 0; k < got; k++)
      slot_used[g->v[k].slot] = false;
    pthread_mutex_unlock(&slots_mu);
    yc__dealloc(g);
    return NULL;
  }
  pthread_mutex_unlock(&slots_mu);
  return g;
}

size_t yc_loops_count(const yc_loops *g) { return g ? g->n : 0; }

int yc_loops_self(const yc_loops *g) {
  if (!g || yc__xslot < 0)
    return -1;
  for (size_t i = 0; i < g->n; i++)
    if (g->v[i].slot == yc__xslot)
      return (int)i;
  return -1;
}

/* The host task of a loop thread. */
typedef struct host {
  yc_coro hdr;
  void *aux;
  int slot;
  bool stopping;
  bool waiting; /* iow is registered */
  yc__io_wait iow;
} host;

static void handle_msg(yc__msg *m, bool dead, host *hs) {
  switch (m->kind) {
  case YC__MSG_SPAWN: {
    yc_xtask *h = m->obj;
    yc_coro *c = h->task;
    if (dead) {
      spawn_refused(h, c, YC_ECANCELLED);
      yc__xobj_unref(&h->x);
    } else if (yc__task_adopt(yc__loop_current(), c)) {
      spawn_refused(h, c, YC_ENOMEM);
      yc__xobj_unref(&h->x);
    } else {
      yc__task *t = yc__aux(c);
      t->xh = h; /* the message's reference is now the loop's */
      t->detached = true;
    }
    break;
  }
  case YC__MSG_CANCEL: {
    yc_xtask *h = m->obj;
    yc__spin_lock(&h->x.mu);
    h->cancel_pending = false;
    bool live = !h->done;
    yc__spin_unlock(&h->x.mu);
    /* done is only set on this thread: h->task stays valid meanwhile. */
    if (live && !dead && h->task && yc__aux(h->task))
      yc__task_cancel(yc__aux(h->task));
    yc__xobj_unref(&h->x);
    break;
  }
  case YC__MSG_NOTIFY: {
    yc__xobj *x = m->obj;
    if (dead)
      notify_received(x);
    else if (x->kind == YC__XOBJ_TASK)
      xtask_notified((yc_xtask *)(void *)x);
    else
      yc__xchan_notified(x);
    yc__xobj_unref(x);
    break;
  }
  case YC__MSG_STOP:
    if (hs)
      hs->stopping = true;
    break;
  default:
    break;
  }
}

static int host_resume(yc_coro *c, void *out, const void *in) {
  host *hs = (host *)c;
  yc__loop *l = yc__loop_current();
  (void)out, (void)in;
  if (hs->waiting) {
    yc__io_wait_stop(l, &hs->iow, 0); /* no-op when it fired */
    hs->waiting = false;
  }
  if (c->flags & (YC__F_THROW | YC__F_CLOSE))
    return yc__leaf_fail(c, c->error);
  yc__msg *m = take_all(hs->slot, false), *next;
  for (; m; m = next) {
    next = m->next; /* m may be freed by its handling */
    handle_msg(m, false, hs);
  }
  if (hs->stopping)
    return yc__leaf_return(c);
  int err = yc__io_wait_start(l, &hs->iow, boxes[hs->slot].efd, 0);
  if (err)
    return yc__leaf_fail(c, err);
  hs->waiting = true;
  c->state = 1;
  return YC__PENDING;
}

static const yc__coro_type host_type = {"yc_loops host", host_resume, sizeof(host), 0, 0, 0, 0,
                                        YC__ASYNC, 0};

static void *loop_thread(void *arg) {
  mloop *ml = arg;
  yc__xslot = ml->slot;
  host *hs = yc__frame_new(&host_type);
  if (hs) {
    hs->slot = ml->slot;
    (void)yc_run((yc_task *)hs, (char *)NULL);
  }
  /* Closed: later posts fail and their senders deal with it; what came
   * before is answered here. */
  yc__msg *m = take_all(ml->slot, true), *next;
  for (; m; m = next) {
    next = m->next;
    handle_msg(m, true, NULL);
  }
  yc__xslot = -1;
  return NULL;
}

int yc_loops_start(yc_loops *g) {
  if (!g || g->started || atomic_load(&g->stopped))
    return YC_EINVAL;
  g->started = true;
  for (size_t i = 0; i < g->n; i++) {
    mbox *b = &boxes[g->v[i].slot];
    if (b->efd < 0) {
      /* (Only this group owns the slot now: no one posts to it yet.) */
      b->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
      if (b->efd < 0) {
        atomic_store(&g->stopped, true);
        return -errno; /* no box of g is open: spawns are refused */
      }
    }
  }
  for (size_t i = 0; i < g->n; i++) {
    mbox *b = &boxes[g->v[i].slot];
    yc__msg *stale = take_all(g->v[i].slot, false); /* empty: the box was closed */
    (void)stale;
    yc__spin_lock(&b->mu);
    b->open = true;
    yc__spin_unlock(&b->mu);
  }
  for (size_t i = 0; i < g->n; i++) {
    int e = pthread_create(&g->v[i].th, NULL, loop_thread, &g->v[i]);
    if (e) {
      /* Loops without a thread: close their boxes, answering what was
       * posted (nothing yet: spawns come after start returns). */
      for (size_t k = i; k < g->n; k++)
        (void)take_all(g->v[k].slot, true);
      yc_loops_stop(g);
      return -e;
    }
    g->v[i].thread_ok = true;
  }
  return 0;
}

void yc_loops_stop(yc_loops *g) {
  if (!g || atomic_exchange(&g->stopped, true))
    return;
  for (size_t i = 0; i < g->n; i++) {
    mbox *b = &boxes[g->v[i].slot];
    b->stop.kind = YC__MSG_STOP;
    (void)post(g->v[i].slot, &b->stop);
  }
}

void yc_loops_join(yc_loops *g) {
  /* A loop cannot wait for its own thread. */
  if (!g || g->joined || yc_loops_self(g) >= 0)
    return;
  g->joined = true;
  for (size_t i = 0; i < g->n; i++)
    if (g->v[i].thread_ok)
      pthread_join(g->v[i].th, NULL);
}

void yc_loops_free(yc_loops *g) {
  if (!g)
    return;
  yc_loops_stop(g);
  if (yc_loops_self(g) >= 0)
    return; /* misuse (from one of its loops): stopped, not freed */
  yc_loops_join(g);
  pthread_mutex_lock(&slots_mu);
  for (size_t i = 0; i < g->n; i++)
    slot_used[g->v[i].slot] = false;
  pthread_mutex_unlock(&slots_mu);
  yc__dealloc(g);
}

yc_xtask *yc_loops_spawn(yc_loops *g, int loop, yc_task *task) {
  yc_coro *c = (yc_coro *)task;
  if (!c)
    return NULL;
  if (!g || !g->started || atomic_load(&g->stopped) || loop >= (int)g->n ||
      (c->flags & YC__F_SPAWNED) || c->status != YC__CREATED || c->type->kind != YC__ASYNC) {
    if (!(c->flags & YC__F_SPAWNED))
      yc__free(c);
    return NULL;
  }
  size_t idx = loop >= 0 ? (size_t)loop : atomic_fetch_add(&g->rr, 1) % g->n;
  yc_xtask *h = yc__calloc(1, sizeof *h + c->type->r_size);
  if (!h) {
    yc__free(c);
    return NULL;
  }
  yc__xobj_init(&h->x, YC__XOBJ_TASK);
  atomic_store(&h->x.refs, 2); /* the caller's and the spawn message's */
  pthread_cond_init(&h->cv, NULL);
  pthread_mutex_init(&h->jmu, NULL);
  h->task = c;
  h->slot = g->v[idx].slot;
  h->r_size = c->type->r_size;
  h->spawn_msg.kind = YC__MSG_SPAWN;
  h->spawn_msg.obj = h;
  if (!post(h->slot, &h->spawn_msg)) {
    spawn_refused(h, c, YC_ECANCELLED);
    yc__xobj_unref(&h->x);
  }
  return h;
}

int yc__loops_run(size_t n, yc_task *task, void *result, size_t r_size) {
  yc_coro *c = (yc_coro *)task;
  if (!c)
    return YC_ENOMEM;
  if (yc__loop_current() || (result && r_size != c->type->r_size)) {
    if (!(c->flags & YC__F_SPAWNED))
      yc__free(c);
    return yc__loop_current() ? YC_EINVAL : YC_ESIZE;
  }
  yc_loops *g = yc_loops_new(n);
  if (!g) {
    yc__free(c);
    return YC_ENOMEM;
  }
  int err = yc_loops_start(g);
  if (err) {
    yc__free(c);
    yc_loops_free(g);
    return err;
  }
  yc_xtask *h = yc_loops_spawn(g, 0, task);
  if (!h)
    err = YC_ENOMEM;
  else {
    err = yc_xtask_join(h);
    if (!err && result)
      (void)yc__xtask_result(h, result, r_size);
    yc_xtask_free(h);
  }
  yc_loops_free(g);
  return err;
}

/* ---- Shared listening sockets -------------------------------------------------- */

int yc_listen_reuseport(const char *host_ip, unsigned short port, int backlog) {
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_ANY);
  if (host_ip && inet_pton(AF_INET, host_ip, &a.sin_addr) != 1)
    return -EINVAL;
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return -errno;
  int one = 1;
  if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) ||
      setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) ||
      bind(fd, (struct sockaddr *)&a, sizeof a) ||
      listen(fd, backlog > 0 ? backlog : SOMAXCONN)) {
    int e = errno;
    close(fd);
    return -e;
  }
  return fd;
}
