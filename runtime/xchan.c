/* xchan.c - channels shared by the loops of yc_loops groups
 * (yc_chan_new_shared): the same API as a channel of one loop, the items
 * and state behind a mutex.
 *
 * The struct yc_chan of a shared channel keeps its inline-read fields
 * frozen (no buffer, so both windows stay closed; recv_slow set; no
 * waiters), so the
 * fast paths of yieldc/chan.h never complete anything on it and never read
 * a field another thread writes; the out-of-line entries of chan.c and
 * select.c branch here (yc__chan_shared).
 *
 * Waiting: an operation that cannot complete registers its loop in the
 * channel's wait set (under the lock, in the same hold as its failed try,
 * so no change can slip in between) and its record in this thread's list
 * of shared waits.  Every change of the channel (an item in or out, a
 * close) sends its NOTIFY to each registered loop (one pending per loop),
 * and that loop retries each of its waits on the channel on its own thread:
 * under the lock, the wait either completes (item copied, record done, task
 * woken) or registers again.  A wait is thus only ever completed by its own
 * loop, which is also the only one that can cancel it: a cancellation
 * either finds it waiting (it is taken out of the list, nothing moved) or
 * done (the item is the task's; the cancel arrives at the next suspension
 * point), as on one loop.  No item is handed to a record another thread
 * could be freeing.  A rendezvous (capacity 0) needs a hand-over between
 * threads and is not provided. */
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "chan_internal.h"
#include "multiloop_internal.h"

typedef struct yc__xchan {
  yc__xobj x; /* first: the NOTIFY's object */
  size_t cap, esz;
  unsigned char *buf;
  size_t head, count;
  bool closed;
} yc__xchan;

char yc__xlisted;

/* This thread's waits on shared channels, linked through their (unused)
 * node's next / prev. */
static __thread yc__wait *xlist;

static void list_add(yc__wait *w) {
  w->node.w = (yc__wait *)(void *)&yc__xlisted;
  w->node.prev = NULL;
  w->node.next = xlist ? &xlist->node : NULL;
  if (xlist)
    xlist->node.prev = &w->node;
  xlist = w;
}

static yc__wait *node_wait(yc__wnode *n) {
  return n ? (yc__wait *)(void *)((char *)n - offsetof(yc__wait, node)) : NULL;
}

static void list_remove(yc__wait *w) {
  if (w->node.prev)
    w->node.prev->next = w->node.next;
  else
    xlist = node_wait(w->node.next);
  if (w->node.next)
    w->node.next->prev = w->node.prev;
  w->node.next = w->node.prev = NULL;
  w->node.w = w;
  w->node.ch = NULL;
}

void yc__xwait_forget(yc__wait *w) {
  if (w->node.w == (yc__wait *)(void *)&yc__xlisted)
    list_remove(w);
}

/* ---- Items, under x.mu ------------------------------------------------------ */

static bool try_send_locked(yc__xchan *s, const void *item, int *r) {
  if (s->closed) {
    *r = YC_ECLOSED;
    return true;
  }
  if (s->count == s->cap)
    return false;
  size_t i = s->head + s->count;
  if (i >= s->cap)
    i -= s->cap;
  if (s->esz)
    memcpy(s->buf + i * s->esz, item, s->esz);
  s->count++;
  *r = 0;
  if (s->x.waitmask & ~s->x.notified)
    yc__xobj_notify_locked(&s->x);
  return true;
}

static bool try_recv_locked(yc__xchan *s, void *dst, bool *r) {
  if (s->count) {
    if (s->esz && dst)
      memcpy(dst, s->buf + s->head * s->esz, s->esz);
    if (++s->head == s->cap)
      s->head = 0;
    s->count--;
    *r = true;
    if (s->x.waitmask & ~s->x.notified)
      yc__xobj_notify_locked(&s->x);
    return true;
  }
  if (s->closed) {
    *r = false;
    return true;
  }
  return false;
}

static bool try_op_locked(yc__xchan *s, bool send, void *item, void *r) {
  return send ? try_send_locked(s, item, r) : try_recv_locked(s, item, r);
}

static bool ready_locked(const yc__xchan *s, bool send) {
  return s->closed || (send ? s->count < s->cap : s->count != 0);
}

/* ---- Single operations ---------------------------------------------------- */

static void done_wake(yc__wait *w, yc__task *t, int result) {
  w->result = result;
  w->state = YC__WAIT_DONE;
  w->task = NULL;
  yc__task_wake(t);
}

int yc__xchan_op(yc_chan *ch, bool send, void *item, void *r, yc__wait *w, yc__task *t) {
  yc__xchan *s = ch->shared;
  if (w && (!t || yc__xslot < 0))
    w = NULL; /* no loop of a group to wake it: try only */
  yc__spin_lock(&s->x.mu);
  bool done = try_op_locked(s, send, item, r);
  if (!done && w)
    yc__xobj_register_locked(&s->x);
  yc__spin_unlock(&s->x.mu);
  if (done)
    return YC__OP_DONE;
  if (!w)
    return YC__OP_REFUSED;
  w->task = t;
  w->cases = NULL;
  w->n = 0;
  w->op = send ? YC__WAIT_SEND : YC__WAIT_RECV;
  w->state = YC__WAIT_WAITING;
  w->node.item = item;
  list_add(w);
  w->node.ch = ch;
  return YC__OP_PARKED;
}

int yc__xchan_send_or_park(yc_chan *ch, const void *v, size_t v_size, int *r, yc__wait *w) {
  yc__task *t = yc__task_current();
  if (!t || !w || v_size > sizeof w->item || w->state == YC__WAIT_WAITING) {
    /* Cannot park in w: complete it at once or let the await do it. */
    return yc__xchan_op(ch, true, (void *)(uintptr_t)v, r, NULL, NULL);
  }
  memcpy(w->item, v, v_size);
  return yc__xchan_op(ch, true, w->item, r, w, t);
}

/* ---- Select -------------------------------------------------------------------- */

bool yc__xwait_allowed(void) { return yc__xslot >= 0; }

bool yc__cases_shared(const yc_case *cases, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (cases[i].chan && yc__chan_shared(cases[i].chan))
      return true;
  return false;
}

static bool case_ready(yc_case *k) {
  yc_chan *ch = k->chan;
  if (!yc__chan_shared(ch))
    return k->send ? yc__send_ready(ch) : yc__recv_ready(ch);
  yc__xchan *s = ch->shared;
  yc__spin_lock(&s->x.mu);
  bool ok = ready_locked(s, k->send);
  yc__spin_unlock(&s->x.mu);
  return ok;
}

/* Complete k if it still can: false when a shared case lost a race. */
static bool case_do(yc_case *k) {
  yc_chan *ch = k->chan;
  if (!yc__chan_shared(ch)) {
    yc__case_complete(k);
    return true;
  }
  yc__xchan *s = ch->shared;
  yc__spin_lock(&s->x.mu);
  bool done;
  if (k->send) {
    int r = 0;
    done = try_send_locked(s, k->item, &r);
    k->ok = r == 0;
  } else {
    bool r = false;
    done = try_recv_locked(s, k->item, &r);
    k->ok = r;
  }
  yc__spin_unlock(&s->x.mu);
  return done;
}

int yc__xselect_now(yc_case *cases, size_t n) {
  for (;;) {
    int pick = -1;
    unsigned ready = 0;
    for (size_t i = 0; i < n; i++) {
      if (!cases[i].chan || !case_ready(&cases[i]))
        continue;
      ready++;
      if (ready == 1 || yc__select_rng() % ready == 0)
        pick = (int)i;
    }
    if (pick < 0)
      return -1;
    if (case_do(&cases[pick]))
      return pick;
    /* Another loop took it between the look and the move: look again. */
  }
}

static void register_shared(yc_case *cases, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (cases[i].chan && yc__chan_shared(cases[i].chan)) {
      yc__xchan *s = cases[i].chan->shared;
      yc__spin_lock(&s->x.mu);
      yc__xobj_register_locked(&s->x);
      yc__spin_unlock(&s->x.mu);
    }
}

/* Registered first, then tried: a change after the registration sends a
 * NOTIFY, one before it is seen by the try. */
static bool select_attempt(yc__wait *w, yc__task *t) {
  register_shared(w->cases, w->n);
  int i = yc__xselect_now(w->cases, w->n);
  if (i < 0)
    return false;
  done_wake(w, t, i);
  return true;
}

static void queue_local(yc__wait *w) {
  for (size_t j = 0; j < w->n; j++) {
    yc_case *k = &w->cases[j];
    if (k->chan && !yc__chan_shared(k->chan))
      yc__node_queue(k->chan, &k->yc__node, k->send);
  }
}

void yc__xselect_wait(yc__wait *w, yc__task *t, yc_case *cases, size_t n) {
  w->task = t;
  w->cases = cases;
  w->n = n;
  w->op = YC__WAIT_SELECT;
  w->state = YC__WAIT_WAITING;
  for (size_t i = 0; i < n; i++)
    cases[i].yc__node = (yc__wnode){.w = w, .item = cases[i].item};
  if (yc__xslot < 0) {
    /* No loop of a group: only the local cases can wake it. */
    int i = yc__xselect_now(cases, n);
    if (i >= 0)
      done_wake(w, t, i);
    else
      queue_local(w);
    return;
  }
  if (select_attempt(w, t))
    return;
  queue_local(w);
  list_add(w);
}

/* ---- NOTIFY: retry this loop's waits on the channel --------------------- */

void yc__xchan_notified(yc__xobj *x) {
  yc__xchan *s = (yc__xchan *)(void *)x;
  uint64_t bit = (uint64_t)1 << yc__xslot;
  yc__spin_lock(&x->mu);
  x->notified &= ~bit;
  x->waitmask &= ~bit;
  yc__spin_unlock(&x->mu);
  /* A completed wait may complete others on its way (a select's local
   * case hands an item to a local select that also waits here, which
   * leaves the list): start again from the head after each completion.
   * Each restart follows a wait leaving the list, so this ends. */
  yc__wait *next;
restart:
  for (yc__wait *w = xlist; w; w = next) {
    next = node_wait(w->node.next);
    yc__task *t = w->task;
    if (w->op != YC__WAIT_SELECT) {
      yc_chan *ch = w->node.ch;
      if (!ch || ch->shared != s)
        continue;
      bool send = w->op == YC__WAIT_SEND;
      int ri = 0;
      bool rb = false;
      yc__spin_lock(&x->mu);
      bool done = try_op_locked(s, send, w->node.item, send ? (void *)&ri : (void *)&rb);
      if (!done)
        yc__xobj_register_locked(x);
      yc__spin_unlock(&x->mu);
      if (done) {
        list_remove(w);
        done_wake(w, t, send ? ri : rb);
        goto restart;
      }
      continue;
    }
    bool mine = false;
    for (size_t i = 0; i < w->n && !mine; i++)
      mine = w->cases[i].chan && w->cases[i].chan->shared == s;
    if (!mine)
      continue;
    /* Out of the local queues while it looks, back in if nothing is ready. */
    for (size_t i = 0; i < w->n; i++)
      yc__node_unqueue(&w->cases[i].yc__node);
    if (select_attempt(w, t)) {
      list_remove(w);
      goto restart;
    } else {
      queue_local(w);
    }
  }
}

/* ---- The channel ------------------------------------------------------------------ */

yc_chan *yc_chan_new_shared(size_t capacity, size_t elem_size) {
  if (!capacity || elem_size > (size_t)1 << 24 || (elem_size && capacity > SIZE_MAX / elem_size))
    return NULL;
  yc_chan *ch = yc_chan_new(0, elem_size);
  if (!ch)
    return NULL;
  yc__xchan *s = yc__rt_realloc(NULL, sizeof *s);
  unsigned char *buf = elem_size ? yc__rt_realloc(NULL, capacity * elem_size) : NULL;
  if (!s || (elem_size && !buf)) {
    yc__rt_realloc(s, 0);
    yc__rt_realloc(buf, 0);
    yc_chan_free(ch);
    return NULL;
  }
  memset(s, 0, sizeof *s);
  yc__xobj_init(&s->x, YC__XOBJ_CHAN);
  s->cap = capacity;
  s->esz = elem_size;
  s->buf = buf;
  /* Frozen: no inline path ever completes on it (see yc__chan_hot): the
   * yc_chan has no buffer (its windows stay closed), and recv_slow sends
   * a select's inline try out of line. */
  ch->recv_slow = true;
  ch->shared = s;
  return ch;
}

bool yc_chan_is_shared(const yc_chan *ch) { return ch && ch->shared; }

void yc__xchan_close(yc_chan *ch) {
  yc__xchan *s = ch->shared;
  yc__spin_lock(&s->x.mu);
  if (!s->closed) {
    s->closed = true;
    yc__xobj_notify_locked(&s->x);
  }
  yc__spin_unlock(&s->x.mu);
}

size_t yc__xchan_len(const yc_chan *ch) {
  yc__xchan *s = ch->shared;
  yc__spin_lock(&s->x.mu);
  size_t n = s->count;
  yc__spin_unlock(&s->x.mu);
  return n;
}

void yc__xchan_destroy(yc__xobj *x) {
  yc__xchan *s = (yc__xchan *)(void *)x;
  yc__rt_realloc(s->buf, 0);
  yc__rt_realloc(s, 0);
}

/* The channel's reference goes; NOTIFY messages in flight hold theirs. */
void yc__xchan_free(yc_chan *ch) {
  yc__xobj_unref(&ch->shared->x);
  ch->shared = NULL;
}
